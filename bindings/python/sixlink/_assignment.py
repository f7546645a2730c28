"""Linear sum assignment: a drop-in for scipy.optimize.linear_sum_assignment,
and solve_assignment with the dual potentials."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _core


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


def solve_assignment(weights, maximize: bool = False, algorithm: str = "auto") -> AssignmentResult:
    """Optimal assignment of rows to columns, with dual potentials.

    weights: a 2-D array; +inf (minimising) or -inf (maximising) marks a
    forbidden pair. Every row of the smaller side is matched; an infeasible
    pattern gives status "infeasible". algorithm: "auto", "jonker_volgenant"
    (square, finite) or "shortest_path". Bad input raises ValueError. The GIL is
    released while solving.
    """
    return AssignmentResult(**_core.solve_assignment(_as_matrix(weights), bool(maximize), algorithm))


def linear_sum_assignment(cost_matrix, maximize: bool = False):
    """A drop-in for scipy.optimize.linear_sum_assignment.

    Returns (row_ind, col_ind) as int64 arrays, row_ind sorted (arange(n) for a
    square matrix), with the same error messages: "matrix contains invalid
    numeric entries" for NaN, -inf when minimising or +inf when maximising, and
    "cost matrix is infeasible" when no complete matching exists.
    """
    matrix = _as_matrix(cost_matrix)
    try:
        result = _core.solve_assignment(matrix, bool(maximize), "auto")
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

    import scipy.sparse as sp

    if not sp.issparse(biadjacency_matrix) or biadjacency_matrix.format not in ("csr", "csc", "coo"):
        raise TypeError("graph must be in CSC, CSR, or COO format.")
    matrix = sp.csr_matrix(biadjacency_matrix, dtype=np.float64)
    if (matrix.data == 0).any():
        warnings.warn("explicit zero weights are removed before matching", UserWarning, stacklevel=2)
        matrix.eliminate_zeros()
    matrix.sum_duplicates()
    # A stored +inf (-inf when maximising) is a forbidden pair, as in SciPy.
    forbidden = np.isneginf(matrix.data) if maximize else np.isposinf(matrix.data)
    if forbidden.any():
        matrix.data[forbidden] = 0
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
