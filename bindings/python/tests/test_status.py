"""Statuses are enums that compare equal to their old strings (for one release)."""

import json

import sixlink
from sixlink import IntakeRoundingStatus, QuotaStatus


def test_plan_statuses_are_enums_equal_to_the_old_strings():
    plan = sixlink.optimise_quotas(sixlink.default_scenario(), horizon=True)
    assert plan["status"] is QuotaStatus.OPTIMAL
    assert plan["status"] == "optimal"
    assert isinstance(plan["status"], str)
    assert plan["whole_intakes"]["status"] is IntakeRoundingStatus.ROUNDED
    assert plan["whole_intakes"]["status"] == "rounded"
    assert all(year["status"] == "optimal" for year in plan["horizon"])
    assert all(isinstance(year["status"], QuotaStatus) for year in plan["horizon"])


def test_statuses_print_and_serialise_as_the_old_strings():
    assert str(QuotaStatus.ITERATION_LIMIT) == "iteration_limit"
    assert f"{QuotaStatus.INFEASIBLE}" == "infeasible"
    assert json.dumps({"s": IntakeRoundingStatus.LP_KEPT}) == '{"s": "lp_kept"}'
    assert QuotaStatus("infeasible") is QuotaStatus.INFEASIBLE


def test_an_infeasible_plan_says_so():
    plan = sixlink.optimise_quotas(sixlink.default_scenario(), total_enrolment=1e9)
    assert plan["status"] is QuotaStatus.INFEASIBLE
    assert plan["whole_intakes"]["status"] is IntakeRoundingStatus.LP_KEPT
