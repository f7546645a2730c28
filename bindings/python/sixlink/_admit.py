"""Admission of junior-high graduates: sixlink.admit."""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Union

from . import _core
from ._flow import _INT32, _check_integer, _check_path, _check_scenario, _check_seed, _check_text

_Path = Union[str, "os.PathLike[str]"]


def admit(scenario: "_core.Scenario", *, year: int = 0, mode: str = "stable",
          county_limits: bool = False, compare: bool = False, choices: int = 10, seed: int = 0,
          high_schools: Optional[_Path] = None, cohorts: Optional[_Path] = None,
          applicants: Optional[_Path] = None) -> Dict[str, Any]:
    """Admit a junior-high cohort into general high schools and secondary vocational
    programmes in one batch (see include/sixlink/admission/admission.hpp).

    ``mode`` is "stable" (deferred acceptance: no blocking pair) or "parallel"
    (平行志愿). ``county_limits`` reserves each institution's seats for its own
    county (the rule before the reform); ``compare`` runs both rules on the same
    applicants. ``year`` 0 is the scenario's base year. ``high_schools``,
    ``cohorts`` and ``applicants`` are CSV paths (as `sixlink admit`'s
    --high-schools, --cohorts and --applicants); without them the scenario's
    illustrative defaults and a synthetic cohort drawn with ``seed`` are used.

    Returns the `sixlink admit --json` report as a dict ("admission", or
    "county_limited" and "open" with ``compare``), plus ``"assignments"``: numpy
    arrays ``applicant``, ``region`` (index into the flows' regions), ``score``
    and ``institution`` (index into the run's "institutions", -1 without a place;
    with ``compare`` the county-limited run's, and ``institution_open``). Bad
    input raises ValueError with the file and line at fault. The GIL is released
    while admitting.
    """
    _check_scenario(scenario)
    year = _check_integer("year", year, *_INT32)
    mode = _check_text("mode", mode)
    if not isinstance(county_limits, bool) or not isinstance(compare, bool):
        raise TypeError("county_limits and compare must be bool")
    choices = _check_integer("choices", choices, 1, 1000)
    seed = _check_seed(seed)
    paths = ["" if p is None else _check_path(name, p)
             for name, p in (("high_schools", high_schools), ("cohorts", cohorts),
                             ("applicants", applicants))]
    return _core.admit_report(scenario, year, mode, county_limits, compare, choices, seed, *paths)
