"""The HTML report: sixlink.report."""

from __future__ import annotations

import os
from typing import Union

from . import _core
from ._flow import _INT32, _check_integer, _check_path, _check_scenario


def report(scenario: "_core.Scenario", path: Union[str, "os.PathLike[str]"], *, year: int = 0,
           lang: str = "zh") -> str:
    """Writes one self-contained HTML report to ``path`` and returns the path.

    The page (see include/sixlink/jobs/report_job.hpp) holds the gap analysis of
    ``year`` (0: the base year) with the plan's indicator table, the quota plan of
    that intake with its recommendations and the rolling plan, and placement
    optimal against stable, drawn with Apache ECharts and each with its numbers
    as a table; it opens from disk with no server and no network. Labels are
    Chinese (``lang="zh"``) or English (``"en"``). The file is written atomically.
    Raises ``RuntimeError`` when the build has no ECharts (run scripts/setup.sh,
    then build again) and ``sixlink.Error`` (a ValueError) for a bad year or
    language. The GIL is released while it runs.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang: {lang!r} is not zh or en")
    target = _check_path("path", path)
    _core.write_report(_check_scenario(scenario), target, _check_integer("year", year, *_INT32), lang)
    return target
