#!/usr/bin/env bash
# Runs every case of cases.txt with the given sixlink binary and compares the
# output byte for byte with the recorded file. `--record` rewrites the files
# instead (only when an output is meant to change; say why in the commit).
# Usage: check.sh PATH/TO/sixlink [--record]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cli="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
record="${2:-}"
cd "$root"
failed=0
while IFS=$'\t' read -r name args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  # shellcheck disable=SC2086  # the arguments are words
  if ! out="$("$cli" $args 2>/dev/null; echo "rc=$?")"; then :; fi
  if [[ "$record" == "--record" ]]; then
    printf '%s\n' "$out" > "$here/$name"
  elif ! diff -q <(printf '%s\n' "$out") "$here/$name" > /dev/null; then
    echo "golden: $name differs (sixlink $args):" >&2
    diff <(printf '%s\n' "$out") "$here/$name" | head -20 >&2
    failed=1
  fi
done < "$here/cases.txt"
((failed == 0)) && echo "golden: every output identical"
exit $failed
