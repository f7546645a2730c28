"""`sixlink report`: writes one page atomically, checks its options and outputs."""

import re

from conftest import ROOT


def test_writes_the_page(cli, tmp_path):
    out = tmp_path / "r.html"
    done = cli("report", "--year", "2023", "--lang", "en", "-o", out, check=0)
    assert "wrote the report" in done.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert re.search(r'"year":2023', html)
    assert not list(tmp_path.glob("*.sixlink-tmp-*"))  # no temporary left


def test_page_on_standard_output(cli):
    done = cli("report", ROOT / "examples" / "data" / "tiny-city.json", "-o", "-", check=0)
    assert done.stdout.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in done.stdout


def test_bad_options_are_named(cli, tmp_path):
    assert "--output is required" in cli("report", check=2).stderr
    assert "--lang" in cli("report", "--lang", "fr", "-o", tmp_path / "r.html").stderr
    done = cli("report", "--year", "2019", "-o", tmp_path / "r.html")
    assert done.returncode == 2 and "--year" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_never_overwrites_its_input(cli, tmp_path):
    scenario = tmp_path / "city.json"
    cli("export-default", scenario, check=0)
    before = scenario.read_bytes()
    done = cli("report", scenario, "-o", scenario)
    assert done.returncode == 2 and "-o" in done.stderr
    assert scenario.read_bytes() == before
