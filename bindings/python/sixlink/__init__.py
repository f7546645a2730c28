"""sixlink: match vocational-school graduates with industry demand.

The six-industry linkage (enterprise, sector, industry cluster, specialty,
employment, occupation) of a city's vocational-education plan, with the engines
that analyse it. Start with::

    import sixlink
    scenario = sixlink.default_scenario()      # the built-in taizhou-2020
    scenario.summary()["enrolled"]             # 88700

Engines on plain arrays: ``sixlink.linear_sum_assignment`` (a drop-in for
SciPy's) and ``sixlink.solve_assignment`` (with duals);
``sixlink.min_cost_flow`` (network simplex); the
networkx-compatible ``sixlink.nx.network_simplex`` and friends;
``sixlink.solve_stable_matching``, ``sixlink.parallel_choice_admission`` and
``sixlink.audit_stability`` for matching markets. On a scenario:
``sixlink.gap_analysis`` (where graduates are short or in surplus),
``sixlink.optimise_quotas`` and ``sixlink.recommend`` (next intakes, and what to
expand, shrink, open or close); ``sixlink.place`` (individual graduates to jobs
and internships: optimal, stable or parallel); ``sixlink.admit`` (junior-high
graduates into general and vocational high schools in one batch, with or without
county limits); ``sixlink.mps.solve_mps`` checks an
exported model with SciPy's HiGHS.

Bad input raises ``sixlink.Error``, a subclass of ``ValueError``, whose message
names the file, the JSON pointer or CSV line, and the id or field at fault.
"""

from __future__ import annotations

import os
from typing import Union

from ._core import Error, Scenario, __version__
from . import _core
from ._assignment import (AssignmentResult, linear_sum_assignment, min_weight_full_bipartite_matching,
                          solve_assignment)
from ._gap import gap_analysis, indicators
from ._place import place
from ._admit import admit
from ._plan import optimise_quotas, recommend
from ._report import report
from ._status import IntakeRoundingStatus, QuotaStatus
from ._flow import INFINITE_CAPACITY, MinCostFlowResult, _check_path, min_cost_flow
from ._matching import audit_stability, parallel_choice_admission, solve_stable_matching

__all__ = ["Error", "Scenario", "__version__", "default_scenario", "load_scenario", "min_cost_flow",
           "MinCostFlowResult", "INFINITE_CAPACITY", "linear_sum_assignment", "solve_assignment",
           "min_weight_full_bipartite_matching",
           "AssignmentResult", "solve_stable_matching", "parallel_choice_admission", "audit_stability",
           "gap_analysis", "indicators", "optimise_quotas", "recommend", "place", "admit", "report", "QuotaStatus",
           "IntakeRoundingStatus"]


def default_scenario() -> Scenario:
    """The built-in taizhou-2020 scenario (Taizhou, Zhejiang, base year 2020)."""
    return _core.default_scenario()


def load_scenario(path: Union[str, "os.PathLike[str]"]) -> Scenario:
    """Read and validate a scenario from a JSON file or a folder of CSV files.

    A built-in scenario name ("taizhou-2020") is accepted too.
    """
    return _core.resolve_scenario(_check_path("path", path))
