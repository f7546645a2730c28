"""sixlink.place: modes, certificate, determinism, CSV cohorts, and agreement of
the optimal mode with SciPy's linear_sum_assignment on seat-expanded instances."""

import json

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

import sixlink

PREFERENCE, RETENTION, HOME, INTERNSHIP = 0.3, 0.2, 0.1, 0.5  # PlacementOptions' defaults


def pair_values(scenario, graduates, openings):
    """v(g, o) as include/sixlink/placement/placement.hpp defines it (0: no candidate)."""
    s = json.loads(scenario.to_json())
    specialty = {p["id"]: p["specialty"] for p in s["programmes"]}
    fits = {sp["id"]: {f["occupation"]: f["fit"] for f in sp["occupations"]}
            for sp in s["specialties"]}
    value = np.zeros((len(graduates), len(openings)))
    for i, g in enumerate(graduates):
        for j, o in enumerate(openings):
            fit = fits[specialty[g["programme"]]].get(o["occupation"], 0.0)
            job = o["kind"] == "job"
            v = fit * (1.0 if job else INTERNSHIP) + (RETENTION if job else 0.0)
            v += HOME if o["region"] == g["home_region"] else 0.0
            prefs = g["preferences"]
            if o["enterprise"] in prefs:
                v += PREFERENCE * (len(prefs) - prefs.index(o["enterprise"])) / len(prefs)
            if (fit > 0 or o["enterprise"] in prefs) and v > 0 and o["capacity"] > 0:
                value[i, j] = v
    return value


def write_cohort(tmp_path, graduates, openings):
    g = tmp_path / "graduates.csv"
    g.write_text("id,programme,home_region,score,preferences\n" + "".join(
        f"{x['id']},{x['programme']},{x['home_region']},{x['score']},{';'.join(x['preferences'])}\n"
        for x in graduates))
    o = tmp_path / "openings.csv"
    o.write_text("id,enterprise,occupation,region,capacity,kind\n" + "".join(
        f"{x['id']},{x['enterprise']},{x['occupation']},{x['region']},{x['capacity']},{x['kind']}\n"
        for x in openings))
    return g, o


def random_cohort(scenario, seed):
    rng = np.random.default_rng(seed)
    s = json.loads(scenario.to_json())
    programmes = [p["id"] for p in s["programmes"]]
    regions = [r["id"] for r in s["regions"]]
    firms = rng.choice(len(s["enterprises"]), size=12, replace=False)
    openings = []
    for k in firms:
        e = s["enterprises"][k]
        for o in e["openings"][:3]:
            openings.append({"id": f"{e['id']}/{o['occupation']}", "enterprise": e["id"],
                             "occupation": o["occupation"], "region": e["region"],
                             "capacity": int(rng.integers(0, 4)),
                             "kind": "internship" if rng.random() < 0.3 else "job"})
    names = sorted({o["enterprise"] for o in openings})
    graduates = []
    for i in range(int(rng.integers(20, 60))):
        prefs = list(rng.choice(names, size=int(rng.integers(0, 4)), replace=False))
        graduates.append({"id": f"g{i}", "programme": programmes[int(rng.integers(len(programmes)))],
                          "home_region": regions[int(rng.integers(len(regions)))],
                          "score": int(rng.integers(0, 100)), "preferences": prefs})
    return graduates, openings


@pytest.mark.parametrize("seed", range(6))
def test_optimal_agrees_with_scipy_on_seat_expanded_instances(tmp_path, seed):
    scenario = sixlink.default_scenario()
    graduates, openings = random_cohort(scenario, seed)
    g, o = write_cohort(tmp_path, graduates, openings)
    # Candidates large enough that every fitting opening is one of them.
    ours = sixlink.place(scenario, cohort=g, openings=o, candidates=1000)
    assert ours["certified"] is True
    value = pair_values(scenario, graduates, openings)
    seats = [j for j, x in enumerate(openings) for _ in range(x["capacity"])]
    rows, cols = linear_sum_assignment(value[:, seats], maximize=True)
    assert ours["total_value"] == pytest.approx(value[:, seats][rows, cols].sum(), abs=1e-5)
    # Each placement is a candidate pair, within capacity.
    index = {x["id"]: j for j, x in enumerate(openings)}
    used = np.zeros(len(openings), dtype=int)
    for i, opening in enumerate(ours["assignments"]["opening"]):
        if opening:
            assert value[i, index[opening]] > 0
            used[index[opening]] += 1
    assert all(used <= [x["capacity"] for x in openings])
    stable = sixlink.place(scenario, cohort=g, openings=o, candidates=1000, mode="stable")
    assert stable["blocking_pairs"] == 0
    assert stable["total_value"] <= ours["total_value"] + 1e-9


def test_modes_on_the_synthetic_taizhou_cohort():
    scenario = sixlink.default_scenario()
    stable = sixlink.place(scenario, mode="stable", seed=2)
    again = sixlink.place(scenario, mode="stable", seed=2)
    assert stable["blocking_pairs"] == 0
    assert list(stable["assignments"]["opening"]) == list(again["assignments"]["opening"])
    assert len(stable["assignments"]["graduate"]) == stable["graduates"] > 10000  # job-seekers
    assert stable["placed"] == int(stable["clusters"]["filled"].sum())
    assert stable["placed"] == np.count_nonzero(stable["assignments"]["enterprise"] != "")
    # Openings outnumber the job-seekers and placement has no outside option: most stay.
    assert 0.4 < stable["retention_rate"] <= stable["placement_rate"] <= 1
    parallel = sixlink.place(scenario, mode="parallel", seed=2)
    assert parallel["graduates"] == stable["graduates"]


def test_a_cohort_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    graduates = pd.DataFrame({"id": ["a", "b"], "programme": ["wl-vs1-660301"] * 2,
                              "score": [90, 10], "preferences": ["", "e-wenling-auto-01"]})
    openings = pd.DataFrame({"id": ["seat"], "enterprise": ["e-wenling-auto-01"],
                             "occupation": ["electrical-maintenance"], "capacity": [1],
                             "kind": ["job"], "ranking": ["b;a"]})
    placed = sixlink.place(sixlink.default_scenario(), mode="stable", cohort=graduates,
                           openings=openings)
    assert list(placed["assignments"]["opening"]) == ["", "seat"]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("mode", ["optimal", "stable"])
def test_columns_give_what_the_csv_files_give(tmp_path, seed, mode):
    """A cohort as a DataFrame, or as a dict of numpy arrays and lists, goes to C++
    as columns (no file) and places exactly as the same cohort's CSV files."""
    pd = pytest.importorskip("pandas")
    scenario = sixlink.default_scenario()
    graduates, openings = random_cohort(scenario, seed)
    g, o = write_cohort(tmp_path, graduates, openings)
    from_files = sixlink.place(scenario, cohort=g, openings=o, mode=mode, seed=seed)
    as_frames = sixlink.place(scenario, cohort=pd.read_csv(g), openings=pd.read_csv(o), mode=mode,
                              seed=seed)
    as_dicts = sixlink.place(
        scenario, mode=mode, seed=seed,
        cohort={"id": np.array([x["id"] for x in graduates]),
                "programme": [x["programme"] for x in graduates],
                "home_region": [x["home_region"] for x in graduates],
                "score": np.array([x["score"] for x in graduates], dtype=np.int64),
                "preferences": [x["preferences"] for x in graduates]},  # lists of ids
        openings={key: [x[key] for x in openings]
                  for key in ("id", "enterprise", "occupation", "region", "capacity", "kind")})
    def text(result):
        return json.dumps(result, default=lambda v: v.tolist(), sort_keys=True)
    assert from_files["graduates"] == len(graduates)
    assert text(as_frames) == text(from_files)
    assert text(as_dicts) == text(from_files)


def test_bad_columns_raise_errors_that_name_the_row():
    pd = pytest.importorskip("pandas")
    scenario = sixlink.default_scenario()
    good = {"id": ["a", "b"], "programme": ["wl-vs1-660301"] * 2}
    with pytest.raises(sixlink.Error, match=r"cohort \(columns\):3: programme 'nope'"):
        sixlink.place(scenario, cohort={"id": ["a", "b"], "programme": ["wl-vs1-660301", "nope"]})
    with pytest.raises(sixlink.Error, match=r"cohort \(columns\):2: column 'score'"):
        sixlink.place(scenario, cohort={**good, "score": ["high", "1"]})
    with pytest.raises(sixlink.Error, match=r"cohort \(columns\):1: unknown column 'grade'"):
        sixlink.place(scenario, cohort={**good, "grade": [1, 2]})
    with pytest.raises(sixlink.Error, match=r"column 'programme' has 1 cells"):
        sixlink.place(scenario, cohort={"id": ["a", "b"], "programme": ["wl-vs1-660301"]})
    openings = pd.DataFrame({"id": ["seat"], "enterprise": ["e-wenling-auto-01"],
                             "capacity": [float("nan")]})
    with pytest.raises(sixlink.Error, match=r"openings \(columns\):2: column 'capacity': missing"):
        sixlink.place(scenario, cohort=good, openings=openings)
    with pytest.raises(sixlink.Error, match=r"openings \(columns\):2: capacity must be in"):
        sixlink.place(scenario, cohort=good, openings={**openings, "capacity": [-1]})
    with pytest.raises(sixlink.Error, match="openings needs a cohort"):
        sixlink.place(scenario, openings=openings)


def test_bad_input_raises_a_named_error(tmp_path):
    scenario = sixlink.default_scenario()
    with pytest.raises(sixlink.Error, match="mode must be optimal, stable or parallel"):
        sixlink.place(scenario, mode="best")
    bad = tmp_path / "graduates.csv"
    bad.write_text("id,programme\ng1,nope\n")
    with pytest.raises(ValueError, match="graduates.csv:2: programme 'nope'"):
        sixlink.place(scenario, cohort=bad)
    with pytest.raises(sixlink.Error, match="candidates must not be negative"):
        sixlink.place(scenario, mode="stable", candidates=-1)
