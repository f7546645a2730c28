"""The supply-demand gap analysis: sixlink.gap_analysis."""

from __future__ import annotations

from typing import Any, Dict, Optional

import numpy as np

from . import _core
from ._options import default as _default
from ._flow import _INT32, _check_integer, _check_real, _check_scenario

# Columns that hold text; every other column is numeric.
_TEXT = {"id", "name", "band", "cluster", "region", "school", "specialty"}


def _columns(rows: list, keys: list) -> Dict[str, np.ndarray]:
    out: Dict[str, np.ndarray] = {}
    for key in keys:
        values = [row[key] for row in rows]
        if key in _TEXT:
            out[key] = np.array(values, dtype=object)
        elif key == "ratio":
            # None: demand is zero and supply positive, an infinite ratio.
            out[key] = np.array([np.inf if v is None else v for v in values], dtype=np.float64)
        elif key.startswith(("target_", "gap_")):
            # A target the scenario does not set; masked rather than NaN.
            out[key] = np.ma.array([0.0 if v is None else v for v in values],
                                   mask=[v is None for v in values], dtype=np.float64)
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values) and values:
            out[key] = np.array(values, dtype=np.int64)
        else:
            out[key] = np.array(values, dtype=np.float64)
    return out


def gap_analysis(scenario: "_core.Scenario", *, year: int = _default("gap", "year"),
                 outside_weight: Optional[float] = _default("gap", "outside_weight"),
                 other_region_mobility: float = _default("gap", "other_region_mobility"),
                 outside_share: float = _default("gap", "outside_share"),
                 outside_tiers: int = _default("gap", "outside_tiers"),
                 threads: int = _default("gap", "threads")) -> Dict[str, Any]:
    """Where graduates are short or in surplus, and the plan's indicators.

    Solves the transportation model of the projected linkage (programmes ->
    cluster x region demand, plus leaving the city) exactly with the min-cost-flow
    engine; see include/sixlink/analysis/gap_analysis.hpp for the model.

    Returns a dict: ``"clusters"``, ``"cells"`` (cluster x region),
    ``"programmes"``, ``"regions"`` and ``"indicators"`` are dicts of equal-length
    numpy arrays (``pandas.DataFrame(result["clusters"])`` loads one);
    ``"city"`` is a dict of numbers (rates as fractions) and ``"linkage"`` the
    linkage graph's counts and structural findings. A cluster ratio with zero
    demand is ``inf`` (or 0 when there is no supply either); targets a scenario
    does not set are masked. ``outside_weight=None`` calibrates the value of
    leaving on the base year's employment records. The GIL is released while
    solving. Raises ``sixlink.Error`` (a ValueError) for options out of range.
    """
    report = _core.gap_report(
        _check_scenario(scenario), _check_integer("year", year, *_INT32),
        _check_real("outside_weight", outside_weight, optional=True),
        _check_real("other_region_mobility", other_region_mobility),
        _check_real("outside_share", outside_share),
        _check_integer("outside_tiers", outside_tiers, *_INT32),
        _check_integer("threads", threads, *_INT32))
    tables = {
        "clusters": ["id", "name", "supply", "demand", "matched", "unmet", "ratio", "band"],
        "cells": ["cluster", "region", "supply", "demand", "matched", "unmet", "ratio", "band",
                  "marginal_value"],
        "programmes": ["id", "school", "specialty", "region", "graduates", "placed_local",
                       "leaving", "surplus", "marginal_value"],
        "regions": ["id", "schools", "graduates", "placed_local", "placed_in_region", "leaving",
                    "surplus", "demand", "matched", "unmet", "retention_rate"],
        "indicators": ["name", "value", "target_2023", "target_2025", "gap_2023", "gap_2025"],
    }
    out: Dict[str, Any] = {"scenario": report["scenario"], "year": report["year"],
                           "city": report["city"]}
    for name, keys in tables.items():
        out[name] = _columns(report[name], keys)
    out["linkage"] = report["linkage"]
    return out
