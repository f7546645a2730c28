"""networkx-compatible minimum-cost flow on sixlink's network simplex.

Drop-in replacements with networkx's signatures, return values and exceptions::

    import sixlink.nx
    cost, flow = sixlink.nx.network_simplex(G)        # like networkx.network_simplex

Node attribute ``demand`` (negative: supply), edge attributes ``capacity``
(missing: infinite) and ``weight`` (missing: 0). DiGraph and MultiDiGraph.
Demands and capacities must be integers; weights may be decimals with up to
nine digits after the point (they are scaled to integers exactly). sixlink
computes in int64: a demand, capacity or scaled weight beyond the int64 range,
or a problem whose sums reach the engine's limits (2^62 for flows, 2^60 for
costs times nodes), raises ``RangeError``, both a ``ValueError`` and a
``networkx.NetworkXError``.

What is the same as networkx: the optimal cost, the exceptions, and the return
values' shape. Among flows of equal optimal cost, sixlink picks one of least
total arc flow (the sum over arcs of flow units), which networkx's own
``test_digraph1`` expects; networkx itself breaks such ties by its pivoting
order, so on other tie-heavy graphs the two may return different optimal flows.
The tie-break charges every unit on every arc 1/V more, with V above the
largest total arc flow any basic solution can have, so that an arc cost's
difference of one always outweighs it: each weight w becomes w V + 1. When
V x max|w| x (nodes + 2) would reach 2^58 (huge capacities or weights), the
tie-break is skipped: the cost is still optimal, and the flow is whichever
optimal one the simplex reaches.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

from . import _core

__all__ = ["network_simplex", "min_cost_flow", "min_cost_flow_cost", "max_flow_min_cost", "RangeError"]

_INF = float("inf")
_INT64_MAX = 2**63 - 1
# The tie-break is applied while V x max|w| x (nodes + 2) stays below this.
_TIE_BREAK_LIMIT = 2**58


class RangeError(nx.NetworkXError, ValueError):
    """A number beyond what sixlink's int64 engine holds."""


def _as_int(value: Any, what: str) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        number = int(value)
    else:
        real = float(value)
        if not real.is_integer():
            raise nx.NetworkXError(f"{what} is {value!r}: sixlink needs integer demands and capacities")
        number = int(real)
    if abs(number) > _INT64_MAX:
        raise RangeError(f"{what} is {number}: beyond the int64 range sixlink computes in")
    return number


def _scale_for(weights: list) -> int:
    """The smallest power of ten that makes every weight an integer exactly."""
    if all(isinstance(w, (int, np.integer)) or float(w).is_integer() for w in weights):
        return 1
    for digits in range(1, 10):
        scale = 10**digits
        if all(abs(float(w) * scale - round(float(w) * scale)) <= 1e-9 * max(1.0, abs(float(w) * scale))
               for w in weights):
            return scale
    raise nx.NetworkXError("edge weights must be integers or decimals with at most 9 digits after the point")


def _break_ties(cost: list, supply: np.ndarray, cap: np.ndarray, nodes: int) -> list:
    """Each cost c as c V + 1 (see the module docstring), or unchanged when that
    could overflow the engine's cost range."""
    finite = sum(int(c) for c in cap if c != _core.INFINITE_CAPACITY)
    # A bound on any basic flow's total arc flow: each arc carries at most the
    # total supply plus the finite capacities.
    volume = len(cost) * (int(np.abs(supply).sum()) + finite + 1) + 1
    largest = max([abs(c) for c in cost] + [1])
    if volume * largest * (nodes + 2) >= _TIE_BREAK_LIMIT:
        return cost
    return [c * volume + 1 for c in cost]


def _solve(G, demand, capacity, weight):
    """Checks G as networkx does, solves, and returns (cost, flow dict)."""
    if not G.is_directed():
        raise nx.NetworkXNotImplemented("not implemented for undirected type")
    if len(G) == 0:
        raise nx.NetworkXError("graph has no nodes")
    multigraph = G.is_multigraph()
    nodes = list(G)
    index = {u: i for i, u in enumerate(nodes)}
    demands = [G.nodes[u].get(demand, 0) for u in nodes]
    edges = list(G.edges(keys=True, data=True)) if multigraph else list(G.edges(data=True))
    for u, d in zip(nodes, demands):
        if abs(d) == _INF:
            raise nx.NetworkXError(f"node {u!r} has infinite demand")
    weights = [e[-1].get(weight, 0) for e in edges]
    for e, w in zip(edges, weights):
        if abs(w) == _INF:
            raise nx.NetworkXError(f"edge {e[:-1]!r} has infinite weight")
    if sum(demands) != 0:
        raise nx.NetworkXUnfeasible("total node demand is not zero")
    capacities = [e[-1].get(capacity, _INF) for e in edges]
    for e, c in zip(edges, capacities):
        if c < 0:
            raise nx.NetworkXUnfeasible(f"edge {e[:-1]!r} has negative capacity")

    scale = _scale_for(weights)
    supply = np.array([-_as_int(d, f"demand of node {u!r}") for u, d in zip(nodes, demands)], dtype=np.int64)
    tail = np.array([index[e[0]] for e in edges], dtype=np.int64)
    head = np.array([index[e[1]] for e in edges], dtype=np.int64)
    cap = np.array([_core.INFINITE_CAPACITY if c == _INF else _as_int(c, f"capacity of edge {e[:-1]!r}")
                    for e, c in zip(edges, capacities)], dtype=np.int64)
    cost = [round(float(w) * scale) if scale > 1 else int(w) for w in weights]
    for e, c in zip(edges, cost):
        if abs(c) > _INT64_MAX:
            raise RangeError(f"weight of edge {e[:-1]!r} is {c}"
                             + (f" after scaling by {scale}" if scale > 1 else "")
                             + ": beyond the int64 range sixlink computes in")
    cost = _break_ties(cost, supply, cap, len(nodes))
    result = _core.min_cost_flow(len(nodes), tail, head, cap, np.array(cost, dtype=np.int64), supply, None, "exact")
    status = result["status"]
    if status == "infeasible":
        raise nx.NetworkXUnfeasible("no flow satisfies all node demands")
    if status == "unbounded":
        raise nx.NetworkXUnbounded("negative cycle with infinite capacity found")
    if status == "out_of_range":
        raise RangeError(f"sixlink: {result['message']}")
    if status != "optimal":
        raise nx.NetworkXError(f"sixlink: {result['message']}")

    flow = result["flow"].tolist()
    flow_dict: dict = {u: {} for u in nodes}
    for e, x in zip(edges, flow):
        if multigraph:
            flow_dict[e[0]].setdefault(e[1], {})[e[2]] = x
        else:
            flow_dict[e[0]][e[1]] = x
    return sum(w * x for w, x in zip(weights, flow)), flow_dict


def network_simplex(G, demand="demand", capacity="capacity", weight="weight"):
    """Like networkx.network_simplex: returns (flowCost, flowDict)."""
    return _solve(G, demand, capacity, weight)


def min_cost_flow(G, demand="demand", capacity="capacity", weight="weight"):
    """Like networkx.min_cost_flow: returns flowDict."""
    return _solve(G, demand, capacity, weight)[1]


def min_cost_flow_cost(G, demand="demand", capacity="capacity", weight="weight"):
    """Like networkx.min_cost_flow_cost: returns the cost of a minimum-cost flow."""
    return _solve(G, demand, capacity, weight)[0]


def max_flow_min_cost(G, s, t, capacity="capacity", weight="weight"):
    """Like networkx.max_flow_min_cost: a maximum s-t flow of minimum cost."""
    if not G.is_directed():
        raise nx.NetworkXNotImplemented("not implemented for undirected type")
    if s not in G or t not in G:
        raise nx.NetworkXError(f"node {s if s not in G else t!r} not in graph")
    if s == t:
        raise nx.NetworkXError("source and sink are the same node")
    nodes = list(G)
    index = {u: i for i, u in enumerate(nodes)}
    edges = list(G.edges(data=True))
    # Maximum flow: a circulation with an extra arc t -> s of cost -1.
    tail = np.array([index[u] for u, _, _ in edges] + [index[t]], dtype=np.int64)
    head = np.array([index[v] for _, v, _ in edges] + [index[s]], dtype=np.int64)
    cap = np.array([_core.INFINITE_CAPACITY if d.get(capacity, _INF) == _INF
                    else max(0, _as_int(d.get(capacity), f"capacity of edge {(u, v)!r}")) for u, v, d in edges]
                   + [_core.INFINITE_CAPACITY], dtype=np.int64)
    cost = np.zeros(len(edges) + 1, dtype=np.int64)
    cost[-1] = -1
    result = _core.min_cost_flow(len(nodes), tail, head, cap, cost, np.zeros(len(nodes), dtype=np.int64), None,
                                 "exact")
    if result["status"] == "unbounded":
        raise nx.NetworkXUnbounded("Infinite capacity path, flow unbounded above.")
    if result["status"] == "out_of_range":
        raise RangeError(f"sixlink: {result['message']}")
    if result["status"] != "optimal":
        raise nx.NetworkXError(f"sixlink: {result['message']}")
    value = int(result["flow"][-1])
    H = nx.DiGraph(G)
    H.add_node(s, demand=-value)
    H.add_node(t, demand=value)
    return min_cost_flow(H, capacity=capacity, weight=weight)
