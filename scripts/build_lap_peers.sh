#!/usr/bin/env bash
# Builds the two public LAPJV codes that benchmarks/assignment_vs_lapjv.py
# compares against into one shared library with a C interface, loaded by the
# benchmark through ctypes. Their sources are NOT part of sixlink: fetch them
# yourself (e.g. `git clone https://github.com/gatagat/lap` and
# `git clone https://github.com/src-d/lapjv`) and pass the two directories.
# Not run by CI.
#
#   scripts/build_lap_peers.sh GATAGAT_LAP_DIR SRC_D_LAPJV_DIR [OUT_DIR]
#
# Flags follow each project's own build: gatagat/lap's wheels are generic
# x86-64 (-O3 here); src-d/lapjv's setup.py asks for -mavx2 -march=haswell.
# Writes OUT_DIR/liblap_peers.so (default /tmp/lap_peers).
set -euo pipefail
gatagat=${1:?gatagat/lap source directory}
srcd=${2:?src-d/lapjv source directory}
out=${3:-/tmp/lap_peers}
mkdir -p "$out"
cxx=${CXX:-g++}

cat > "$out/gatagat_shim.cpp" <<'CPP'
#include <vector>
#include "lapjv.h"
extern "C" int gatagat_lapjv(int n, double* cost, int* x, int* y) {
  std::vector<double*> rows(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) rows[static_cast<std::size_t>(i)] = cost + static_cast<std::size_t>(i) * n;
  return lapjv_internal(static_cast<unsigned>(n), rows.data(), x, y);
}
CPP

cat > "$out/srcd_shim.cpp" <<'CPP'
#include <tuple>
#include "lap.h"
extern "C" double srcd_lap_f32(int n, const float* cost, int* x, int* y, float* u, float* v) {
  return lap<true, false>(n, cost, x, y, u, v);
}
extern "C" double srcd_lap_f64(int n, const double* cost, int* x, int* y, double* u, double* v) {
  return lap<true, false>(n, cost, x, y, u, v);
}
CPP

"$cxx" -O3 -fPIC -c -x c++ "$gatagat/_lapjv_cpp/lapjv.cpp" -I"$gatagat/_lapjv_cpp" -o "$out/gatagat_lapjv.o"
"$cxx" -O3 -fPIC -c "$out/gatagat_shim.cpp" -I"$gatagat/_lapjv_cpp" -o "$out/gatagat_shim.o"
"$cxx" -O3 -fPIC -std=c++17 -fopenmp -mavx2 -ftree-vectorize -march=haswell -mabm -c \
  "$out/srcd_shim.cpp" -I"$srcd" -o "$out/srcd_shim.o"
"$cxx" -shared -fopenmp -o "$out/liblap_peers.so" "$out/gatagat_lapjv.o" "$out/gatagat_shim.o" \
  "$out/srcd_shim.o"
echo "$out/liblap_peers.so"
