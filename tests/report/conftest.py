"""Fixtures for the browser tests of the HTML report.

Every test here opens a page in Debian's chromium through page_facts.mjs (node +
puppeteer-core from node_modules) and checks the JSON it writes. The whole folder
is skipped, with the reason printed, when chromium, node or node_modules is
missing; scripts/setup.sh installs all three, so CI runs it.

Environment: SIXLINK_SOURCE_DIR (the repository; default: two levels up),
SIXLINK_CHROMIUM (default /usr/bin/chromium), SIXLINK_REPORT_ARTIFACTS (where
screenshots and facts are kept; ctest sets build/tests/report-artifacts;
default: pytest's temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from report_browser import SKIP_TAG, PageFacts, missing_prerequisite


def pytest_collection_modifyitems(config, items):
    why = missing_prerequisite()
    if why is None:
        return
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.skip(reason=f"{SKIP_TAG}: {why}"))


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    where = os.environ.get("SIXLINK_REPORT_ARTIFACTS")
    path = Path(where) if where else tmp_path_factory.mktemp("report-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def page_facts(artifacts) -> PageFacts:
    return PageFacts(artifacts)
