"""Python call times of the analyses on taizhou-2020: what a researcher waits for.

Times sixlink.gap_analysis, sixlink.optimise_quotas, sixlink.recommend and
sixlink.place (optimal and stable) from Python, median of --repeat calls, and,
with --dump FOLDER, writes each result as JSON (numpy arrays as lists) so two
builds can be compared value for value.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_calls.py --repeat 7
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import time

import numpy as np

import sixlink


def plain(value):
    """The result with numpy arrays and enums turned into JSON values."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, str):
        return str(value)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=pathlib.Path)
    args = parser.parse_args()
    scenario = sixlink.default_scenario()
    calls = {
        "gap_analysis": lambda: sixlink.gap_analysis(scenario),
        "optimise_quotas": lambda: sixlink.optimise_quotas(scenario),
        "recommend": lambda: sixlink.recommend(scenario),
        "place_optimal": lambda: sixlink.place(scenario),
        "place_stable": lambda: sixlink.place(scenario, mode="stable"),
    }
    for name, call in calls.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = call()
            times.append(time.perf_counter() - start)
        print(f"{name:16s} median {statistics.median(times) * 1e3:9.1f} ms  "
              f"(min {min(times) * 1e3:.1f}, {args.repeat} calls)")
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.json").write_text(json.dumps(plain(result), indent=1,
                                                               sort_keys=True))


if __name__ == "__main__":
    main()
