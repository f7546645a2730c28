"""sixlink.min_cost_flow and sixlink.nx against networkx, and networkx's own tests."""

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import sixlink
import sixlink.nx as snx

NX_TESTS = Path(nx.__file__).parent / "algorithms" / "flow" / "tests"


def test_header_example():
    r = sixlink.min_cost_flow([0, 1, 0], [1, 2, 2], [4, np.inf, 10], [1, 1, 3], [5, 0, -5])
    assert r.status == "optimal" and r.cost == 11
    assert r.flow.tolist() == [4, 4, 1]
    assert r.flow.dtype == np.int64 and r.potential.dtype == np.int64
    rc = np.array([1, 1, 3]) + r.potential[[0, 1, 0]] - r.potential[[1, 2, 2]]
    assert (rc[r.flow == 0] >= 0).all()


def test_supply_modes_lower_bounds_and_statuses():
    # Two suppliers of 4, one demand of 5.
    args = ([0, 1], [2, 2], [10, 10], [1, 2], [4, 4, -5])
    assert sixlink.min_cost_flow(*args).status == "infeasible"
    r = sixlink.min_cost_flow(*args, supply_mode="supply_at_most")
    assert r.status == "optimal" and r.cost == 6
    r = sixlink.min_cost_flow([0], [1], [5], [1], [3, -3], lower=[4])
    assert r.status == "infeasible"
    assert r.cut is not None and r.cut["side"] in ("supply", "demand")
    r = sixlink.min_cost_flow([0, 1], [1, 0], [np.inf, np.inf], [-1, 0], [0, 0])
    assert r.status == "unbounded" and sorted(r.negative_cycle.tolist()) == [0, 1]


def test_infeasibility_cut_is_checkable():
    r = sixlink.min_cost_flow([0, 1], [1, 2], [2, 10], [1, 1], [5, 0, -5])
    assert r.status == "infeasible"
    nodes = set(r.cut["nodes"].tolist())
    assert nodes == {0}
    assert r.cut["net_supply"] == 5 and r.cut["cut_capacity"] == 2


@pytest.mark.parametrize("bad, message", [
    (dict(cost=[1.5]), r"cost\[0\] = 1.5 is not an integer"),
    (dict(cost=[np.nan]), r"cost\[0\] is NaN"),
    (dict(capacity=[-1]), "capacity -1 is negative"),
    (dict(head=[7]), "head 7 is not a node"),
    (dict(head=[1, 1]), "head has 2 entries, expected 1"),
    (dict(capacity=[-np.inf]), r"capacity\[0\] is infinite"),
    (dict(supply_mode="sometimes"), "supply_mode must be"),
])
def test_bad_input_raises_value_error(bad, message):
    args = dict(tail=[0], head=[1], capacity=[5], cost=[1], supply=[1, -1])
    args.update(bad)
    with pytest.raises(ValueError, match=message):
        sixlink.min_cost_flow(**args)


def test_out_of_range_is_a_status():
    r = sixlink.min_cost_flow([0], [1], [1], [2**59], [0, 0])
    assert r.status == "out_of_range"


def _random_graph(seed, n=30, m=120):
    rng = np.random.default_rng(seed)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for _ in range(m):
        u, v = rng.integers(0, n, 2)
        if u != v:
            attrs = {"weight": int(rng.integers(0, 100))}
            if rng.random() < 0.7:
                attrs["capacity"] = int(rng.integers(1, 30))
            G.add_edge(int(u), int(v), **attrs)
    supply = rng.integers(-10, 11, n)
    supply[0] -= supply.sum()
    for v in range(n):
        G.nodes[v]["demand"] = int(-supply[v])
    return G


@pytest.mark.parametrize("seed", range(10))
def test_cost_scaling_and_the_simplex_reach_the_same_optimum(seed):
    rng = np.random.default_rng(seed)
    n, m = 200, 1500
    tail = rng.integers(0, n, m)
    head = rng.integers(0, n, m)
    capacity = rng.integers(1, 50, m)
    cost = rng.integers(-20, 100, m)
    flow = rng.integers(0, 1, m) * capacity  # a feasible flow gives balanced supplies
    supply = np.zeros(n, dtype=np.int64)
    np.add.at(supply, tail, flow)
    np.subtract.at(supply, head, flow)
    by_simplex = sixlink.min_cost_flow(tail, head, capacity, cost, supply, algorithm="network_simplex")
    by_scaling = sixlink.min_cost_flow(tail, head, capacity, cost, supply, algorithm="cost_scaling")
    assert by_simplex.status == by_scaling.status == "optimal"
    assert by_simplex.algorithm == "network_simplex"
    assert by_scaling.algorithm == "cost_scaling"
    assert by_scaling.cost == by_simplex.cost
    reduced = cost + by_scaling.potential[tail] - by_scaling.potential[head]
    assert np.all(by_scaling.flow[reduced > 0] == 0)
    assert np.all(by_scaling.flow[reduced < 0] == capacity[reduced < 0])


def test_cost_scaling_leaves_an_infeasible_problem_to_the_simplex():
    result = sixlink.min_cost_flow([0], [1], [3], [1], [5, -5], algorithm="cost_scaling")
    assert result.status == "infeasible"
    assert result.algorithm == "network_simplex"
    with pytest.raises(ValueError, match="algorithm"):
        sixlink.min_cost_flow([0], [1], [3], [1], [1, -1], algorithm="auction")

@pytest.mark.parametrize("seed", range(40))
def test_agrees_with_networkx_on_random_graphs(seed):
    G = _random_graph(seed)
    try:
        expected = nx.network_simplex(G)[0]
    except nx.NetworkXUnfeasible:
        with pytest.raises(nx.NetworkXUnfeasible):
            snx.network_simplex(G)
        return
    cost, flow = snx.network_simplex(G)
    assert cost == expected
    assert nx.cost_of_flow(G, flow) == cost
    for v in G:  # conservation
        out = sum(flow[v].values())
        inflow = sum(flow[u][v] for u in G.predecessors(v))
        assert inflow - out == G.nodes[v]["demand"]


def test_networkx_own_test_files_pass_with_sixlink_substituted(tmp_path):
    plugin_dir = Path(__file__).parent / "nx_plugin"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join([str(plugin_dir), env.get("PYTHONPATH", "")])
    files = [str(NX_TESTS / "test_mincost.py"), str(NX_TESTS / "test_networksimplex.py")]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "sixlink_nx_plugin",
         "--rootdir", str(tmp_path), *files],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    calls = [line for line in done.stdout.splitlines() if line.startswith("sixlink substituted calls:")]
    assert calls and int(calls[0].split(":")[1]) > 30, done.stdout[-2000:]


def _parallel_routes():
    """a -> c directly (weight 2) or through b (1 + 1): every split is optimal."""
    G = nx.DiGraph()
    G.add_node("a", demand=-4)
    G.add_node("c", demand=4)
    G.add_edge("a", "b", weight=1)
    G.add_edge("b", "c", weight=1)
    G.add_edge("a", "c", weight=2)
    return G


def test_nx_ties_go_to_the_least_total_arc_flow():
    cost, flow = snx.network_simplex(_parallel_routes())
    assert cost == 8
    assert flow == {"a": {"b": 0, "c": 4}, "b": {"c": 0}, "c": {}}  # 4 units on arcs, not 8


def test_nx_tie_break_is_skipped_when_it_would_overflow_and_the_cost_stays_optimal():
    G = _parallel_routes()
    G.add_edge("a", "d", weight=1, capacity=2**55)  # V x max|w| x (n + 2) beyond 2^58
    G.add_node("d", demand=0)
    inf = sixlink.INFINITE_CAPACITY
    supply, cap = np.array([4, -4, 0, 0]), np.array([inf, inf, inf, 2**55])
    assert snx._break_ties([1, 1, 2, 1], supply, cap, 4) == [1, 1, 2, 1]  # skipped
    assert snx._break_ties([1, 1, 2, 1], supply, cap[:3], 4) != [1, 1, 2, 1]  # applied
    cost, flow = snx.network_simplex(G)
    assert cost == nx.network_simplex(G)[0] == 8
    assert nx.cost_of_flow(G, flow) == 8
    assert flow["a"]["b"] == flow["b"]["c"] and flow["a"]["b"] + flow["a"]["c"] == 4


def test_nx_same_cost_on_tie_heavy_graphs_but_the_flow_may_differ():
    """What the README claims against networkx: the same optimal cost; among
    equal-cost optima the flow may differ. Seeded graphs with weights in {0, 1}."""
    differ = 0
    for seed in range(60):
        rng = np.random.default_rng(500 + seed)
        G = nx.DiGraph()
        n = 12
        G.add_nodes_from(range(n))
        for _ in range(40):
            u, v = (int(x) for x in rng.integers(0, n, 2))
            if u != v:
                G.add_edge(u, v, weight=int(rng.integers(0, 2)), capacity=int(rng.integers(1, 8)))
        supply = rng.integers(-4, 5, n)
        supply[0] -= supply.sum()
        for v in range(n):
            G.nodes[v]["demand"] = int(-supply[v])
        try:
            expected_cost, expected_flow = nx.network_simplex(G)
        except nx.NetworkXUnfeasible:
            continue
        cost, flow = snx.network_simplex(G)
        assert cost == expected_cost
        differ += flow != expected_flow
    assert differ > 0
