"""Stable matching, parallel-choice admission and the stability audit on plain
Python lists or numpy arrays (see sixlink/matching/*.hpp for the definitions)."""

from __future__ import annotations

import itertools

import numpy as np

from . import _core
from ._flow import _check_flag, _check_seed, _check_text, _integers


def _reals(name: str, values) -> np.ndarray:
    """values as a flat float64 array; anything that is not numbers is a ValueError naming `name`."""
    try:
        array = np.asarray(values)
        if array.dtype.kind not in "iuf":
            raise ValueError
        return array.astype(np.float64, copy=False).ravel()
    except (TypeError, ValueError):
        raise ValueError(f"{name} must hold numbers") from None


def _ranked_lists(prefs, name: str):
    """(indptr, indices) as int64 arrays, from a list of lists (best first) or a
    tuple (indptr, indices)."""
    if isinstance(prefs, tuple):
        if len(prefs) != 2:
            raise ValueError(f"{name}: a tuple must be (indptr, indices)")
        indptr, indices = (np.asarray(x) for x in prefs)
        for array, part in ((indptr, "indptr"), (indices, "indices")):
            if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
                raise ValueError(f"{name}: {part} must be a one-dimensional integer array")
        # No copy when they are int64 already: a million lists of ten are 80 MB.
        return indptr.astype(np.int64, copy=False), indices.astype(np.int64, copy=False)
    try:
        lengths = np.fromiter((len(row) for row in prefs), dtype=np.int64, count=len(prefs))
    except TypeError:
        raise TypeError(f"{name} must be a list of lists of indices or a tuple (indptr, indices), "
                        f"got {type(prefs).__name__}") from None
    indptr = np.zeros(len(prefs) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    flat = list(itertools.chain.from_iterable(prefs))
    indices = np.asarray(flat) if flat else np.zeros(0, dtype=np.int64)
    if indices.size and indices.dtype.kind not in "iu":
        raise ValueError(f"{name}: entries must be integer indices")
    return indptr, indices.astype(np.int64)


def _market(applicant_prefs, capacities, institution_prefs=None, scores=None, tie_break="single",
            seed=0, groups=None, quotas=None) -> dict:
    indptr, indices = _ranked_lists(applicant_prefs, "applicant_prefs")
    market = {"prefs_indptr": indptr, "prefs_indices": indices,
              "capacities": _integers("capacities", np.ravel(capacities), None),
              "tie_break": _check_text("tie_break", tie_break), "seed": _check_seed(seed)}
    if institution_prefs is not None:
        market["institution_indptr"], market["institution_indices"] = _ranked_lists(
            institution_prefs, "institution_prefs")
    if scores is not None:
        if isinstance(scores, (list, tuple)) and scores and isinstance(scores[0], (list, tuple, np.ndarray)):
            # One score per list entry, shaped like applicant_prefs.
            for a, (row, values) in enumerate(zip(applicant_prefs, scores)):
                if len(row) != len(values):
                    raise ValueError(f"scores of applicant {a}: {len(values)} values for "
                                     f"{len(row)} listed institutions")
            if len(scores) != len(indptr) - 1:
                raise ValueError(f"scores has {len(scores)} lists for {len(indptr) - 1} applicants")
            market["entry_scores"] = _reals("scores", list(itertools.chain.from_iterable(scores)))
        else:
            market["scores"] = _reals("scores", scores)
    if groups is not None:
        market["groups"] = _integers("groups", np.ravel(groups), None)
    if quotas is not None and len(quotas):
        table = np.asarray(quotas)
        if table.ndim != 2 or table.shape[1] != 3:
            raise ValueError(f"quotas must be (institution, group, seats) triples, got shape {table.shape}")
        table = _integers("quotas", table.ravel(), None).reshape(-1, 3)
        market["quota_institution"], market["quota_group"], market["quota_seats"] = table.T.copy()
    return market


def solve_stable_matching(applicant_prefs, capacities, institution_prefs=None, scores=None,
                          proposing: str = "applicants", tie_break: str = "single", seed: int = 0,
                          quotas=None, groups=None) -> np.ndarray:
    """Many-to-one stable matching by deferred acceptance.

    applicant_prefs: per applicant, institution indices best first (a list of
    lists, or a tuple (indptr, indices)). capacities: per institution. The
    institutions' priority is one of institution_prefs (per institution,
    applicant indices best first; unlisted applicants are unacceptable) or
    scores (higher first): one per applicant, or lists shaped like
    applicant_prefs (a score per applicant and institution). Equal scores are
    broken by a lottery drawn from seed: tie_break "single" (one draw per
    applicant) or "multiple" (one per applicant and institution). proposing:
    "applicants" (the applicant-optimal stable matching) or "institutions".
    quotas: (institution, group, seats) triples reserving seats for the
    applicants whose groups entry is that group; unused reserved seats go to
    everyone. Returns an int64 array: each applicant's institution, or -1.
    Bad input raises ValueError naming the applicant or institution. The GIL is
    released while solving. Contiguous int64 and float64 arrays are read in
    place, not copied: do not change them from another thread during the call.
    With one score per applicant (single tie-breaking, no quotas) every
    institution ranks alike and the stable matching is unique: both sides
    return it, computed as serial dictatorship.
    """
    market = _market(applicant_prefs, capacities, institution_prefs, scores, tie_break, seed, groups, quotas)
    return _core.stable_matching(market, _check_text("proposing", proposing))


def parallel_choice_admission(applicant_prefs, capacities, scores, min_scores=None, quotas=None,
                              groups=None, seed: int = 0) -> np.ndarray:
    """Score-priority parallel-choice admission (平行志愿), one round.

    Applicants are taken from the highest score down (equal scores by a lottery
    drawn from seed); each is admitted to the first institution on its list
    that still has a seat for it (its group's reserved seats, else the open
    ones) and whose min_scores entry it meets, and is not reconsidered.
    Returns an int64 array: each applicant's institution, or -1.
    """
    market = _market(applicant_prefs, capacities, None, scores, "single", seed, groups, quotas)
    if "scores" not in market:
        raise ValueError("parallel-choice admission needs one score per applicant")
    minimum = None if min_scores is None else _reals("min_scores", min_scores).tolist()
    return _core.parallel_choice_admission(market, minimum)


def audit_stability(applicant_prefs, capacities, institution_prefs, match, scores=None,
                    tie_break: str = "single", seed: int = 0, quotas=None, groups=None,
                    details: bool = False):
    """The blocking (applicant, institution) pairs of a matching, sorted.

    Takes the market as solve_stable_matching does (pass institution_prefs=None
    and scores=... for score priorities) and match, each applicant's
    institution or -1. With details=True returns a dict with blocking_pairs,
    over_capacity and unacceptable (arrays of institutions and applicants) and
    justified_envy (the count of pairs (a, b) where a prefers b's institution
    and outranks b there).
    """
    market = _market(applicant_prefs, capacities, institution_prefs, scores, tie_break, seed, groups, quotas)
    details = _check_flag("details", details)
    report = _core.audit_stability(market, _integers("match", np.ravel(match), None))
    return report if details else report["blocking_pairs"]
