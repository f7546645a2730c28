#!/usr/bin/env bash
# Installs the Debian 12 packages sixlink needs to build, test and benchmark.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
  cmake g++ ninja-build pkgconf
  libeigen3-dev libboost-graph-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev liblemon-dev
  glpk-utils  # glpsol: the tests read the exported MPS model with GLPK too
  pybind11-dev python3-pybind11 python3-dev python3-venv python3-pip
  python3-setuptools python3-wheel python3-numpy python3-scipy python3-pytest
  python3-networkx python3-pandas
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
