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
from gil import longest_stall_while

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


def _check_duals(C, maximize, mode, r, tol=1e-8):
    """The certificate of sixlink/assignment/assignment.hpp, checked in numpy."""
    s = -1.0 if maximize else 1.0
    allowed = np.isfinite(C)
    c = np.where(allowed, s * C, 0.0)
    u, v = s * r.row_dual, s * r.col_dual
    slack = c - u[:, None] - v[None, :]
    scale = tol * max(1.0, np.abs(c).max(initial=0)) * max(C.shape)
    assert slack[allowed].min(initial=0) >= -scale
    rows = np.flatnonzero(r.row_to_col >= 0)
    assert np.abs(slack[rows, r.row_to_col[rows]]).max(initial=0) <= scale
    assert abs(u.sum() + v.sum() - s * r.objective) <= scale
    assert np.isclose(C[rows, r.row_to_col[rows]].sum(), r.objective)
    if mode == "partial":
        assert (u <= scale).all() and (v <= scale).all()
        assert np.abs(u[r.row_to_col < 0]).max(initial=0) <= scale
        assert np.abs(v[r.col_to_row < 0]).max(initial=0) <= scale


def _random_instance(rng, seed):
    n, m = rng.integers(1, 30, 2)
    kind = seed % 4
    if kind == 0:
        C = rng.integers(0, 4, (n, m))  # many ties, integer dtype
    elif kind == 1:
        C = rng.integers(-500, 500, (n, m)).astype(float)
    elif kind == 2:
        C = rng.random((n, m)) * 100
    else:
        C = rng.integers(0, 1000, (n, m)).astype(float)
    return C


@pytest.mark.parametrize("seed", range(80))
def test_solve_assignment_agrees_with_scipy_dense_and_sparse(seed):
    import scipy.sparse as sp

    rng = np.random.default_rng(1000 + seed)
    C = _random_instance(rng, seed)
    maximize = seed % 2 == 1
    if seed % 5 == 0:  # forbidden pairs
        C = C.astype(float)
        C[rng.random(C.shape) < 0.4] = -np.inf if maximize else np.inf
    try:
        expected = C[scipy_lsa(C, maximize=maximize)].sum()
    except ValueError:
        expected = None
    algorithms = ["auto", "shortest_path"]
    if C.shape[0] == C.shape[1] and np.isfinite(C).all():
        algorithms += ["jonker_volgenant", "auction"]
    for algorithm in algorithms:
        r = sixlink.solve_assignment(C, maximize=maximize, algorithm=algorithm)
        if expected is None:
            assert r.status == "infeasible"
            continue
        assert r.status == "optimal" and np.isclose(r.objective, expected)
        _check_duals(C.astype(float), maximize, "full", r)
    allowed = np.isfinite(C)
    rows, cols = np.nonzero(allowed)
    S = sp.csr_matrix((C[rows, cols].astype(float), (rows, cols)), shape=C.shape)
    r = sixlink.solve_assignment(S, maximize=maximize)
    assert r.status == ("infeasible" if expected is None else "optimal")
    if expected is not None:
        assert np.isclose(r.objective, expected)
        _check_duals(C.astype(float), maximize, "full", r)


def _scipy_partial(C, maximize):
    """The best matching of any size through SciPy: full assignment on the
    (n + m) square matrix where each row and column has a private zero-weight
    "unmatched" partner."""
    n, m = C.shape
    big = np.inf if not maximize else -np.inf
    W = np.full((n + m, m + n), big)
    W[:n, :m] = C
    W[:n, m:][np.diag_indices(n)] = 0
    W[n:, :m][np.diag_indices(m)] = 0
    W[n:, m:] = 0
    return W[scipy_lsa(W, maximize=maximize)].sum()


@pytest.mark.parametrize("seed", range(40))
def test_partial_mode_agrees_with_scipy_on_the_textbook_reduction(seed):
    import scipy.sparse as sp

    rng = np.random.default_rng(2000 + seed)
    C = rng.integers(-50, 50, tuple(rng.integers(1, 25, 2))).astype(float)
    maximize = seed % 2 == 1
    if seed % 3 == 0:
        C[rng.random(C.shape) < 0.5] = -np.inf if maximize else np.inf
    expected = _scipy_partial(C, maximize)
    r = sixlink.solve_assignment(C, maximize=maximize, mode="partial")
    assert r.status == "optimal" and np.isclose(r.objective, expected)
    _check_duals(C, maximize, "partial", r)
    rows, cols = np.nonzero(np.isfinite(C))
    S = sp.csr_matrix((C[rows, cols], (rows, cols)), shape=C.shape)
    rs = sixlink.solve_assignment(S, maximize=maximize, mode="partial")
    assert np.isclose(rs.objective, expected)
    _check_duals(C, maximize, "partial", rs)


def test_auction_result_does_not_depend_on_threads():
    C = np.random.default_rng(9).integers(0, 20, (400, 400))
    one = sixlink.solve_assignment(C, algorithm="auction", threads=1)
    for threads in (2, 4):
        many = sixlink.solve_assignment(C, algorithm="auction", threads=threads)
        assert np.array_equal(many.row_to_col, one.row_to_col)
        assert np.array_equal(many.row_dual, one.row_dual) and np.array_equal(many.col_dual, one.col_dual)
    assert one.algorithm == "auction"


@pytest.mark.parametrize("weights, kwargs, message", [
    (np.array([[np.nan, 1.0]]), {}, "is NaN"),
    (np.array([[-np.inf, 1.0]]), {}, "-inf"),
    (np.array([[np.inf, 1.0]]), {"maximize": True}, "\\+inf"),
    (np.array([[1e308, 1.0], [1.0, 1e308]]), {}, "would overflow"),
    (np.array([[2**62, 1], [1, 1]], dtype=np.int64), {}, "outside"),
    (np.array([[2**63 + 5, 1]], dtype=np.uint64), {}, "int64 range"),
    (np.ones((2, 2)), {"mode": "some"}, "mode must be"),
    (np.ones((2, 2)), {"threads": -1}, "threads must be"),
    (np.ones((2, 3)), {"algorithm": "jonker_volgenant"}, "square matrix"),
    (np.ones((2, 2)), {"algorithm": "auction", "mode": "partial"}, "full mode"),
    (np.array([["a"]]), {}, "must be numbers"),
])
def test_solve_assignment_rejects_bad_input(weights, kwargs, message):
    with pytest.raises(ValueError, match=message):
        sixlink.solve_assignment(weights, **kwargs)


def test_solve_assignment_empty_and_infeasible_shapes():
    r = sixlink.solve_assignment(np.empty((0, 4)))
    assert r.status == "optimal" and r.row_to_col.size == 0 and r.col_to_row.tolist() == [-1] * 4
    r = sixlink.solve_assignment(np.array([[np.inf, np.inf], [1.0, 2.0]]))
    assert r.status == "infeasible" and "infeasible" in r.message
    r = sixlink.solve_assignment(np.array([[np.inf, np.inf], [1.0, 2.0]]), mode="partial")
    assert r.status == "optimal" and r.row_to_col.tolist() == [-1, -1]  # nothing gains


def test_malformed_csr_is_rejected_by_the_core():
    with pytest.raises(ValueError, match="indptr has 2 entries"):
        sixlink._core.solve_sparse_assignment(2, 2, np.array([0, 1]), np.array([0]), np.array([1.0]))
    with pytest.raises(ValueError, match="indices has 1 entries but values has 2"):
        sixlink._core.solve_sparse_assignment(1, 2, np.array([0, 1]), np.array([0]), np.array([1.0, 2.0]))


@pytest.mark.parametrize("kind", ["dense", "sparse"])
def test_the_gil_is_released_while_solving(kind):
    import scipy.sparse as sp

    rng = np.random.default_rng(3)
    if kind == "dense":
        C = rng.integers(0, 200_000, (2500, 2500)).astype(float)
        args = (C, )
        kwargs = {"algorithm": "shortest_path"}
    else:
        n = 20_000
        cols = np.column_stack([np.arange(n), rng.integers(0, n, (n, 29))]).ravel()
        C = sp.csr_matrix((rng.random(cols.size) + 0.01, cols, np.arange(0, 30 * n + 1, 30)), shape=(n, n))
        C.sum_duplicates()
        args, kwargs = (C, ), {}
    solve_time, stall = longest_stall_while(lambda: sixlink.solve_assignment(*args, **kwargs))
    assert solve_time > 0.1, "the instance is too small to tell"
    assert stall < 0.5 * solve_time, (solve_time, stall)


def test_tie_heavy_inputs_same_cost_but_the_assignment_may_differ():
    """What the README claims against SciPy: the same optimal cost on every input;
    among equal-cost optima the assignment may differ (ties are not broken as
    SciPy breaks them). Seeded tie-heavy matrices, dense and sparse."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching as scipy_mwfbm

    differ = 0
    for seed in range(200):
        rng = np.random.default_rng(1000 + seed)
        n, m = rng.integers(2, 12, 2)
        C = rng.integers(0, 3, (n, m)).astype(float)
        expected = scipy_lsa(C)
        rows, cols = sixlink.linear_sum_assignment(C)
        assert C[rows, cols].sum() == C[expected].sum()
        differ += not np.array_equal(cols, expected[1])
        S = sp.csr_matrix(C + 1.0)
        srows, scols = sixlink.min_weight_full_bipartite_matching(S)
        erows, ecols = scipy_mwfbm(S)
        assert S[srows, scols].sum() == S[erows, ecols].sum()
    assert differ > 0  # the claim "may differ" is real: SciPy picks other optima here
