"""`sixlink plan --export-mps` writes a model every free-MPS reader takes the same
way: GLPK's glpsol (--freemps) and HiGHS (through scipy, sixlink.mps.solve_mps)
both solve it to the optimum sixlink reports. The file minimises minus the plan's
objective (no OBJSENSE section, which glpsol rejects), with the objective's
constant on a column fixed at 1 (readers disagree on the sign of a right-hand
side on the objective row), so its optimum is -objective."""

import importlib.util
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("SIXLINK_SOURCE_DIR", Path(__file__).resolve().parents[2]))
TINY_CITY = ROOT / "examples" / "data" / "tiny-city.json"
EXIT_NOT_SOLVED = 3  # an infeasible plan

# Agreement asked of both readers. Both stop at a vertex of the same LP; what is
# left is the readers' rounding of 17-digit coefficients and the solvers' own
# tolerances (measured against the unrounded objective: at most 7.2e-13 relative
# on these cases), and the report's rounding of the objective to 6 decimals.
RTOL = 1e-8  # the market prices at 1e-6 a graduate: the exact LP may differ by a few of them
ATOL = 5e-7  # half the JSON report's last decimal


def _solve_mps():
    """sixlink.mps.solve_mps from the source tree: pure Python (numpy, scipy), so
    the test needs no compiled module beside the CLI."""
    pytest.importorskip("scipy")
    spec = importlib.util.spec_from_file_location(
        "sixlink_mps_under_test", ROOT / "bindings" / "python" / "sixlink" / "mps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.solve_mps


def _glpsol(model, folder):
    """Solves the file with glpsol --freemps; returns (optimal, objective)."""
    glpsol = shutil.which("glpsol")
    if glpsol is None:
        pytest.skip("glpsol not installed (scripts/setup.sh installs glpk-utils)")
    solution = folder / "glpsol.txt"
    done = subprocess.run([glpsol, "--freemps", str(model), "-w", str(solution)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "MPS file processing error" not in done.stdout, done.stdout
    # GLPK's solution file: "s bas ROWS COLS PRIMAL DUAL OBJECTIVE" (f = feasible).
    status = re.search(r"^s bas \d+ \d+ (\w) (\w) (\S+)$", solution.read_text(), re.M)
    assert status, solution.read_text()[:500]
    optimal = "OPTIMAL LP SOLUTION FOUND" in done.stdout
    assert optimal == (status.group(1) == "f" and status.group(2) == "f"), done.stdout
    return optimal, float(status.group(3))


def _export(cli, folder, *args):
    model = folder / "plan.mps"
    done = cli("plan", *map(str, args), "--no-horizon", "--json", "--export-mps", model)
    assert done.returncode in (0, EXIT_NOT_SOLVED), done.stderr
    return model, json.loads(done.stdout), done.returncode


CASES = {
    "taizhou": [],
    "taizhou-2025": ["--year", "2025"],  # objective -3651.29 on the occupation-level market
    "taizhou-total": ["--total", "94000"],
    "taizhou-budget": ["--budget", "1.72e9"],  # binds (the free plan costs 1.74e9)
    "taizhou-total-budget": ["--total", "94000", "--budget", "1.9e9"],
    "taizhou-three-rows": ["--total", "93000", "--budget", "1.84e9",  # total and mix bind
                           "--min-secondary-share", "0.625"],
    "tiny-city": [TINY_CITY],
    "tiny-city-total-budget": [TINY_CITY, "--total", "495", "--budget", "8.0e6"],  # both bind
    "tiny-city-2026": [TINY_CITY, "--year", "2026"],
}


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_glpk_and_highs_reach_sixlinks_optimum(cli, tmp_path, args):
    model, report, status = _export(cli, tmp_path, *args)
    assert status == 0 and report["status"] == "optimal", report.get("message")
    objective = report["objective"]
    text = model.read_text()
    assert "OBJSENSE" not in text and "\nRANGES" not in text
    side = [c for c in report["constraints"] if c.get("shadow_price") is not None]
    assert text.count("\n L s") + text.count("\n G s") == len(side)

    optimum, result = _solve_mps()(model)
    assert result.status == 0, result.message
    assert -optimum == pytest.approx(objective, rel=RTOL, abs=ATOL)

    optimal, glpk = _glpsol(model, tmp_path)
    assert optimal
    assert -glpk == pytest.approx(objective, rel=RTOL, abs=ATOL)


def test_side_constraints_change_the_optimum_both_readers_find(cli, tmp_path):
    # The cases above would pass with the rows dropped if none of them bound.
    _, free, _ = _export(cli, tmp_path, *CASES["taizhou"])
    model, bound, _ = _export(cli, tmp_path, *CASES["taizhou-total-budget"])
    assert bound["objective"] < free["objective"] - 1.0
    optimum, _ = _solve_mps()(model)
    _, glpk = _glpsol(model, tmp_path)
    assert -optimum == pytest.approx(bound["objective"], rel=RTOL, abs=ATOL)
    assert -glpk == pytest.approx(bound["objective"], rel=RTOL, abs=ATOL)


def test_an_infeasible_plan_is_infeasible_to_both_readers(cli, tmp_path):
    model, report, status = _export(cli, tmp_path, "--total", "100000")
    assert status == EXIT_NOT_SOLVED and report["status"] == "infeasible"
    optimum, result = _solve_mps()(model)
    assert optimum is None and result.status == 2  # HiGHS: infeasible
    optimal, _ = _glpsol(model, tmp_path)
    assert not optimal


def test_the_constant_is_a_fixed_column_and_the_header_says_how_to_read_it(cli, tmp_path):
    model, report, _ = _export(cli, tmp_path, *CASES["taizhou-2025"])
    assert report["objective"] == pytest.approx(-3651.29, abs=0.005)
    text = model.read_text()
    lines = text.splitlines()
    assert lines[0] == "NAME sixlink-quotas"
    assert lines[lines.index("ROWS") + 1] == " N minus_value"
    assert "MINIMISE" in text and "-objective" in text  # the comment header
    constant = [line.split() for line in lines if line.startswith(" constant ")]
    assert len(constant) == 1 and constant[0][1] == "minus_value"
    assert " FX bnd constant 1" in lines
    rhs = lines[lines.index("RHS") + 1:lines.index("BOUNDS")]
    assert not any(" minus_value " in line for line in rhs)
