"""pytest plugin: run networkx's own flow tests with sixlink's functions in place
of networkx's network_simplex, min_cost_flow, min_cost_flow_cost and
max_flow_min_cost. It counts the calls so the caller can tell it took effect."""

import networkx as nx

import sixlink.nx as snx

CALLS = {"count": 0}


def _counted(function):
    def wrapper(*args, **kwargs):
        CALLS["count"] += 1
        return function(*args, **kwargs)

    wrapper.__name__ = function.__name__
    return wrapper


def pytest_configure(config):
    for name in ("network_simplex", "min_cost_flow", "min_cost_flow_cost", "max_flow_min_cost"):
        setattr(nx, name, _counted(getattr(snx, name)))


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"sixlink substituted calls: {CALLS['count']}")
