"""`sixlink admit`: one admission batch of junior-high graduates (issue 20)."""

import csv
import json
import os
import subprocess

import pytest


def test_admit_stable_has_no_blocking_pair(cli):
    out = cli.json("admit", "--seed", "3")
    run = out["admission"]
    assert out["scenario"] == "taizhou-2020" and out["year"] == 2020
    assert run["mode"] == "stable" and run["county_limits"] is False
    assert run["stability"]["blocking_pairs"] == 0 and run["stability"]["stable"]
    assert run["admitted"] + run["unplaced"] == run["applicants"]
    assert run["vocational"]["admitted"] + run["general"]["admitted"] == run["admitted"]
    assert sum(map(sum, run["flows"]["from_to"])) == run["admitted"]
    assert len(run["flows"]["regions"]) == 10
    assert any("illustrative" in note for note in out["notes"])
    for row in run["institutions"]:
        assert row["filled"] <= row["seats"]
        if row["filled"]:
            assert row["scores"]["min"] <= row["scores"]["median"] <= row["scores"]["max"]


def test_admit_parallel_with_county_limits_stays_in_the_county(cli):
    run = cli.json("admit", "--mode", "parallel", "--county-limits", "on")["admission"]
    flows = run["flows"]["from_to"]
    assert all(flows[h][d] == 0 for h in range(10) for d in range(10) if h != d)
    assert run["stability"]["blocking_pairs"] >= 0


def test_admit_compare_reports_both_rules(cli):
    out = cli.json("admit", "--compare")
    assert out["county_limited"]["county_limits"] is True
    assert out["open"]["county_limits"] is False
    assert out["open"]["applicants"] == out["county_limited"]["applicants"]
    text = cli("admit", "--compare", check=0).stdout
    assert "county-limited vs open" in text and "By county" in text
    assert cli("admit", "--compare", "--county-limits", "on", check=2).stderr.count("\n") == 1


def test_admit_text_report_sections(cli):
    text = cli("admit", check=0).stdout
    for section in ("stability audit", "vocational share", "By county", "Cross-county flows",
                    "Schools", "Programmes and high schools"):
        assert section in text


@pytest.mark.parametrize("threads", ["1", "3"])
def test_admit_is_deterministic_at_any_thread_count(cli, threads):
    env = dict(os.environ, OMP_NUM_THREADS=threads)
    done = subprocess.run([cli.path, "admit", "--seed", "9", "--json"], capture_output=True,
                          text=True, env=env, check=True)
    base = subprocess.run([cli.path, "admit", "--seed", "9", "--json"], capture_output=True,
                          text=True, env=dict(os.environ, OMP_NUM_THREADS="2"), check=True)
    assert done.stdout == base.stdout


def test_admit_writes_assignments_and_reads_applicants(cli, tmp_path):
    out = tmp_path / "assignments.csv"
    cli("admit", "--assignments", out, "--seed", "1", check=0)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0].keys() == {"applicant", "region", "score", "institution", "kind", "school",
                              "institution_region"}
    applicants = tmp_path / "applicants.csv"
    applicants.write_text("id,region,score,choices\n"
                          "a,jiaojiang,600,jiaojiang-gh1;jiaojiang-gh2\n"
                          "b,bay,300,jiaojiang-gh1\n", encoding="utf-8")
    run = cli.json("admit", "--applicants", applicants)
    assert run["applicants_source"] == "file"
    assert run["admission"]["admitted"] == 2
    # An output never replaces an input.
    assert "--assignments" in cli("admit", "--applicants", applicants, "--assignments",
                                  applicants, check=2).stderr


@pytest.mark.parametrize("content, message", [
    ("id,region,score,choices\na,jiaojiang,600,nowhere\n",
     "applicants.csv:2: column 'choices': institution 'nowhere' is not a programme or high school"),
    ("id,region,score,choices\na,jiaojiang,600,jiaojiang-gh1;jiaojiang-gh1\n",
     "applicants.csv:2: column 'choices': institution 'jiaojiang-gh1' is listed twice"),
    ("id,region,score,choices\na,mars,600,jiaojiang-gh1\n",
     "applicants.csv:2: column 'region': region 'mars' is not in the scenario"),
])
def test_admit_bad_applicants_are_located(cli, tmp_path, content, message):
    path = tmp_path / "applicants.csv"
    path.write_text(content, encoding="utf-8")
    done = cli("admit", "--applicants", path, check=2)
    assert message in done.stderr and done.stderr.count("\n") == 1


def test_admit_negative_capacity_is_located(cli, tmp_path):
    path = tmp_path / "hs.csv"
    path.write_text("id,name,region,capacity,tier\nh1,One,jiaojiang,-10,1\n", encoding="utf-8")
    done = cli("admit", "--high-schools", path, check=2)
    assert "hs.csv:2: capacity -10 must be from 0 to 10^12" in done.stderr
    assert done.stderr.count("\n") == 1


def test_admit_bad_options(cli):
    assert "--mode" in cli("admit", "--mode", "optimal", check=2).stderr
    assert "--county-limits" in cli("admit", "--county-limits", "maybe", check=2).stderr
    assert "no junior-high cohort for year 2030" in cli("admit", "--year", "2030", check=2).stderr


def test_admit_year_picks_its_cohort(cli, tmp_path):
    regions = ["jiaojiang", "huangyan", "luqiao", "linhai", "wenling", "yuhuan", "tiantai",
               "xianju", "sanmen", "bay"]
    cohorts = tmp_path / "cohorts.csv"
    rows = ["region,year,size,score_mean,score_sd"]
    for r in regions:
        rows += [f"{r},2020,1000,480,90", f"{r},2021,1200,470,85"]
    cohorts.write_text("\n".join(rows) + "\n")
    for year, applicants in ((2020, 10_000), (2021, 12_000)):
        out = cli.json("admit", "--cohorts", str(cohorts), "--year", str(year))
        assert out["year"] == year
        assert out["admission"]["applicants"] == applicants
    assert "no junior-high cohort for year 2022 (cohorts: 2020, 2021)" in cli(
        "admit", "--cohorts", str(cohorts), "--year", "2022", check=2).stderr


def test_plan_admission_flags_and_caps(cli):
    out = cli.json("plan", "--admission", "--no-horizon", "--samples", "0", check=None)
    assert "admission" in out and isinstance(out["admission"]["shortfalls"], list)
