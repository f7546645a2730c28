"""The quota solve against the recommendations' explanations as the scenario grows.

For each size, the synthetic scenario in the province's proportions (clusters =
programmes / 50, regions = programmes / 200, seed 1), 3 runs each: the median of
optimise_quotas alone, of recommend() without candidates, and of recommend()'s
"explaining" stage, read from its progress events.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/recommend_stages.py 1000 3000 10000
"""

import statistics
import sys
import time

import sixlink
from sixlink.synthetic import synthetic_scenario


def main() -> None:
    for size in map(int, sys.argv[1:]):
        s = synthetic_scenario(size, max(1, size // 50), max(1, size // 200), seed=1)
        quota, whole, explaining = [], [], []
        for _ in range(3):
            start = time.perf_counter()
            sixlink.optimise_quotas(s, horizon=False)
            quota.append(time.perf_counter() - start)
            stages = {}

            def progress(stage, done, total, elapsed):
                stages[stage] = elapsed

            start = time.perf_counter()
            report = sixlink.recommend(s, open_candidates=False, progress=progress)
            whole.append(time.perf_counter() - start)
            explaining.append(stages.get("explaining", float("nan")))
        count = len(report["recommendations"])
        print(f"{size}: quota solve {statistics.median(quota):.3f} s, recommend "
              f"{statistics.median(whole):.3f} s, explaining {statistics.median(explaining):.3f} s "
              f"for {count} recommendations "
              f"({1e6 * statistics.median(explaining) / max(count, 1):.0f} us each)", flush=True)


if __name__ == "__main__":
    main()
