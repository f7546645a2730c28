"""Helpers of the report's browser tests: is the browser there, inline ECharts
into a page, run page_facts.mjs on it (tests/report/conftest.py makes fixtures
of them). A module of its own, so test files import it by a unique name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(os.environ.get("SIXLINK_SOURCE_DIR", Path(__file__).resolve().parents[2]))
HARNESS = Path(__file__).resolve().with_name("page_facts.mjs")
CHROMIUM = os.environ.get("SIXLINK_CHROMIUM", "/usr/bin/chromium")
ECHARTS_JS = ROOT / "node_modules" / "echarts" / "dist" / "echarts.min.js"
# ctest's SKIP_REGULAR_EXPRESSION for the `report` test (tests/CMakeLists.txt).
SKIP_TAG = "sixlink-report-skip"


def missing_prerequisite() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not os.access(CHROMIUM, os.X_OK):
        return f"no chromium at {CHROMIUM} (apt-get install chromium; scripts/setup.sh)"
    if shutil.which("node") is None:
        return "no node on PATH (apt-get install nodejs npm; scripts/setup.sh)"
    for package in ("puppeteer-core", "echarts"):
        if not (ROOT / "node_modules" / package / "package.json").is_file():
            return f"no node_modules/{package} in {ROOT} (npm ci; scripts/setup.sh)"
    return None


def inline_echarts(html: str, marker: str = "<!-- ECHARTS -->") -> str:
    """The page with ECharts from node_modules inlined at the marker."""
    js = ECHARTS_JS.read_text(encoding="utf-8")
    assert "</script" not in js.lower(), "the bundle cannot be inlined in a <script> element"
    assert marker in html, f"no {marker} in the page"
    return html.replace(marker, f"<script>{js}</script>", 1)


class PageFacts:
    """Runs page_facts.mjs on a page; returns (exit code, facts or None, stderr)."""

    def __init__(self, artifacts: Path):
        self.artifacts = artifacts

    def run(self, page: Path, name: str, screenshot: bool = False, env: dict | None = None,
            timeout: float = 120):
        out = self.artifacts / f"{name}.json"
        out.unlink(missing_ok=True)
        args = ["node", str(HARNESS), str(page), str(out)]
        if screenshot:
            args.append(str(self.artifacts / f"{name}.png"))
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, **(env or {})})
        facts = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
        return done.returncode, facts, done.stderr

    def __call__(self, page: Path, name: str, screenshot: bool = False) -> dict:
        """The facts of a page that must become ready; fails with the harness's reason."""
        code, facts, stderr = self.run(page, name, screenshot=screenshot)
        assert code == 0, f"page_facts.mjs exited {code}: {stderr}"
        return facts
