"""Seeded synthetic scenarios of any size, for benchmarks and tests.

``synthetic_scenario(programmes=10_000, clusters=200, regions=50)`` builds a
province-sized linkage: every cluster has its own occupations, every specialty
prepares mainly for one cluster's occupations (some for a second's), schools
sit in regions and offer distinct specialties, enterprises of a cluster sit in a
few regions and demand its occupations. Numbers are drawn from numpy's PCG64
with the seed, so the same arguments give the same scenario. Not real data.
"""

from __future__ import annotations

import json
import os
import tempfile

import numpy as np

from . import _core
from ._flow import _INT32, _check_integer, _check_seed

__all__ = ["synthetic_scenario_dict", "synthetic_scenario"]


def synthetic_scenario_dict(programmes: int = 10_000, clusters: int = 200, regions: int = 50, *,
                            programmes_per_school: int = 10, enterprises: int | None = None,
                            seed: int = 0) -> dict:
    """The scenario as a JSON-ready dict (see the module docstring)."""
    programmes = _check_integer("programmes", programmes, *_INT32)
    clusters = _check_integer("clusters", clusters, *_INT32)
    regions = _check_integer("regions", regions, *_INT32)
    programmes_per_school = _check_integer("programmes_per_school", programmes_per_school, *_INT32)
    if enterprises is not None:
        enterprises = _check_integer("enterprises", enterprises, 1, _INT32[1])
    seed = _check_seed(seed)
    if programmes < 1 or clusters < 1 or regions < 1 or programmes_per_school < 1:
        raise ValueError("programmes, clusters, regions and programmes_per_school must be >= 1")
    rng = np.random.default_rng(seed)
    occupations_per_cluster = 2
    specialties = max(programmes_per_school, min(3 * clusters, programmes))
    if enterprises is None:
        enterprises = max(clusters, programmes // 2)
    out = {"sixlink": 1, "name": f"synthetic-{programmes}x{clusters}x{regions}-{seed}",
           "base_year": 2020}
    out["regions"] = [{"id": f"r{r}", "name": f"Region {r}"} for r in range(regions)]
    out["clusters"] = [{"id": f"c{c}", "name": f"Cluster {c}",
                        "growth_rate": float(rng.uniform(-0.02, 0.08)),
                        "replacement_rate": float(rng.uniform(0.02, 0.06))} for c in range(clusters)]
    out["sectors"] = [{"id": f"k{c}", "name": f"Sector {c}", "cluster": f"c{c}"}
                      for c in range(clusters)]
    out["occupations"] = [{"id": f"o{c}-{k}", "name": f"Occupation {c}.{k}"}
                          for c in range(clusters) for k in range(occupations_per_cluster)]
    out["specialties"] = []
    for k in range(specialties):
        home = k % clusters
        fits = [{"occupation": f"o{home}-{j}", "fit": float(rng.uniform(0.5, 1.0))}
                for j in range(occupations_per_cluster) if rng.random() < 0.8 or j == 0]
        if rng.random() < 0.3:
            other = int(rng.integers(clusters))
            if other != home:
                fits.append({"occupation": f"o{other}-0", "fit": float(rng.uniform(0.2, 0.6))})
        level = "secondary" if k % 5 < 3 else "associate"
        code = (610000 if level == "secondary" else 410000) + k
        out["specialties"].append({"id": str(code), "name": f"Specialty {k}", "level": level,
                                   "occupations": fits})
    schools = (programmes + programmes_per_school - 1) // programmes_per_school
    out["schools"], out["programmes"] = [], []
    for s in range(schools):
        secondary = s % 5 < 3
        pool = [k for k in range(specialties) if (k % 5 < 3) == secondary]
        count = min(programmes_per_school, programmes - len(out["programmes"]), len(pool))
        chosen = rng.choice(len(pool), size=count, replace=False)
        students = 0
        for k in sorted(chosen):
            spec = out["specialties"][pool[k]]
            intake = int(rng.integers(30, 300))
            students += 3 * intake
            out["programmes"].append({
                "id": f"s{s}-{spec['id']}", "school": f"s{s}", "specialty": spec["id"],
                "intake": intake, "enrolled": 3 * intake, "duration": 3,
                "completion_rate": 0.95 if secondary else 0.92,
                "min_intake": 30, "max_intake": int(intake * 1.5),
                "cost_per_student": 18000.0 if secondary else 24000.0})
        out["schools"].append({"id": f"s{s}", "name": f"School {s}", "region": f"r{s % regions}",
                               "level": "secondary" if secondary else "higher",
                               "double_high": bool(rng.random() < 0.3),
                               "capacity": int(students * 1.1), "social_training": 0})
    graduates = sum(p["intake"] for p in out["programmes"]) * 0.94
    per_firm = max(1, int(graduates * 0.7 / enterprises))
    out["enterprises"] = []
    for e in range(enterprises):
        c = e % clusters
        region = int(rng.integers(regions))
        openings = [{"occupation": f"o{c}-{j}", "count": int(rng.integers(1, 2 * per_firm))}
                    for j in range(occupations_per_cluster)]
        out["enterprises"].append({"id": f"e{e}", "name": f"Firm {e}", "region": f"r{region}",
                                   "sector": f"k{c}", "employees": int(rng.integers(50, 3000)),
                                   "large": False, "partner": False, "internship_slots": 0,
                                   "openings": openings})
    out["employment"] = []
    out["targets"] = []
    return out


def synthetic_scenario(programmes: int = 10_000, clusters: int = 200, regions: int = 50, *,
                       programmes_per_school: int = 10, enterprises: int | None = None,
                       seed: int = 0) -> "_core.Scenario":
    """The scenario, loaded and validated (see the module docstring)."""
    data = synthetic_scenario_dict(programmes, clusters, regions,
                                   programmes_per_school=programmes_per_school,
                                   enterprises=enterprises, seed=seed)
    handle, path = tempfile.mkstemp(suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            json.dump(data, f)
        return _core.load_scenario(path)
    finally:
        os.unlink(path)
