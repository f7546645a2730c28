"""Statuses of results, as enums that compare equal to their old strings.

Until this release the statuses were plain strings ("optimal", "lp_kept", ...).
They are now ``str`` enums: ``result["status"] == "optimal"`` and
``result["status"] is QuotaStatus.OPTIMAL`` both hold, and ``str()``, f-strings
and ``json.dumps`` give the old string. Comparing with strings is kept for one
release; compare with the enum members in new code.
"""

from __future__ import annotations

import enum


class _StrStatus(str, enum.Enum):
    # The value, not "QuotaStatus.OPTIMAL", wherever the old string was printed.
    __str__ = str.__str__
    __format__ = str.__format__


class QuotaStatus(_StrStatus):
    """A quota plan's status (include/sixlink/analysis/quota_optimisation.hpp):
    ``"status"`` of optimise_quotas/recommend and of each ``"horizon"`` year."""

    OPTIMAL = "optimal"
    INFEASIBLE = "infeasible"
    ITERATION_LIMIT = "iteration_limit"


class IntakeRoundingStatus(_StrStatus):
    """How the plan's intakes became whole students
    (include/sixlink/analysis/intake_rounding.hpp): ``result["whole_intakes"]["status"]``."""

    ROUNDED = "rounded"
    LP_KEPT = "lp_kept"
