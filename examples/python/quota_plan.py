"""Next year's intakes and recommendations for the built-in scenario, checked
against HiGHS on the exported model."""

import os
import tempfile

import pandas as pd

import sixlink
from sixlink.mps import solve_mps

scenario = sixlink.default_scenario()
model = os.path.join(tempfile.mkdtemp(), "plan.mps")
report = sixlink.recommend(scenario, total_enrolment=94000, samples=20, seed=1, export_mps=model)
print(report["status"], round(report["objective"], 3), "students", round(report["totals"]["enrolment"]))

programmes = pd.DataFrame(report["programmes"])
changed = programmes[(programmes.intake - programmes.current_intake).abs() >= 1]
print(len(changed), "programmes change their intake")
for r in report["recommendations"][:3]:
    print(f"{r['action']:6s} {r['programme']:20s} agreement {r['agreement']:.0%}: {r['reason']}")

highs, _ = solve_mps(model)  # the file minimises minus the objective
print("HiGHS agrees" if abs(-highs - report["objective"]) <= 1e-6 * abs(highs) else "HiGHS DISAGREES")
