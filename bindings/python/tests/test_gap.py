"""sixlink.gap_analysis: tables that load into pandas, reconcile, and match the CLI."""

import numpy as np
import pandas as pd
import pytest

import sixlink
from sixlink.synthetic import synthetic_scenario


@pytest.fixture(scope="module")
def report():
    return sixlink.gap_analysis(sixlink.default_scenario())


def test_tables_load_into_pandas_and_reconcile(report):
    clusters = pd.DataFrame(report["clusters"])
    programmes = pd.DataFrame(report["programmes"])
    regions = pd.DataFrame(report["regions"])
    cells = pd.DataFrame(report["cells"])
    assert (clusters.matched + clusters.unmet == clusters.demand).all()
    assert (programmes.placed_local + programmes.leaving + programmes.surplus
            == programmes.graduates).all()
    assert programmes.graduates.dtype == np.int64
    city = report["city"]
    assert clusters.matched.sum() == city["matched"] == programmes.placed_local.sum()
    assert regions.graduates.sum() == city["graduates"]
    assert cells.groupby("cluster", sort=False).demand.sum().to_dict() == \
        dict(zip(clusters.id, clusters.demand))
    assert abs(city["retention_rate"] - 0.3787) < 0.005
    assert city["retention_rate"] == pytest.approx(city["matched"] / city["graduates"])
    for table in ("clusters", "cells", "programmes", "regions"):
        for column, values in report[table].items():
            if values.dtype.kind == "f":
                assert not np.isnan(values).any(), (table, column)


def test_indicators_and_targets(report):
    indicators = pd.DataFrame(report["indicators"]).set_index("name")
    assert indicators.loc["enrolment", "value"] == 88700
    assert indicators.loc["enrolment", "target_2025"] == 100000
    assert indicators.loc["retention_rate", "target_2025"] == 0.55
    # The text's 双师型 figure has a 2025 target only.
    assert indicators["target_2023"].isna()["double_qualified_teacher_share"]


def test_options_match_the_cli_and_are_checked():
    scenario = sixlink.default_scenario()
    later = sixlink.gap_analysis(scenario, year=2025, outside_weight=0.4)
    assert later["year"] == 2025 and later["city"]["outside_weight"] == 0.4
    one = sixlink.gap_analysis(scenario, threads=1)
    with pytest.raises(sixlink.Error, match="analysis year 2000"):
        sixlink.gap_analysis(scenario, year=2000)
    alike = sixlink.gap_analysis(scenario, outside_tiers=1)
    assert alike["city"]["outside_weight"] != one["city"]["outside_weight"]
    with pytest.raises(ValueError, match="outside_tiers"):
        sixlink.gap_analysis(scenario, outside_tiers=0)
    with pytest.raises(ValueError, match="outside_weight"):
        sixlink.gap_analysis(scenario, outside_weight=float("nan"))


def test_same_tables_at_any_thread_count_where_the_projection_runs_in_parallel():
    # The projection runs on OpenMP threads above 1,024 programmes (projection.cpp):
    # 1,500 programmes, so the runs at 2 and 3 threads are parallel ones.
    scenario = synthetic_scenario(1500, 40, 10, seed=3)
    assert scenario.summary()["counts"]["programmes"] == 1500
    one = sixlink.gap_analysis(scenario, threads=1)
    for threads in (2, 3):
        other = sixlink.gap_analysis(scenario, threads=threads)
        for table in ("clusters", "programmes", "cells", "regions"):
            for column in one[table]:
                assert np.array_equal(one[table][column], other[table][column]), (table, column)
        assert one["city"] == other["city"]


def test_zero_demand_scenario_has_no_nan():
    text = sixlink.default_scenario().to_json()
    import json
    data = json.loads(text)
    for e in data["enterprises"]:
        e["openings"] = []
    scenario = sixlink.Scenario.from_json(json.dumps(data))
    report = sixlink.gap_analysis(scenario)
    assert report["city"]["matched"] == 0 and report["city"]["match_rate"] == 0
    assert set(report["clusters"]["band"]) == {"no_demand"}
    assert not np.isnan(report["clusters"]["ratio"]).any()
