"""Outputs never destroy inputs, are checked before any work, and are written whole.

Every reproduction of issue 14's points 1-3, 5-7 and 12 that concerns the command
line: an output that is (or through a link resolves to) an input is refused before
any work; a folder output is replaced as a whole, so a run killed at any moment
leaves the old folder or the new one; temporaries are named and cleaned; "-" is
standard output; messages name the option, the value and the real cause.
"""
import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def scenario(cli, tmp_path_factory):
    """The built-in scenario as a JSON file and as a CSV folder."""
    root = tmp_path_factory.mktemp("scenario")
    cli("export-default", root / "city.json", check=0)
    cli("export-default", root / "city-csv", check=0)
    return root


def snapshot(path: Path) -> dict:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


def refused(done, *words):
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    assert done.stdout == ""


# --- point 1: an output never destroys an input ---------------------------------

def test_outputs_that_are_inputs_are_refused_before_any_work(cli, scenario, tmp_path):
    csv_dir, js = scenario / "city-csv", scenario / "city.json"
    before = {**snapshot(csv_dir), **snapshot(js)}
    refused(cli("gap", csv_dir, "--csv", csv_dir), "--csv", "is the input", str(csv_dir))
    refused(cli("plan", js, "--export-mps", js), "--export-mps", "is the input", str(js))
    refused(cli("gap", js, "--csv", scenario / "city-csv"), "--csv")  # not an input, but not ours
    # an output inside the input folder would add a table the scenario does not have
    refused(cli("plan", csv_dir, "--export-mps", csv_dir / "plan.mps"), "into the input folder")
    refused(cli("gap", csv_dir, "--csv", csv_dir / "tables"), "into the input folder")
    # a folder output that holds the input
    refused(cli("gap", js, "--csv", scenario), "--csv")
    assert {**snapshot(csv_dir), **snapshot(js)} == before


def test_links_to_inputs_are_refused(cli, scenario, tmp_path):
    js = scenario / "city.json"
    hard = tmp_path / "hard.json"
    os.link(js, hard)
    soft = tmp_path / "soft.mps"
    soft.symlink_to(js)
    before = js.read_bytes()
    refused(cli("plan", js, "--export-mps", hard), "is the input", str(js))
    refused(cli("plan", js, "--export-mps", soft), "is the input", str(js))
    folder_link = tmp_path / "tables"
    folder_link.symlink_to(scenario / "city-csv")
    refused(cli("gap", scenario / "city-csv", "--csv", folder_link), "is the input")
    assert js.read_bytes() == before


def test_cohort_outputs_never_replace_the_cohort(cli, tmp_path):
    cli("place", "--export-cohort", tmp_path / "cohort", check=0)
    graduates = tmp_path / "cohort" / "graduates.csv"
    before = graduates.read_bytes()
    refused(cli("place", "--cohort", graduates, "--assignments", graduates),
            "--assignments", "is the input --cohort")
    refused(cli("place", "--cohort", graduates, "--export-cohort", tmp_path / "cohort"),
            "--export-cohort")
    assert graduates.read_bytes() == before


def test_a_symlinked_output_is_written_through_to_its_target(cli, tmp_path):
    target = tmp_path / "real.mps"
    target.write_text("old")
    link = tmp_path / "link.mps"
    link.symlink_to(target.name)
    cli("plan", "--no-horizon", "--export-mps", link, check=0)
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text().startswith(("NAME", "*"))
    real_dir = tmp_path / "real-dir"
    real_dir.mkdir()
    (tmp_path / "dir-link").symlink_to(real_dir)
    cli("gap", "--csv", tmp_path / "dir-link", check=0)
    assert (tmp_path / "dir-link").is_symlink()
    assert (real_dir / "clusters.csv").exists()


def test_dash_is_standard_output(cli, tmp_path):
    done = cli("export-default", "-", check=0)
    assert json.loads(done.stdout)["name"] == "taizhou-2020"
    done = cli("place", "--assignments", "-", check=0)
    lines = done.stdout.splitlines()
    job_seekers = cli.json("gap")["city"]["graduates"]  # those continuing study are not placed
    assert lines[0] == "graduate,enterprise,opening,kind" and len(lines) == job_seekers + 1
    done = cli("plan", "--no-horizon", "--export-mps", "-", check=0)
    assert "ROWS" in done.stdout and "Quota plan" not in done.stdout
    refused(cli("gap", "--csv", "-"), "standard output")
    refused(cli("place", "--assignments", "-", "--export-cohort", "-"), "standard output")


# --- point 2: output paths are checked before the solve -------------------------

@pytest.mark.parametrize("args, words", [
    (["place", "--assignments", "nope/a.csv"], ["--assignments", "'nope' does not exist"]),
    (["plan", "--export-mps", "nope/m.mps"], ["--export-mps", "'nope' does not exist"]),
    (["gap", "--csv", "nope/tables"], ["--csv", "'nope' does not exist"]),
    (["export-default", "nope/city.json"], ["'nope' does not exist"]),
    (["export-default", "nope/city-csv"], ["'nope' does not exist"]),
    (["place", "--export-cohort", "nope/c"], ["--export-cohort", "'nope' does not exist"]),
])
def test_missing_parent_folders_are_refused_at_once(cli, tmp_path, args, words):
    start = time.monotonic()
    done = subprocess.run([os.path.abspath(cli.path), *args], capture_output=True, text=True,
                          cwd=tmp_path)
    refused(done, *words)
    assert time.monotonic() - start < 5  # before the solve, not after it
    assert list(tmp_path.iterdir()) == []


def test_a_folder_where_a_file_belongs_and_the_other_way_round(cli, tmp_path):
    (tmp_path / "somedir").mkdir()
    refused(cli("plan", "--export-mps", tmp_path / "somedir"), "is a folder; give a file name")
    (tmp_path / "file.txt").write_text("x")
    refused(cli("gap", "--csv", tmp_path / "file.txt"), "exists and is not a folder")
    refused(cli("place", "--assignments", tmp_path / "file.txt" / "a.csv"), "is not a folder")


def test_a_folder_holding_other_files_is_never_replaced(cli, tmp_path):
    out = tmp_path / "tables"
    cli("gap", "--csv", out, check=0)
    (out / "notes.txt").write_text("mine")
    refused(cli("gap", "--csv", out), "holds 'notes.txt'")
    assert (out / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_named(cli, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        refused(cli("plan", "--export-mps", locked / "m.mps"), "cannot write in")
    finally:
        locked.chmod(0o700)


# --- point 3: folder outputs are atomic as a whole ------------------------------

def tables_are_whole(cli, folder: Path, year_markers) -> bool:
    city = (folder / "city.csv").read_text()
    year = next(line for line in city.splitlines() if line.startswith("year,")).split(",")[1]
    return year in year_markers


def test_a_killed_export_leaves_the_old_folder_or_the_new_one(cli, tmp_path):
    out = tmp_path / "city-csv"
    cli("export-default", out, check=0)
    rng = random.Random(1)
    for attempt in range(12):
        proc = subprocess.Popen([cli.path, "export-default", out],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL if attempt % 2 else signal.SIGTERM)
        proc.wait()
        cli("validate", out, check=0)
        # A SIGTERMed run leaves nothing of its own; a SIGKILLed one's temporaries stay until
        # a later run gets as far as writing (one killed before that does not remove them).
        own = [p.name for p in tmp_path.iterdir() if f".sixlink-tmp-{proc.pid}-" in p.name]
        if attempt % 2 == 0:
            assert own == [], own
    cli("export-default", out, check=0)  # the next write removes a killed run's temporaries
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city-csv"]


def test_gap_tables_switch_as_a_whole(cli, tmp_path):
    out = tmp_path / "tables"
    cli("gap", "--csv", out, "--year", "2020", check=0)
    cli("gap", "--csv", out, "--year", "2025", check=0)
    assert tables_are_whole(cli, out, {"2025"})
    for attempt in range(6):
        proc = subprocess.Popen([cli.path, "gap", "--csv", out, "--year", str(2021 + attempt)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.1 + 0.05 * attempt)
        proc.kill()
        proc.wait()
        assert sorted(p.name for p in out.iterdir()) == sorted(
            ["cells.csv", "city.csv", "clusters.csv", "findings.csv", "flows.csv", "indicators.csv",
             "occupations.csv", "pathways.csv", "programmes.csv", "progression.csv",
             "regions.csv"])


def test_stale_temporaries_of_dead_runs_are_removed_by_the_next_write(cli, tmp_path):
    dead = tmp_path / "plan.mps.sixlink-tmp-999999999-deadbeefdeadbeef"
    dead.write_text("half")
    dead_dir = tmp_path / "tables.sixlink-tmp-999999999-0123456789abcdef"
    dead_dir.mkdir()
    (dead_dir / "cells.csv").write_text("half")
    cli("plan", "--no-horizon", "--export-mps", tmp_path / "plan.mps", check=0)
    cli("gap", "--csv", tmp_path / "tables", check=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.mps", "tables"]


# --- points 5-7: messages and exit statuses -------------------------------------

def test_duplicate_json_keys_and_huge_numbers_are_located(cli, scenario, tmp_path):
    text = (scenario / "city.json").read_text()
    dup = tmp_path / "dup.json"
    dup.write_text(text.replace('"sixlink": 1,', '"sixlink": 1, "sixlink": 1,', 1))
    refused(cli("validate", dup), "dup.json: /sixlink: the key 'sixlink' is given twice")
    data = json.loads(text)
    data["programmes"][3]["intake"] = 12345
    big = tmp_path / "big.json"
    big.write_text(json.dumps(data).replace("12345", "1e400", 1))
    refused(cli("validate", big), "big.json: /programmes/3/intake:", "1e400")


def test_control_characters_in_ids_are_escaped(cli, scenario, tmp_path):
    data = json.loads((scenario / "city.json").read_text())
    data["programmes"][0]["school"] = "a\u0000b\tc"
    bad = tmp_path / "nul.json"
    bad.write_text(json.dumps(data))
    done = cli("validate", bad)
    assert done.returncode == 2
    assert "a\\x00b\\tc" in done.stderr and done.stderr.count("\n") == 1


def test_a_gbk_export_is_named_as_gbk(cli, scenario, tmp_path):
    folder = tmp_path / "gbk"
    folder.mkdir()
    for p in (scenario / "city-csv").iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    regions = folder / "regions.csv"
    regions.write_bytes(regions.read_text(encoding="utf-8").encode("gbk"))
    refused(cli("validate", folder), "regions.csv:2: GBK-encoded")


def test_an_unknown_command_is_named(cli):
    refused(cli("frob"), "unknown command 'frob'")


def test_an_infeasible_plan_exits_3_with_its_report(cli):
    done = cli("plan", "--total", "100000", "--no-horizon")
    assert done.returncode == 3
    assert "infeasible" in done.stdout and "exit status 3" in done.stderr
    assert cli("plan", "--no-horizon").returncode == 0


def test_an_empty_cohort_gives_an_empty_placement(cli, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("id,programme,home_region,score,preferences\n")
    for mode in ["optimal", "stable", "parallel"]:
        report = cli.json("place", "--cohort", empty, "--mode", mode)
        assert report["graduates"] == 0 and report["placed"] == 0


# --- point 12: sample files for every input a user may bring --------------------

def test_export_cohort_writes_files_that_read_back_to_the_same_placement(cli, tmp_path):
    cli("place", "--seed", "3", "--export-cohort", tmp_path / "cohort", check=0)
    graduates, openings = tmp_path / "cohort" / "graduates.csv", tmp_path / "cohort" / "openings.csv"
    assert graduates.read_text().splitlines()[0] == "id,programme,home_region,score,preferences"
    assert openings.read_text().splitlines()[0] == (
        "id,enterprise,occupation,region,capacity,kind,ranking")
    synthetic = cli.json("place", "--seed", "3", "--mode", "stable")
    loaded = cli.json("place", "--seed", "3", "--mode", "stable", "--cohort", graduates,
                      "--openings", openings)
    assert loaded == synthetic


def test_cohort_ids_obey_the_scenario_id_limits(cli, tmp_path):
    header = "id,programme,home_region,score,preferences\n"
    long_id = tmp_path / "long.csv"
    long_id.write_text(header + "x" * 201 + ",jj-vs-660301,,1,\n")
    refused(cli("place", "--cohort", long_id), "long.csv:2:", "longer than 200 bytes")
    ok = tmp_path / "ok.csv"
    ok.write_text(header + "x" * 200 + ",jj-vs-660301,,1,\n")
    assert cli.json("place", "--cohort", ok)["graduates"] == 1


def test_validate_reports_every_problem_up_to_twenty(cli, scenario, tmp_path):
    data = json.loads((scenario / "city.json").read_text())
    data["programmes"][0]["school"] = "nowhere"
    data["programmes"][5]["completion_rate"] = 2
    data["clusters"][1]["growth_rate"] = 5
    bad = tmp_path / "three.json"
    bad.write_text(json.dumps(data))
    done = cli("validate", bad)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert "/programmes/0/school" in done.stderr and "/programmes/5/completion_rate" in done.stderr
    assert "/clusters/1/growth_rate" in done.stderr and len(lines) == 3
    assert all(line.startswith("sixlink: ") for line in lines)
    report = json.loads(cli("validate", bad, "--json").stdout)
    assert report["valid"] is False and report["more_errors"] is False
    assert {e["location"] for e in report["errors"]} == {
        "/programmes/0/school", "/programmes/5/completion_rate", "/clusters/1/growth_rate"}
    assert all(e["file"] == str(bad) and e["message"] for e in report["errors"])
    for p in data["programmes"][:30]:
        p["school"] = "nowhere"
    bad.write_text(json.dumps(data))
    done = cli("validate", bad)
    assert done.stderr.count("\n") == 21 and "more problems not shown" in done.stderr
    report = json.loads(cli("validate", bad, "--json").stdout)
    assert len(report["errors"]) == 20 and report["more_errors"] is True


def test_validate_json_for_valid_and_broken_files(cli, scenario, tmp_path):
    ok = json.loads(cli("validate", scenario / "city.json", "--json").stdout)
    assert ok["valid"] is True and ok["errors"] == [] and ok["summary"]["enrolled"] == 88700
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    done = cli("validate", broken, "--json")
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert report["valid"] is False and len(report["errors"]) == 1
    assert report["errors"][0]["file"] == str(broken)


def test_a_trailing_slash_names_the_folder(cli, tmp_path):
    cli("export-default", f"{tmp_path / 'city-csv'}/", check=0)
    cli("export-default", f"{tmp_path / 'city-csv'}/", check=0)  # and replaces it
    cli("gap", "--csv", f"{tmp_path / 'tables'}/", check=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city-csv", "tables"]
    cli("validate", tmp_path / "city-csv", check=0)
