"""Read a free-format MPS file into arrays for ``scipy.optimize.linprog``.

Supports what sixlink writes (and the common subset of free MPS): comment lines
starting with ``*``, ``OBJSENSE`` (``MAX``/``MIN``), ``N``/``E``/``L``/``G`` rows, one
``RHS`` vector (a right-hand side on the objective row is the negated objective
constant, as in HiGHS) and ``UP``/``LO``/``FX``/``FR``/``MI``/``PL`` bounds. No ranges,
no integer markers.

The files ``sixlink plan --export-mps`` writes are portable (GLPK's ``glpsol
--freemps`` reads them the same way): they minimise ``minus_value``, the plan's
objective negated, with its constant as the cost of a column ``constant`` fixed
at 1, and no ``OBJSENSE`` section. Their optimum is therefore ``-objective``::

    optimum, _ = solve_mps("plan.mps")
    assert abs(-optimum - report["objective"]) <= 1e-9 * abs(report["objective"])
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["read_mps", "solve_mps"]


def read_mps(path):
    """Parse ``path``; returns a dict with ``c`` (to minimise), ``A_ub``, ``b_ub``,
    ``A_eq``, ``b_eq``, ``bounds``, ``offset`` and ``maximise``. The LP's optimum is
    ``sign * (c @ x) + offset``, where sign is -1 when ``maximise`` (c is negated
    so linprog minimises)."""
    maximise = False
    rows = {}  # name -> (kind, index among its kind)
    objective = None
    kinds = {"E": [], "L": [], "G": []}
    columns = {}  # name -> index
    entries = []  # (row name, column index, value)
    rhs = {}
    lower, upper = [], []
    section = None
    with open(path, encoding="ascii") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("*"):
                continue
            if not line[0].isspace():
                words = line.split()
                section = words[0].upper()
                if section == "OBJSENSE" and len(words) > 1:
                    maximise = words[1].upper() in ("MAX", "MAXIMIZE")
                elif section not in ("NAME", "OBJSENSE", "ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA"):
                    raise ValueError(f"{path}: unsupported MPS section {section!r}")
                continue
            words = line.split()
            if section == "OBJSENSE":
                maximise = words[0].upper() in ("MAX", "MAXIMIZE")
            elif section == "ROWS":
                kind, name = words[0].upper(), words[1]
                if kind == "N":
                    if objective is None:
                        objective = name
                    rows[name] = ("N", 0)
                else:
                    rows[name] = (kind, len(kinds[kind]))
                    kinds[kind].append(name)
            elif section == "COLUMNS":
                name = words[0]
                if name not in columns:
                    columns[name] = len(columns)
                    lower.append(0.0)
                    upper.append(np.inf)
                j = columns[name]
                for k in range(1, len(words) - 1, 2):
                    entries.append((words[k], j, float(words[k + 1])))
            elif section == "RHS":
                for k in range(1, len(words) - 1, 2):
                    rhs[words[k]] = float(words[k + 1])
            elif section == "BOUNDS":
                kind, name = words[0].upper(), words[2]
                j = columns[name]
                value = float(words[3]) if len(words) > 3 else 0.0
                if kind == "UP":
                    upper[j] = value
                elif kind == "LO":
                    lower[j] = value
                elif kind == "FX":
                    lower[j] = upper[j] = value
                elif kind == "FR":
                    lower[j], upper[j] = -np.inf, np.inf
                elif kind == "MI":
                    lower[j] = -np.inf
                elif kind == "PL":
                    upper[j] = np.inf
                else:
                    raise ValueError(f"{path}: unsupported bound type {kind!r}")
    n = len(columns)
    c = np.zeros(n)
    triplets = {"E": ([], [], []), "L": ([], [], []), "G": ([], [], [])}
    for row, j, value in entries:
        kind, i = rows[row]
        if kind == "N":
            if row == objective:
                c[j] += value
            continue
        t = triplets[kind]
        t[0].append(i)
        t[1].append(j)
        t[2].append(value)

    def matrix(kind):
        i, j, v = triplets[kind]
        return sp.csr_matrix((v, (i, j)), shape=(len(kinds[kind]), n))

    def right(kind):
        return np.array([rhs.get(name, 0.0) for name in kinds[kind]])

    a_ub = sp.vstack([matrix("L"), -matrix("G")]).tocsr()
    b_ub = np.concatenate([right("L"), -right("G")])
    offset = -rhs.get(objective, 0.0) if objective else 0.0
    return {
        "c": -c if maximise else c,
        "A_ub": a_ub if a_ub.shape[0] else None,
        "b_ub": b_ub if a_ub.shape[0] else None,
        "A_eq": matrix("E") if kinds["E"] else None,
        "b_eq": right("E") if kinds["E"] else None,
        "bounds": np.column_stack([lower, upper]) if n else None,
        "offset": offset,
        "maximise": maximise,
    }


def solve_mps(path, **options):
    """Solves the MPS file with ``scipy.optimize.linprog(method="highs")``; returns
    ``(optimum, result)`` with the optimum in the file's own sense and constant
    (for a file sixlink wrote: minus the plan's objective), or ``(None, result)``
    when HiGHS finds no optimum (``result.status``: 2 infeasible, 3 unbounded)."""
    from scipy.optimize import linprog

    lp = read_mps(path)
    result = linprog(lp["c"], A_ub=lp["A_ub"], b_ub=lp["b_ub"], A_eq=lp["A_eq"], b_eq=lp["b_eq"],
                     bounds=lp["bounds"], method="highs", **options)
    if result.status != 0:
        return None, result
    value = -result.fun if lp["maximise"] else result.fun
    return value + lp["offset"], result
