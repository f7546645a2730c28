"""The consistency rule of recommendations, read from what a user sees.

No programme is advised to shrink or close while openings in its own county stay
unmet in the plan (``plan --json``'s ``occupations``) for an occupation its
specialty fits at 0.8 or more and that is worth more than leaving (fit > the
plan's ``outside_weight``, mobility being 1 in one's own county), unless a binding
constraint is listed in ``held_by`` and named in its reason. The fits come from
the scenario file, not from sixlink's projection.
"""

import json

import pytest

CLOSE_FIT = 0.8


def fits_of(scenario):
    return {(sp["id"], f["occupation"]): f["fit"] for sp in scenario["specialties"]
            for f in sp["occupations"]}


def violations(plan, fits):
    unmet = {}
    for node in plan["occupations"]:
        if node["unmet"] > 1e-6:
            unmet.setdefault(node["region"], []).append(node)
    bad, checked = [], 0
    lam = plan["outside_weight"]
    for rec in plan["recommendations"]:
        if rec["action"] not in ("shrink", "close"):
            continue
        near = [n for n in unmet.get(rec["region"], [])
                if fits.get((rec["specialty"], n["occupation"]), 0.0) >= max(CLOSE_FIT, lam + 1e-12)]
        checked += 1
        for name in rec["held_by"]:
            assert name in rec["reason"], rec
        if near and not rec["held_by"]:
            bad.append((rec["programme"], [(n["occupation"], n["cluster"], n["unmet"]) for n in near]))
    return bad, checked


@pytest.fixture(scope="module")
def taizhou(cli, tmp_path_factory):
    path = tmp_path_factory.mktemp("scenario") / "taizhou.json"
    cli("export-default", path, check=0)
    return path, fits_of(json.loads(path.read_text()))


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_no_shrink_beside_unmet_close_fits(cli, taizhou, year):
    path, fits = taizhou
    plan = cli.json("plan", path, "--year", year, "--no-horizon")
    assert plan["status"] == "optimal"
    bad, checked = violations(plan, fits)
    assert checked > 0
    assert bad == []


def test_a_binding_budget_is_named(cli, taizhou):
    path, fits = taizhou
    free = cli.json("plan", path, "--no-horizon", "--no-open")
    plan = cli.json("plan", path, "--no-horizon", "--no-open", "--budget", 0.98 * free["totals"]["cost"])
    assert plan["status"] == "optimal"
    held = [r for r in plan["recommendations"] if r["held_by"]]
    assert held and all(r["held_by"] == ["budget"] and "budget binds" in r["reason"] for r in held)
    assert violations(plan, fits)[0] == []
