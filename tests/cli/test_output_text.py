"""Output that reads right: the text tables and JSON of run, gap, plan and place.

Each test is a reproduction from issue 14, point 9: no empty lists in reasons, no
"-0", no agreement without samples, one graduate count, thousands separators,
singular and plural, a band that reads sensibly, whole-student plan intakes.
"""

import json
import re

import pytest

from conftest import ROOT

TINY = ROOT / "examples" / "data" / "tiny-city.json"
# taizhou-2020's plan with every kind of side constraint (all binding or near it).
CONSTRAINED = ["--total", "94000", "--budget", "1.9e9", "--min-secondary-share", "0.6",
               "--max-secondary-share", "0.66", "--no-horizon"]

NEGATIVE_ZERO_TEXT = re.compile(r"(?<![\w.,])-0(?:\.0+)?(?![\d.,])")
NEGATIVE_ZERO_JSON = re.compile(r"[:\[,]\s*-0(?:\.0+)?(?=\s*[,\]\}])")


def floats(value, path=""):
    """Every float in a JSON document, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from floats(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from floats(item, f"{path}/{index}")
    elif isinstance(value, float):
        yield path, value


def plan_reasons(text):
    return [line for line in text.splitlines() if re.match(r"^  \S+(?: \(.+?\))?: ", line)
            and ("graduate" in line or "demand" in line)]


@pytest.mark.parametrize("scenario", [TINY, "taizhou-2020"])
def test_plan_reasons_never_name_an_empty_list(cli, scenario):
    text = cli("plan", scenario, "--no-horizon", "--top", "200", check=0).stdout
    reasons = plan_reasons(text)
    assert reasons
    for line in reasons:
        assert not re.search(r"\bat\s*[;,)]", line), line
        assert ", ;" not in line and "()" not in line, line
    reasons_json = [r["reason"] for r in cli.json("plan", scenario, "--no-horizon")["recommendations"]]
    for reason in reasons_json:
        assert not re.search(r"\bat\s*[;,)]", reason), reason


def test_tiny_city_shrink_reasons_say_where_the_graduates_go(cli):
    text = cli("plan", TINY, "--no-horizon", check=0).stdout
    assert "displace better-fitting ones at ;" not in text
    assert "p1: 54 of its 90 graduates find no opening" in text
    assert "p3: none of its 20 graduates finds an opening" in text


@pytest.mark.parametrize("args", [
    ["run"],
    ["gap", TINY],
    ["gap", "taizhou-2020"],
    ["plan", TINY],
    ["plan", "taizhou-2020", "--no-horizon"],
    ["place", TINY],
])
def test_no_negative_zero_in_text_or_json(cli, args):
    text = cli(*args, check=0).stdout
    assert not NEGATIVE_ZERO_TEXT.search(text), NEGATIVE_ZERO_TEXT.search(text).group(0)
    raw = cli(*args, "--json", check=0).stdout
    found = NEGATIVE_ZERO_JSON.search(raw)
    assert not found, raw[max(0, found.start() - 80):found.end()]


def test_tiny_city_gap_marginal_values_have_no_sign_at_zero(cli):
    text = cli("gap", TINY, check=0).stdout
    assert "-0.0000" not in text
    programmes = text.split("\nProgrammes\n")[1].split("\n\n")[0]
    assert re.search(r"^  p1 .* 0\.0000$", programmes, re.M), programmes


def test_agreement_only_when_samples_were_drawn(cli):
    text = cli("plan", TINY, "--no-horizon", check=0).stdout
    assert "agree" not in text and "100.00 %" not in text.split("Recommendations")[1]
    report = cli.json("plan", TINY, "--no-horizon")
    assert report["robustness"]["samples"] == 0
    assert all(r["agreement"] is None for r in report["recommendations"])
    sampled = cli("plan", TINY, "--no-horizon", "--samples", "1", "--seed", "3", check=0).stdout
    assert "(agreement over 1 demand sample, seed 3)" in sampled
    assert re.search(r"^  programme .* agree$", sampled, re.M)
    two = cli.json("plan", TINY, "--no-horizon", "--samples", "2")
    assert all(0 <= r["agreement"] <= 1 for r in two["recommendations"])


@pytest.mark.parametrize("args", [
    ["gap", "taizhou-2020"],
    ["plan", "taizhou-2020", "--year", "2023"],
    ["place", TINY],
])
def test_json_numbers_have_at_most_six_decimals(cli, args):
    report = cli.json(*args)
    for path, x in floats(report):
        if path.endswith("/intake_lp"):
            continue  # the LP's value, unrounded by design
        assert round(x, 6) == x, f"{path} = {x!r}"


def test_run_json_sections_have_at_most_six_decimals(cli):
    report = cli.json("run")
    for section in ["gap", "plan", "placement"]:
        for path, x in floats(report[section], section):
            if not path.endswith("/intake_lp"):
                assert round(x, 6) == x, f"{path} = {x!r}"


def test_run_json_summary_graduates_are_whole(cli):
    report = cli.json("run")
    assert report["graduates"] == round(report["graduates"])
    # The summary counts every graduate; the gap and the placement the job-seekers, the
    # others continuing study (analysis/progression.hpp).
    city = report["gap"]["city"]
    assert report["graduates"] == city["graduates"] + city["progressed"]
    assert city["graduates"] == report["placement"]["graduates"]


def test_run_text_shows_one_graduate_count(cli):
    text = cli("run", check=0).stdout
    summary = re.search(r"graduates per year\s+([\d,]+)", text).group(1)
    gap = re.search(r"^  graduates seeking jobs\s+([\d,]+)$", text, re.M).group(1)
    study = re.search(r"^  graduates continuing study\s+([\d,]+) ", text, re.M).group(1)
    placement = re.search(r"Placement of ([\d,]+) graduates", text).group(1)
    number = lambda s: int(s.replace(",", ""))
    assert number(summary) == number(gap) + number(study) == 28615
    assert gap == placement


def test_run_gap_and_placement_agree_on_the_graduates(cli):
    text = cli("run", check=0).stdout
    gap = re.search(r"^  graduates seeking jobs\s+([\d,]+)$", text, re.M).group(1)
    placement = re.search(r"Placement of ([\d,]+) graduates", text).group(1)
    assert gap == placement == "16,562"


def bare_large_numbers(text):
    """Numbers of five or more digits without thousands separators, outside ids,
    years and the findings lists (which name specialty codes)."""
    text = text.split("Structural findings")[0]
    found = []
    for line in text.splitlines():
        for token in line.split():
            token = token.strip("();,%")
            if re.fullmatch(r"-?\d{5,}(?:\.\d+)?", token):
                found.append(token)
    return found


@pytest.mark.parametrize("args", [
    ["run"],
    ["gap", "taizhou-2020"],
    ["plan", "taizhou-2020"],
    ["plan", "taizhou-2020", *CONSTRAINED],
    ["place", "taizhou-2020", "--mode", "stable"],
])
def test_large_counts_have_thousands_separators(cli, args):
    text = cli(*args, check=0).stdout
    assert bare_large_numbers(text) == []


def test_known_figures_are_grouped(cli):
    run = cli("run", check=0).stdout
    for figure in ["88,700", "28,615", "27,381", "129,519", "21,391.97"]:
        assert figure in run, figure
    plan = cli("plan", TINY, "--no-horizon", check=0).stdout
    assert re.search(r"cost a year \(yuan\)\s+7,700,000$", plan, re.M)


def test_singular_and_plural(cli, tmp_path):
    cohort = tmp_path / "one.csv"
    cohort.write_text("id,programme,home_region,score,preferences\ng1,p3,r2,50,\n")
    text = cli("place", TINY, "--cohort", cohort, check=0).stdout
    assert "Placement of 1 graduate (" in text
    assert "(1 programme has some)" in text
    many = cli("place", TINY, check=0).stdout
    assert "Placement of 160 graduates (" in many and "(3 programmes have some)" in many
    gap = cli("gap", TINY, check=0).stdout
    assert "2 connected components" in gap


def test_band_reads_sensibly_when_nothing_matched(cli, tmp_path):
    scenario = json.loads(TINY.read_text())
    for programme in scenario["programmes"]:
        if programme["id"] == "p2":
            programme["specialty"] = "680402"  # nobody trains nurses well any more
    path = tmp_path / "no-nurses.json"
    path.write_text(json.dumps(scenario))
    text = cli("gap", path, "--outside-weight", "0.9", "--outside-tiers", "1", check=0).stdout
    clusters = text.split("\nIndustry clusters\n")[1].split("\n\n")[0]
    health = next(line for line in clusters.splitlines() if "Health care" in line)
    assert re.search(r"\b30\s+30\s+0\s+30\s+1\.00\s+balanced \(none matched\)$", health), health
    # openings and no graduates at all
    scenario = json.loads(TINY.read_text())
    for specialty in scenario["specialties"]:  # nobody trains for nursing at all
        specialty["occupations"] = [o for o in specialty["occupations"] if o["occupation"] != "nurse"]
        if not specialty["occupations"]:
            specialty["occupations"] = [{"occupation": "tailor", "fit": 1.0}]
    path.write_text(json.dumps(scenario))
    text = cli("gap", path, check=0).stdout
    clusters = text.split("\nIndustry clusters\n")[1].split("\n\n")[0]
    assert "shortage (no graduates)" in clusters and "inf" not in clusters


def check_whole_plan(report, total=None, budget=None, min_share=None, max_share=None):
    assert report["whole_intakes"]["status"] == "rounded", report["whole_intakes"]["message"]
    students = cost = 0.0
    for p in report["programmes"]:
        assert isinstance(p["intake"], int), p
        assert abs(p["intake"] - p["intake_lp"]) < 1, p
        if p["open"]:
            assert p["lower"] <= p["intake"] <= p["upper"], p
        else:
            assert p["intake"] == 0, p
        students += p["students"]
    for r in report["recommendations"]:
        assert isinstance(r["intake"], int) and abs(r["intake"] - r["intake_lp"]) < 1, r
        if r["action"] == "expand":
            assert r["intake"] > r["current_intake"], r
        if r["action"] == "shrink":
            assert r["intake"] < r["current_intake"], r
    whole = report["whole_intakes"]
    assert abs(whole["enrolment"] - students) < 1e-3
    if total is not None:
        assert whole["enrolment"] >= total
    if budget is not None:
        assert whole["cost"] <= budget
    if min_share is not None:
        assert whole["secondary_share"] >= min_share
    if max_share is not None:
        assert whole["secondary_share"] <= max_share


def test_plan_intakes_are_whole_students_within_every_constraint(cli):
    check_whole_plan(cli.json("plan", TINY, "--no-horizon"))
    check_whole_plan(cli.json("plan", "--no-horizon"))
    report = cli.json("plan", *CONSTRAINED)
    check_whole_plan(report, total=94000, budget=1.9e9, min_share=0.6, max_share=0.66)
    # The text shows the same whole intakes as the JSON.
    text = cli("plan", *CONSTRAINED, "--top", "1000", check=0).stdout
    intakes = {p["id"]: p["intake"] for p in report["programmes"]}
    # (a "name" column, the programme's label, may stand between the id and the action)
    rows = re.findall(r"^  (\S+)\s+(?:.*?\s)?(?:expand|shrink|open|close)\s+([\d,]+)\s+([\d,]+)\s",
                      text, re.M)
    assert rows
    for programme, _, planned in rows:
        assert int(planned.replace(",", "")) == intakes[programme], programme


def test_run_plan_summary_has_whole_intakes(cli):
    plan = cli.json("run")["plan"]
    assert plan["whole_intakes"]["status"] == "rounded"
    assert all(isinstance(r["intake"], int) for r in plan["recommendations"])


def table_rows(text, title):
    """The data rows of the text table whose title line starts with `title`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    rows = []
    for line in lines[start + 2:]:  # skip the title and the header
        if not line.startswith("  "):
            break
        rows.append(line.split())
    return lines[start], rows


def test_gap_top_keeps_the_largest_gaps_of_each_long_table(cli):
    full = cli("gap", check=0).stdout
    top = cli("gap", "--top", 3, check=0).stdout
    data = cli.json("gap")
    # Programmes: the three with the most graduates not placed in the city, ties in table order.
    title, rows = table_rows(top, "Programmes")
    ranked = sorted(data["programmes"], key=lambda p: -(p["leaving"] + p["surplus"]))  # stable
    assert [r[0] for r in rows] == [p["id"] for p in ranked[:3]]
    assert f"the 3 of {len(data['programmes'])} with the most graduates not placed" in title
    assert "--top 0 shows all" in title
    # Regions and clusters are cut to three rows as well; the full report keeps every row.
    assert len(table_rows(top, "Regions")[1]) == 3
    assert len(table_rows(top, "Industry clusters")[1]) == 3
    assert len(table_rows(full, "Programmes")[1]) == len(data["programmes"])
    assert table_rows(full, "Programmes")[0] == "Programmes"
    # --top 0 is the full report; JSON ignores --top.
    assert cli("gap", "--top", 0, check=0).stdout == full
    assert cli.json("gap", "--top", 3) == data


def test_gap_top_rejects_a_negative_count(cli):
    done = cli("gap", "--top", -1)
    assert done.returncode != 0 and "--top" in done.stderr
