"""sixlink.indicators: the plan's whole indicator table as numpy columns."""

import json

import numpy as np
import pytest

import sixlink
from conftest import run_cli


def test_the_table_holds_what_the_cli_prints(cli_path):
    table = sixlink.indicators(sixlink.default_scenario(), year=2023, lang="en")
    printed = json.loads(run_cli(cli_path, "indicators", "--year", "2023", "--json").stdout)
    assert table["year"] == 2023 and table["scenario"] == "taizhou-2020"
    rows = printed["indicators"]
    columns = table["indicators"]
    assert list(columns)[:len(rows[0])] == list(rows[0])
    assert list(columns)[len(rows[0]):] == ["group", "indicator", "unit_label"]
    for name in rows[0]:
        assert columns[name].tolist() == [row[name] for row in rows], name


def test_labels_follow_the_language_and_units_are_the_librarys():
    zh = sixlink.indicators(sixlink.default_scenario())["indicators"]
    en = sixlink.indicators(sixlink.default_scenario(), lang="en")["indicators"]
    assert zh["indicator"][0] == "职业院校在校生规模" and zh["unit_label"][0] == "万人"
    assert en["indicator"][0] == "students enrolled in vocational schools"
    names = list(zh["name"])
    assert len(names) == 23
    k = names.index("technical_service_income")
    assert zh["base_value"][k] == 20_000_000 and zh["target_2025"][k] == 40_000_000
    k = names.index("funding_ratio")
    assert zh["base_value"][k] == 1.5
    k = names.index("national_double_excellent_schools")
    assert np.ma.is_masked(zh["value"][k]) and zh["on_track"][k] is None
    assert zh["computed"].dtype == np.bool_ and zh["computed"].sum() == 5


def test_bad_language_is_a_value_error():
    with pytest.raises(ValueError, match="lang"):
        sixlink.indicators(sixlink.default_scenario(), lang="fr")
