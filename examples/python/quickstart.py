"""Quick start: the built-in scenario, its summary, and a round trip through JSON."""

import tempfile
from pathlib import Path

import sixlink

scenario = sixlink.default_scenario()
summary = scenario.summary()
print(f"{scenario.name} enrols {summary['enrolled']} students; "
      f"local retention {summary['retention_rate']:.2%}")

clusters = summary["clusters"]  # a dict of numpy arrays: pandas.DataFrame(clusters) works
for cid, graduates, openings in zip(clusters["id"], clusters["graduates"], clusters["openings"]):
    print(f"  {cid:14s} {graduates:7.0f} graduates {openings:6d} openings")

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "taizhou.json"
    scenario.save(path)                       # edit the file, then load it back
    assert sixlink.load_scenario(path) == scenario
    try:
        sixlink.Scenario.from_json('{"sixlink": 1, "name": "x", "base_year": 2020, "regions": [{"id": 7}]}')
    except ValueError as error:               # bad input names the place and the field
        print("rejected:", error)
