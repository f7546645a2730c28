"""The README's stable-matching example: students, schools, a county quota."""

import sixlink

prefs = [[0, 1], [0], [0, 1]]            # each student's schools, best first
capacities = [2, 1]
scores = [612, 590, 575]                 # exam scores: higher first
match = sixlink.solve_stable_matching(prefs, capacities, scores=scores,
                                      groups=[-1, -1, 0], quotas=[(0, 0, 1)])
print("deferred acceptance:", match.tolist())                     # [0, -1, 0]
print("blocking pairs:", sixlink.audit_stability(prefs, capacities, None, match, scores=scores,
                                                 groups=[-1, -1, 0], quotas=[(0, 0, 1)]))
print("parallel choice:", sixlink.parallel_choice_admission(prefs, capacities, scores).tolist())
assert match.tolist() == [0, -1, 0]
