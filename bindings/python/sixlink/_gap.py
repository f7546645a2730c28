"""The supply-demand gap analysis: sixlink.gap_analysis."""

from __future__ import annotations

from typing import Any, Dict, Optional

from . import _core
from ._options import default as _default
from ._flow import _INT32, _check_integer, _check_real, _check_scenario, _check_text


def gap_analysis(scenario: "_core.Scenario", *, year: int = _default("gap", "year"),
                 outside_weight: Optional[float] = _default("gap", "outside_weight"),
                 other_region_mobility: float = _default("gap", "other_region_mobility"),
                 outside_share: float = _default("gap", "outside_share"),
                 outside_tiers: int = _default("gap", "outside_tiers"),
                 threads: int = _default("gap", "threads"),
                 retention: str = _default("gap", "retention")) -> Dict[str, Any]:
    """Where graduates are short or in surplus, and the plan's indicators.

    Solves the transportation model of the projected linkage (programmes ->
    occupation x cluster x region demand, plus leaving the city) exactly with the min-cost-flow
    engine; see include/sixlink/analysis/gap_analysis.hpp for the model.

    Returns a dict: ``"clusters"``, ``"cells"`` (cluster x region), ``"occupations"``
    (one row per demand node: occupation x cluster x region, whose sums the cells are),
    ``"programmes"``, ``"regions"`` and ``"indicators"`` are dicts of equal-length
    numpy arrays (``pandas.DataFrame(result["clusters"])`` loads one);
    ``"city"`` is a dict of numbers (rates as fractions) and ``"linkage"`` the
    linkage graph's counts and structural findings. A cluster ratio with zero
    demand is ``inf`` (or 0 when there is no supply either); targets a scenario
    does not set are masked. ``outside_weight=None`` calibrates the value of
    leaving on the base year's employment records (the labour-market retention rate).
    ``retention`` is what ``city["retention_rate"]`` is a share of:
    ``"labour_market"`` (local jobs / graduates entering the labour market) or
    ``"all_graduates"`` ((local jobs + local study) / all graduates); see
    include/sixlink/model/retention.hpp. ``"progression"`` holds who continues
    study (升学): totals, and ``"programmes"`` and ``"pathways"`` as dicts of numpy
    arrays. The GIL is released while
    solving. Raises ``sixlink.Error`` (a ValueError) for options out of range.
    """
    report = _core.gap_report(
        _check_scenario(scenario), _check_integer("year", year, *_INT32),
        _check_real("outside_weight", outside_weight, optional=True),
        _check_real("other_region_mobility", other_region_mobility),
        _check_real("outside_share", outside_share),
        _check_integer("outside_tiers", outside_tiers, *_INT32),
        _check_integer("threads", threads, *_INT32), _check_text("retention", retention))
    keys = ("scenario", "year", "city", "clusters", "cells", "occupations", "programmes", "regions",
            "indicators", "progression", "linkage")
    return {key: report[key] for key in keys}


def indicators(scenario: "_core.Scenario", *, year: Optional[int] = None,
               lang: str = "zh") -> Dict[str, Any]:
    """The plan's whole indicator table for ``year`` (default: the base year).

    Returns ``{"scenario", "year", "indicators"}``; ``"indicators"`` is a dict of
    equal-length numpy arrays, one row per indicator of the plan's table (the
    fields of ``sixlink indicators --json``: values in the library's units, i.e.
    fractions, counts and yuan; unknown values, targets and gaps masked;
    ``on_track`` True, False or None), plus ``"group"``, ``"indicator"`` and
    ``"unit_label"`` in ``lang`` ("zh" or "en"). Computed indicators come from the
    scenario and the gap analysis for ``year`` (retention), tracked ones from the
    scenario's recorded values (the latest of a year <= ``year``); see
    include/sixlink/analysis/indicators.hpp. Raises ``sixlink.Error`` (a
    ValueError) for a language other than zh or en.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang: {lang!r} is not zh or en")
    return _core.indicators(
        _check_scenario(scenario),
        None if year is None else _check_integer("year", year, *_INT32), lang)
