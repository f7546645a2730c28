"""sixlink.optimise_quotas and sixlink.recommend: the optimum agrees with HiGHS on
the exported model, every constraint holds, samples are reproducible."""

import re
import shutil
import subprocess

import numpy as np
import pytest

import sixlink
from sixlink.mps import read_mps, solve_mps
from sixlink.synthetic import synthetic_scenario


def check_constraints(report, scenario_programmes=None):
    p = report["programmes"]
    is_open = p["open"]
    rounded = report["whole_intakes"]["status"] == "rounded"
    assert np.all(p["intake"][~is_open] == 0)
    if rounded:  # whole intakes within the whole-student bounds
        assert np.all(p["intake"][is_open] >= p["lower"][is_open])
        assert np.all(p["intake"][is_open] <= p["upper"][is_open])
    else:  # the LP's intakes kept: within the bounds before they were rounded inward
        assert np.all(p["intake"][is_open] >= p["lower"][is_open] - 1)
        assert np.all(p["intake"][is_open] <= p["upper"][is_open] + 1)
    # flows are the LP's; JSON numbers carry 6 decimals, so sums may differ by 1e-6
    assert np.all(p["placed_local"] + p["leaving"] <= p["graduates"] + 2e-6)
    for c in report["constraints"]:
        slack = 1e-6 * max(1.0, abs(c["limit"]))
        if c["sense"] == "at_most":
            assert c["value"] <= c["limit"] + slack, c
        else:
            assert c["value"] >= c["limit"] - slack, c
    totals, whole = report["totals"], report["whole_intakes"]
    assert np.all(np.abs(p["intake"] - p["intake_lp"]) <= 1 + 1e-9)
    if rounded:
        assert np.all(p["intake"] == np.round(p["intake"]))  # whole students
        assert whole["enrolment"] == pytest.approx(p["students"].sum(), rel=1e-9)
        # each intake is within one student of the LP's, so is each programme's students
        assert abs(totals["enrolment"] - whole["enrolment"]) <= is_open.sum() + 1e-6
    assert 0 <= totals["unmet"] <= totals["demand"] + 1e-7


@pytest.mark.parametrize("seed", range(8))
def test_optimum_equals_highs_on_the_exported_model(tmp_path, seed):
    scenario = synthetic_scenario(60 + 10 * seed, 6, 3, programmes_per_school=6, seed=seed)
    free = sixlink.optimise_quotas(scenario, outside_weight=0.4)
    cases = [dict(), dict(total_enrolment=free["totals"]["enrolment"] * 1.03),
             dict(budget=free["totals"]["cost"] * 0.98),
             dict(total_enrolment=free["totals"]["enrolment"] * 1.01,
                  budget=free["totals"]["cost"] * 1.01, min_secondary_share=0.62)]
    for options in cases:
        model = tmp_path / f"model-{seed}.mps"
        report = sixlink.optimise_quotas(scenario, outside_weight=0.4, export_mps=model, **options)
        if report["status"] != "optimal":
            assert report["status"] == "infeasible" and report["binding_constraint"]
            optimum, result = solve_mps(model)
            assert optimum is None and result.status == 2  # HiGHS agrees: infeasible
            continue
        check_constraints(report)
        assert report["upper_bound"] - report["objective"] <= 1e-7 * abs(report["objective"]) + 1e-9
        optimum, _ = solve_mps(model)  # the file minimises minus the objective
        assert -optimum == pytest.approx(report["objective"], rel=1e-6), options
        glpk = glpsol_optimum(model, tmp_path)
        if glpk is not None:  # GLPK reads the same file the same way
            assert -glpk == pytest.approx(report["objective"], rel=1e-6), options


def glpsol_optimum(model, folder):
    """The optimum GLPK's glpsol finds on a free-MPS file; None without glpsol
    (scripts/setup.sh installs it; tests/cli/test_mps.py covers the CLI's files)."""
    glpsol = shutil.which("glpsol")
    if glpsol is None:
        return None
    solution = folder / "glpsol.txt"
    done = subprocess.run([glpsol, "--freemps", str(model), "-w", str(solution)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "OPTIMAL LP SOLUTION FOUND" in done.stdout, done.stdout
    status = re.search(r"^s bas \d+ \d+ f f (\S+)$", solution.read_text(), re.M)
    assert status, solution.read_text()[:300]
    return float(status.group(1))


def test_side_constraints_bind_with_shadow_prices():
    scenario = sixlink.default_scenario()
    report = sixlink.optimise_quotas(scenario, total_enrolment=94000)
    check_constraints(report)
    (enrolment,) = [c for c in report["constraints"] if c["name"] == "total_enrolment"]
    assert enrolment["binding"] and enrolment["shadow_price"] > 0
    assert report["totals"]["enrolment"] == pytest.approx(94000, rel=1e-9)


@pytest.mark.parametrize("options, name", [
    (dict(total_enrolment=1e5), "total_enrolment"),
    (dict(budget=1e9), "budget"),
    (dict(min_secondary_share=0.9), "min_secondary_share"),
])
def test_infeasible_targets_name_the_constraint(options, name):
    report = sixlink.optimise_quotas(sixlink.default_scenario(), **options)
    assert report["status"] == "infeasible"
    assert report["binding_constraint"] == name and report["shortfall"] > 0
    assert name in report["message"]


def test_recommendations_are_reproducible_at_any_thread_count():
    scenario = sixlink.default_scenario()
    one = sixlink.recommend(scenario, samples=16, seed=11, threads=1)
    two = sixlink.recommend(scenario, samples=16, seed=11, threads=2)
    assert one["recommendations"] == two["recommendations"]
    other = sixlink.recommend(scenario, samples=16, seed=12, threads=2)
    assert [r["agreement"] for r in other["recommendations"]] != \
        [r["agreement"] for r in one["recommendations"]]
    actions = {r["action"] for r in one["recommendations"]}
    assert {"expand", "shrink"} <= actions
    for r in one["recommendations"]:
        assert 0 <= r["agreement"] <= 1 and r["range"] >= 0 and r["reason"]
        if r["action"] in ("expand", "open"):
            assert r["marginal_value"] > 0
        else:
            assert r["marginal_value"] < 0


def test_candidates_come_from_the_catalogue():
    report = sixlink.recommend(sixlink.default_scenario())
    p = report["programmes"]
    opened = [r for r in report["recommendations"] if r["action"] == "open"]
    assert opened and all(p["candidate"][list(p["id"]).index(r["programme"])] for r in opened)
    offered = set(zip(p["specialty"][~p["candidate"]], p["region"][~p["candidate"]]))
    for r in opened:
        assert (r["specialty"], r["region"]) not in offered
        assert len(r["specialty"]) == 6 and r["specialty"].isdigit()


def test_read_mps_rejects_what_it_does_not_know(tmp_path):
    bad = tmp_path / "bad.mps"
    bad.write_text("NAME x\nRANGES\nENDATA\n")
    with pytest.raises(ValueError, match="RANGES"):
        read_mps(bad)


def test_bad_options_raise_value_error():
    with pytest.raises(ValueError, match="max_change"):
        sixlink.optimise_quotas(sixlink.default_scenario(), max_change=-0.1)
    with pytest.raises(ValueError, match="budget"):
        sixlink.optimise_quotas(sixlink.default_scenario(), budget=float("nan"))
