"""Property: a valid scenario and valid options never end in an internal error.

Random valid scenarios (examples/data/tiny-city.json mutated within the bounds
that include/sixlink/model/validate.hpp documents, extremes included) times
random valid options of every subcommand (run, gap, plan, place, validate, as
their --help states the ranges) must never exit 1 (internal error) or die by a
signal, hang, or print inf, nan or null where a number is expected, in the
tables or in --json. Exit 3 (an infeasible plan) is fine, and so is exit 2 with
a one-line "sixlink: ..." message (e.g. openings that outgrow 10^12 by a far
--year). Seeded: a failure names its seed and the command to reproduce it.

The default run draws 24 city-sized cases (counts up to 10^4; about 3 s).
`pytest -m slow` adds 300 more, and 100 with counts anywhere up to the
documented 10^12 (about 80 s in all). KNOWN_JSON lists the nulls the JSON
documentation gives for values that do not exist.
"""

import copy
import json
import math
import random
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

TINY = json.loads((ROOT / "examples" / "data" / "tiny-city.json").read_text())

MAX_COUNT = 10**12  # kMaxCount
MAX_COST = 1e6  # kMaxCostPerStudent, yuan a year
MIN_COMPLETION = 0.01
CEILING = [MAX_COUNT]  # the largest count the current case draws
TIMEOUT_S = 20  # per command; tiny-city takes well under a second

# JSON keys where null is the documented "none": an optional target, no
# constraint binding, no samples drawn, a ratio with nothing to divide by, a
# figure of the optimal placement mode only.
NULL_ALLOWED = {
    "binding_constraint", "whole_intakes", "agreement", "objective_median",
    "recorded_retention_rate", "target_2023", "target_2025", "gap_2023", "gap_2025",
    "retention_target", "ratio", "flow_objective", "certified",
}
# Findings reported on issue 14 and still open in code this test does not own;
# remove an entry when its fix lands.
KNOWN_TEXT = []
# null where the JSON documentation says a value does not exist (not a failure to compute):
KNOWN_JSON = [
    r"\.shadow_price is null",  # plan: a school capacity held by the network has no price reported
    r"^\$\.(summary\.)?retention_rate is null",  # run/validate: no employment records to read it from
    r"\.fill_rate is null",  # place: a cluster without openings has no fill rate
    # the plan's indicator table: a tracked indicator without records, a target not set
    r"\.indicators\[\d+\]\.(value|value_year|base_value|next_target_year|next_target|gap|on_track)"
    r" is null",
]
NOT_A_NUMBER = re.compile(r"(?<![\w.])[-+]?(nan|inf|infinity)(?![\w])", re.IGNORECASE)


def count(rng, low=0, high=None):
    """A count in [low, high] (high: the case's ceiling): often an extreme, else log-uniform."""
    high = CEILING[0] if high is None else high
    pick = rng.random()
    if pick < 0.15:
        return low
    if pick < 0.25:
        return high
    span = math.log10(max(high - low, 1) + 1)
    return min(high, low + int(10 ** rng.uniform(0, span)) - 1)


def rate(rng, low=0.0, high=1.0):
    pick = rng.random()
    if pick < 0.15:
        return low
    if pick < 0.3:
        return high
    return rng.uniform(low, high)


def mutate(rng, ceiling=MAX_COUNT):
    """tiny-city with each field changed, with probability 1/3, within its bounds
    (counts up to `ceiling`)."""
    CEILING[0] = ceiling
    s = copy.deepcopy(TINY)
    maybe = lambda: rng.random() < 1 / 3  # noqa: E731
    if maybe():
        s["base_year"] = rng.choice([1910, 1990, 2020, 2150, 2199])
    base = s["base_year"]
    for c in s["clusters"]:
        if maybe():
            c["growth_rate"] = rate(rng, -1.0, 1.0)
        if maybe():
            c["replacement_rate"] = rate(rng)
    for sp in s["specialties"]:
        for f in sp["occupations"]:
            if maybe():
                f["fit"] = rng.choice([1e-9, 0.001, rng.uniform(0.001, 1.0), 1.0])
    for sc in s["schools"]:
        if maybe():
            sc["capacity"] = count(rng)
        if maybe():
            sc["social_training"] = count(rng)
        if maybe():
            sc["double_high"] = rng.random() < 0.5
    for p in s["programmes"]:
        if maybe():
            lo, hi = sorted([count(rng), count(rng)])
            p["min_intake"], p["max_intake"] = lo, hi
            if hi == 0:
                p["min_intake"] = 0  # max_intake 0: no upper bound, min_intake 0
        if maybe() or not (p["intake"] == 0 or p["min_intake"] <= p["intake"]
                           and (p["max_intake"] == 0 or p["intake"] <= p["max_intake"])):
            top = p["max_intake"] if p["max_intake"] > 0 else ceiling
            p["intake"] = 0 if rng.random() < 0.2 else count(rng, p["min_intake"], top)
        if maybe():
            p["enrolled"] = count(rng)
        if maybe():
            p["duration"] = rng.randint(1, 10)
        if maybe():
            p["completion_rate"] = rate(rng, MIN_COMPLETION, 1.0)
        if maybe():
            p["cost_per_student"] = rng.choice([0.0, MAX_COST, rng.uniform(0, MAX_COST)])
    for e in s["enterprises"]:
        if maybe():
            e["employees"] = count(rng)
        if maybe():
            e["internship_slots"] = count(rng)
        if maybe():
            e["large"], e["partner"] = rng.random() < 0.5, rng.random() < 0.5
        for o in e.get("openings", []):
            if maybe():
                o["count"] = count(rng)
    for r in s["employment"]:
        r["year"] = base - (2020 - r["year"])  # keep the records' spread under a new base year
        if maybe():
            r["year"] = rng.randint(base - 10, base)
        if maybe():
            r["count"] = count(rng)
    if maybe():
        s["employment"] = []
    for t in s["targets"]:
        t["year"] = min(2200, max(1900, t["year"] + base - 2020))
        if maybe():
            fraction = t["indicator"] in ("retention_rate", "large_firm_participation",
                                          "double_high_share")
            t["value"] = rate(rng) if fraction else float(count(rng))
    return s


def options(rng, command, base):
    """Valid options of `command`, as `sixlink COMMAND --help` gives their ranges."""
    out = []

    def maybe(flag, value):
        if rng.random() < 0.4:
            out.extend([flag, value])

    if command == "gap":
        maybe("--year", rng.randint(base, base + 100))
        maybe("--outside-weight", rate(rng))
        maybe("--mobility", rate(rng))
        maybe("--outside-share", rate(rng))
        maybe("--outside-tiers", rng.randint(1, 64))
    elif command == "plan":
        maybe("--year", rng.randint(base + 1, base + 50))
        maybe("--total", rng.choice([0, 1e12, 10 ** rng.uniform(0, 12)]))
        maybe("--budget", rng.choice([0, 1e15, 10 ** rng.uniform(0, 15)]))
        low = rate(rng)
        maybe("--min-secondary-share", low)
        maybe("--max-secondary-share", rng.uniform(low, 1.0))
        maybe("--max-change", rate(rng))
        maybe("--outside-weight", rate(rng))
        maybe("--samples", rng.choice([0, 1, 20]))
        maybe("--seed", rng.choice([0, 2**64 - 1, rng.randrange(2**64)]))
        maybe("--noise", rate(rng, 0.0, 2.0))
        maybe("--threads", rng.choice([0, 1, 2]))
        maybe("--top", rng.choice([0, 1, 15, 2**31 - 1]))
        for flag in ("--no-open", "--no-horizon"):
            if rng.random() < 0.3:
                out.append(flag)
    elif command == "place":
        maybe("--mode", rng.choice(["optimal", "stable", "parallel"]))
        maybe("--seed", rng.choice([0, 2**64 - 1, rng.randrange(2**64)]))
        maybe("--candidates", rng.choice([0, 1, 50, 1000]))
        maybe("--proposing", rng.choice(["applicants", "institutions"]))
    return [str(x) for x in out]


def problems_in_json(value, path="$"):
    """Paths where a number is missing (null outside NULL_ALLOWED) or not finite."""
    found = []
    if isinstance(value, dict):
        for key, v in value.items():
            if v is None and key not in NULL_ALLOWED:
                found.append(f"{path}.{key} is null")
            found += problems_in_json(v, f"{path}.{key}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += problems_in_json(v, f"{path}[{i}]")
    elif isinstance(value, float) and not math.isfinite(value):
        found.append(f"{path} is {value}")
    return found


def reject_constant(name):
    raise ValueError(f"non-JSON number {name}")


def check_case(cli, tmp_path, seed, ceiling):
    rng = random.Random(seed)
    scenario = mutate(rng, ceiling)
    path = Path(tmp_path) / f"case-{seed}.json"
    path.write_text(json.dumps(scenario))
    failures = []
    for command in ("run", "gap", "plan", "place", "validate"):
        args = [command, path, *options(rng, command, scenario["base_year"])]
        for as_json in (False, True):
            argv = [*args, "--json"] if as_json else args
            shown = "sixlink " + " ".join(map(str, argv))
            try:
                done = subprocess.run([cli.path, *map(str, argv)], capture_output=True,
                                      text=True, timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                failures.append(f"seed {seed}: {shown}: still running after {TIMEOUT_S} s")
                continue
            last = done.stderr.strip().splitlines()[-1:] or [""]
            # Exit 2 is a located refusal (e.g. openings that grow past 10^12 by a
            # far --year); exit 1 is an internal error, a negative one a signal.
            if done.returncode not in (0, 2, 3) or "internal error" in done.stderr:
                failures.append(f"seed {seed}: {shown}: exit {done.returncode}: {last[0][:300]}")
                continue
            if done.returncode == 2:
                if not last[0].startswith("sixlink: "):
                    failures.append(f"seed {seed}: {shown}: exit 2 without a message")
                continue
            if as_json:
                try:
                    report = json.loads(done.stdout, parse_constant=reject_constant)
                except ValueError as e:
                    failures.append(f"seed {seed}: {shown}: not JSON: {e}")
                    continue
                for problem in problems_in_json(report)[:3]:
                    if not any(re.search(k, problem) for k in KNOWN_JSON):
                        failures.append(f"seed {seed}: {shown}: {problem}")
            else:
                for line in done.stdout.splitlines():
                    if NOT_A_NUMBER.search(line) and not any(re.search(k, line) for k in KNOWN_TEXT):
                        failures.append(f"seed {seed}: {shown}: prints {line.strip()!r}")
                        break
    return failures


def run_cases(cli, tmp_path, seeds, ceiling):
    failures = []
    for seed in seeds:
        failures += check_case(cli, tmp_path, seed, ceiling)
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:40])


def test_mutations_stay_valid(tmp_path, cli):
    """The generator itself: every mutated scenario passes `sixlink validate`."""
    for seed in range(40):
        path = tmp_path / f"s{seed}.json"
        path.write_text(json.dumps(mutate(random.Random(seed))))
        done = cli("validate", path)
        assert done.returncode == 0, f"seed {seed}: {done.stderr}"


def test_valid_input_never_fails_internally(cli, tmp_path):
    """City-sized counts (up to 10^4 students a programme, openings a firm)."""
    run_cases(cli, tmp_path, range(24), 10**4)


@pytest.mark.slow
def test_valid_input_never_fails_internally_many(cli, tmp_path, request):
    # The CLI suite runs without -m in CTest: run only when slow tests are asked for.
    if "slow" not in request.config.option.markexpr or "not slow" in request.config.option.markexpr:
        pytest.skip("slow: run with -m slow")
    run_cases(cli, tmp_path, range(1000, 1300), 10**4)


@pytest.mark.slow
def test_counts_up_to_the_documented_bound(cli, tmp_path, request):
    """Counts anywhere in [0, 10^12], as validation allows."""
    if "slow" not in request.config.option.markexpr or "not slow" in request.config.option.markexpr:
        pytest.skip("slow: run with -m slow")
    run_cases(cli, tmp_path, range(2000, 2100), MAX_COUNT)
