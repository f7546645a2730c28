"""Deferred acceptance on three preference families, through the Python call (issue 19).

Markets of n applicants listing 10 distinct institutions each over n / 50 institutions with
50 seats each (1,000,000 x 10 over 20,000 by default), seeded:

- independent: each list drawn uniformly (10 distinct institutions, in random order);
- popularity: institution j has a quality q_j ~ Normal(0, 1); applicant i's utility of j is
  q_j + e_ij with e_ij standard Gumbel noise times BETA (0.5), and i lists its 10 best
  institutions, best first. With Gumbel noise a top-10 list is a Plackett-Luce draw with
  weights exp(q_j / BETA), drawn here exactly: institutions sampled with replacement in
  proportion to the weights, first occurrences kept in order. The weights are log-normal
  with sigma 2, so popular institutions appear on many lists (the most popular on ~2 %
  of first choices);
- repeated: 2,000 distinct uniform lists (n / 500), each held by 500 applicants spread at
  random over the applicant indices (the case of the issue: shared popular choices).

Institution priority: one integer exam score per applicant in 0..750 (ties broken by the
seeded single lottery; every institution ranks alike, the admissions case), and with
--entry-scores also one score per list entry (each institution ranks its own way).

Each call is timed whole (sixlink.solve_stable_matching on (indptr, indices) int64 arrays),
and its overhead apart: the Python side (sixlink._matching._market: argument checks and
conversions) and the C++ side before the solve (_core.read_matching_market: the dict
read into a MatchingMarket and validated, what the call does before the engine runs).
Medians of --repeat calls, applicants- and institutions-proposing; the overhead's share
is of the solve (the call less the overhead).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/stable_families.py --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np

import sixlink
from sixlink import _core, _matching

CHOICES = 10
BETA = 0.5  # Gumbel noise scale in the popularity family


def _first_distinct(draws: np.ndarray, k: int):
    """Per row of draws, the first k distinct values in order, and a mask of rows that have k."""
    n, m = draws.shape
    order = np.argsort(draws, axis=1, kind="stable")
    sorted_draws = np.take_along_axis(draws, order, axis=1)
    first_sorted = np.ones((n, m), dtype=bool)
    first_sorted[:, 1:] = sorted_draws[:, 1:] != sorted_draws[:, :-1]
    first = np.zeros((n, m), dtype=bool)
    np.put_along_axis(first, order, first_sorted, axis=1)
    ok = first.sum(axis=1) >= k
    # Positions of the first k True values per row: a stable argsort of ~first.
    pos = np.argsort(~first, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(draws, pos, axis=1), ok


def _lists(n: int, institutions: int, rng: np.random.Generator, weights=None) -> np.ndarray:
    """n lists of CHOICES distinct institutions, uniform or Plackett-Luce with `weights`."""
    out = np.empty((n, CHOICES), dtype=np.int64)
    todo = np.arange(n)
    cumulative = None if weights is None else np.cumsum(weights / weights.sum())
    draws_per_row = CHOICES + 4 if weights is None else 4 * CHOICES
    while todo.size:
        if cumulative is None:
            draws = rng.integers(0, institutions, size=(todo.size, draws_per_row))
        else:
            draws = np.searchsorted(cumulative, rng.random((todo.size, draws_per_row)), side="right")
            np.minimum(draws, institutions - 1, out=draws)
        rows, ok = _first_distinct(draws, CHOICES)
        out[todo[ok]] = rows[ok]
        todo = todo[~ok]
        draws_per_row *= 2
    return out


def family(name: str, n: int, seed: int):
    """(indptr, indices, capacities, scores) of one family."""
    rng = np.random.default_rng(seed)
    institutions = n // 50
    if name == "independent":
        lists = _lists(n, institutions, rng)
    elif name == "popularity":
        quality = rng.standard_normal(institutions)
        lists = _lists(n, institutions, rng, np.exp(quality / BETA))
    elif name == "repeated":
        distinct = _lists(max(1, n // 500), institutions, rng)
        lists = distinct[rng.permutation(n) % distinct.shape[0]]
    else:
        raise ValueError(name)
    indptr = np.arange(0, n * CHOICES + 1, CHOICES, dtype=np.int64)
    scores = rng.integers(0, 751, size=n).astype(np.float64)
    return indptr, lists.ravel(), np.full(institutions, 50, dtype=np.int64), scores


def timed(call, repeat: int, cpu: list | None = None):
    """Median wall time, every run's, the last result; `cpu` gets each run's CPU time
    (all the process's threads: the solve runs in a worker thread), which a machine
    shared with other jobs inflates less than the wall time."""
    times = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        times.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", nargs="+", default=["independent", "popularity", "repeated"])
    parser.add_argument("--sides", nargs="+", default=["applicants", "institutions"])
    parser.add_argument("--entry-scores", action="store_true",
                        help="also per-entry scores (each institution ranks its own way)")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    rows = []
    for name in args.families:
        indptr, indices, capacities, scores = family(name, args.applicants, args.seed)
        priorities = [("score", scores)]
        if args.entry_scores:
            entry = np.random.default_rng(args.seed + 99).integers(0, 751, size=indices.size)
            priorities.append(("entry", entry.astype(np.float64)))
        first_choice = np.bincount(indices[indptr[:-1]], minlength=capacities.size)
        for kind, priority in priorities:
            for side in args.sides:
                if kind == "score":
                    call = lambda: sixlink.solve_stable_matching(  # noqa: E731
                        (indptr, indices), capacities, scores=priority, proposing=side)
                    market = lambda: _matching._market((indptr, indices), capacities,  # noqa: E731
                                                       scores=priority)
                else:
                    # The public call takes entry scores as lists of lists; the arrays go
                    # into the market dict directly (the same conversions otherwise).
                    def market(priority=priority):
                        m = _matching._market((indptr, indices), capacities, scores=[1.0])
                        del m["scores"]
                        m["entry_scores"] = priority
                        return m

                    call = lambda: _core.stable_matching(market(), side)  # noqa: E731
                cpu = []
                total, runs, match = timed(call, args.repeat, cpu)
                python_side, _, built = timed(market, args.repeat)
                reader = getattr(_core, "read_matching_market", None)  # absent before issue 19
                cpp_side = (timed(lambda: reader(built), args.repeat)[0] if reader
                            else float("nan"))
                row = {"family": name, "priority": kind, "proposing": side,
                       "call_s": total, "runs_s": runs, "cpu_s": statistics.median(cpu),
                       "python_side_s": python_side,
                       "cpp_side_s": cpp_side,
                       # The call's own overhead against the rest of the call (the solve).
                       "overhead_share": (python_side + cpp_side) / (total - python_side - cpp_side),
                       "matched": int((match >= 0).sum()),
                       "top_first_choice": int(first_choice.max())}
                rows.append(row)
                print(f"{name:12s} {kind:5s} {side:12s} call {total:6.3f} s "
                      f"(runs {', '.join(f'{t:.3f}' for t in runs)}; CPU {row['cpu_s']:.3f} s)"
                      f"  overhead: python "
                      f"{python_side * 1e3:6.1f} ms + C++ {cpp_side * 1e3:6.1f} ms = "
                      f"{100 * row['overhead_share']:4.1f} % of the solve  matched {row['matched']:,}",
                      flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
