"""The README's assignment examples: the SciPy drop-in, and the duals."""

import numpy as np

import sixlink

cost = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
rows, cols = sixlink.linear_sum_assignment(cost)      # same as scipy.optimize's
print(rows, cols, cost[rows, cols].sum())
assert cost[rows, cols].sum() == 5

result = sixlink.solve_assignment(cost, maximize=True)
print(result.status, result.objective, result.row_to_col, result.row_dual, result.col_dual)
assert np.isclose(result.row_dual.sum() + result.col_dual.sum(), result.objective)
