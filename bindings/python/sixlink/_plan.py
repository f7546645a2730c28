"""Quota optimisation and recommendations: sixlink.optimise_quotas, sixlink.recommend."""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Union

from . import _core
from ._options import default as _default
from ._progress import ProgressArgument, _progress_sink
from ._status import IntakeRoundingStatus, QuotaStatus
from ._flow import (_INT32, _check_flag, _check_integer, _check_path, _check_real, _check_scenario,
                    _check_seed)

def _plan(scenario, *, year, total_enrolment, budget, min_secondary_share, max_secondary_share,
          max_change, outside_weight, recommendations, open_candidates, samples, seed, demand_noise,
          threads, horizon, export_mps, mix_noise=_default("recommend", "mix_noise"),
          fit_noise=_default("recommend", "fit_noise"), progress=None) -> Dict[str, Any]:
    report = _core.plan_report(
        _check_scenario(scenario), _check_integer("year", year, *_INT32),
        _check_real("total_enrolment", total_enrolment, optional=True),
        _check_real("budget", budget, optional=True),
        _check_real("min_secondary_share", min_secondary_share, optional=True),
        _check_real("max_secondary_share", max_secondary_share, optional=True),
        _check_real("max_change", max_change), _check_real("outside_weight", outside_weight, optional=True),
        recommendations, _check_flag("open_candidates", open_candidates),
        _check_integer("samples", samples, *_INT32), _check_seed(seed),
        _check_real("demand_noise", demand_noise), _check_real("mix_noise", mix_noise),
        _check_real("fit_noise", fit_noise), _check_integer("threads", threads, *_INT32),
        _check_flag("horizon", horizon),
        "" if export_mps is None else _check_path("export_mps", export_mps),
        _progress_sink(progress))
    report["status"] = QuotaStatus(report["status"])
    if "whole_intakes" in report:
        report["whole_intakes"]["status"] = IntakeRoundingStatus(report["whole_intakes"]["status"])
    for year in report.get("horizon") or []:
        year["status"] = QuotaStatus(year["status"])
    return report


def optimise_quotas(scenario: "_core.Scenario", *, year: int = _default("quota", "year"),
                    total_enrolment: Optional[float] = _default("quota", "total_enrolment"),
                    budget: Optional[float] = _default("quota", "budget"),
                    min_secondary_share: Optional[float] = _default("quota", "min_secondary_share"),
                    max_secondary_share: Optional[float] = _default("quota", "max_secondary_share"),
                    max_change: float = _default("quota", "max_change"),
                    outside_weight: Optional[float] = _default("quota", "outside_weight"),
                    export_mps: Union[None, str, "os.PathLike[str]"] = None,
                    horizon: bool = False, progress: ProgressArgument = None) -> Dict[str, Any]:
    """The next intake of every programme (see include/sixlink/analysis/quota_optimisation.hpp).

    Maximises matched value minus unmet demand and adjustment cost within the
    programmes' bounds (``max_change``), school capacities and the optional
    side constraints: ``total_enrolment`` (students in the intake year, at least),
    ``budget`` (yuan a year, at most) and the secondary-specialty share of students.
    Returns a dict: ``"status"`` (a :class:`sixlink.QuotaStatus`, equal to the old
    strings for one release: "optimal", "infeasible" naming
    ``"binding_constraint"`` and its ``"shortfall"``, or "iteration_limit"),
    ``"objective"`` and ``"upper_bound"`` (the Lagrangian certificate),
    ``"totals"`` and ``"constraints"`` (with shadow prices) at the LP's exact
    intakes, ``"whole_intakes"`` (students, cost and secondary share once intakes are
    rounded to whole students, and how, its ``"status"`` a :class:`sixlink.IntakeRoundingStatus`:
    see sixlink/analysis/intake_rounding.hpp) and
    ``"programmes"``, a dict of numpy arrays (``current_intake``, ``intake`` in whole
    students, ``intake_lp`` the LP's value, ...). ``export_mps=PATH`` also writes the
    model as an MPS file whose optimum is ``-objective`` (it minimises minus the
    objective; check it with ``sixlink.mps.solve_mps``); ``horizon=True`` adds the
    rolling plan from the base year. The GIL is released while solving.
    ``progress`` shows the rolling plan's progress (stage "years"): True for a tqdm
    bar (or a line on sys.stderr without tqdm), or a callable
    ``progress(stage, done, total, elapsed)`` called with the GIL held; an exception
    it raises stops the solve and is raised here.
    """
    return _plan(scenario, year=year, total_enrolment=total_enrolment, budget=budget,
                 min_secondary_share=min_secondary_share, max_secondary_share=max_secondary_share,
                 max_change=max_change, outside_weight=outside_weight, recommendations=False,
                 open_candidates=False, samples=_default("recommend", "samples"),
                 seed=_default("recommend", "seed"),
                 demand_noise=_default("recommend", "demand_noise"),
                 threads=_default("recommend", "threads"),
                 horizon=horizon, export_mps=export_mps, progress=progress)


def recommend(scenario: "_core.Scenario", *, year: int = _default("recommend", "year"),
              samples: int = _default("recommend", "samples"),
              seed: int = _default("recommend", "seed"),
              demand_noise: float = _default("recommend", "demand_noise"),
              mix_noise: float = _default("recommend", "mix_noise"),
              fit_noise: float = _default("recommend", "fit_noise"),
              threads: int = _default("recommend", "threads"),
              open_candidates: bool = _default("recommend", "open_candidates"),
              total_enrolment: Optional[float] = _default("recommend", "total_enrolment"),
              budget: Optional[float] = _default("recommend", "budget"),
              min_secondary_share: Optional[float] = _default("recommend", "min_secondary_share"),
              max_secondary_share: Optional[float] = _default("recommend", "max_secondary_share"),
              max_change: float = _default("recommend", "max_change"),
              outside_weight: Optional[float] = _default("recommend", "outside_weight"), horizon: bool = False,
              export_mps: Union[None, str, "os.PathLike[str]"] = None,
              progress: ProgressArgument = None) -> Dict[str, Any]:
    """Which programmes to expand, shrink, open or close, and why
    (see include/sixlink/analysis/recommendations.hpp).

    Returns what :func:`optimise_quotas` returns, plus ``"recommendations"``: a list
    of dicts with ``programme``, ``action``, ``reason``, ``drivers``,
    ``marginal_value``, ``range`` (seats), ``unmet_change``, ``retention_change`` and
    ``agreement`` (the share of ``samples`` scenarios, drawn from ``seed``, whose plan
    takes the same action; identical at any thread count; each sample perturbs the
    openings by ``demand_noise``, each cell's occupation mix by ``mix_noise`` and the
    specialty-occupation fits by ``fit_noise``, log-normal sigmas), and, for shrinks
    and closures, ``held_by`` (the binding constraints that make its graduates cost
    more) and ``close_fit_unmet`` (openings of its own region it fits at >= 0.8 left
    unmet in the plan at a value above leaving; non-zero only with ``held_by`` under
    the default costs); for openings, ``capacity`` (the largest first intake) and
    ``opening_year``.
    ``progress`` shows how far the demand samples (stage "samples") and the rolling
    plan (stage "years") have got: True for a tqdm bar (or a line on sys.stderr
    without tqdm), or a callable ``progress(stage, done, total, elapsed)`` called with
    the GIL held, ``done`` rising from 0 to ``total``; an exception it raises stops
    the solve and is raised here. It never changes the result.
    """
    return _plan(scenario, year=year, total_enrolment=total_enrolment, budget=budget,
                 min_secondary_share=min_secondary_share, max_secondary_share=max_secondary_share,
                 max_change=max_change, outside_weight=outside_weight, recommendations=True,
                 open_candidates=open_candidates, samples=samples, seed=seed,
                 demand_noise=demand_noise, threads=threads, horizon=horizon,
                 export_mps=export_mps, mix_noise=mix_noise, fit_noise=fit_noise,
                 progress=progress)
