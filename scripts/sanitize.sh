#!/usr/bin/env bash
# Builds sixlink with AddressSanitizer and UndefinedBehaviorSanitizer (warnings as
# errors) and runs the C++ unit tests, the CLI tests and the examples under them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build=build-sanitize
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIXLINK_SANITIZE=ON -DSIXLINK_WERROR=ON \
  -DSIXLINK_BUILD_PYTHON=OFF -DSIXLINK_BUILD_BENCHMARKS=OFF -DSIXLINK_INSTALL=OFF
cmake --build "$build" -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j2 -L 'unit|cli|example'
