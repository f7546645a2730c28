"""How the command line's time and memory grow with the scenario.

Builds seeded synthetic scenarios (sixlink.synthetic) of 1k, 3k, 10k and 30k
programmes, with clusters and regions in the province's proportions (10,000
programmes : 200 clusters : 50 regions), and runs on each, as a user would:

    sixlink gap S --top 10          sixlink plan S --top 10 --quiet
    sixlink place S --quiet         sixlink place S --mode stable --quiet

(`plan` with its recommendations, candidates and rolling plan; `place` on the
synthetic cohort the command draws). Each command runs --repeat times under
/usr/bin/time; the table gives the median wall time and the median peak
resident memory, and the ratio of each time to the previous size's, so
near-linear growth reads as about 3x per 3x.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/growth.py \\
        --cli build/sixlink --sizes 1000 3000 10000 30000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

from sixlink.synthetic import synthetic_scenario_dict

COMMANDS = {
    "gap": ["gap", "{s}", "--top", "10"],
    "plan": ["plan", "{s}", "--top", "10", "--quiet"],
    "place optimal": ["place", "{s}", "--quiet"],
    "place stable": ["place", "{s}", "--mode", "stable", "--quiet"],
}


def measure(cli: str, args: list[str], timeout: float) -> tuple[float, float] | str | None:
    """Wall seconds and peak resident MiB of one run; None when it timed out, the
    error's last line when the command failed (e.g. a cohort too large to draw)."""
    with tempfile.NamedTemporaryFile("r") as stats:
        try:
            done = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", stats.name, cli, *args],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
        seconds, kib = stats.read().split()[-2:]
        return float(seconds), float(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default="build/sixlink")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000, 30000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    parser.add_argument("--json", help="also write the figures to this file")
    a = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in a.sizes:
            clusters, regions = max(1, size // 50), max(1, size // 200)
            path = pathlib.Path(folder) / f"synthetic-{size}.json"
            path.write_text(json.dumps(synthetic_scenario_dict(size, clusters, regions, seed=1)))
            for name in a.commands:
                args = [arg.format(s=path) for arg in COMMANDS[name]]
                runs = [measure(a.cli, args, a.timeout) for _ in range(a.repeat)]
                done = [r for r in runs if isinstance(r, tuple)]
                row = {"programmes": size, "clusters": clusters, "regions": regions,
                       "command": name, "runs": len(runs),
                       "timed_out": sum(r is None for r in runs)}
                failed = [r for r in runs if isinstance(r, str)]
                if failed:
                    row["error"] = failed[0]
                elif done:
                    row["seconds"] = statistics.median(r[0] for r in done)
                    row["peak_mib"] = statistics.median(r[1] for r in done)
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    print("| programmes (clusters, regions) | command | median s | x previous size | "
          "peak MiB |")
    print("|---|---|---:|---:|---:|")
    previous = {}
    for row in rows:
        if "seconds" not in row:
            what = row.get("error") or f"> {a.timeout:.0f} (timed out)"
            print(f"| {row['programmes']:,} ({row['clusters']}, {row['regions']}) | "
                  f"{row['command']} | {what} | | |")
            continue
        before = previous.get(row["command"])
        ratio = f"{row['seconds'] / before:.1f}" if before else ""
        previous[row["command"]] = row["seconds"]
        print(f"| {row['programmes']:,} ({row['clusters']}, {row['regions']}) | {row['command']} | "
              f"{row['seconds']:.2f} | {ratio} | {row['peak_mib']:.0f} |")
    if a.json:  # beside the target, then renamed over it: never half-written
        target = pathlib.Path(a.json)
        partial = target.with_name(target.name + ".partial")
        partial.write_text(json.dumps(rows, indent=1) + "\n")
        os.replace(partial, target)


if __name__ == "__main__":
    main()
