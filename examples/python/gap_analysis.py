"""The gap analysis from Python: tables as dicts of numpy arrays (pandas-ready)."""

import sixlink

report = sixlink.gap_analysis(sixlink.default_scenario())
city = report["city"]
print(f"local retention {city['retention_rate']:.2%} "
      f"(recorded {city['recorded_retention_rate']:.2%}), match rate {city['match_rate']:.2%}")

clusters = report["clusters"]                     # pandas.DataFrame(clusters) works too
worst = clusters["unmet"].argmax()
print(f"most openings unfilled: {clusters['id'][worst]} ({clusters['unmet'][worst]})")

programmes = report["programmes"]
best = programmes["marginal_value"].argmax()
print(f"one more graduate is worth most in {programmes['id'][best]}: "
      f"{programmes['marginal_value'][best]:.3f}")
assert (programmes["placed_local"] + programmes["leaving"] + programmes["surplus"]
        == programmes["graduates"]).all()
print("totals reconcile")
