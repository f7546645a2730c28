"""Min-cost flow over numpy arrays: sixlink.min_cost_flow."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from . import _core

INFINITE_CAPACITY: int = _core.INFINITE_CAPACITY

# Argument checks shared by the package: every public function checks its
# scalar arguments here before the compiled core sees them, so a wrong type is a
# TypeError and a value outside what the core can hold a ValueError, each naming
# the parameter (the core then checks the documented ranges, as sixlink.Error).
_INT32 = (-2**31, 2**31 - 1)
_INT64 = (-2**63, 2**63 - 1)
_UINT64 = (0, 2**64 - 1)


def _check_integer(name: str, value: Any, low: int, high: int) -> int:
    """value as an int; bool, float and str are refused (TypeError), values
    outside [low, high] too (ValueError)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    value = int(value)
    if not low <= value <= high:
        raise ValueError(f"{name} must be an integer from {low} to {high}, got {value}")
    return value


def _check_seed(value: Any, name: str = "seed") -> int:
    return _check_integer(name, value, *_UINT64)


def _check_real(name: str, value: Any, optional: bool = False) -> Optional[float]:
    """value as a float (ints accepted; bool and str refused). NaN and infinity
    pass through to the core, whose range check names them."""
    if value is None and optional:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        kind = "a number or None" if optional else "a number"
        raise TypeError(f"{name} must be {kind}, got {type(value).__name__} {value!r}")
    return float(value)


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}")
    return bool(value)


def _check_text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__} {value!r}")
    return value


def _check_path(name: str, value: Any) -> str:
    """A str or os.PathLike path as str (bytes paths are refused: ids and messages are text)."""
    path = value.__fspath__() if hasattr(value, "__fspath__") else value
    if not isinstance(path, str):
        raise TypeError(f"{name} must be a str or os.PathLike path, got {type(value).__name__} {value!r}")
    return path


def _check_scenario(value: Any, name: str = "scenario") -> "_core.Scenario":
    if not isinstance(value, _core.Scenario):
        raise TypeError(f"{name} must be a sixlink.Scenario (from sixlink.load_scenario or "
                        f"sixlink.default_scenario), got {type(value).__name__}")
    return value


@dataclass
class MinCostFlowResult:
    """The outcome of sixlink.min_cost_flow.

    status: "optimal", "infeasible", "unbounded" or "out_of_range".
    cost, flow (per arc) and potential (per node) are meaningful when optimal;
    reduced costs cost + potential[tail] - potential[head] certify optimality.
    cut (infeasible): {"side": "supply"|"demand", "nodes", "net_supply",
    "cut_capacity"}: the nodes' net supply (or demand) exceeds what the arcs
    across the cut can carry. negative_cycle (unbounded): arcs of a cycle of
    infinite capacity and negative cost. algorithm: which engine solved,
    "network_simplex" or "cost_scaling".
    """

    status: str
    cost: int
    flow: np.ndarray
    potential: np.ndarray
    iterations: int
    algorithm: str
    message: str
    cut: Optional[dict[str, Any]] = None
    negative_cycle: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def _integers(name: str, values: Any, length: Optional[int], infinite_ok: bool = False) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype == object and all(isinstance(v, int) and not isinstance(v, bool) for v in array.flat):
        raise ValueError(f"{name} holds values beyond the int64 range")  # numpy made Python ints objects
    if array.ndim != 1:
        raise ValueError(f"{name} must be a one-dimensional array, got {array.ndim} dimensions")
    if length is not None and array.shape[0] != length:
        raise ValueError(f"{name} has {array.shape[0]} entries, expected {length}")
    if array.dtype == np.bool_ or not np.issubdtype(array.dtype, np.number):
        raise ValueError(f"{name} must hold numbers, got dtype {array.dtype}")
    if np.issubdtype(array.dtype, np.integer):
        if array.dtype == np.uint64 and array.size and array.max() > np.iinfo(np.int64).max:
            raise ValueError(f"{name} holds values beyond the int64 range")
        return array.astype(np.int64, copy=False)
    array = array.astype(np.float64, copy=False)
    bad = np.isnan(array)
    if bad.any():
        raise ValueError(f"{name}[{int(np.argmax(bad))}] is NaN")
    infinite = np.isinf(array)
    if infinite.any() and not (infinite_ok and (array[infinite] > 0).all()):
        raise ValueError(f"{name}[{int(np.argmax(infinite))}] is infinite")
    finite = array[~infinite]
    fractional = finite != np.floor(finite)
    if fractional.any():
        index = int(np.flatnonzero(~infinite)[np.argmax(fractional)])
        raise ValueError(f"{name}[{index}] = {array[index]!r} is not an integer")
    if finite.size and np.abs(finite).max() >= 2.0**63:
        raise ValueError(f"{name} holds values beyond the int64 range")
    out = np.where(infinite, 0, array).astype(np.int64)
    out[infinite] = INFINITE_CAPACITY
    return out


def min_cost_flow(tail, head, capacity, cost, supply, lower=None, supply_mode: str = "exact",
                  algorithm: str = "auto") -> MinCostFlowResult:
    """Minimum-cost flow by sixlink's network simplex or cost scaling.

    Arcs run tail[a] -> head[a] with lower[a] <= flow[a] <= capacity[a] (np.inf
    for no limit) and integer cost[a] per unit. supply[v] > 0 is a supply, < 0 a
    demand; nodes are 0 .. len(supply) - 1. supply_mode: "exact"
    (out - in = supply), "supply_at_most" (out - in <= supply: surplus may stay)
    or "demand_at_most" (out - in >= supply: demand may stay unmet). Integer data
    only; bad input raises ValueError. The GIL is released while solving.
    algorithm: "auto", "network_simplex" or "cost_scaling" (exact balanced
    problems without negative infinite arcs; anything else falls back to the
    simplex, and result.algorithm says which one solved).
    """
    supply_mode = _check_text("supply_mode", supply_mode)
    algorithm = _check_text("algorithm", algorithm)
    supply_array = _integers("supply", supply, None)
    tail_array = _integers("tail", tail, None)
    m = tail_array.shape[0]
    result = _core.min_cost_flow(
        supply_array.shape[0],
        tail_array,
        _integers("head", head, m),
        _integers("capacity", capacity, m, infinite_ok=True),
        _integers("cost", cost, m),
        supply_array,
        None if lower is None else _integers("lower", lower, m),
        supply_mode,
        algorithm,
    )
    return MinCostFlowResult(**result)
