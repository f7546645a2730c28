"""The README's min-cost-flow examples: numpy arrays, then networkx graphs."""

import networkx as nx
import numpy as np

import sixlink
import sixlink.nx

r = sixlink.min_cost_flow(tail=[0, 1, 0], head=[1, 2, 2], capacity=[4, np.inf, 10],
                          cost=[1, 1, 3], supply=[5, 0, -5])
print(r.status, r.cost, r.flow, r.potential)
assert r.status == "optimal" and r.cost == 11

G = nx.DiGraph()
G.add_node("a", demand=-5)
G.add_node("d", demand=5)
G.add_edge("a", "b", weight=3, capacity=4)
G.add_edge("b", "d", weight=1)
G.add_edge("a", "d", weight=6)
cost, flow = sixlink.nx.network_simplex(G)
print("networkx-compatible:", cost, flow)
assert (cost, flow) == nx.network_simplex(G)
