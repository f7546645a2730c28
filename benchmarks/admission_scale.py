"""A province admission batch through the CLI (issue 20): 500,000 applicants,
20,000 institutions, 10 choices, stable mode, timed as `sixlink admit` runs.

The inputs, written to --dir (default: a temporary folder), seeded:

- province.json: sixlink.synthetic's province-sized scenario (17,000 programmes,
  100 regions, 200 enterprises: admission reads no enterprise); about 10,200
  of the programmes are secondary-level (the admission's vocational places),
  and their intakes are divided by 10 (to 3..29 seats) so that the seats are of
  the cohort's size;
- high_schools.csv: as many general high schools as make 20,000 institutions
  with the vocational programmes (about 9,800), spread over the regions, 30
  seats each, tiers 1, 2, 3 in turn;
- cohorts.csv: 5,000 junior-high graduates per region in 2020 (500,000),
  中考 mean 480, sd 90.

The applicants are the synthetic ones `sixlink admit` draws (admission_data.hpp),
so the time is the whole command: loading and validating the scenario, drawing
500,000 preference lists, the admission, the stability audit and the JSON report.

    PYTHONPATH=$PWD/build/python /usr/bin/python3 benchmarks/admission_scale.py \
        --cli build/sixlink --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time

from sixlink.synthetic import synthetic_scenario_dict


def write_inputs(folder: str, regions: int, per_region: int, institutions: int,
                 seed: int) -> list[str]:
    data = synthetic_scenario_dict(programmes=17_000, clusters=200, regions=regions,
                                   enterprises=200, seed=seed)
    secondary_schools = {s["id"] for s in data["schools"] if s["level"] == "secondary"}
    secondary_specialties = {s["id"] for s in data["specialties"] if s["level"] == "secondary"}
    vocational = sum(1 for p in data["programmes"]
                     if p["school"] in secondary_schools and p["specialty"] in secondary_specialties)
    high_schools = institutions - vocational
    for p in data["programmes"]:
        p["intake"] = max(3, p["intake"] // 10)
        p["enrolled"] = 3 * p["intake"]
        p["min_intake"] = min(p["min_intake"], p["intake"])
        p["max_intake"] = max(p["intake"], int(p["intake"] * 1.5))
    scenario = os.path.join(folder, "province.json")
    with open(scenario, "w", encoding="utf-8") as f:
        json.dump(data, f)
    hs = os.path.join(folder, "high_schools.csv")
    with open(hs, "w", encoding="utf-8") as f:
        f.write("id,name,region,capacity,tier\n")
        for k in range(high_schools):
            f.write(f"gh{k},General high school {k},r{k % regions},30,{k % 3 + 1}\n")
    cohorts = os.path.join(folder, "cohorts.csv")
    with open(cohorts, "w", encoding="utf-8") as f:
        f.write("region,year,size,score_mean,score_sd\n")
        for r in range(regions):
            f.write(f"r{r},2020,{per_region},480,90\n")
    return [scenario, "--high-schools", hs, "--cohorts", cohorts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default="build/sixlink")
    parser.add_argument("--dir", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--county-limits", default="off", choices=["on", "off"])
    parser.add_argument("--mode", default="stable", choices=["stable", "parallel"])
    args = parser.parse_args()
    folder = args.dir or tempfile.mkdtemp(prefix="sixlink-admission-")
    inputs = write_inputs(folder, regions=100, per_region=5_000, institutions=20_000, seed=1)
    command = [args.cli, "admit", *inputs, "--choices", "10", "--mode", args.mode,
               "--county-limits", args.county_limits, "--json"]
    print("command:", " ".join(command), "> /dev/null")
    print("load:", os.getloadavg())
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        times.append(time.perf_counter() - start)
    report = json.loads(out)["admission"]
    print(f"applicants {report['applicants']:,}, institutions {len(report['institutions']):,}, "
          f"admitted {report['admitted']:,}, blocking pairs {report['stability']['blocking_pairs']}")
    print("seconds:", " ".join(f"{t:.3f}" for t in times), f"(best {min(times):.3f})")


if __name__ == "__main__":
    main()
