"""progress= on recommend, optimise_quotas(horizon=True) and place: the callable's events,
True without tqdm, a raising callable, and results unchanged by progress."""

import sys

import numpy as np
import pytest

import sixlink


@pytest.fixture(scope="module")
def scenario():
    return sixlink.default_scenario()


class Recorder:
    def __init__(self):
        self.events = []

    def __call__(self, stage, done, total, elapsed):
        assert isinstance(stage, str) and isinstance(done, int) and isinstance(total, int)
        assert isinstance(elapsed, float)
        self.events.append((stage, done, total, elapsed))

    def stages(self):
        return list(dict.fromkeys(e[0] for e in self.events))

    def check_monotone(self):
        for stage in self.stages():
            mine = [e for e in self.events if e[0] == stage]
            assert mine[0][1] == 0 and mine[-1][1] == mine[-1][2]
            assert all(a[1] <= b[1] and a[3] <= b[3] for a, b in zip(mine, mine[1:]))
            assert all(e[2] == mine[0][2] and 0 <= e[1] <= e[2] for e in mine)


def test_recommend_reports_samples_and_years(scenario):
    seen = Recorder()
    report = sixlink.recommend(scenario, samples=8, seed=3, horizon=True, progress=seen)
    seen.check_monotone()
    assert seen.stages() == ["explaining", "samples", "years"]
    explained = len(report["recommendations"])
    assert [e for e in seen.events if e[0] == "explaining"][-1][1:3] == (explained, explained)
    assert [e for e in seen.events if e[0] == "samples"][-1][1:3] == (8, 8)
    plain = sixlink.recommend(scenario, samples=8, seed=3, horizon=True)
    assert report["recommendations"] == plain["recommendations"]
    assert report["objective"] == plain["objective"]


def test_progress_changes_nothing_at_any_thread_count(scenario):
    seen = Recorder()
    one = sixlink.recommend(scenario, samples=12, seed=5, threads=1, progress=seen)
    many = sixlink.recommend(scenario, samples=12, seed=5, threads=4)
    seen.check_monotone()
    assert one["recommendations"] == many["recommendations"]
    assert one["robustness"] == many["robustness"]


def test_optimise_quotas_reports_years(scenario):
    seen = Recorder()
    sixlink.optimise_quotas(scenario, horizon=True, progress=seen)
    seen.check_monotone()
    assert seen.stages() == ["years"]


def test_place_reports_its_stages(scenario):
    seen = Recorder()
    report = sixlink.place(scenario, progress=seen)
    seen.check_monotone()
    assert seen.stages() == ["candidates", "placing"]
    assert seen.events[-1][1:3] == (3, 3)
    assert [e for e in seen.events if e[0] == "candidates"][-1][2] == report["graduates"]
    plain = sixlink.place(scenario)
    assert np.array_equal(report["assignments"]["opening"], plain["assignments"]["opening"])


def test_true_without_tqdm_prints_to_stderr(scenario, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm fails
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    sixlink.recommend(scenario, samples=4, progress=True)
    err = capsys.readouterr().err
    assert "\rsamples  0/4" in err and "samples  4/4" in err and err.endswith("\n")


def test_true_with_a_tqdm_like_module(scenario, monkeypatch):
    bars = []

    class FakeBar:
        def __init__(self, total, desc, leave):
            self.total, self.desc, self.n, self.closed = total, desc, 0, False
            bars.append(self)

        def update(self, k):
            self.n += k

        def close(self):
            self.closed = True

    fake = type(sys)("tqdm.auto")
    fake.tqdm = FakeBar
    monkeypatch.setitem(sys.modules, "tqdm", type(sys)("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", fake)
    n = len(sixlink.recommend(scenario, samples=4, progress=True)["recommendations"])
    assert [(b.desc, b.n, b.total, b.closed) for b in bars] == [("explaining", n, n, True),
                                                                ("samples", 4, 4, True)]


class Stop(Exception):
    pass


@pytest.mark.parametrize("stage", ["samples", "years", "candidates"])
def test_a_raising_callable_stops_the_solve(scenario, stage):
    calls = []

    def progress(s, done, total, elapsed):
        calls.append(s)
        if s == stage:
            raise Stop(s)

    with pytest.raises(Stop, match=stage):
        if stage == "candidates":
            sixlink.place(scenario, progress=progress)
        else:
            sixlink.recommend(scenario, samples=6, horizon=True, progress=progress)
    assert calls.count(stage) == 1  # no event after it raised
    # the next call works
    assert sixlink.recommend(scenario, samples=2)["status"] == "optimal"


def test_progress_must_be_callable(scenario):
    with pytest.raises(TypeError, match="progress must be None, True or a callable"):
        sixlink.recommend(scenario, progress="yes")
