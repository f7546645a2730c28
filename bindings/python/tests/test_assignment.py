"""sixlink.linear_sum_assignment and solve_assignment against SciPy, and SciPy's own tests."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy
from scipy.optimize import linear_sum_assignment as scipy_lsa

import sixlink

SCIPY_TEST = Path(scipy.__file__).parent / "optimize" / "tests" / "test_linear_assignment.py"


def test_scipy_documented_behaviour():
    C = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    rows, cols = sixlink.linear_sum_assignment(C)
    assert rows.dtype == np.int64 and cols.dtype == np.int64
    assert rows.tolist() == [0, 1, 2] and cols.tolist() == [1, 0, 2]
    assert sixlink.linear_sum_assignment(C, maximize=True)[1].tolist() == [0, 2, 1]
    rows, cols = sixlink.linear_sum_assignment(np.array([[5, 1], [1, 5], [0, 9], [3, 0]]))
    assert rows.tolist() == [2, 3] and cols.tolist() == [0, 1]
    empty = sixlink.linear_sum_assignment(np.empty((0, 3)))
    assert empty[0].dtype == np.int64 and len(empty[0]) == 0


@pytest.mark.parametrize("bad, error, message", [
    ([1, 2, 3], ValueError, "expected a matrix \\(2-D array\\), got a 1 array"),
    (np.diag([np.nan, 1.0]), ValueError, "matrix contains invalid numeric entries"),
    (np.diag([1.0, -np.inf]), ValueError, "matrix contains invalid numeric entries"),
    (np.array([[np.inf, 1.0], [np.inf, 2.0]]), ValueError, "cost matrix is infeasible"),
    (np.identity(2).astype(str), TypeError, "Cannot cast array data"),
])
def test_errors_match_scipy(bad, error, message):
    with pytest.raises(error, match=message):
        sixlink.linear_sum_assignment(bad)
    with pytest.raises(error, match=message):
        scipy_lsa(bad)


@pytest.mark.parametrize("seed", range(60))
def test_agrees_with_scipy_on_random_matrices(seed):
    rng = np.random.default_rng(seed)
    n, m = rng.integers(1, 40, 2)
    if seed % 3 == 0:
        C = rng.integers(0, 5, (n, m)).astype(float)  # many ties
    elif seed % 3 == 1:
        C = rng.integers(-1000, 1000, (n, m))
    else:
        C = rng.random((n, m)) * 100
    maximize = seed % 2 == 1
    if seed % 4 == 0:
        C = C.astype(float)
        C[rng.random((n, m)) < 0.3] = -np.inf if maximize else np.inf
    try:
        expected = scipy_lsa(C, maximize=maximize)
    except ValueError:
        with pytest.raises(ValueError, match="infeasible"):
            sixlink.linear_sum_assignment(C, maximize=maximize)
        return
    rows, cols = sixlink.linear_sum_assignment(C, maximize=maximize)
    assert np.array_equal(rows, np.sort(rows))
    assert len(set(cols.tolist())) == len(cols) == len(expected[1])
    assert np.isclose(C[rows, cols].sum(), C[expected].sum(), rtol=1e-12, atol=1e-9)


def test_solve_assignment_returns_checkable_duals():
    rng = np.random.default_rng(5)
    C = rng.integers(0, 100, (30, 45)).astype(float)
    r = sixlink.solve_assignment(C)
    assert r.status == "optimal"
    slack = C - r.row_dual[:, None] - r.col_dual[None, :]
    assert slack.min() >= -1e-9
    rows = np.arange(30)
    assert np.allclose(slack[rows, r.row_to_col], 0)
    assert (r.col_dual <= 1e-9).all() and np.allclose(r.col_dual[r.col_to_row < 0], 0)
    assert np.isclose(r.row_dual.sum() + r.col_dual.sum(), r.objective)
    with pytest.raises(ValueError, match="algorithm must be"):
        sixlink.solve_assignment(C, algorithm="magic")


def _run_with_import_redirected(test_file, scipy_import, sixlink_import, tmp_path):
    """Runs a copy of one of SciPy's test modules with `scipy_import` replaced by
    `sixlink_import` (the modules import the function under test by name)."""
    source = test_file.read_text()
    patched = source.replace(scipy_import, sixlink_import)
    assert patched != source, "the import to redirect is not in the SciPy test file"
    (tmp_path / f"{test_file.stem}_sixlink.py").write_text(patched)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


def test_scipy_own_test_file_passes_with_sixlink_substituted(tmp_path):
    _run_with_import_redirected(SCIPY_TEST, "from scipy.optimize import linear_sum_assignment",
                                "from sixlink import linear_sum_assignment", tmp_path)


def _random_sparse(seed, shape=(60, 60), density=0.08):
    import scipy.sparse as sp

    rng = np.random.default_rng(seed)
    return sp.random(*shape, density=density, format="csr", random_state=seed,
                     data_rvs=lambda size: rng.integers(1, 100, size).astype(float))


@pytest.mark.parametrize("seed", range(40))
def test_sparse_agrees_with_scipy(seed):
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching as scipy_mwfbm

    shape = [(60, 60), (40, 70), (70, 40)][seed % 3]
    matrix = _random_sparse(seed, shape, density=0.05 + 0.05 * (seed % 4))
    maximize = seed % 2 == 1
    try:
        expected = scipy_mwfbm(matrix, maximize=maximize)
    except ValueError:
        with pytest.raises(ValueError, match="no full matching exists"):
            sixlink.min_weight_full_bipartite_matching(matrix, maximize=maximize)
        return
    rows, cols = sixlink.min_weight_full_bipartite_matching(matrix, maximize=maximize)
    assert rows.dtype == expected[0].dtype and cols.dtype == expected[1].dtype
    assert np.array_equal(rows, np.sort(rows))
    assert np.isclose(matrix[rows, cols].sum(), matrix[expected].sum())


def test_sparse_input_is_not_densified_and_errors_match():
    import scipy.sparse as sp

    with pytest.raises(TypeError, match="graph must be in CSC, CSR, or COO format"):
        sixlink.min_weight_full_bipartite_matching(np.ones((2, 2)))
    # 50,000 x 50,000 would take 20 GB dense; with 3 entries a row (and the
    # diagonal, so a full matching exists) it solves from the sparse arrays alone.
    n = 50_000
    rng = np.random.default_rng(1)
    cols = np.column_stack([np.arange(n), rng.integers(0, n, (n, 3))]).ravel()
    big = sp.csr_matrix((np.ones(4 * n), cols, np.arange(0, 4 * n + 1, 4)), shape=(n, n))
    big.sum_duplicates()
    rows, cols = sixlink.min_weight_full_bipartite_matching(big)
    assert len(rows) == n and np.isclose(big[rows, cols].sum(), n)


def test_scipy_csgraph_matching_tests_pass_with_sixlink_substituted(tmp_path):
    _run_with_import_redirected(
        Path(scipy.__file__).parent / "sparse" / "csgraph" / "tests" / "test_matching.py",
        "from scipy.sparse.csgraph import (\n    maximum_bipartite_matching, min_weight_full_bipartite_matching\n)",
        "from scipy.sparse.csgraph import maximum_bipartite_matching\n"
        "from sixlink import min_weight_full_bipartite_matching", tmp_path)
