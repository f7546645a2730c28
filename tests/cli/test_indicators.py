"""`sixlink indicators`: the plan's whole indicator table, in Chinese and English."""

import csv
import json

from conftest import ROOT

TINY = ROOT / "examples" / "data" / "tiny-city.json"
PLAN_TABLE = ROOT / "data" / "taizhou" / "plan_indicators.csv"


def test_chinese_table_by_default_in_the_plans_layout(cli):
    out = cli("indicators", check=0).stdout
    header = out.splitlines()[1].split()
    assert header[:8] == ["指标", "单位", "2020年", "2023年目标", "2025年目标", "2020年值", "差距",
                          "是否达标"]
    with PLAN_TABLE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 21
    for row in rows:  # every row of the plan's table, by its Chinese name
        assert row["indicator_zh"] in out, row["indicator_zh"]
    line = next(l for l in out.splitlines() if "职业院校在校生规模" in l)
    assert line.split()[1:5] == ["万人", "8.87", "9.4", "10"]
    line = next(l for l in out.splitlines() if "公办中职教育生均公用经费" in l)
    assert "1.5:1" in line and "2:1" in line
    line = next(l for l in out.splitlines() if "技术服务到款额" in l)
    assert line.split()[1:5] == ["万元/年", "2,000", "2,500", "4,000"]


def test_english_and_a_later_year(cli):
    out = cli("indicators", "--lang", "en", "--year", "2025", check=0).stdout
    assert "students enrolled in vocational schools" in out
    assert "value 2025" in out and "on track" in out
    assert "local retention of secondary and higher vocational graduates" in out


def test_json_rows_and_units(cli):
    report = cli.json("indicators", "--year", "2023")
    assert report["scenario"] == "taizhou-2020" and report["year"] == 2023
    rows = {r["name"]: r for r in report["indicators"]}
    assert len(rows) == 23
    assert rows["enrolment"]["base_value"] == 88700 and rows["enrolment"]["target_2025"] == 100000
    assert rows["funding_ratio"]["base_value"] == 1.5 and rows["funding_ratio"]["unit"] == "ratio"
    assert rows["retention_rate"]["target_2023"] == 0.45
    assert rows["social_training"]["target_2025"] == 140000
    assert rows["technical_service_income"]["value"] == 20000000
    assert rows["technical_service_income"]["value_year"] == 2020
    assert rows["national_double_excellent_schools"]["value"] is None
    assert rows["national_double_excellent_schools"]["on_track"] is None
    computed = {name for name, r in rows.items() if r["computed"]}
    assert computed == {"enrolment", "retention_rate", "above_size_participation",
                        "double_high_share", "social_training"}
    for r in rows.values():
        if r["value"] is not None and r["next_target"] is not None:
            assert abs(r["gap"] - (r["next_target"] - r["value"])) < 1e-6


def test_gap_and_run_carry_the_whole_table(cli):
    gap = cli.json("gap")
    assert len(gap["indicators"]) == 23
    assert {"name", "value", "target_2023", "target_2025", "gap_2023", "gap_2025"} <= set(
        gap["indicators"][0])
    assert cli.json("indicators")["indicators"] == gap["indicators"]
    run = cli.json("run")
    assert len(run["gap"]["indicators"]) == 23
    assert "Plan indicators" in cli("gap", check=0).stdout


def test_csv_is_written_whole_and_atomically(cli, tmp_path):
    folder = tmp_path / "table"
    cli("indicators", TINY, "--csv", folder, check=0)
    assert sorted(p.name for p in folder.iterdir()) == ["indicators.csv"]
    with (folder / "indicators.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 23 and rows[0]["name"] == "enrolment"
    # A folder holding anything else is refused before any work, and left as it was.
    (folder / "notes.txt").write_text("mine")
    done = cli("indicators", TINY, "--csv", folder)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert (folder / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["indicators.csv", "notes.txt"]


def test_errors_are_one_line(cli, tmp_path):
    done = cli("indicators", tmp_path / "missing.json")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    done = cli("indicators", "no-such-scenario")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    done = cli("indicators", "--lang", "fr")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    done = cli("indicators", "--year", "1999")
    assert done.returncode == 2 and "--year 1999" in done.stderr


def test_old_scenarios_load_with_the_legacy_indicator_name(cli, tmp_path):
    s = json.loads(TINY.read_text())
    s.setdefault("targets", []).append(
        {"indicator": "large_firm_participation", "year": 2025, "value": 0.7})
    path = tmp_path / "old.json"
    path.write_text(json.dumps(s))
    rows = {r["name"]: r for r in cli.json("indicators", path)["indicators"]}
    assert rows["above_size_participation"]["target_2025"] == 0.7
