"""The Python package: scenarios in and out, summaries, errors as ValueError."""

import json
import pickle

import numpy as np
import pytest

import sixlink
from conftest import run_cli


def test_default_scenario_summary():
    s = sixlink.default_scenario()
    assert isinstance(s, sixlink.Scenario)
    assert s.name == "taizhou-2020" and s.base_year == 2020
    summary = s.summary()
    assert summary["enrolled"] == 88700
    assert round(summary["retention_rate"], 4) == 0.3787
    assert summary["counts"]["regions"] == 10
    clusters = summary["clusters"]
    assert clusters["graduates"].dtype == np.float64
    assert clusters["openings"].dtype == np.int64
    n = summary["counts"]["clusters"]
    assert all(len(column) == n for column in clusters.values())
    assert "auto" in list(clusters["id"])
    assert clusters["openings"].sum() <= summary["openings"]


def test_summary_equals_the_cli_summary(cli_path):
    from_cli = json.loads(run_cli(cli_path, "run", "--json").stdout)
    ours = sixlink.default_scenario().summary()
    assert from_cli["counts"] == ours["counts"]
    for key in ["enrolled", "intake", "openings", "internship_slots", "base_year"]:
        assert from_cli[key] == ours[key], key
    assert from_cli["scenario"] == ours["scenario"]
    # the CLI's JSON rounds to 6 decimals (io/report_numbers.hpp); graduates are whole cohorts
    assert from_cli["graduates"] == ours["graduates"] == 28615
    assert from_cli["retention_rate"] == pytest.approx(ours["retention_rate"], abs=5e-7)
    assert [c["id"] for c in from_cli["clusters"]] == list(ours["clusters"]["id"])
    assert [c["openings"] for c in from_cli["clusters"]] == list(ours["clusters"]["openings"])
    np.testing.assert_allclose([c["graduates"] for c in from_cli["clusters"]], ours["clusters"]["graduates"],
                               rtol=0, atol=5e-7)


@pytest.mark.parametrize("name", ["s.json", "folder"])
def test_save_and_load_round_trip(tmp_path, name):
    s = sixlink.default_scenario()
    s.save(tmp_path / name)
    loaded = sixlink.load_scenario(tmp_path / name)
    assert loaded == s
    assert sixlink.load_scenario(str(tmp_path / name)).summary()["enrolled"] == 88700


def test_json_text_round_trip_and_pickle():
    s = sixlink.default_scenario()
    text = s.to_json()
    assert json.loads(text)["sixlink"] == 1
    assert sixlink.Scenario.from_json(text) == s
    assert pickle.loads(pickle.dumps(s)) == s
    assert "\n" not in s.to_json(indent=-1)


def test_builtin_name_is_accepted():
    assert sixlink.load_scenario("taizhou-2020") == sixlink.default_scenario()


def test_bad_input_raises_value_error_with_the_cli_message(tmp_path, cli_path):
    doc = json.loads(sixlink.default_scenario().to_json())
    doc["programmes"][2]["school"] = "nowhere"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError) as caught:
        sixlink.load_scenario(path)
    assert isinstance(caught.value, sixlink.Error)
    message = str(caught.value)
    assert message.startswith(f"{path}: /programmes/2/school: programme ")
    assert run_cli(cli_path, "validate", path).stderr.strip() == f"sixlink: {message}"


@pytest.mark.parametrize("text, expected", [
    ("", "<json>: parse error"),
    ("{}", "missing required field 'sixlink'"),
    ('{"sixlink": 3, "name": "x", "base_year": 2020}', "unknown format version 3"),
])
def test_from_json_errors(text, expected):
    with pytest.raises(ValueError, match=expected):
        sixlink.Scenario.from_json(text)


def test_missing_path_raises_value_error(tmp_path):
    with pytest.raises(ValueError, match="no such file or folder"):
        sixlink.load_scenario(tmp_path / "absent.json")
