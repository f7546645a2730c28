"""page_facts.mjs on a hand-made page (fixture.html) that follows the report's
contract: the facts it reads, a broken page, a page that never becomes ready,
a page that reaches for the network, and a browser that does not start."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from report_browser import inline_echarts

FIXTURE = Path(__file__).resolve().with_name("fixture.html")


def write_page(tmp_path: Path, name: str, fault: str = "") -> Path:
    html = inline_echarts(FIXTURE.read_text(encoding="utf-8"))
    if fault:
        html = html.replace("/* FAULT */", fault, 1)
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    return page


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(scope="module")
def fixture_facts(tmp_path_factory, page_facts):
    page = write_page(tmp_path_factory.mktemp("fixture"), "fixture")
    return page_facts(page, "fixture", screenshot=True)


def test_fixture_has_no_errors_and_no_network(fixture_facts):
    assert fixture_facts["console_errors"] == []
    assert fixture_facts["page_errors"] == []
    assert fixture_facts["external_requests"] == []
    assert 0 < fixture_facts["render_ms"] < 10_000


def test_fixture_charts_and_series(fixture_facts):
    charts = fixture_facts["charts"]
    assert list(charts) == ["flows", "gap"]
    for chart in charts.values():
        assert chart["instance"] and chart["rendered"], chart
        assert chart["width"] > 1000 and chart["height"] == 360
    assert charts["flows"]["caption"].startswith("毕业生流向")
    assert charts["flows"]["series"] == [{"type": "sankey", "name": "flows", "data_length": 7,
                                          "links_length": 6, "drawn_length": 7}]
    bars = [{"type": "bar", "name": name, "data_length": 3, "links_length": None, "drawn_length": 3}
            for name in ("Supply", "Demand")]
    assert charts["gap"]["series"] == bars


def test_fixture_tables_keep_text_and_values(fixture_facts):
    gap = fixture_facts["charts"]["gap"]["table"]
    assert gap["header"] == ["Cluster", "Supply", "Demand"]
    assert gap["rows"][2] == ["电子", "1,234.25", "1,300"]
    assert gap["values"][2] == [None, "1234.25", "1300"]
    assert len(fixture_facts["charts"]["flows"]["table"]["rows"]) == 6
    # Numbers a chart draws equal the numbers its table holds.
    links = [float(row[2]) for row in fixture_facts["charts"]["flows"]["table"]["values"]]
    assert sum(links) == 480
    assert list(fixture_facts["tables"]) == ["indicators"]
    indicators = fixture_facts["tables"]["indicators"]
    assert indicators["rows"] == [["Retention", "62.5 %", "yes"], ["Enrolment", "5,321", "no"]]
    assert indicators["values"] == [[None, "0.625", None], [None, "5321", None]]


def test_fixture_toggles_show_and_hide_tables(fixture_facts):
    assert fixture_facts["toggles"] == {"flows": True, "gap": True}
    assert fixture_facts["toggle_states"]["gap"] == [False, True, False]


def test_fixture_screenshot_is_1440_wide(fixture_facts, artifacts):
    width, height = png_size(artifacts / "fixture.png")
    assert width == 1440
    assert height > 900  # the full page, taller than the viewport


def test_a_broken_toggle_is_reported(tmp_path, page_facts):
    # The second chart's button does nothing: its table stays hidden.
    fault = ('document.querySelector("#chart-gap button.toggle").replaceWith('
             'Object.assign(document.createElement("button"), {className: "toggle"}));')
    facts = page_facts(write_page(tmp_path, "dead-toggle", fault), "dead-toggle")
    assert facts["toggles"] == {"flows": True, "gap": False}
    assert facts["toggle_states"]["gap"] == [False, False, False]


def test_javascript_errors_are_reported(tmp_path, page_facts):
    # An uncaught error in a script of its own, and a console.error; the page still
    # becomes ready, so the harness exits 0 and the test decides.
    fault = ('console.error("fixture: deliberate console error");\n'
             '</script><script>undefined_function_of_the_fixture();</script><script>')
    facts = page_facts(write_page(tmp_path, "js-error", fault), "js-error")
    assert any("undefined_function_of_the_fixture" in e for e in facts["page_errors"]), facts
    assert any("deliberate console error" in e for e in facts["console_errors"]), facts
    assert list(facts["charts"]) == ["flows", "gap"]


def test_a_page_that_never_becomes_ready_fails(tmp_path, page_facts):
    fault = 'throw new Error("fixture: deliberate failure before ready");'
    page = write_page(tmp_path, "not-ready", fault)
    code, facts, stderr = page_facts.run(page, "not-ready",
                                         env={"SIXLINK_READY_TIMEOUT_MS": "1500"})
    assert code == 2, stderr
    assert "did not set document.body.dataset.ready" in stderr
    assert "deliberate failure before ready" in stderr
    assert facts["render_ms"] is None
    assert any("deliberate failure before ready" in e for e in facts["page_errors"])


def test_network_requests_are_blocked_and_listed(tmp_path, page_facts):
    fault = 'new Image().src = "http://sixlink.invalid/pixel.png";'
    facts = page_facts(write_page(tmp_path, "network", fault), "network")
    assert facts["external_requests"] == ["http://sixlink.invalid/pixel.png"]


def test_a_browser_that_does_not_start_is_reported(tmp_path, page_facts):
    code, facts, stderr = page_facts.run(write_page(tmp_path, "no-browser"), "no-browser",
                                         env={"SIXLINK_CHROMIUM": "/bin/false"})
    assert code == 1
    assert facts is None
    assert "did not start" in stderr
