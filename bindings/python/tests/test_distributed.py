"""sixlink.distributed on a LocalCluster of 2 worker processes: the same
DataFrames as the serial run, errors kept per task, scenarios scattered once,
and the command line end to end."""

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="needs Debian's python3-distributed")

import sixlink  # noqa: E402
from sixlink import distributed as sd  # noqa: E402
from sixlink.synthetic import synthetic_scenario  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def taizhou():
    return sixlink.default_scenario()


@pytest.fixture(scope="module")
def small():
    return synthetic_scenario(60, 6, 3, seed=2)


def test_samples_are_the_serial_ones(client, taizhou):
    serial = sd.sample_plans(taizhou, 24, seed=3, chunk=5)
    spread = sd.sample_plans(taizhou, 24, seed=3, chunk=2, client=client)
    pd.testing.assert_frame_equal(spread, serial)
    assert list(serial["sample"]) == list(range(24))
    assert serial["error"].isna().all()
    assert serial["objective"].nunique() > 1  # the samples do differ
    pd.testing.assert_frame_equal(sd.sample_plans(taizhou, 24, seed=3, chunk=1, threads=2), serial)


def test_samples_of_several_cities_are_each_citys(client, taizhou, small):
    both = sd.sample_plans([small, taizhou], 6, seed=2, chunk=4, client=client)
    alone = pd.concat([sd.sample_plans(s, 6, seed=2) for s in sorted([taizhou, small],
                                                                      key=lambda s: s.name)])
    pd.testing.assert_frame_equal(both, alone.reset_index(drop=True))
    with pytest.raises(ValueError, match="names repeat"):
        sd.sample_plans([small, small], 2)


def test_samples_are_the_librarys(taizhou):
    # The median objective recommend() reports (to its 6 decimals), rebuilt from the rows;
    # tests/analysis/plan_samples_test.cpp checks the agreements too, exactly.
    robustness = sixlink.recommend(taizhou, samples=12, seed=7, threads=2)["robustness"]
    rows = sd.sample_plans(taizhou, 12, seed=7)
    good = np.sort(rows.loc[rows["feasible"], "objective"].to_numpy())
    assert good[len(good) // 2] == pytest.approx(robustness["objective_median"], abs=1e-6)
    assert int((~rows["feasible"]).sum()) == robustness["infeasible_samples"]


def test_a_chunk_of_samples_is_the_same_alone(taizhou):
    whole = sd.sample_plans(taizhou, 8, seed=1)
    tail = sd.sample_plans(taizhou, 3, seed=1, first=5)
    pd.testing.assert_frame_equal(tail, whole.iloc[5:].reset_index(drop=True))


def test_sweep_and_cities_are_the_serial_ones(client, taizhou, small):
    grid = dict(outside_weight=[None, 0.4], other_region_mobility=[0.1, 0.5], max_change=[0.1, 0.3])
    serial = sd.sweep(small, **grid)
    spread = sd.sweep(small, client=client, **grid)
    pd.testing.assert_frame_equal(spread, serial)
    assert len(serial) == 8 and serial["error"].isna().all()
    serial = sd.cities([taizhou, small])
    pd.testing.assert_frame_equal(sd.cities([small, taizhou], client=client), serial)
    assert list(serial["scenario"]) == sorted([taizhou.name, small.name])
    gap = sixlink.gap_analysis(small)["city"]
    row = serial.set_index("scenario").loc[small.name]
    assert row["gap_retention_rate"] == gap["retention_rate"]
    plan = sixlink.recommend(small)  # the plan recommend() explains: candidates open
    assert row["plan_objective"] == pytest.approx(plan["objective"], abs=1e-6)


def test_a_failed_task_is_named_and_the_others_stay(client, small):
    frame = sd.sweep(small, other_region_mobility=[0.2, 1.5, 0.4], client=client)
    assert len(frame) == 3
    failed = frame[frame["error"].notna()]
    assert list(failed["other_region_mobility"]) == [1.5]
    message = failed["error"].iloc[0]
    assert small.name in message and "other_region_mobility=1.5" in message
    assert "mobility" in message.split(": ", 1)[1]  # the library's own message follows
    assert np.isnan(failed["objective"].iloc[0])
    assert frame.loc[frame["error"].isna(), "objective"].notna().all()
    pd.testing.assert_frame_equal(frame, sd.sweep(small, other_region_mobility=[0.2, 1.5, 0.4]))
    with pytest.raises(RuntimeError, match="1 of 3 results failed"):
        sd.raise_errors(frame)


def test_a_bad_sample_is_named(taizhou):
    frame = sd.sample_plans(taizhou, 2, seed=1, demand_noise=-1.0)
    assert frame["error"].str.contains(r"sample taizhou-2020 #0 \(seed 1\)").any()


def test_the_scenario_travels_once(client, small):
    before = sum(client.run(sd.load_count).values())
    frame = sd.sample_plans(small, 20, seed=4, chunk=1, client=client)  # 20 tasks
    assert frame["error"].isna().all()
    loads = sum(client.run(sd.load_count).values()) - before
    assert loads == len(client.scheduler_info()["workers"])  # once per worker, not per task


def test_the_tasks_hold_the_scattered_key_not_the_scenario(small, monkeypatch):
    submitted = []

    class Recorder:
        def scatter(self, data, broadcast, hash):
            submitted.append(("scatter", data, broadcast))
            return "the-future"

        def submit(self, function, *args, pure):
            submitted.append(("submit", args))
            raise RuntimeError("not run")  # recorded; stop here

    with pytest.raises(RuntimeError, match="not run"):
        sd.sample_plans(small, 4, seed=1, chunk=2, client=Recorder())
    assert submitted[0][0] == "scatter" and submitted[0][2] is True
    assert submitted[1] == ("submit", ("the-future", 1, 0, 2, {}))


def test_command_line_end_to_end(tmp_path, taizhou):
    env = dict(os.environ)
    out = tmp_path / "samples.csv"
    run = subprocess.run([sys.executable, "-m", "sixlink.distributed", "--local", "2", "samples",
                          "taizhou-2020", "--samples", "6", "--seed", "2", "--chunk", "2",
                          "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    written = pd.read_csv(out)
    serial = sd.sample_plans(taizhou, 6, seed=2)
    assert list(written.columns) == list(serial.columns)
    np.testing.assert_array_equal(written["sample"], serial["sample"])
    np.testing.assert_allclose(written["objective"], serial["objective"], rtol=1e-12)
    assert not list(tmp_path.glob(".sixlink-*"))  # no temporary file left
    # An input is never overwritten.
    scenario = tmp_path / "city.json"
    scenario.write_text(taizhou.to_json())
    run = subprocess.run([sys.executable, "-m", "sixlink.distributed", "--serial", "cities",
                          str(scenario), "-o", str(scenario)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert run.returncode != 0 and "input file" in run.stderr
    assert sixlink.load_scenario(scenario) == taizhou


def _fails_outside_its_rows(data, value):
    if value == 2:
        raise ZeroDivisionError("lost on the way")
    return [{"scenario": data.name, "value": value, "result": 10.0 * value, "error": None}]


def test_a_task_that_dies_is_named_and_the_others_stay(client, small):
    # A task that raises past its own handling (or whose worker is lost) gives error
    # rows for every key it stood for.
    data = sd.ScenarioData(small)
    tasks = [sd._Task(_fails_outside_its_rows, (data, v), [{"scenario": data.name, "value": v}],
                      f"test {data.name} value={v}") for v in (3, 2, 1)]
    frame = sd._run(tasks, client, ["scenario", "value"], ["result"], broadcast=True)
    assert list(frame["value"]) == [1, 2, 3]
    assert list(frame["result"].isna()) == [False, True, False]
    assert frame["error"].iloc[1] == f"test {small.name} value=2: ZeroDivisionError: lost on the way"


def test_command_line_names_a_missing_scenario(tmp_path):
    run = subprocess.run([sys.executable, "-m", "sixlink.distributed", "--serial", "samples",
                          str(tmp_path / "none.json"), "--samples", "2", "-o",
                          str(tmp_path / "out.csv")], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "none.json" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_sample_solve_releases_the_gil():
    from gil import longest_stall_while

    sampler = sixlink._core.PlanSampler(synthetic_scenario(6000, 120, 30, seed=1), seed=1)
    solve_time, stall = longest_stall_while(lambda: sampler.solve(0))
    assert solve_time > 0.05, "the instance is too small to tell"
    assert stall < 0.5 * solve_time, (solve_time, stall)
