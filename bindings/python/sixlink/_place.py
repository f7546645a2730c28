"""Student placement: sixlink.place."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Tuple, Union

import numpy as np

from . import _core
from ._options import default as _default
from ._progress import ProgressArgument, _progress_sink
from ._flow import _INT64, _check_integer, _check_path, _check_scenario, _check_seed, _check_text

_Path = Union[str, "os.PathLike[str]"]
_Table = Union[_Path, Any]  # a CSV path, a pandas DataFrame or a dict of columns


def _cell(value: Any) -> str:
    """One cell as the CSV file would hold it: blank for None/NaN, ';' between ids."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, np.ndarray)):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, (float, np.floating)) and np.isnan(value):
        return ""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    return str(value.item() if isinstance(value, np.generic) else value)


def _cohort_table(table: Any, parameter: str) -> Union[None, str, Tuple[str, List[str], List[List[str]]]]:
    """A path as text, or a DataFrame / mapping of columns as (source, names, cells)."""
    if table is None:
        return None
    if isinstance(table, Mapping) or hasattr(table, "columns"):  # a dict of arrays or a DataFrame
        names = list(table.columns if hasattr(table, "columns") else table.keys())
        cells = [[_cell(v) for v in list(table[name])] for name in names]
        return (f"{parameter} (columns)", [str(name) for name in names], cells)
    return _check_path(parameter, table)


def place(scenario: "_core.Scenario", *, mode: str = _default("placement", "mode"),
          cohort: Optional[_Table] = None, openings: Optional[_Table] = None,
          seed: int = _default("placement", "seed"),
          candidates: int = _default("placement", "candidates"),
          proposing: str = _default("placement", "proposing"),
          progress: ProgressArgument = None) -> Dict[str, Any]:
    """Place individual graduates in jobs and internships
    (see include/sixlink/placement/placement.hpp).

    ``mode`` is "optimal" (largest total value, exact by min-cost flow, with its
    certificate checked: ``"certified"``), "stable" (deferred acceptance,
    ``proposing`` "applicants" or "institutions") or "parallel" (score-priority
    parallel choice). ``cohort`` is a graduates CSV (id, programme, home_region,
    score, preferences), ``openings`` an openings CSV (id, enterprise, occupation,
    region, capacity, kind, ranking); either may also be a pandas DataFrame
    with those columns or a dict of column name -> list or numpy array: its
    columns go to C++ as text cells (no file) and are read by the CSV files'
    rules (ids as ';'-separated text or as lists; errors name "cohort (columns)"
    or "openings (columns)" and, as the line, the row's position + 2). Without
    ``cohort`` a synthetic cohort is drawn from the scenario with ``seed``, which
    also seeds the lottery for equal scores. Returns a dict with ``"placed"``, ``"placement_rate"``,
    ``"retention_rate"``, ``"blocking_pairs"`` (a count), ``"total_value"``, ...,
    ``"clusters"`` and ``"programmes"`` as dicts of numpy arrays, and
    ``"assignments"``: numpy arrays ``graduate``, ``enterprise``, ``opening`` and
    ``kind`` (empty strings for the unplaced), one entry per graduate. The GIL is
    released while solving. ``progress`` shows how far it has got (stages
    "candidates", one step per graduate, and "placing": the market, the solve, the
    summary): True for a tqdm bar (or a line on sys.stderr without tqdm), or a
    callable ``progress(stage, done, total, elapsed)`` called with the GIL held; an
    exception it raises stops the placement and is raised here.
    """
    _check_scenario(scenario)
    mode, proposing = _check_text("mode", mode), _check_text("proposing", proposing)
    seed = _check_seed(seed)
    candidates = _check_integer("candidates", candidates, *_INT64)
    return _core.place_report(scenario, mode, _cohort_table(cohort, "cohort"),
                              _cohort_table(openings, "openings"), seed, candidates, proposing,
                              _progress_sink(progress))
