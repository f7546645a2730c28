"""Side by side: sixlink.linear_sum_assignment and scipy.optimize.linear_sum_assignment
on the same matrices in one process; prints median times and the ratio
(sixlink / scipy: below 1, sixlink is faster) and checks equal objectives.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/assignment_vs_scipy.py [--repeat 5] [--quick]
"""

import argparse
import statistics
import time

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment as scipy_lsa
from scipy.sparse.csgraph import min_weight_full_bipartite_matching as scipy_mwfbm

import sixlink


def families(quick):
    sizes = [1000, 2000] if quick else [1000, 2000, 4000]
    for n in sizes:
        yield f"uniform [0, 1000], n = {n}", lambda rng, n=n: rng.integers(0, 1001, (n, n)).astype(float)
    for n in sizes:
        yield f"uniform [0, 100n], n = {n}", lambda rng, n=n: rng.integers(0, 100 * n + 1, (n, n)).astype(float)
    n = sizes[-1]
    yield f"low range [0, 10], n = {n}", lambda rng: rng.integers(0, 11, (n, n)).astype(float)
    shape = (1000, 10000) if quick else (2000, 20000)
    yield f"rectangular {shape[0]} x {shape[1]}", lambda rng: rng.integers(0, 1001, shape).astype(float)


def sparse_family(n, per_row):
    """n x n with `per_row` random entries a row plus the diagonal (so a full
    matching exists), integer weights in [1, 1000]."""

    def make(rng):
        cols = np.column_stack([np.arange(n), rng.integers(0, n, (n, per_row - 1))]).ravel()
        data = rng.integers(1, 1001, cols.size).astype(float)
        matrix = sp.csr_matrix((data, cols, np.arange(0, n * per_row + 1, per_row)), shape=(n, n))
        matrix.sum_duplicates()
        return matrix

    return make


def timed(function, matrix):
    start = time.perf_counter()
    result = function(matrix)
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(f"{'family (median of runs, seconds)':40s} {'sixlink':>9s} {'scipy':>9s} {'ratio':>7s}")
    for name, make in families(args.quick):
        ours, theirs = [], []
        for seed in range(args.repeat):
            matrix = make(np.random.default_rng(seed))
            t_ours, (r1, c1) = timed(sixlink.linear_sum_assignment, matrix)
            t_theirs, (r2, c2) = timed(scipy_lsa, matrix)
            if matrix[r1, c1].sum() != matrix[r2, c2].sum():
                raise SystemExit(f"{name}: objectives differ")
            ours.append(t_ours)
            theirs.append(t_theirs)
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{name:40s} {a:9.3f} {b:9.3f} {a / b:7.2f}", flush=True)
    n = 5000 if args.quick else 20000
    name = f"sparse {n} x {n}, 50 a row (csgraph)"
    make = sparse_family(n, 50)
    ours, theirs = [], []
    for seed in range(args.repeat):
        matrix = make(np.random.default_rng(seed))
        t_ours, (r1, c1) = timed(sixlink.min_weight_full_bipartite_matching, matrix)
        t_theirs, (r2, c2) = timed(scipy_mwfbm, matrix)
        if not np.isclose(matrix[r1, c1].sum(), matrix[r2, c2].sum()):
            raise SystemExit(f"{name}: objectives differ")
        ours.append(t_ours)
        theirs.append(t_theirs)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{name:40s} {a:9.3f} {b:9.3f} {a / b:7.2f}", flush=True)


if __name__ == "__main__":
    main()
