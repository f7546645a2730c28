"""The README's assignment examples: the SciPy drop-in, the duals, partial
mode, sparse input and the auction."""

import numpy as np
import scipy.sparse as sp

import sixlink

cost = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
rows, cols = sixlink.linear_sum_assignment(cost)      # same as scipy.optimize's
print(rows, cols, cost[rows, cols].sum())
assert cost[rows, cols].sum() == 5

result = sixlink.solve_assignment(cost, maximize=True)
print(result.status, result.objective, result.row_to_col, result.row_dual, result.col_dual)
assert np.isclose(result.row_dual.sum() + result.col_dual.sum(), result.objective)

best = sixlink.solve_assignment(cost - 3, mode="partial")  # only pairs that lower the total match
print("partial:", best.objective, best.row_to_col)         # -4.0 [-1  1  2]: row 0 stays unmatched
assert best.objective == -4 and best.row_to_col.tolist() == [-1, 1, 2]

sparse = sixlink.solve_assignment(sp.csr_matrix(cost))
auction = sixlink.solve_assignment(cost, algorithm="auction", threads=2)
assert sparse.objective == auction.objective == 5
