#!/usr/bin/env bash
# Fuzzes the JSON and CSV scenario loaders, and the cohort loader with placement,
# with libFuzzer (clang-14, with ASan and UBSan) for SECONDS each (default 60),
# starting from tests/fuzz/corpus.
# Any crash, sanitizer report, leak or time-out fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/setup.sh
build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIXLINK_FUZZ=ON \
  -DSIXLINK_OPENMP=OFF -DSIXLINK_BUILD_CLI=OFF -DSIXLINK_BUILD_PYTHON=OFF -DSIXLINK_BUILD_TESTS=OFF \
  -DSIXLINK_BUILD_EXAMPLES=OFF -DSIXLINK_BUILD_BENCHMARKS=OFF -DSIXLINK_INSTALL=OFF
cmake --build "$build" -j2 --target fuzz_json fuzz_csv fuzz_cohort
for target in json csv cohort; do
  corpus="$build/corpus-$target"            # grows as the fuzzer learns; the seeds stay untouched
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s" >&2
  "$build/tests/fuzz/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/crash-$target-"
done
