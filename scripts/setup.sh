#!/usr/bin/env bash
# Installs the Debian 12 packages sixlink needs to build, test and benchmark,
# then the npm packages of package-lock.json (Apache ECharts, embedded into
# `sixlink report`; puppeteer-core, which drives Debian's chromium in the
# browser tests of tests/report) into node_modules/.
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
  python3-distributed  # sixlink.distributed: analyses as dask tasks (LocalCluster in the tests)
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
  chromium fonts-wqy-microhei  # the report's browser tests; Chinese labels
)
# Node.js and npm for node_modules/: Debian's, unless a Node.js with its own npm
# is installed already (NodeSource's nodejs provides npm and conflicts with Debian's).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    SUDO=sudo
  else
    SUDO=
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages, exactly as locked, when node_modules is missing or older than
# the lock file (npm ci writes node_modules/.package-lock.json as it finishes).
# No package may fetch a browser: the tests use Debian's chromium.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ! -f $root/node_modules/.package-lock.json ||
      $root/package-lock.json -nt $root/node_modules/.package-lock.json ]]; then
  echo "setup: npm ci (node_modules: echarts, puppeteer-core)" >&2
  log=$(mktemp)
  if ! (cd "$root" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts \
          --fetch-timeout=60000 >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "setup: npm ci failed in $root: it needs the npm registry" \
         "($(npm config get registry 2>/dev/null || echo 'npm config get registry')) to install" \
         "package-lock.json into node_modules/; without node_modules, \`sixlink report\`" \
         "has no ECharts and tests/report is skipped" >&2
    exit 1
  fi
  rm -f "$log"
fi
