"""The result tables are numpy columns filled in C++ from the result vectors: each
holds, row for row, what the command line's --json report prints, with counts as
int64, text as object arrays, infinite ratios as inf and absent targets masked."""

import json
import math
import re

import numpy as np
import pytest

import sixlink
from conftest import ROOT, run_cli

TINY = str(ROOT / "examples" / "data" / "tiny-city.json")


def _scenario(name):
    return sixlink.default_scenario() if name == "taizhou-2020" else sixlink.load_scenario(name)


def _same_as_rows(table, rows, infinite_as=math.inf):
    """Every column equals the JSON rows' field, and only those fields."""
    assert list(table) == list(rows[0]), "the columns are the report's fields, in its order"
    for name, column in table.items():
        assert isinstance(column, np.ndarray) and column.ndim == 1 and len(column) == len(rows)
        for value, row in zip(column.tolist(), rows):
            expected = row[name]
            if name == "ratio" and expected is None:
                expected = infinite_as
            if isinstance(expected, float) and isinstance(value, float) and math.isnan(value):
                pytest.fail(f"{name}: NaN where the report has {expected}")
            assert value == expected, (name, value, expected)


@pytest.mark.parametrize("scenario", ["taizhou-2020", TINY])
def test_gap_tables_hold_what_gap_json_prints(cli_path, scenario):
    printed = json.loads(run_cli(cli_path, "gap", scenario, "--json").stdout)
    report = sixlink.gap_analysis(_scenario(scenario))
    for name in ("clusters", "cells", "occupations", "programmes", "regions", "indicators"):
        _same_as_rows(report[name], printed[name])
    clusters = report["clusters"]
    for name in ("demand", "matched", "unmet"):
        assert clusters[name].dtype == np.int64
    assert clusters["id"].dtype == object and clusters["supply"].dtype == np.float64
    targets = report["indicators"]["target_2025"]
    assert isinstance(targets, np.ma.MaskedArray)
    assert list(np.ma.getmaskarray(targets)) == [row["target_2025"] is None
                                                 for row in printed["indicators"]]


def test_plan_programmes_hold_what_plan_json_prints(cli_path):
    printed = json.loads(run_cli(cli_path, "plan", TINY, "--json").stdout)
    report = sixlink.recommend(sixlink.load_scenario(TINY))
    _same_as_rows(report["programmes"], printed["programmes"])
    table = report["programmes"]
    assert table["candidate"].dtype == bool and table["open"].dtype == bool
    if printed["whole_intakes"]["status"] == "rounded":
        assert table["intake"].dtype == np.int64  # whole students, as the report's integers


def test_place_tables_hold_one_row_per_graduate(cli_path):
    printed = json.loads(run_cli(cli_path, "place", TINY, "--json").stdout)
    report = sixlink.place(sixlink.load_scenario(TINY))
    _same_as_rows(report["clusters"], printed["clusters"])
    _same_as_rows(report["programmes"], printed["programmes"])
    assignments = report["assignments"]
    assert all(column.dtype == object for column in assignments.values())
    assert len(assignments["graduate"]) == report["graduates"]
    placed = np.count_nonzero(assignments["opening"] != "")
    assert placed == report["placed"]


def test_progression_tables_hold_what_gap_json_prints(cli_path):
    printed = json.loads(run_cli(cli_path, "gap", "taizhou-2020", "--json").stdout)["progression"]
    report = sixlink.gap_analysis(sixlink.default_scenario())["progression"]
    for key in ("graduates", "progressed", "progressed_local", "job_seekers"):
        assert report[key] == printed[key]
    _same_as_rows(report["programmes"], printed["programmes"])
    assert len(report["pathways"]["from"]) == len(printed["pathways"])
    assert report["job_seekers"] == report["graduates"] - report["progressed"]


def test_retention_readings_from_python():
    scenario = sixlink.default_scenario()
    labour = sixlink.gap_analysis(scenario)["city"]
    everyone = sixlink.gap_analysis(scenario, retention="all_graduates")["city"]
    assert labour["retention_definition"] == "labour_market"
    assert everyone["retention_definition"] == "all_graduates"
    assert everyone["labour_market_retention_rate"] == labour["retention_rate"]
    with pytest.raises(sixlink.Error, match="retention must be"):
        sixlink.gap_analysis(scenario, retention="everyone")


def test_programme_tables_carry_the_scenarios_labels():
    """Every programme table lists the programme's label beside its id: as the scenario
    sets it on taizhou-2020 ("天台 · 电子商务"), empty on tiny-city, which sets none."""
    scenario = sixlink.default_scenario()
    gap = sixlink.gap_analysis(scenario)
    names = gap["programmes"]["name"]
    assert list(gap["programmes"])[:2] == ["id", "name"] and names.dtype == object
    assert all(re.match(r"^\S+ · \S+", name) for name in names)
    assert any(name.startswith("天台 · ") for name in names)
    label = dict(zip(gap["programmes"]["id"], names))
    progression = gap["progression"]["programmes"]
    assert list(progression)[:2] == ["programme", "name"]
    assert [label[p] for p in progression["programme"]] == list(progression["name"])
    plan = sixlink.recommend(scenario, open_candidates=False)
    assert [label[p] for p in plan["programmes"]["id"]] == list(plan["programmes"]["name"])
    assert all(r["name"] == label[r["programme"]] for r in plan["recommendations"])
    place = sixlink.place(scenario)
    assert [label[p] for p in place["programmes"]["programme"]] == list(place["programmes"]["name"])

    tiny = sixlink.load_scenario(TINY)
    assert list(sixlink.gap_analysis(tiny)["programmes"]["name"]) == ["", "", ""]
    assert all(name == "" for name in sixlink.recommend(tiny)["programmes"]["name"])
    assert list(sixlink.place(tiny)["programmes"]["name"]) == ["", "", ""]
