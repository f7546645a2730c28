"""Side by side (issue 19, point 3): sixlink's dense assignment against the two
public LAPJV codes, gatagat/lap (double) and src-d/lapjv (float32 and double,
AVX2), and SciPy, on the same matrices in one process, interleaved.

The LAPJV codes are not part of sixlink: build them first with
scripts/build_lap_peers.sh (it writes liblap_peers.so, a C interface loaded
here through ctypes), then

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/assignment_vs_lapjv.py \
        --peers /tmp/lap_peers/liblap_peers.so [--repeat 5] [--sizes 2000 4000]

Every solver gets a fresh C-contiguous copy of the same matrix (float32 for
src-d's float32 variant, converted outside the clock); times are the solve call
alone (sixlink: the whole Python call sixlink.linear_sum_assignment, validation
and result conversion included). Each repetition draws a new matrix (seed =
repetition) and runs the solvers in a rotated order. The objective of every
solver is checked against sixlink's (float32 results are reported, not trusted).
Prints, per family, each solver's median and its range [min-max] over the
repetitions, sixlink's median over the best LAPJV median, and the median over
repetitions of the paired ratio (sixlink's time over the fastest LAPJV time on
the same matrix, measured moments apart), which a busy machine disturbs less.
"""

import argparse
import ctypes
import statistics
import time

import numpy as np
from scipy.optimize import linear_sum_assignment as scipy_lsa

import sixlink


def load_peers(path):
    lib = ctypes.CDLL(path)
    ip = np.ctypeslib.ndpointer(dtype=np.int32, flags="C_CONTIGUOUS")
    dp = np.ctypeslib.ndpointer(dtype=np.float64, flags="C_CONTIGUOUS")
    fp = np.ctypeslib.ndpointer(dtype=np.float32, flags="C_CONTIGUOUS")
    lib.gatagat_lapjv.argtypes = [ctypes.c_int, dp, ip, ip]
    lib.gatagat_lapjv.restype = ctypes.c_int
    lib.srcd_lap_f32.argtypes = [ctypes.c_int, fp, ip, ip, fp, fp]
    lib.srcd_lap_f32.restype = ctypes.c_double
    lib.srcd_lap_f64.argtypes = [ctypes.c_int, dp, ip, ip, dp, dp]
    lib.srcd_lap_f64.restype = ctypes.c_double
    return lib


def solvers(lib):
    def ours(c):
        return sixlink.linear_sum_assignment(c)[1]

    def gatagat(c):
        n = c.shape[0]
        x, y = np.empty(n, np.int32), np.empty(n, np.int32)
        if lib.gatagat_lapjv(n, c, x, y) != 0:
            raise SystemExit("gatagat/lap failed")
        return x

    def srcd(dtype, fn):
        def run(c):
            n = c.shape[0]
            x, y = np.empty(n, np.int32), np.empty(n, np.int32)
            u, v = np.empty(n, dtype), np.empty(n, dtype)
            fn(n, c, x, y, u, v)
            return x
        return run

    return [("sixlink", np.float64, ours), ("gatagat/lap", np.float64, gatagat),
            ("src-d/lapjv f32", np.float32, srcd(np.float32, lib.srcd_lap_f32)),
            ("src-d/lapjv f64", np.float64, srcd(np.float64, lib.srcd_lap_f64)),
            ("scipy", np.float64, lambda c: scipy_lsa(c)[1])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--peers", required=True, help="liblap_peers.so from scripts/build_lap_peers.sh")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000])
    parser.add_argument("--no-scipy", action="store_true")
    args = parser.parse_args()
    runs = solvers(load_peers(args.peers))
    if args.no_scipy:
        runs = [r for r in runs if r[0] != "scipy"]
    names = [r[0] for r in runs]
    print("family | " + " | ".join(f"{k} ms [range]" for k in names) + " | sixlink / best LAPJV | paired")
    for n in args.sizes:
        for high_name, high in (("1000", 1000), ("100n", 100 * n)):
            times = {k: [] for k in names}
            notes = set()
            for seed in range(args.repeat):
                matrix = np.random.default_rng(seed).integers(0, high + 1, (n, n)).astype(np.float64)
                order = runs[seed % len(runs):] + runs[:seed % len(runs)]
                totals = {}
                for name, dtype, fn in order:
                    c = np.ascontiguousarray(matrix, dtype=dtype)
                    start = time.perf_counter()
                    cols = fn(c)
                    times[name].append((time.perf_counter() - start) * 1e3)
                    if len(set(cols.tolist())) != n:
                        notes.add(f"{name}: not a permutation")
                    totals[name] = matrix[np.arange(n), cols].sum()
                for name, total in totals.items():
                    if total != totals["sixlink"]:
                        notes.add(f"{name}: objective {total:.0f}, sixlink {totals['sixlink']:.0f}")
            med = {k: statistics.median(v) for k, v in times.items()}
            peers = [k for k in names if k not in ("sixlink", "scipy")]
            best = min(med[k] for k in peers)
            paired = statistics.median(
                times["sixlink"][r] / min(times[k][r] for k in peers) for r in range(args.repeat))
            cells = " | ".join(f"{med[k]:.1f} [{min(times[k]):.0f}-{max(times[k]):.0f}]" for k in names)
            print(f"n={n} U[0,{high_name}] | {cells} | {med['sixlink'] / best:.2f} | {paired:.2f}", flush=True)
            for note in sorted(notes):
                print(f"   note: {note}")


if __name__ == "__main__":
    main()
