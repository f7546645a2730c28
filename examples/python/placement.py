"""Places the built-in scenario's synthetic cohort optimally and stably, and
shows what stability costs; then places a small cohort read from CSV and the
same cohort given as a DataFrame."""

import os
import tempfile

import pandas as pd

import sixlink

scenario = sixlink.default_scenario()
optimal = sixlink.place(scenario, mode="optimal")
stable = sixlink.place(scenario, mode="stable")
print(f"optimal: retention {optimal['retention_rate']:.1%}, value {optimal['total_value']:.1f}, "
      f"certified {optimal['certified']}")
print(f"stable:  retention {stable['retention_rate']:.1%}, value {stable['total_value']:.1f}, "
      f"blocking pairs {stable['blocking_pairs']}")
fill = pd.DataFrame(optimal["clusters"])
print(fill.sort_values("fill_rate").head(3).to_string(index=False))

folder = tempfile.mkdtemp()
graduates = os.path.join(folder, "graduates.csv")
with open(graduates, "w", encoding="utf-8") as f:
    f.write("id,programme,score,preferences\n"
            "li,wl-vs1-660301,88,e-wenling-auto-01\n"
            "wang,wl-vs1-660301,75,\n")
small = sixlink.place(scenario, cohort=graduates, mode="stable")
print(dict(zip(small["assignments"]["graduate"], small["assignments"]["enterprise"])))

# The same cohort as a DataFrame (or a dict of columns): passed to C++ as columns,
# read by the CSV file's rules.
frame = pd.DataFrame({"id": ["li", "wang"], "programme": ["wl-vs1-660301"] * 2,
                      "score": [88, 75], "preferences": [["e-wenling-auto-01"], []]})
again = sixlink.place(scenario, cohort=frame, mode="stable")
print("from a DataFrame:", list(again["assignments"]["enterprise"]) == list(small["assignments"]["enterprise"]))
