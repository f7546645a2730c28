#!/usr/bin/env bash
# Builds the external peers of benchmarks/flow_families (issue 19) from sources you already
# have; it downloads nothing and is not run by CI.
#
#   scripts/build_peers.sh CS2_SOURCE_DIR [BUILD_DIR]     (BUILD_DIR defaults to /tmp/peers)
#
# CS2_SOURCE_DIR: a checkout of Goldberg's CS2 4.6 (e.g. github.com/iveney/cs2: cs2.c,
# parser_cs2.c, types_cs2.h, timer.c). The sources are copied to BUILD_DIR and two things are
# changed in the copy, never in the source dir: CS2's timer reads the monotonic wall clock
# instead of user CPU time (so that its solve time is measured as sixlink's and LEMON's are),
# and its "c time:" line prints microseconds instead of centiseconds. Two parser fixes that
# today's compilers need: gets() (gone from the C and C++ libraries) becomes fgets(), and a
# one-byte overflow of the problem-type buffer is closed. The solve itself is untouched.
# Compiled with -O3 -DNDEBUG and without PRINT_ANS (the flows are not printed).
# Then: build/benchmarks/flow_families --cs2 BUILD_DIR/cs2
set -euo pipefail
if [[ $# -lt 1 || ! -f "$1/cs2.c" ]]; then
  echo "usage: $0 CS2_SOURCE_DIR [BUILD_DIR]  (CS2_SOURCE_DIR must hold cs2.c; nothing is downloaded)" >&2
  exit 2
fi
src=$1
out=${2:-/tmp/peers}
mkdir -p "$out/cs2-src"
cp "$src"/cs2.c "$src"/parser_cs2.c "$src"/types_cs2.h "$src"/timer.c "$out/cs2-src/"
cd "$out/cs2-src"
# Wall clock for the solve's timer.
cat > timer.c <<'TIMER'
#include <time.h>
static double timer() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}
TIMER
grep -q 'c time:  %15.2f' cs2.c || { echo "cs2.c: the time line is not the expected one" >&2; exit 1; }
sed -i 's/c time:  %15.2f/c time:  %15.6f/' cs2.c
# gets() is gone from C11/C++14 libraries: the same read with fgets (lines under 100 chars).
grep -q 'gets ( in_line )' parser_cs2.c || { echo "parser_cs2.c: unexpected input loop" >&2; exit 1; }
sed -i 's/gets ( in_line )/fgets ( in_line, MAXLINE, stdin )/' parser_cs2.c
# pr_type[3] receives "%3s" (4 bytes with the terminator): an overflow that, at -O3, makes
# the parser reject every "p min" line. One byte more.
grep -q 'pr_type\[3\]' parser_cs2.c || { echo "parser_cs2.c: unexpected pr_type" >&2; exit 1; }
sed -i 's/pr_type\[3\]/pr_type[4]/' parser_cs2.c
${CXX:-g++} -O3 -DNDEBUG -w -o "$out/cs2" cs2.c -lm
echo "built $out/cs2"
