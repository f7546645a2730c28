#!/usr/bin/env bash
# pip_venv.sh PYTHON SOURCE_DIR VENV: installs sixlink with pip, offline, into a
# fresh venv made from PYTHON with --system-site-packages, then checks from
# another folder that the installed package matches `sixlink run --json`.
set -euo pipefail
python=$1 source=$2 venv=$3
rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv"
# A private copy of the source, so pip's build folders never touch the checkout.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$source" --exclude='./build*' --exclude=./.git --exclude='./.venv*' -cf - . | tar -C "$work" -xf -
"$venv/bin/python" -m pip install --quiet --no-build-isolation --no-index "$work"
cd "$work/.."
"$venv/bin/python" - <<'PY'
import json, os, subprocess
import sixlink
assert "site-packages" in sixlink.__file__, sixlink.__file__
ours = sixlink.default_scenario().summary()
cli = json.loads(subprocess.run([os.environ["SIXLINK_CLI"], "run", "--json"], check=True,
                                capture_output=True, text=True).stdout)
assert ours["enrolled"] == cli["enrolled"] == 88700
assert ours["counts"] == cli["counts"]
assert abs(ours["graduates"] - cli["graduates"]) < 1e-6
assert [c["openings"] for c in cli["clusters"]] == list(ours["clusters"]["openings"])
print("pip install OK:", sixlink.__file__)
PY
