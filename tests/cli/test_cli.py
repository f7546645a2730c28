"""The sixlink program as a user runs it: reports, exit codes, one-line errors."""

import json
import math
from pathlib import Path

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "taizhou-2020.summary.json"


def assert_same_summary(a, b):
    """Equal summaries: integers exactly, floats to 1e-9 relative."""
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], float) or isinstance(b[key], float):
            assert math.isclose(a[key], b[key], rel_tol=1e-9), key
        elif isinstance(a[key], list):
            assert len(a[key]) == len(b[key])
            for x, y in zip(a[key], b[key]):
                if isinstance(x, dict):
                    assert_same_summary(x, y)
                else:
                    assert x == y, key
        elif isinstance(a[key], dict):
            assert_same_summary(a[key], b[key])
        else:
            assert a[key] == b[key], key


def test_run_prints_the_taizhou_summary(cli):
    out = cli("run", check=0).stdout
    assert "Scenario taizhou-2020 (base year 2020)" in out
    assert "students enrolled" in out and "88,700" in out
    assert "local retention (2020 records)" in out and "37.87 %" in out
    assert "Automobiles and parts" in out and "Health care and nursing" in out


def test_run_json_matches_the_golden_summary(cli):
    summary = cli.json("run")
    gap = summary.pop("gap")
    plan = summary.pop("plan")
    placement = summary.pop("placement")
    assert placement["mode"] == "optimal" and placement["certified"] is True
    # Job-seekers only (graduates who continue study are not placed); openings outnumber
    # them, and the placement has no outside option, so nearly all stay.
    assert placement["graduates"] > 10000 and 0.4 < placement["retention_rate"] <= 1
    assert plan["status"] == "optimal" and plan["year"] == 2021
    assert 0 < len(plan["recommendations"]) <= 5
    assert gap["year"] == 2020
    assert abs(gap["city"]["retention_rate"] - 0.3787) < 0.005
    names = [i["name"] for i in gap["indicators"]]  # the plan's table, in its order
    assert names[0] == "enrolment" and "retention_rate" in names
    assert summary["enrolled"] == 88700
    assert round(summary["retention_rate"], 4) == 0.3787
    assert_same_summary(summary, json.loads(GOLDEN.read_text()))


def test_run_is_deterministic(cli):
    assert cli("run", check=0).stdout == cli("run", check=0).stdout
    assert cli("run", "taizhou-2020", check=0).stdout == cli("run", check=0).stdout


@pytest.mark.parametrize("fmt", ["scenario.json", "scenario-csv"])
def test_export_default_validates_and_runs_back(cli, tmp_path, fmt):
    target = tmp_path / fmt
    done = cli("export-default", target, check=0)
    assert "wrote taizhou-2020" in done.stderr
    assert "valid scenario 'taizhou-2020'" in cli("validate", target, check=0).stdout
    assert cli.json("validate", target)["valid"] is True
    assert cli("run", target, check=0).stdout == cli("run", check=0).stdout
    assert_same_summary(cli.json("run", target), cli.json("run"))
    assert cli("gap", target, "--json", check=0).stdout.replace(str(target), "") == \
        cli("gap", "--json", check=0).stdout


def test_export_default_format_flag(cli, tmp_path):
    cli("export-default", tmp_path / "x", "--format", "json", check=0)
    assert json.loads((tmp_path / "x").read_text())["sixlink"] == 1
    cli("export-default", tmp_path / "y.json", "--format", "csv", check=0)
    assert (tmp_path / "y.json" / "programmes.csv").is_file()


def test_help_on_every_subcommand(cli):
    assert "run" in cli("--help", check=0).stdout
    for sub in ["run", "gap", "plan", "place", "validate", "export-default"]:
        out = cli(sub, "--help", check=0).stdout
        assert sub in out and "--help" in out
    assert cli("--version", check=0).stdout.startswith("sixlink ")


def _export_json(cli, tmp_path):
    path = tmp_path / "s.json"
    cli("export-default", path, check=0)
    return json.loads(path.read_text())


def _export_csv(cli, tmp_path):
    folder = tmp_path / "csv"
    cli("export-default", folder, check=0)
    return folder


def _broken_json(cli, tmp_path, change):
    doc = _export_json(cli, tmp_path)
    text = change(doc)
    path = tmp_path / "broken.json"
    path.write_text(text if isinstance(text, str) else json.dumps(doc))
    return path


def _set(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


# Each kind of broken input, with what the one error line must say.
JSON_CASES = {
    "syntax": (lambda d: json.dumps(d)[:-40], "parse error at line"),
    "version": (_set(["sixlink"], 7), "/sixlink: unknown format version 7"),
    "wrong type": (_set(["programmes", 0, "intake"], "many"), "/programmes/0/intake: expected an integer, got a string"),
    "fraction count": (_set(["programmes", 0, "intake"], 2.5), "/programmes/0/intake: expected an integer, got 2.5"),
    "missing field": (lambda d: d["schools"][1].pop("region") and None, "/schools/1: missing required field 'region'"),
    "unknown field": (_set(["regions", 0, "nmae"], "x"), "/regions/0/nmae: unknown field 'nmae'"),
    "unknown reference": (_set(["programmes", 3, "school"], "no-such-school"),
                          "/programmes/3/school: programme"),
    "duplicate id": (_set(["regions", 1, "id"], "jiaojiang"), "/regions/1/id: duplicate region id 'jiaojiang'"),
    "negative count": (_set(["enterprises", 0, "openings", 0, "count"], -4),
                       "/enterprises/0/openings/0/count: enterprise"),
    "overflow": (_set(["programmes", 0, "enrolled"], 10**19), "/programmes/0/enrolled: integer 10000000000000000000 is out of range"),
    "rate out of range": (_set(["programmes", 0, "completion_rate"], 1.2), "completion_rate must be in [0, 1], got 1.2"),
}


@pytest.mark.parametrize("case", sorted(JSON_CASES))
def test_validate_broken_json_prints_one_line_and_exits_2(cli, tmp_path, case):
    change, expected = JSON_CASES[case]
    path = _broken_json(cli, tmp_path, change)
    done = cli("run", path)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"sixlink: {path}: "), lines[0]
    assert expected in lines[0]
    assert "Traceback" not in done.stderr and "terminate" not in done.stderr
    # validate lists every problem, the one run stops at first
    listed = cli("validate", path)
    assert listed.returncode == 2 and listed.stdout == ""
    assert listed.stderr.splitlines()[0] == lines[0]


def _edit(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


CSV_CASES = {
    "missing file": (lambda f: (f / "schools.csv").unlink(), "schools.csv: missing file"),
    "unknown column": (lambda f: _edit(f, "regions.csv", "id,name", "id,nmae"), "regions.csv:1: unknown column 'nmae'"),
    "field count": (lambda f: _edit(f, "regions.csv", "\nhuangyan,", "\nhuangyan,extra,"),
                    "regions.csv:3: expected 2 fields as in the header, got 3"),
    "NaN": (lambda f: _edit(f, "specialty_occupations.csv", ",1\n", ",NaN\n"),
            "specialty_occupations.csv:2: column 'fit': specialty '660101': fit must be in (0, 1], got NaN"),
    "bad integer": (lambda f: _edit(f, "programmes.csv", ",3,0.95,", ",three,0.95,"),
                    "programmes.csv:2: column 'duration': expected an integer, got 'three' (programme 'jj-vs-"),
    "unknown reference": (lambda f: _edit(f, "enterprises.csv", ",jiaojiang,", ",atlantis,"),
                          "column 'region': enterprise"),
    "unterminated quote": (lambda f: (f / "regions.csv").write_text("id,name\nr1,\"Region one\n"),
                           "regions.csv:2: unterminated quoted field"),
}


@pytest.mark.parametrize("case", sorted(CSV_CASES))
def test_validate_broken_csv_prints_one_line_and_exits_2(cli, tmp_path, case):
    change, expected = CSV_CASES[case]
    folder = _export_csv(cli, tmp_path)
    change(folder)
    done = cli("validate", folder)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"sixlink: {folder}/"), lines[0]
    assert expected in lines[0]


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe garbage", b"[1, 2, 3]", b"{\"sixlink\": 1}"])
def test_validate_garbage_files(cli, tmp_path, content):
    path = tmp_path / "garbage.json"
    path.write_bytes(content)
    done = cli("validate", path)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert str(path) in done.stderr


def test_missing_paths_and_bad_usage_exit_2(cli, tmp_path):
    for args in (["validate", tmp_path / "absent.json"], ["run", "no-such-scenario"], ["frobnicate"], [],
                 ["validate"], ["export-default", tmp_path / "no" / "such" / "dir" / "x.json"]):
        done = cli(*args)
        assert done.returncode == 2, args
        assert len(done.stderr.splitlines()) == 1, (args, done.stderr)
        assert done.stderr.startswith("sixlink: ")


def test_run_report_includes_the_gap_summary(cli):
    out = cli("run", check=0).stdout
    assert "Supply and demand in 2020 (gap analysis)" in out
    assert "local retention" in out and "Plan indicators" in out


def test_gap_json_has_the_documented_fields(cli):
    report = cli.json("gap")
    assert {"id", "demand", "matched", "unmet", "ratio", "band"} <= report["clusters"][0].keys()
    assert {"id", "graduates", "placed_local", "leaving", "surplus", "marginal_value"} <= \
        report["programmes"][0].keys()
    assert {"name", "value", "target_2023", "target_2025"} <= report["indicators"][0].keys()
    city = report["city"]
    assert 0.3737 <= city["retention_rate"] <= 0.3837
    assert 0 < city["match_rate"] < 1
    for c in report["clusters"]:
        assert c["matched"] + c["unmet"] == c["demand"]
        assert c["band"] in {"shortage", "balanced", "oversupply", "no_demand"}
    for p in report["programmes"]:
        assert p["placed_local"] + p["leaving"] + p["surplus"] == p["graduates"]
    assert sum(c["matched"] for c in report["clusters"]) == city["matched"]
    # The bay's schools are campuses that open later (schools.csv, opens_in_year).
    assert report["regions"][-1]["id"] == "bay"
    assert report["linkage"]["findings"]["regions_without_schools"] == []


def test_gap_text_csv_and_year(cli, tmp_path):
    out = cli("gap", "--csv", tmp_path / "tables", check=0)
    assert "Industry clusters" in out.stdout and "Structural findings" in out.stdout
    for name in ["clusters", "cells", "programmes", "regions", "indicators", "city", "findings"]:
        text = (tmp_path / "tables" / f"{name}.csv").read_text()
        assert "nan" not in text.lower(), name
    header = (tmp_path / "tables" / "clusters.csv").read_text().splitlines()[0]
    assert header == "id,name,supply,demand,matched,unmet,ratio,band"
    later = cli.json("gap", "--year", "2025")
    now = cli.json("gap")
    assert later["year"] == 2025 and later["city"]["demand"] > now["city"]["demand"]
    fixed = cli.json("gap", "--outside-weight", "0.3")
    assert fixed["city"]["outside_weight"] == 0.3 and not fixed["city"]["outside_weight_calibrated"]


def test_gap_retention_definitions_and_progression(cli, tmp_path):
    """留台率 under both readings; progression read from a scenario's study records."""
    labour = cli.json("gap")
    assert labour["city"]["retention_definition"] == "labour_market"
    assert labour["city"]["labour_market_retention_rate"] == labour["city"]["retention_rate"]
    everyone = cli.json("gap", "--retention", "all_graduates")
    city = everyone["city"]
    assert city["retention_definition"] == "all_graduates"
    expected = (city["matched"] + city["progressed_local"]) / (city["graduates"] + city["progressed"])
    assert abs(city["retention_rate"] - expected) <= 1e-6
    bad = cli("gap", "--retention", "everyone")
    assert bad.returncode == 2 and "--retention" in bad.stderr
    # A study record and a 3+2 link in a scenario file: graduates who continue study are
    # not job-seekers, and the link routes them.
    scenario = json.loads((ROOT / "examples" / "data" / "tiny-city.json").read_text())
    first = scenario["programmes"][0]["id"]
    scenario["employment"].append({"programme": first, "year": scenario["base_year"],
                                   "progressed": True, "count": 10})
    path = tmp_path / "city.json"
    path.write_text(json.dumps(scenario))
    report = cli.json("gap", path)
    row = next(r for r in report["progression"]["programmes"] if r["programme"] == first)
    assert row["progressed"] > 0 and row["job_seekers"] == row["graduates"] - row["progressed"]
    assert report["city"]["progressed"] == report["progression"]["progressed"]
    scenario["pathways"] = [{"from": first, "to": first, "kind": "three_plus_two"}]
    path.write_text(json.dumps(scenario))
    wrong = cli("validate", path)
    assert wrong.returncode != 0 and "one level up" in (wrong.stdout + wrong.stderr)


@pytest.mark.parametrize("args, words", [
    (["--year", "1999"], "--year 1999: the analysis year must be from 2020 to 2120"),
    (["--outside-weight", "1.5"], "--outside-weight: expected a number in [0, 1], got '1.5'"),
    (["--outside-weight", "nan"], "--outside-weight: expected a number in [0, 1], got 'nan'"),
    (["--outside-weight", "-0.5"], "--outside-weight: expected a number in [0, 1], got '-0.5'"),
    (["--mobility", "-1"], "--mobility: expected a number in [0, 1], got '-1'"),
    (["--outside-share", "2"], "--outside-share: expected a number in [0, 1], got '2'"),
    (["--outside-tiers", "0"], "--outside-tiers: expected a whole number from 1 to 64, got '0'"),
])
def test_gap_bad_options_exit_2_with_one_line(cli, args, words):
    done = cli("gap", *args)
    assert done.returncode == 2
    assert words in done.stderr and done.stderr.count("\n") == 1


def test_plan_json_has_the_documented_fields(cli):
    report = cli.json("plan")
    assert report["status"] == "optimal" and report["year"] == 2021
    assert abs(report["upper_bound"] - report["objective"]) <= 1e-6 * abs(report["objective"])
    programmes = {p["id"]: p for p in report["programmes"]}
    assert {"id", "current_intake", "intake"} <= set(report["programmes"][0])
    assert len([p for p in report["programmes"] if not p["candidate"]]) == 134
    for p in report["programmes"]:
        if p["open"] and not p["candidate"]:
            assert p["lower"] - 1e-9 <= p["intake"] <= p["upper"] + 1e-9
    assert report["recommendations"]
    for r in report["recommendations"]:
        assert {"programme", "action", "reason", "marginal_value", "agreement"} <= set(r)
        assert r["action"] in ("expand", "shrink", "open", "close")
        assert r["programme"] in programmes and r["reason"]
    assert [y["year"] for y in report["horizon"]] == [2021]


def test_plan_over_the_horizon_reports_the_targets(cli):
    report = cli.json("plan", "--year", "2025")
    years = report["horizon"]
    assert [y["year"] for y in years] == [2021, 2022, 2023, 2024, 2025]
    assert years[2]["enrolment_target"] == 94000 and years[2]["retention_target"] == 0.45
    assert years[4]["retention_target"] == 0.55
    for y in years:  # each year meets its (interpolated) target or says by how much it cannot
        assert y["enrolment"] >= y["enrolment_target"] - y["enrolment_shortfall"] - 1e-3


def test_plan_infeasible_total_names_the_constraint(cli):
    report = cli.json("plan", "--total", "100000", "--no-horizon", check=3)
    assert report["status"] == "infeasible"
    assert report["binding_constraint"] == "total_enrolment"
    assert 2000 < report["shortfall"] < 3000
    assert "total_enrolment" in report["message"]
    text = cli("plan", "--total", "100000", "--no-horizon", check=3).stdout
    assert "infeasible" in text and "total_enrolment" in text


def test_plan_samples_are_reproducible(cli):
    a = cli.json("plan", "--samples", "12", "--seed", "5", "--threads", "1", "--no-horizon")
    b = cli.json("plan", "--samples", "12", "--seed", "5", "--threads", "2", "--no-horizon")
    assert a == b
    assert a["robustness"]["samples"] == 12
    assert any(r["agreement"] < 1 for r in a["recommendations"])


def test_plan_export_mps_matches_highs(cli, tmp_path):
    solve_mps = pytest.importorskip("sixlink.mps").solve_mps  # the package built beside the CLI
    model = tmp_path / "plan.mps"
    report = cli.json("plan", "--total", "94000", "--budget", "1.9e9", "--no-horizon",
                      "--export-mps", model)
    optimum, _ = solve_mps(model)  # the file minimises minus the objective
    assert abs(-optimum - report["objective"]) <= 1e-6 * abs(report["objective"])


@pytest.mark.parametrize("args, message", [
    (["--max-change", "2"], "--max-change: expected a number in [0, 1], got '2'"),
    (["--year", "2019"], "--year 2019: the intake year must be from 2021 to 2070"),
    (["--year", "1900"], "--year 1900: the intake year must be from 2021 to 2070"),
    (["--samples", "-1"], "--samples: expected a whole number from 0 to 1000000, got '-1'"),
    (["--min-secondary-share", "1.5"], "--min-secondary-share: expected a number in [0, 1], got '1.5'"),
    (["--top", "-1"], "--top: expected a whole number from 0 to 2147483647, got '-1'"),
    (["--seed", "-1"], "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'"),
    (["--seed", "18446744073709551616"], "got '18446744073709551616'"),
    (["--budget", "inf"], "--budget: expected a number in [0, 1e+15], got 'inf'"),
])
def test_plan_bad_options_are_named(cli, args, message):
    done = cli("plan", *args, check=2)
    assert message in done.stderr


def test_place_json_has_the_documented_fields(cli):
    report = cli.json("place", "--mode", "optimal")
    for key in ["scenario", "mode", "graduates", "placed", "placement_rate", "jobs",
                "internships", "retention_rate", "mean_fit", "total_value", "candidate_pairs",
                "blocking_pairs", "blocking_examples", "certified", "clusters", "programmes"]:
        assert key in report, key
    assert report["certified"] is True
    assert abs(report["flow_objective"] - report["total_value"]) <= 5e-7 * report["placed"]
    assert report["placed"] == report["jobs"] + report["internships"]
    assert report["placed"] == sum(c["filled"] for c in report["clusters"])
    assert report["graduates"] == sum(p["graduates"] for p in report["programmes"])
    assert all(c["filled"] <= c["seats"] for c in report["clusters"])
    stable = cli.json("place", "--mode", "stable")
    assert stable["blocking_pairs"] == 0 and stable["certified"] is None
    assert stable["total_value"] < report["total_value"]  # the welfare cost of stability
    parallel = cli.json("place", "--mode", "parallel")
    assert parallel["placed"] <= report["graduates"]
    text = cli("place", "--mode", "stable", check=0).stdout
    assert "local retention" in text and "Fill per cluster" in text


def test_place_writes_assignments_and_reads_a_cohort(cli, tmp_path):
    out = tmp_path / "assignments.csv"
    first = cli.json("place", "--mode", "stable", "--seed", "3", "--assignments", out)
    rows = out.read_text().splitlines()
    assert rows[0] == "graduate,enterprise,opening,kind"
    assert len(rows) == 1 + first["graduates"]
    assert sum(1 for r in rows[1:] if r.split(",")[1]) == first["placed"]
    assert cli.json("place", "--mode", "stable", "--seed", "3") == first
    # A small cohort of our own, with openings that rank their graduates.
    graduates = tmp_path / "graduates.csv"
    graduates.write_text("id,programme,score,preferences\n"
                         "a,wl-vs1-660301,90,\n"
                         "b,wl-vs1-660301,10,e-wenling-auto-01\n")
    openings = tmp_path / "openings.csv"
    openings.write_text("id,enterprise,occupation,capacity,kind,ranking\n"
                        "seat,e-wenling-auto-01,electrical-maintenance,1,job,b;a\n")
    report = cli.json("place", "--mode", "stable", "--cohort", graduates, "--openings", openings,
                      "--assignments", out)
    assert report["graduates"] == 2 and report["placed"] == 1
    assert out.read_text().splitlines()[1:] == ["a,,,", "b,e-wenling-auto-01,seat,job"]


@pytest.mark.parametrize("content, message", [
    ("id,programme\ng1,nope\n", "graduates.csv:2: programme 'nope' is not in the scenario"),
    ("id,programme,score\ng1,wl-vs1-660301,high\n", "graduates.csv:2: column 'score'"),
    ("id,programme,colour\ng1,wl-vs1-660301,red\n", "unknown column 'colour'"),
    ("id,programme\ng1,wl-vs1-660301\ng1,wl-vs1-660301\n", "graduates.csv:3: duplicate id"),
])
def test_place_bad_cohort_files_are_named(cli, tmp_path, content, message):
    path = tmp_path / "graduates.csv"
    path.write_text(content)
    done = cli("place", "--cohort", path, check=2)
    assert message in done.stderr


def test_place_bad_options_are_named(cli):
    assert "mode" in cli("place", "--mode", "best", check=2).stderr
    assert "--candidates: expected a whole number from 0 to 1000000, got '-1'" in cli(
        "place", "--candidates", "-1", check=2).stderr
    assert "--seed: expected a whole number" in cli("place", "--seed", "-1", check=2).stderr
    assert "--openings needs --cohort" in cli("place", "--openings", "x.csv", check=2).stderr

