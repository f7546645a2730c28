"""How long the HTML report takes to render in headless chromium: the 2 s target of
the report (issue 15) as a benchmark, not a timed test. The browser test
(tests/report/test_report_page.py) only checks that the page becomes ready.

Writes `sixlink report` pages for the built-in Taizhou scenario (2020 in Chinese,
2025 in English) once, then opens each --repeat times with the browser tests'
harness (tests/report/page_facts.mjs: navigation start to every chart ready) and
prints the median and the spread, in ms. Needs what the browser tests need
(chromium, node, node_modules: scripts/setup.sh).

    /usr/bin/python3 benchmarks/report_render.py --cli build/sixlink --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))
from report_browser import PageFacts, missing_prerequisite  # noqa: E402

PAGES = {
    "taizhou-2020-zh": ["taizhou-2020", "--lang", "zh"],
    "taizhou-2025-en": ["taizhou-2020", "--year", "2025", "--lang", "en"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=str(ROOT / "build" / "sixlink"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    why = missing_prerequisite()
    if why is not None:
        print(f"cannot run: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        harness = PageFacts(where)
        print(f"{'page':<18}{'median ms':>10}{'min':>8}{'max':>8}  runs")
        for name, options in PAGES.items():
            page = where / f"{name}.html"
            subprocess.run([args.cli, "report", *options, "-o", str(page)], check=True,
                           capture_output=True)
            times = []
            for run in range(args.repeat):
                facts = harness(page, f"{name}-{run}")
                times.append(facts["render_ms"])
            print(f"{name:<18}{statistics.median(times):>10.0f}{min(times):>8.0f}"
                  f"{max(times):>8.0f}  {args.repeat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
