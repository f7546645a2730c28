"""Programmes are labelled in every programme table (issue 16, point 4): the built-in
scenario's labels ("天台 · 电子商务") in JSON, CSV and text beside the ids; a scenario that
sets none (tiny-city) gets an empty "name" in JSON and CSV and its text tables as before."""

import csv
import re

import pytest

from conftest import ROOT

TINY = ROOT / "examples" / "data" / "tiny-city.json"
LABEL = re.compile(r"^\S+ · \S+")  # "<school> · <specialty>"


@pytest.fixture(scope="module")
def taizhou_gap(cli):
    return cli.json("gap")


def test_gap_json_labels_programmes_and_progression(taizhou_gap):
    programmes = taizhou_gap["programmes"]
    assert list(programmes[0])[:2] == ["id", "name"]
    assert all(LABEL.match(p["name"]) for p in programmes), programmes[0]
    assert any(p["name"].startswith("天台 · ") for p in programmes)
    names = {p["id"]: p["name"] for p in programmes}
    progression = taizhou_gap["progression"]["programmes"]
    assert list(progression[0])[:2] == ["programme", "name"]
    assert all(r["name"] == names[r["programme"]] for r in progression)


def test_gap_csv_and_text_show_the_labels(cli, taizhou_gap, tmp_path):
    text = cli("gap", "--csv", tmp_path / "t", check=0).stdout
    names = {p["id"]: p["name"] for p in taizhou_gap["programmes"]}
    with open(tmp_path / "t" / "programmes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:2] == ["id", "name"]
    assert {r["id"]: r["name"] for r in rows} == names
    with open(tmp_path / "t" / "progression.csv", encoding="utf-8", newline="") as f:
        progression = list(csv.DictReader(f))
    assert list(progression[0])[:2] == ["programme", "name"]
    assert all(r["name"] == names[r["programme"]] for r in progression)
    table = text.split("\nProgrammes\n")[1].split("\n\n")[0]
    assert re.match(r"^  programme\s+name\s+graduates", table)
    first = taizhou_gap["programmes"][0]
    assert re.search(rf"^  {re.escape(first['id'])}\s+{re.escape(first['name'])}\s+[\d,]+\s",
                     table, re.M), table


def test_gap_text_lists_the_occupations_with_most_unmet_openings(taizhou_gap, cli):
    text = cli("gap", check=0).stdout
    table = text.split("\nOccupations with the most unmet openings\n")[1].split("\n\n")[0]
    lines = table.splitlines()
    assert re.match(r"^  occupation\s+cluster\s+region\s+openings\s+matched\s+unmet$", lines[0])
    worst = sorted((o for o in taizhou_gap["occupations"] if o["unmet"] > 0),
                   key=lambda o: -o["unmet"])[:10]
    assert len(lines) == 1 + len(worst)
    unmet = [int(line.split()[-1].replace(",", "")) for line in lines[1:]]
    assert unmet == [o["unmet"] for o in worst]
    assert lines[1].split()[0] == worst[0]["occupation"]


def test_plan_labels_programmes_and_recommendations(cli):
    report = cli.json("plan", "--no-horizon")
    existing = [p for p in report["programmes"] if not p["candidate"]]
    assert list(existing[0])[:2] == ["id", "name"]
    assert all(LABEL.match(p["name"]) for p in existing)
    # Candidates are labelled like their school's programmes (or by the school's name).
    assert all(LABEL.match(p["name"]) for p in report["programmes"] if p["candidate"])
    names = {p["id"]: p["name"] for p in report["programmes"]}
    assert list(report["recommendations"][0])[:2] == ["programme", "name"]
    assert all(r["name"] == names[r["programme"]] for r in report["recommendations"])
    text = cli("plan", "--no-horizon", "--top", "5", check=0).stdout
    first = report["recommendations"][0]
    assert re.search(r"^  programme\s+name\s+action", text, re.M)
    assert re.search(rf"^  {re.escape(first['programme'])}\s+{re.escape(first['name'])}\s+"
                     rf"{first['action']}\s", text, re.M), text
    assert f"  {first['programme']} ({first['name']}): " in text  # its reason
    run = cli.json("run")["plan"]["recommendations"]
    assert all(r["name"] == names[r["programme"]] for r in run)


def test_place_labels_programmes(cli, taizhou_gap):
    names = {p["id"]: p["name"] for p in taizhou_gap["programmes"]}
    report = cli.json("place")
    assert list(report["programmes"][0])[:2] == ["programme", "name"]
    assert all(p["name"] == names[p["programme"]] for p in report["programmes"])
    text = cli("place", check=0).stdout
    table = text.split("\nMost unplaced graduates")[1]
    if "(0 programmes have some)" not in table:
        assert re.search(r"^  programme\s+name\s+graduates", table, re.M), table


def test_a_scenario_without_labels_has_empty_names_and_unchanged_text(cli, tmp_path):
    gap = cli.json("gap", TINY)
    assert [p["name"] for p in gap["programmes"]] == ["", "", ""]
    assert all(r["name"] == "" for r in gap["progression"]["programmes"])
    plan = cli.json("plan", TINY, "--no-horizon")
    assert all(p["name"] == "" for p in plan["programmes"])
    assert all(r["name"] == "" for r in plan["recommendations"])
    assert all(p["name"] == "" for p in cli.json("place", TINY)["programmes"])
    text = cli("gap", TINY, "--csv", tmp_path / "t", check=0).stdout
    assert "\n  programme  graduates  placed" in text  # no name column
    with open(tmp_path / "t" / "programmes.csv", encoding="utf-8", newline="") as f:
        assert [r["name"] for r in csv.DictReader(f)] == ["", "", ""]
    assert re.search(r"^  programme\s+action", cli("plan", TINY, "--no-horizon", check=0).stdout,
                     re.M)
    assert re.search(r"^  programme\s+graduates\s+placed\s+unplaced$",
                     cli("place", TINY, check=0).stdout, re.M)
