"""Student placement: sixlink.place."""

from __future__ import annotations

import os
import tempfile
from typing import Any, Dict, Optional, Union

import numpy as np

from . import _core
from ._options import default as _default
from ._flow import _INT64, _check_integer, _check_path, _check_scenario, _check_seed, _check_text
from ._gap import _columns

_Path = Union[str, "os.PathLike[str]"]


def place(scenario: "_core.Scenario", *, mode: str = _default("placement", "mode"),
          cohort: Optional[_Path] = None, openings: Optional[_Path] = None,
          seed: int = _default("placement", "seed"),
          candidates: int = _default("placement", "candidates"),
          proposing: str = _default("placement", "proposing")) -> Dict[str, Any]:
    """Place individual graduates in jobs and internships
    (see include/sixlink/placement/placement.hpp).

    ``mode`` is "optimal" (largest total value, exact by min-cost flow, with its
    certificate checked: ``"certified"``), "stable" (deferred acceptance,
    ``proposing`` "applicants" or "institutions") or "parallel" (score-priority
    parallel choice). ``cohort`` is a graduates CSV (id, programme, home_region,
    score, preferences), ``openings`` an openings CSV (id, enterprise, occupation,
    region, capacity, kind, ranking); either may also be a pandas DataFrame with
    those columns (lists of ids as ';'-separated text); without ``cohort`` a synthetic cohort is
    drawn from the scenario with ``seed``, which also seeds the lottery for equal
    scores. Returns a dict with ``"placed"``, ``"placement_rate"``,
    ``"retention_rate"``, ``"blocking_pairs"`` (a count), ``"total_value"``, ...,
    ``"clusters"`` and ``"programmes"`` as dicts of numpy arrays, and
    ``"assignments"``: numpy arrays ``graduate``, ``enterprise``, ``opening`` and
    ``kind`` (empty strings for the unplaced), one entry per graduate. The GIL is
    released while solving.
    """
    _check_scenario(scenario)
    mode, proposing = _check_text("mode", mode), _check_text("proposing", proposing)
    seed = _check_seed(seed)
    candidates = _check_integer("candidates", candidates, *_INT64)
    with tempfile.TemporaryDirectory() as folder:
        def path_of(table, parameter, file_name):
            if table is None:
                return ""
            if hasattr(table, "to_csv"):  # a DataFrame: through a CSV file, validated alike
                path = os.path.join(folder, file_name)
                table.to_csv(path, index=False)
                return path
            return _check_path(parameter, table)

        report = _core.place_report(scenario, mode, path_of(cohort, "cohort", "graduates.csv"),
                                path_of(openings, "openings", "openings.csv"), seed, candidates,
                                proposing)
    report["clusters"] = _columns(report["clusters"], ["cluster", "seats", "filled", "fill_rate"])
    rows = report["programmes"]
    report["programmes"] = {"programme": np.array([r["programme"] for r in rows], dtype=object),
                            **_columns(rows, ["graduates", "placed", "jobs", "unplaced"])}
    report["assignments"] = {key: np.array(values, dtype=object)
                             for key, values in report["assignments"].items()}
    return report
