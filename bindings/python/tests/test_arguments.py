"""Wrong argument types and out-of-range integers: TypeError or ValueError naming
the parameter, never pybind11's "incompatible function arguments" dump."""

import math

import networkx as nx
import numpy as np
import pytest

import sixlink
import sixlink.nx as snx
from sixlink.synthetic import synthetic_scenario_dict

SCENARIO = sixlink.default_scenario()


def raises(kind, parameter, call):
    with pytest.raises(kind) as info:
        call()
    message = str(info.value)
    assert parameter in message, message
    assert "incompatible function arguments" not in message
    return message


# (function, keyword arguments to try, parameter named in the message)
SCENARIO_CALLS = {
    "gap_analysis": sixlink.gap_analysis,
    "optimise_quotas": sixlink.optimise_quotas,
    "recommend": sixlink.recommend,
    "place": sixlink.place,
}

WRONG_TYPES = [
    ("gap_analysis", "year", 1e20),
    ("gap_analysis", "year", "2025"),
    ("gap_analysis", "year", True),
    ("gap_analysis", "outside_weight", "0.5"),
    ("gap_analysis", "other_region_mobility", None),
    ("gap_analysis", "outside_share", [1.0]),
    ("gap_analysis", "outside_tiers", 8.0),
    ("gap_analysis", "threads", "2"),
    ("optimise_quotas", "year", 2025.0),
    ("optimise_quotas", "total_enrolment", "90000"),
    ("optimise_quotas", "budget", True),
    ("optimise_quotas", "min_secondary_share", "0.4"),
    ("optimise_quotas", "max_secondary_share", [0.6]),
    ("optimise_quotas", "max_change", None),
    ("optimise_quotas", "outside_weight", "x"),
    ("optimise_quotas", "horizon", 1),
    ("optimise_quotas", "export_mps", 5),
    ("recommend", "samples", "x"),
    ("recommend", "samples", 10.0),
    ("recommend", "seed", 1.5),
    ("recommend", "demand_noise", "0.2"),
    ("recommend", "mix_noise", "0.2"),
    ("recommend", "fit_noise", [0.1]),
    ("recommend", "threads", 1.0),
    ("recommend", "open_candidates", "yes"),
    ("place", "mode", 1),
    ("place", "seed", "0"),
    ("place", "candidates", 50.0),
    ("place", "proposing", None),
    ("place", "cohort", 3),
    ("place", "openings", 4.5),
]


@pytest.mark.parametrize("function,parameter,value", WRONG_TYPES)
def test_wrong_types_are_type_errors_naming_the_parameter(function, parameter, value):
    raises(TypeError, parameter, lambda: SCENARIO_CALLS[function](SCENARIO, **{parameter: value}))


OUT_OF_RANGE = [
    ("gap_analysis", "year", 10**20),
    ("gap_analysis", "outside_tiers", 2**31),
    ("gap_analysis", "threads", -(2**40)),
    ("optimise_quotas", "year", -(2**31) - 1),
    ("recommend", "samples", 2**31),
    ("recommend", "seed", -1),
    ("recommend", "seed", 2**64),
    ("place", "seed", -1),
    ("place", "seed", 2**64),
    ("place", "candidates", 2**63),
]


@pytest.mark.parametrize("function,parameter,value", OUT_OF_RANGE)
def test_out_of_range_integers_are_value_errors_naming_the_parameter(function, parameter, value):
    message = raises(ValueError, parameter, lambda: SCENARIO_CALLS[function](SCENARIO, **{parameter: value}))
    assert str(value) in message


def test_the_largest_seed_is_accepted():
    assert sixlink.place(SCENARIO, mode="parallel", seed=2**64 - 1)["placed"] > 0
    assert sixlink.place(SCENARIO, mode="parallel", seed=np.uint64(7))["placed"] > 0


@pytest.mark.parametrize("function", list(SCENARIO_CALLS))
def test_the_scenario_must_be_a_scenario(function):
    message = raises(TypeError, "scenario", lambda: SCENARIO_CALLS[function]({"name": "x"}))
    assert "sixlink.Scenario" in message


@pytest.mark.parametrize("function,parameter,value", [
    ("gap_analysis", "outside_share", -1.0),
    ("gap_analysis", "other_region_mobility", math.nan),
    ("recommend", "samples", -1),
    ("recommend", "demand_noise", math.inf),
    ("recommend", "mix_noise", -0.1),
    ("recommend", "fit_noise", 3.0),
    ("place", "candidates", -1),
])
def test_values_outside_the_documented_range_name_the_parameter(function, parameter, value):
    raises(ValueError, parameter, lambda: SCENARIO_CALLS[function](SCENARIO, **{parameter: value}))


def test_load_scenario_path():
    raises(TypeError, "path", lambda: sixlink.load_scenario(5))
    raises(TypeError, "path", lambda: sixlink.load_scenario(b"taizhou-2020"))
    assert sixlink.load_scenario("taizhou-2020") == SCENARIO


def test_min_cost_flow_arguments():
    args = dict(tail=[0], head=[1], capacity=[1], cost=[1], supply=[1, -1])
    raises(TypeError, "supply_mode", lambda: sixlink.min_cost_flow(**args, supply_mode=1))
    raises(ValueError, "supply_mode", lambda: sixlink.min_cost_flow(**args, supply_mode="some"))
    for name in ("tail", "head", "capacity", "cost", "supply"):
        raises(ValueError, name, lambda: sixlink.min_cost_flow(**{**args, name: ["a"] * len(args[name])}))
        big = [2**70] * len(args[name])
        message = raises(ValueError, name, lambda: sixlink.min_cost_flow(**{**args, name: big}))
        assert "int64" in message
    raises(ValueError, "lower", lambda: sixlink.min_cost_flow(**args, lower=[0.5]))


def test_solve_assignment_arguments():
    w = np.eye(3)
    raises(TypeError, "maximize", lambda: sixlink.solve_assignment(w, maximize="yes"))
    raises(TypeError, "mode", lambda: sixlink.solve_assignment(w, mode=0))
    raises(TypeError, "algorithm", lambda: sixlink.solve_assignment(w, algorithm=None))
    raises(TypeError, "threads", lambda: sixlink.solve_assignment(w, threads=2.0))
    raises(ValueError, "threads", lambda: sixlink.solve_assignment(w, threads=2**31))
    raises(ValueError, "threads", lambda: sixlink.solve_assignment(w, threads=-1))
    raises(ValueError, "mode", lambda: sixlink.solve_assignment(w, mode="some"))
    raises(ValueError, "algorithm", lambda: sixlink.solve_assignment(w, algorithm="fastest"))
    raises(ValueError, "int64", lambda: sixlink.solve_assignment(np.full((2, 2), 2**64 - 1, dtype=np.uint64)))
    raises(ValueError, "matrix", lambda: sixlink.solve_assignment(np.zeros(3)))


MARKET = dict(applicant_prefs=[[0], [0, 1]], capacities=[1, 1])


def test_stable_matching_arguments():
    scores = [1.0, 2.0]
    call = sixlink.solve_stable_matching
    raises(TypeError, "seed", lambda: call(**MARKET, scores=scores, seed=1.0))
    raises(ValueError, "seed", lambda: call(**MARKET, scores=scores, seed=-1))
    raises(ValueError, "seed", lambda: call(**MARKET, scores=scores, seed=2**64))
    raises(TypeError, "proposing", lambda: call(**MARKET, scores=scores, proposing=1))
    raises(ValueError, "proposing", lambda: call(**MARKET, scores=scores, proposing="nobody"))
    raises(TypeError, "tie_break", lambda: call(**MARKET, scores=scores, tie_break=None))
    raises(ValueError, "tie_break", lambda: call(**MARKET, scores=scores, tie_break="random"))
    raises(ValueError, "capacities", lambda: call(MARKET["applicant_prefs"], [1.5, 1], scores=scores))
    raises(ValueError, "capacities", lambda: call(MARKET["applicant_prefs"], ["a", "b"], scores=scores))
    raises(ValueError, "scores", lambda: call(**MARKET, scores=["a", "b"]))
    raises(TypeError, "applicant_prefs", lambda: call(5, [1], scores=scores))
    raises(ValueError, "applicant_prefs", lambda: call([["x"], [0]], [1, 1], scores=scores))
    raises(ValueError, "groups", lambda: call(**MARKET, scores=scores, groups=[0.5, 1]))
    raises(ValueError, "quotas", lambda: call(**MARKET, scores=scores, groups=[0, 1], quotas=[(0, 0)]))
    raises(ValueError, "quotas", lambda: call(**MARKET, scores=scores, groups=[0, 1], quotas=[(0, 0, 0.5)]))
    assert call(**MARKET, scores=scores, seed=2**64 - 1).tolist() == [-1, 0]


def test_parallel_choice_and_audit_arguments():
    raises(ValueError, "min_scores", lambda: sixlink.parallel_choice_admission(
        **MARKET, scores=[1.0, 2.0], min_scores=["high", "low"]))
    raises(TypeError, "seed", lambda: sixlink.parallel_choice_admission(**MARKET, scores=[1, 2], seed="1"))
    raises(ValueError, "match", lambda: sixlink.audit_stability(**MARKET, institution_prefs=None,
                                                                 scores=[1, 2], match=[0.5, 1]))
    raises(TypeError, "details", lambda: sixlink.audit_stability(**MARKET, institution_prefs=None,
                                                                  scores=[1, 2], match=[-1, 0],
                                                                  details="yes"))


def test_synthetic_scenario_arguments():
    raises(TypeError, "programmes", lambda: synthetic_scenario_dict(programmes=10.0))
    raises(ValueError, "seed", lambda: synthetic_scenario_dict(programmes=10, seed=-1))
    raises(TypeError, "enterprises", lambda: synthetic_scenario_dict(programmes=10, enterprises="3"))


def _graph(**attrs):
    G = nx.DiGraph()
    G.add_node("a", demand=attrs.get("demand", -1))
    G.add_node("b", demand=-attrs.get("demand", -1))
    G.add_edge("a", "b", weight=attrs.get("weight", 1), capacity=attrs.get("capacity", 5))
    return G


@pytest.mark.parametrize("attrs,named", [
    ({"demand": -(2**64)}, "demand"),
    ({"demand": -1e30}, "demand"),
    ({"capacity": 2**63}, "capacity"),
    ({"weight": 2**63}, "weight"),
    ({"weight": 1e19 + 0.5}, "weight"),
])
def test_nx_integers_beyond_int64_are_value_errors(attrs, named):
    for function in (snx.network_simplex, snx.min_cost_flow, snx.min_cost_flow_cost):
        with pytest.raises(ValueError) as info:
            function(_graph(**attrs))
        assert named in str(info.value) and "int64" in str(info.value)
        assert isinstance(info.value, nx.NetworkXError)  # still what networkx code catches
    with pytest.raises(ValueError, match="capacity.*int64"):
        snx.max_flow_min_cost(_graph(capacity=2**64), "a", "b")


def test_nx_sums_beyond_the_engine_range_are_value_errors():
    G = nx.DiGraph()
    G.add_node("s", demand=-(2**62 - 1))
    G.add_node("t", demand=2**62 - 1)
    G.add_edge("s", "t", weight=1, capacity=2**62)
    with pytest.raises(ValueError, match="out of range"):
        snx.network_simplex(G)


def test_scenario_methods(tmp_path):
    raises(TypeError, "indent", lambda: SCENARIO.to_json("2"))
    raises(TypeError, "indent", lambda: SCENARIO.to_json(2.0))
    raises(ValueError, "indent", lambda: SCENARIO.to_json(2**40))
    raises(TypeError, "path", lambda: SCENARIO.save(5))
    raises(TypeError, "text", lambda: sixlink.Scenario.from_json(b"{}"))
    raises(TypeError, "source", lambda: sixlink.Scenario.from_json("{}", source=1))
    SCENARIO.save(tmp_path / "s.json")  # os.PathLike still works
    assert sixlink.Scenario.from_json((tmp_path / "s.json").read_text(), "s.json") == SCENARIO
