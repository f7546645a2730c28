"""sixlink.admit: the admission batch from Python (issue 20)."""

import numpy as np
import pytest

import sixlink


def test_admit_default_is_stable():
    out = sixlink.admit(sixlink.default_scenario(), seed=2)
    run = out["admission"]
    assert run["stability"]["blocking_pairs"] == 0
    a = out["assignments"]
    assert len(a["institution"]) == run["applicants"]
    assert a["institution"].dtype == np.int64
    assert int((a["institution"] >= 0).sum()) == run["admitted"]
    assert a["applicant"][0] == "a0"


def test_admit_compare_and_determinism():
    s = sixlink.default_scenario()
    one = sixlink.admit(s, compare=True, seed=4)
    two = sixlink.admit(s, compare=True, seed=4)
    assert np.array_equal(one["assignments"]["institution"], two["assignments"]["institution"])
    assert np.array_equal(one["assignments"]["institution_open"],
                          two["assignments"]["institution_open"])
    assert one["county_limited"]["county_limits"] and not one["open"]["county_limits"]


def test_admit_parallel_mode_counts_blocking_pairs():
    run = sixlink.admit(sixlink.default_scenario(), mode="parallel", county_limits=True)["admission"]
    assert run["mode"] == "parallel" and run["stability"]["blocking_pairs"] >= 0


def test_admit_bad_input():
    s = sixlink.default_scenario()
    with pytest.raises(ValueError, match="mode must be stable or parallel"):
        sixlink.admit(s, mode="optimal")
    with pytest.raises(ValueError, match="choices must be an integer from 1"):
        sixlink.admit(s, choices=0)
    with pytest.raises(TypeError):
        sixlink.admit(s, county_limits="on")
    with pytest.raises(ValueError, match="no junior-high cohort for year 2040"):
        sixlink.admit(s, year=2040)


def test_admit_bad_applicants_file(tmp_path):
    path = tmp_path / "applicants.csv"
    path.write_text("id,region,score,choices\na,jiaojiang,500,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"applicants.csv:2: column 'choices': institution 'x'"):
        sixlink.admit(sixlink.default_scenario(), applicants=path)
