"""Ctrl-C during a long solve: KeyboardInterrupt within a second, no thread left.

Each test starts a solve that would run for seconds (sizes chosen at 5-50x the
signal's delay on a 2-core machine), sends SIGINT to the main thread from a timer
thread, and checks that KeyboardInterrupt arrives within a second of the signal,
that no Python thread is left behind and that the next call solves normally
(the interrupt flag was cleared). See call_interruptibly in module.cpp.
"""

import signal
import threading
import time

import numpy as np
import pytest

import sixlink
from sixlink.synthetic import synthetic_scenario

DELAY = 0.3  # seconds before SIGINT
LATENCY = 1.0  # the most the call may take to stop after it


@pytest.fixture(autouse=True)
def default_sigint_handler():
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def sigint_after(delay):
    """A started timer that sends SIGINT to the main thread; .sent_at is set when it does."""
    def fire():
        timer.sent_at = time.perf_counter()
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    timer = threading.Timer(delay, fire)
    timer.sent_at = None
    timer.start()
    return timer


def assert_interrupted(call):
    threads = threading.active_count()
    timer = sigint_after(DELAY)
    started = time.perf_counter()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
        stopped = time.perf_counter()
    finally:
        timer.cancel()
        timer.join()
    assert timer.sent_at is not None, "the call ended before the signal: make the workload larger"
    print(f"KeyboardInterrupt {stopped - timer.sent_at:.3f} s after SIGINT")
    assert stopped - timer.sent_at < LATENCY, (
        f"KeyboardInterrupt {stopped - timer.sent_at:.2f} s after SIGINT "
        f"(call started {timer.sent_at - started:.2f} s before it)")
    assert threading.active_count() == threads


def transportation(sources, sinks, degree, seed=7):
    rng = np.random.default_rng(seed)
    tail = np.repeat(np.arange(sources), degree)
    head = sources + rng.integers(0, sinks, size=sources * degree)
    cost = rng.integers(1, 1000, size=sources * degree)
    supply = np.zeros(sources + sinks, dtype=np.int64)
    supply[:sources] = rng.integers(1, 50, size=sources)
    total = int(supply[:sources].sum())
    supply[sources:] = -(total // sinks)
    supply[sources] -= total - (total // sinks) * sinks
    return tail, head, np.full(tail.size, np.inf), cost, supply


def hard_assignment(n):
    """c_ij = i * j: every augmenting path is long (about n^3 steps; 16 s at n = 1500)."""
    return np.outer(np.arange(n), np.arange(n)).astype(np.float64)


def check_small_flow():
    r = sixlink.min_cost_flow(tail=[0, 1, 0], head=[1, 2, 2], capacity=[4, np.inf, 10],
                              cost=[1, 1, 3], supply=[5, 0, -5])
    assert (r.status, r.cost, r.flow.tolist()) == ("optimal", 11, [4, 4, 1])


def test_min_cost_flow():
    problem = transportation(40_000, 4_000, 10)  # 400,000 arcs: about 6 s
    assert_interrupted(lambda: sixlink.min_cost_flow(*problem))
    check_small_flow()
    # The flag is cleared: a medium solve (threaded path) runs to its optimum.
    medium = transportation(2_000, 200, 10)
    assert sixlink.min_cost_flow(*medium).status == "optimal"


@pytest.mark.parametrize("algorithm", ["auto", "shortest_path"])
def test_solve_assignment(algorithm):
    cost = hard_assignment(2000)  # about 3 s with the vectorised search (issue 19)
    assert_interrupted(lambda: sixlink.solve_assignment(cost, algorithm=algorithm))
    assert sixlink.solve_assignment(hard_assignment(100)).status == "optimal"


def test_linear_sum_assignment():
    cost = hard_assignment(2000)
    assert_interrupted(lambda: sixlink.linear_sum_assignment(cost))
    rows, cols = sixlink.linear_sum_assignment(np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]]))
    assert cols.tolist() == [1, 0, 2]


def test_auction():
    rng = np.random.default_rng(3)
    cost = rng.integers(0, 10, size=(2000, 2000)).astype(np.float64)  # ties: about 3 s
    assert_interrupted(lambda: sixlink.solve_assignment(cost, algorithm="auction", threads=2))


def test_sparse_assignment():
    sp = pytest.importorskip("scipy.sparse")
    cost = sp.csr_matrix(hard_assignment(1000) + 1.0)
    assert_interrupted(lambda: sixlink.min_weight_full_bipartite_matching(cost))


def test_stable_matching():
    rng = np.random.default_rng(5)
    applicants, institutions, listed = 2_000_000, 20_000, 8
    start = rng.integers(0, institutions, applicants)
    indices = ((start[:, None] + np.arange(listed) * 997) % institutions).ravel()
    indptr = np.arange(0, applicants * listed + 1, listed)
    capacities = np.full(institutions, 20)
    # Each institution ranks the applicants that list it in an order of its own
    # (one score per applicant is serial dictatorship, too fast to interrupt).
    applicant = np.repeat(np.arange(applicants), listed)
    by_institution = applicant[np.lexsort((rng.random(indices.size), indices))]
    institution_indptr = np.concatenate(([0], np.cumsum(np.bincount(indices, minlength=institutions))))
    assert_interrupted(lambda: sixlink.solve_stable_matching(
        (indptr, indices), capacities, institution_prefs=(institution_indptr, by_institution),
        proposing="institutions"))  # about 2 s
    assert sixlink.solve_stable_matching([[0], [0]], [1], scores=[1.0, 2.0]).tolist() == [-1, 0]


@pytest.fixture(scope="module")
def large_scenario():
    return synthetic_scenario(programmes=20_000, clusters=300, regions=60)  # 1.6 s to build


def test_gap_analysis(large_scenario):
    assert_interrupted(lambda: sixlink.gap_analysis(large_scenario))  # about 3 s


def test_optimise_quotas(large_scenario):
    assert_interrupted(lambda: sixlink.optimise_quotas(large_scenario))  # about 3 s


def test_recommend_samples():
    scenario = sixlink.default_scenario()
    assert_interrupted(lambda: sixlink.recommend(scenario, samples=15000))  # about 18 s
    report = sixlink.recommend(scenario, samples=4, seed=1)
    assert report["recommendations"]


@pytest.fixture(scope="module")
def placement_scenario():
    return synthetic_scenario(programmes=2_000, clusters=60, regions=20)


@pytest.mark.parametrize("mode", ["optimal", "stable", "parallel"])
def test_place(placement_scenario, mode):
    # About 300,000 graduates: optimal runs for a minute, stable and parallel for 2-3 s;
    # drawing the synthetic cohort (placement/cohort.cpp) is not polled yet.
    assert_interrupted(lambda: sixlink.place(placement_scenario, mode=mode))


def test_place_after_an_interrupt(placement_scenario):
    assert_interrupted(lambda: sixlink.place(placement_scenario))  # about a minute
    assert sixlink.place(sixlink.default_scenario(), mode="stable")["placed"] > 0


def test_a_handler_that_does_not_raise_lets_the_solve_finish():
    caught = []
    signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    cost = hard_assignment(1000)  # about 0.5 s
    timer = sigint_after(0.1)
    try:
        result = sixlink.solve_assignment(cost)
    finally:
        timer.cancel()
        timer.join()
    assert timer.sent_at is not None and caught == [signal.SIGINT]
    assert result.status == "optimal"
    assert result.objective == pytest.approx(sum(i * (999 - i) for i in range(1000)))


def test_the_handler_exception_propagates():
    class Stop(Exception):
        pass

    def handler(number, frame):
        raise Stop()

    signal.signal(signal.SIGINT, handler)
    cost = hard_assignment(2000)
    timer = sigint_after(DELAY)
    try:
        with pytest.raises(Stop):
            sixlink.solve_assignment(cost)
    finally:
        timer.cancel()
        timer.join()
    assert timer.sent_at is not None
