"""Linear sum assignment: a drop-in for scipy.optimize.linear_sum_assignment,
and solve_assignment with the dual potentials."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _core
from ._flow import _INT32, _check_flag, _check_integer, _check_text


@dataclass
class AssignmentResult:
    """The outcome of sixlink.solve_assignment.

    status: "optimal" or "infeasible". row_to_col[i] is row i's column (-1:
    unmatched), col_to_row likewise. row_dual (u) and col_dual (v) certify
    optimality: u[i] + v[j] <= weights[i, j] on allowed pairs (>= when
    maximising), equal on matched pairs, and u.sum() + v.sum() == objective.
    """

    status: str
    row_to_col: np.ndarray
    col_to_row: np.ndarray
    objective: float
    row_dual: np.ndarray
    col_dual: np.ndarray
    algorithm: str
    message: str


def _as_matrix(cost_matrix) -> np.ndarray:
    matrix = np.asarray(cost_matrix)
    if matrix.dtype != np.float64:
        # As SciPy does: safe casts only (bool and integers, not strings).
        matrix = matrix.astype(np.float64, casting="safe")
    if matrix.ndim != 2:
        raise ValueError(f"expected a matrix (2-D array), got a {matrix.ndim} array")
    return np.ascontiguousarray(matrix)


def _as_weights(weights) -> np.ndarray:
    """float64, or int64 for integer input (solved exactly, range-checked)."""
    matrix = np.asarray(weights)
    if matrix.ndim != 2:
        raise ValueError(f"expected a matrix (2-D array), got a {matrix.ndim} array")
    if matrix.dtype.kind in "iu":
        if matrix.dtype == np.uint64 and matrix.size and matrix.max() > np.uint64(np.iinfo(np.int64).max):
            raise ValueError("integer weights exceed the int64 range")
        return np.ascontiguousarray(matrix, dtype=np.int64)
    if matrix.dtype.kind not in "fb":
        raise ValueError(f"weights must be numbers, got dtype {matrix.dtype}")
    return np.ascontiguousarray(matrix, dtype=np.float64)


def _sparse_csr(biadjacency_matrix, maximize: bool):
    """A float64 CSR copy whose stored entries are exactly the allowed pairs
    (a stored +inf, or -inf when maximising, is a forbidden pair, as in SciPy)."""
    import scipy.sparse as sp

    if not sp.issparse(biadjacency_matrix) or biadjacency_matrix.format not in ("csr", "csc", "coo"):
        raise TypeError("graph must be in CSC, CSR, or COO format.")
    matrix = sp.csr_matrix(biadjacency_matrix, dtype=np.float64)
    matrix.sum_duplicates()
    forbidden = np.isneginf(matrix.data) if maximize else np.isposinf(matrix.data)
    if forbidden.any():
        entries = matrix.tocoo()
        keep = ~forbidden
        matrix = sp.csr_matrix((entries.data[keep], (entries.row[keep], entries.col[keep])),
                               shape=matrix.shape)
    return matrix


def solve_assignment(weights, maximize: bool = False, mode: str = "full", algorithm: str = "auto",
                     threads: int = 0) -> AssignmentResult:
    """Optimal assignment of rows to columns, with dual potentials.

    weights: a 2-D array (+inf when minimising, -inf when maximising, marks a
    forbidden pair; integer arrays are solved exactly and range-checked) or a
    scipy.sparse matrix (stored entries are the allowed pairs, never densified).
    mode: "full" matches every row of the smaller side (an impossible pattern
    gives status "infeasible"); "partial" finds the best matching of any size,
    matching a pair only when it improves the total. algorithm: "auto",
    "jonker_volgenant", "shortest_path", "auction" (dense) or
    "sparse_shortest_path" (sparse). threads: the auction's OpenMP threads (0:
    the default); results never depend on it. Bad input raises ValueError. The
    GIL is released while solving.
    """
    maximize = _check_flag("maximize", maximize)
    mode, algorithm = _check_text("mode", mode), _check_text("algorithm", algorithm)
    threads = _check_integer("threads", threads, *_INT32)
    try:
        import scipy.sparse as sp

        is_sparse = sp.issparse(weights)
    except ImportError:  # SciPy is optional for dense input
        is_sparse = False
    if is_sparse:
        matrix = _sparse_csr(weights, bool(maximize))
        rows, cols = matrix.shape
        result = _core.solve_sparse_assignment(rows, cols, matrix.indptr.astype(np.int64),
                                               matrix.indices.astype(np.int64), matrix.data,
                                               maximize, algorithm, mode)
    else:
        result = _core.solve_assignment(_as_weights(weights), maximize, algorithm, mode, threads)
    return AssignmentResult(**result)


def linear_sum_assignment(cost_matrix, maximize: bool = False):
    """A drop-in for scipy.optimize.linear_sum_assignment.

    Returns (row_ind, col_ind) as int64 arrays, row_ind sorted (arange(n) for a
    square matrix), with the same error messages: "matrix contains invalid
    numeric entries" for NaN, -inf when minimising or +inf when maximising, and
    "cost matrix is infeasible" when no complete matching exists.
    """
    matrix = _as_matrix(cost_matrix)
    try:
        result = _core.solve_assignment(matrix, bool(maximize))
    except _core.Error:  # NaN, or -inf when minimising / +inf when maximising
        raise ValueError("matrix contains invalid numeric entries") from None
    if result["status"] != "optimal":
        raise ValueError("cost matrix is infeasible")
    row_to_col = result["row_to_col"]
    rows = np.flatnonzero(row_to_col >= 0).astype(np.int64)
    return rows, row_to_col[rows].astype(np.int64)


def min_weight_full_bipartite_matching(biadjacency_matrix, maximize: bool = False):
    """A drop-in for scipy.sparse.csgraph.min_weight_full_bipartite_matching.

    Takes a scipy.sparse matrix (CSR, CSC or COO) whose stored entries are the
    edges and their weights, and never forms the dense matrix. Explicit zeros are
    removed with a UserWarning, and stored +inf (-inf when maximising) entries are
    forbidden pairs, as in SciPy. Returns (row_ind, col_ind): every
    vertex of the smaller side matched, row_ind sorted. Raises ValueError("no
    full matching exists") when none does.
    """
    import warnings

    matrix = _sparse_csr(biadjacency_matrix, bool(maximize))
    if (matrix.data == 0).any():
        warnings.warn("explicit zero weights are removed before matching", UserWarning, stacklevel=2)
        matrix.eliminate_zeros()
    rows, cols = matrix.shape
    result = _core.solve_sparse_assignment(rows, cols, matrix.indptr.astype(np.int64),
                                           matrix.indices.astype(np.int64), matrix.data, bool(maximize))
    if result["status"] != "optimal":
        raise ValueError("no full matching exists")
    row_to_col = result["row_to_col"]
    matched = np.flatnonzero(row_to_col >= 0)
    if rows <= cols:
        return matched.astype(np.int64), row_to_col[matched].astype(np.int32)
    return matched.astype(np.int32), row_to_col[matched].astype(np.int64)
