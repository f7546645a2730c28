"""sixlink.solve_stable_matching, parallel_choice_admission and audit_stability."""

import numpy as np
import pytest

import sixlink


def test_textbook_instance():
    applicants = [[0, 1, 2], [1, 0, 2], [0, 1, 2]]
    schools = [[1, 0, 2], [0, 1, 2], [0, 1, 2]]
    best = sixlink.solve_stable_matching(applicants, [1, 1, 1], institution_prefs=schools)
    assert best.dtype == np.int64 and best.tolist() == [0, 1, 2]
    other = sixlink.solve_stable_matching(applicants, [1, 1, 1], institution_prefs=schools,
                                          proposing="institutions")
    assert other.tolist() == [1, 0, 2]
    assert sixlink.audit_stability(applicants, [1, 1, 1], schools, best) == []
    assert sixlink.audit_stability(applicants, [1, 1, 1], schools, [2, 1, 0]) == [(0, 0), (0, 1)]


def _reference_deferred_acceptance(prefs, capacities, rank):
    """Textbook applicant-proposing deferred acceptance, written independently."""
    held = [[] for _ in capacities]
    nxt = [0] * len(prefs)
    free = list(range(len(prefs)))
    match = [-1] * len(prefs)
    while free:
        a = free.pop()
        while nxt[a] < len(prefs[a]):
            s = prefs[a][nxt[a]]
            nxt[a] += 1
            if a not in rank[s]:
                continue
            held[s].append(a)
            held[s].sort(key=lambda x: rank[s][x])
            if len(held[s]) > capacities[s]:
                out = held[s].pop()
                if out == a:
                    continue
                match[out] = -1
                free.append(out)
            match[a] = s
            break
    return match


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_a_reference_implementation_and_audits_clean(seed):
    rng = np.random.default_rng(seed)
    n, k = 300, 25
    prefs = [list(rng.permutation(k)[:rng.integers(0, 8)]) for _ in range(n)]
    capacities = rng.integers(0, 20, k)
    schools = [list(rng.permutation(n)[:rng.integers(n // 2, n + 1)]) for _ in range(k)]
    rank = [{a: p for p, a in enumerate(order)} for order in schools]
    ours = sixlink.solve_stable_matching(prefs, capacities, institution_prefs=schools)
    assert ours.tolist() == _reference_deferred_acceptance(prefs, capacities.tolist(), rank)
    assert sixlink.audit_stability(prefs, capacities, schools, ours) == []
    theirs = sixlink.solve_stable_matching(prefs, capacities, institution_prefs=schools, proposing="institutions")
    assert sixlink.audit_stability(prefs, capacities, schools, theirs) == []
    # CSR input gives the same.
    indptr = np.concatenate([[0], np.cumsum([len(p) for p in prefs])])
    indices = np.concatenate([np.asarray(p, dtype=np.int64) for p in prefs])
    assert np.array_equal(sixlink.solve_stable_matching((indptr, indices), capacities, institution_prefs=schools), ours)


def test_scores_ties_seeds_and_entry_scores():
    rng = np.random.default_rng(1)
    prefs = [list(rng.permutation(30)[:5]) for _ in range(2000)]
    capacities = np.full(30, 40)
    scores = rng.integers(0, 3, 2000)  # many ties
    first = sixlink.solve_stable_matching(prefs, capacities, scores=scores, seed=4)
    assert np.array_equal(first, sixlink.solve_stable_matching(prefs, capacities, scores=scores, seed=4))
    assert not np.array_equal(first, sixlink.solve_stable_matching(prefs, capacities, scores=scores, seed=5))
    details = sixlink.audit_stability(prefs, capacities, None, first, scores=scores, seed=4, details=True)
    assert details["blocking_pairs"] == [] and details["justified_envy"] == 0
    per_entry = [list(rng.random(5)) for _ in range(2000)]
    for tie_break in ("single", "multiple"):
        match = sixlink.solve_stable_matching(prefs, capacities, scores=per_entry, tie_break=tie_break)
        assert sixlink.audit_stability(prefs, capacities, None, match, scores=per_entry, tie_break=tie_break) == []


def test_quotas_reserve_and_release_seats():
    prefs = [[0], [0], [0]]
    got = sixlink.solve_stable_matching(prefs, [2], scores=[90, 80, 70], groups=[-1, -1, 0], quotas=[(0, 0, 1)])
    assert got.tolist() == [0, -1, 0]
    got = sixlink.solve_stable_matching(prefs, [2], scores=[90, 80, 70], groups=[-1, -1, -1], quotas=[(0, 0, 1)])
    assert got.tolist() == [0, 0, -1]


def test_parallel_choice_is_serial_dictatorship_with_full_lists():
    rng = np.random.default_rng(2)
    prefs = [list(rng.permutation(8)) for _ in range(200)]
    capacities = rng.integers(0, 30, 8)
    scores = rng.permutation(200).astype(float)  # distinct: the order is known
    admitted = sixlink.parallel_choice_admission(prefs, capacities, scores)
    left = capacities.copy()
    expected = [-1] * 200
    for a in np.argsort(-scores):
        for s in prefs[a]:
            if left[s] > 0:
                left[s] -= 1
                expected[a] = s
                break
    assert admitted.tolist() == expected
    ranked = sixlink.parallel_choice_admission(prefs, capacities, scores, min_scores=np.full(8, 150.0))
    assert (ranked[scores < 150] == -1).all()


@pytest.mark.parametrize("call, message", [
    (lambda: sixlink.solve_stable_matching([[0, 2]], [1, 1], scores=[1.0]), "applicant 0 lists institution 2"),
    (lambda: sixlink.solve_stable_matching([[1, 1]], [1, 1], scores=[1.0]), "applicant 0 lists institution 1 twice"),
    (lambda: sixlink.solve_stable_matching([[0]], [-1], scores=[1.0]), "institution 0 has capacity -1"),
    (lambda: sixlink.solve_stable_matching([[0]], [1], scores=[np.nan]), "applicant 0 is NaN"),
    (lambda: sixlink.solve_stable_matching([[0], [0]], [1], scores=[1.0]), "scores has 1 entries for 2 applicants"),
    (lambda: sixlink.solve_stable_matching([[0, 1]], [1, 1], scores=[[1.0]]), "scores of applicant 0"),
    (lambda: sixlink.solve_stable_matching([[0]], [1], institution_prefs=[[3]]), "institution 0 lists applicant 3"),
    (lambda: sixlink.solve_stable_matching([[0]], [1]), "no institution priority"),
    (lambda: sixlink.solve_stable_matching([[0.5]], [1], scores=[1.0]), "integer indices"),
    (lambda: sixlink.solve_stable_matching([[0]], [1], scores=[1.0], proposing="schools"), "proposing must be"),
    (lambda: sixlink.solve_stable_matching([[0]], [1], scores=[1.0], tie_break="coin"), "tie_break must be"),
    (lambda: sixlink.audit_stability([[0]], [1], None, [4], scores=[1.0]), "applicant 0 is matched to institution 4"),
    (lambda: sixlink.parallel_choice_admission([[0]], [1], [1.0], min_scores=[1.0, 2.0]), "min_score has 2"),
])
def test_bad_input_names_the_culprit(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_empty_lists_and_zero_capacity_are_fine():
    assert sixlink.solve_stable_matching([[], [0]], [0], scores=[1.0, 2.0]).tolist() == [-1, -1]
    assert sixlink.solve_stable_matching([], [], scores=[]).tolist() == []
    assert sixlink.parallel_choice_admission([[], [0]], [1], [1.0, 2.0]).tolist() == [-1, 0]


def test_the_gil_is_released_while_matching():
    from gil import longest_stall_while

    rng = np.random.default_rng(0)
    n, k = 1_000_000, 20_000
    indices = rng.integers(0, k, (n, 10))
    indices.sort(axis=1)  # distinct choices per row: drop repeats by sorting and checking
    keep = np.ones_like(indices, dtype=bool)
    keep[:, 1:] = indices[:, 1:] != indices[:, :-1]
    lengths = keep.sum(axis=1)
    prefs = (np.concatenate([[0], np.cumsum(lengths)]), indices[keep])
    scores = rng.integers(0, 750, n)
    solve_time, stall = longest_stall_while(
        lambda: sixlink.solve_stable_matching(prefs, np.full(k, 50), scores=scores))
    assert solve_time > 0.1, "the instance is too small to tell"
    assert stall < 0.5 * solve_time, (solve_time, stall)
