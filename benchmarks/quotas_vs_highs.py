"""Side by side: sixlink.optimise_quotas and HiGHS (scipy.optimize.linprog,
method="highs") on the same single-year quota model, in one process.

sixlink's time is the whole call (projection, model, network simplex and, with
side constraints, the Dantzig-Wolfe master); HiGHS's time is linprog alone on the
model sixlink exports as MPS (parsing excluded). Prints median seconds, the
ratio sixlink / HiGHS and both optima. Then times the robustness samples of
sixlink.recommend on the built-in taizhou-2020 scenario.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/quotas_vs_highs.py [--repeat 3] [--quick]
"""

import argparse
import os
import statistics
import tempfile
import time

from scipy.optimize import linprog

import sixlink
from sixlink.mps import read_mps
from sixlink.synthetic import synthetic_scenario


def sizes(quick):
    if quick:
        return [(1000, 50, 10)]
    return [(1000, 50, 10), (3000, 100, 25), (10000, 200, 50)]


def side_constraints(scenario):
    """Enrolment 1 % above the unconstrained plan's, a budget 3 % above its cost,
    and a secondary share 0.2 points above its share."""
    summary = sixlink.optimise_quotas(scenario, outside_weight=0.4)["totals"]
    return {"total_enrolment": summary["enrolment"] * 1.01, "budget": summary["cost"] * 1.03,
            "min_secondary_share": summary["secondary_share"] + 0.002}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--highs-limit", type=float, default=600.0, help="seconds per HiGHS solve")
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--highs-up-to", type=int, default=3000,
                        help="run HiGHS only up to this many programmes (on 10,000 it ran past "
                             "12 minutes, beyond its time limit, on this machine)")
    args = parser.parse_args()
    print(f"{'model (median of runs)':46s} {'arcs':>8s} {'sixlink s':>10s} {'HiGHS s':>9s} "
          f"{'ratio':>7s} {'sixlink optimum':>17s} {'HiGHS optimum':>17s}")
    folder = tempfile.mkdtemp()
    for programmes, clusters, regions in sizes(args.quick):
        scenario = synthetic_scenario(programmes, clusters, regions, seed=1)
        for label, extra in (("bounds and capacities", {}), ("+ enrolment, budget, mix", None)):
            options = dict(outside_weight=0.4)
            options.update(side_constraints(scenario) if extra is None else extra)
            ours = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = sixlink.optimise_quotas(scenario, **options)
                ours.append(time.perf_counter() - start)
            median = statistics.median(ours)
            name = f"{programmes} x {clusters} x {regions}, {label}"
            if result["status"] != "optimal":
                print(f"  sixlink: {result['status']}: {result['message']}")
            if programmes > args.highs_up_to:
                print(f"{name:46s} {'':>8s} {median:10.3f} {'not run':>9s} {'':7s} "
                      f"{result['objective']:17.6f}", flush=True)
                continue
            path = os.path.join(folder, "model.mps")
            sixlink.optimise_quotas(scenario, export_mps=path, **options)
            lp = read_mps(path)
            start = time.perf_counter()
            highs = linprog(lp["c"], A_ub=lp["A_ub"], b_ub=lp["b_ub"], A_eq=lp["A_eq"],
                            b_eq=lp["b_eq"], bounds=lp["bounds"], method="highs",
                            options={"time_limit": args.highs_limit})
            theirs = time.perf_counter() - start
            finished = highs.status == 0
            # sixlink files minimise minus the objective: negate back to the plan's objective
            optimum = -((-highs.fun if lp["maximise"] else highs.fun) + lp["offset"]) if finished else None
            print(f"{name:46s} {lp['c'].size:8d} {median:10.3f} "
                  f"{theirs if finished else args.highs_limit:9.1f}{'' if finished else '+'} "
                  f"{median / theirs if finished else 0:7.4f} {result['objective']:17.6f} "
                  f"{optimum if finished else float('nan'):17.6f}", flush=True)
    scenario = sixlink.default_scenario()
    start = time.perf_counter()
    report = sixlink.recommend(scenario, samples=args.samples, seed=1)
    elapsed = time.perf_counter() - start
    print(f"taizhou-2020 recommend with {args.samples} demand samples: {elapsed:.2f} s "
          f"({len(report['recommendations'])} recommendations)")


if __name__ == "__main__":
    main()
