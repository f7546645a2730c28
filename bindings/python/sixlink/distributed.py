"""Many independent analyses as dask.distributed tasks: ``sixlink.distributed``.

Three kinds of sweep, each a list of tasks whose work is one GIL-free C++ solve:

``sample_plans``   demand samples of the quota plan: sample k of ``seed`` is the
                   sample ``sixlink.recommend(samples=..., seed=...)`` draws (the
                   C++ ``PlanSampler``, sixlink/analysis/plan_samples.hpp), solved
                   alone; one row per sample.
``sweep``          the plan over a grid of outside weight lambda, other-region
                   mobility and max change; one row per grid point.
``cities``         the gap analysis and the plan of each of a set of scenarios; one
                   row per scenario.

Each takes ``client``: a ``distributed.Client`` runs the tasks on its cluster,
``None`` runs the very same task functions here, one after another (the serial
reference). The result is a ``pandas.DataFrame``, one row per task result,
sorted by the task key (scenario, sample / the parameters), so it is the same
whatever the number of workers and the order they finish in.

Scenarios travel to the workers once: each is wrapped in a :class:`ScenarioData`
and scattered (``client.scatter(..., broadcast=True)`` for samples and sweeps,
whose tasks all read it); the tasks receive the future, and each worker process
parses the scenario once and keeps the C++ sampler it builds on it.

Errors: a task that fails does not lose the others' results. Its rows keep their
key columns, the result columns are NaN, and the ``error`` column names the task
and the exception (``"sample taizhou-2020 #17: Error: ..."``); ``error`` is
``None`` on every row that succeeded. A worker lost while running a task gives
the same kind of row. ``raise_errors(frame)`` turns them into one exception.

Command line (``python -m sixlink.distributed --help``)::

    python -m sixlink.distributed --local 2 samples taizhou-2020 --samples 100 -o s.csv
    python -m sixlink.distributed --scheduler tcp://HOST:8786 sweep province.json \\
        --outside-weight 0.3 0.5 --mobility 0.1 0.3 --max-change 0.1 0.2 -o sweep.csv
    python -m sixlink.distributed --local 2 cities a.json b.json taizhou-2020 -o cities.csv

Needs Debian's python3-distributed (dask and distributed); the rest of the
package does not import it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import threading
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _core
from ._flow import _check_scenario
from ._options import default as _default

__all__ = ["ScenarioData", "sample_plans", "sweep", "cities", "raise_errors", "load_count", "main"]

# Action codes of PlanSampler.solve (sixlink::Action; -1: none).
_ACTIONS = ("expand", "shrink", "open", "close")
# The plan options a sampler takes besides the scenario (PlanSampler's keywords).
_PLAN_OPTIONS = ("year", "total_enrolment", "budget", "min_secondary_share", "max_secondary_share",
                 "max_change", "outside_weight", "other_region_mobility", "open_candidates",
                 "demand_noise", "mix_noise", "fit_noise")
_PLAN_COLUMNS = ["status", "feasible", "objective", "unmet", "enrolment", "retention_rate",
                 *_ACTIONS, "intake"]

_loads = 0  # ScenarioData unpickled in this process (see load_count)
_loads_lock = threading.Lock()


def load_count() -> int:
    """How many ScenarioData this process has unpickled (the scatter-once check)."""
    return _loads


class ScenarioData:
    """A scenario as the tasks receive it: its name, the scenario, and the
    samplers built on it in this process (not pickled). Unpickling parses the
    scenario's JSON once; a worker then keeps the object as long as its future lives."""

    def __init__(self, scenario: "_core.Scenario", name: Optional[str] = None):
        self.scenario = _check_scenario(scenario)
        self.name = scenario.name if name is None else str(name)
        self._samplers: Dict[Tuple, Any] = {}
        self._lock = threading.Lock()

    def __getstate__(self):
        return {"name": self.name, "scenario": self.scenario}

    def __setstate__(self, state):
        global _loads
        self.__init__(state["scenario"], state["name"])
        with _loads_lock:
            _loads += 1

    def sampler(self, options: Dict[str, Any], seed: int = 0) -> "_core.PlanSampler":
        """The PlanSampler for these options, built once per process."""
        key = (seed, tuple(sorted(options.items())))
        with self._lock:
            if key not in self._samplers:
                self._samplers[key] = _core.PlanSampler(self.scenario, seed=seed, **options)
            return self._samplers[key]


def _plan_row(solved: Dict[str, Any]) -> Dict[str, Any]:
    actions = solved["actions"]
    row = {key: solved[key] for key in ("status", "feasible", "objective", "unmet", "enrolment",
                                        "retention_rate")}
    for code, name in enumerate(_ACTIONS):
        row[name] = int(np.count_nonzero(actions == code))
    row["intake"] = float(np.sum(solved["intakes"]))
    return row


def _error_text(task: str, error: BaseException) -> str:
    return f"{task}: {type(error).__name__}: {error}"


# The tasks. Each returns a list of rows (dicts), a failure an error row: they run
# on the workers and, for the serial reference, here.

def _sample_task(data: ScenarioData, seed: int, first: int, stop: int,
                 options: Dict[str, Any]) -> List[Dict[str, Any]]:
    rows = []
    for k in range(first, stop):
        row = {"scenario": data.name, "sample": k}
        try:
            row.update(_plan_row(data.sampler(options, seed).solve(k)))
            row["error"] = None
        except Exception as error:  # noqa: BLE001 - reported in the row, the others go on
            row["error"] = _error_text(f"sample {data.name} #{k} (seed {seed})", error)
        rows.append(row)
    return rows


def _sweep_task(data: ScenarioData, point: Dict[str, Any],
                options: Dict[str, Any]) -> List[Dict[str, Any]]:
    row = {"scenario": data.name, **point}
    try:
        sampler = _core.PlanSampler(data.scenario, **{**options, **point})
        row.update(_plan_row(sampler.solve_base()))
        row["error"] = None
    except Exception as error:  # noqa: BLE001
        named = " ".join(f"{key}={value}" for key, value in point.items())
        row["error"] = _error_text(f"sweep {data.name} {named}", error)
    return [row]


_CITY_GAP = ("graduates", "demand", "matched", "unmet", "leaving", "retention_rate")


def _city_task(data: ScenarioData, options: Dict[str, Any]) -> List[Dict[str, Any]]:
    row: Dict[str, Any] = {"scenario": data.name}
    try:
        city = _core.gap_report(data.scenario)["city"]
        for key in _CITY_GAP:
            row[f"gap_{key}"] = city.get(key, np.nan)
        plan = _plan_row(_core.PlanSampler(data.scenario, **options).solve_base())
        row.update({f"plan_{key}": value for key, value in plan.items()})
        row["error"] = None
    except Exception as error:  # noqa: BLE001
        row["error"] = _error_text(f"cities {data.name}", error)
    return [row]


# Running the tasks: here one after another, or on a cluster.

class _Task:
    """One task: its function, its arguments (ScenarioData in first place) and
    the rows it stands for, so that a lost task still names them."""

    def __init__(self, function: Callable, args: Tuple, keys: List[Dict[str, Any]], name: str):
        self.function, self.args, self.keys, self.name = function, args, keys, name


def _run(tasks: List[_Task], client, key_columns: List[str], columns: List[str],
         broadcast: bool, threads: int = 1) -> pd.DataFrame:
    rows: List[Dict[str, Any]] = []
    if client is None and threads <= 1:
        for task in tasks:
            rows.extend(task.function(*task.args))
    elif client is None:  # a thread pool here: the solves release the GIL
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(threads) as pool:
            for result in pool.map(lambda task: task.function(*task.args), tasks):
                rows.extend(result)
    else:
        from distributed import wait

        scattered: Dict[int, Any] = {}  # one future per ScenarioData, scattered once
        for task in tasks:
            data = task.args[0]
            if id(data) not in scattered:
                scattered[id(data)] = client.scatter(data, broadcast=broadcast, hash=False)
        futures = [client.submit(task.function, scattered[id(task.args[0])], *task.args[1:],
                                 pure=False) for task in tasks]
        wait(futures)
        finished = [future for future in futures if future.status == "finished"]
        results = dict(zip((future.key for future in finished), client.gather(finished)))
        for task, future in zip(tasks, futures):
            if future.key in results:
                rows.extend(results[future.key])
            else:  # lost worker, cancelled, or an error outside the task's own handling
                try:
                    error = future.exception()
                except Exception as lost:  # noqa: BLE001 - cancelled futures raise here
                    error = lost
                rows.extend({**key, "error": _error_text(task.name, error)} for key in task.keys)
    return _frame(rows, key_columns, columns)


def _frame(rows: List[Dict[str, Any]], key_columns: List[str], columns: List[str]) -> pd.DataFrame:
    all_columns = key_columns + columns + ["error"]
    frame = pd.DataFrame.from_records(rows, columns=all_columns)
    for column in columns:  # a column of error rows only would be object; keep numbers numeric
        if frame[column].dtype == object and column not in ("status", "plan_status"):
            frame[column] = pd.to_numeric(frame[column])
    frame["error"] = frame["error"].astype(object).where(frame["error"].notna(), None)
    return frame.sort_values(key_columns, kind="mergesort").reset_index(drop=True)


def _plan_options(options: Dict[str, Any]) -> Dict[str, Any]:
    unknown = set(options) - set(_PLAN_OPTIONS)
    if unknown:
        raise TypeError(f"unknown plan options: {', '.join(sorted(unknown))} "
                        f"(expected some of {', '.join(_PLAN_OPTIONS)})")
    return dict(options)


def _data(scenario, name: Optional[str] = None) -> ScenarioData:
    if isinstance(scenario, ScenarioData):
        return scenario
    if isinstance(scenario, (str, os.PathLike)):
        loaded = _core.resolve_scenario(os.fspath(scenario))
        return ScenarioData(loaded, name if name is not None else os.fspath(scenario))
    return ScenarioData(scenario, name)


def _scenarios(scenarios) -> List[ScenarioData]:
    if isinstance(scenarios, (str, os.PathLike, ScenarioData, _core.Scenario)):
        scenarios = [scenarios]
    datas = [_data(s) for s in scenarios]
    names = [d.name for d in datas]
    if len(set(names)) != len(names):
        raise ValueError(f"scenario names repeat: {names}")
    return datas


def sample_plans(scenarios, samples: int, *, seed: int = 0, client=None, chunk: int = 10,
                 first: int = 0, threads: int = 1, broadcast: Optional[bool] = None,
                 **options) -> pd.DataFrame:
    """The plans of demand samples ``first .. first + samples - 1`` of ``seed``, of
    one scenario or of each of several (all their tasks submitted at once).

    ``scenarios``: a Scenario, a path or a built-in name, or a list of them (their
    names must differ; a Scenario is named by its ``name``, a path by the path as
    given). ``options``: the plan's (``max_change``, ``outside_weight``,
    ``other_region_mobility``, ``open_candidates``, ``demand_noise``, ``mix_noise``,
    ``fit_noise``, ``year``, ``total_enrolment``, ``budget``,
    ``min/max_secondary_share``), as :func:`sixlink.recommend` takes them.
    ``chunk`` samples make one task. ``broadcast`` (default: True for one
    scenario, False for several) sends each scenario to every worker up front;
    without it dask copies a scenario to a worker when a task there first needs it
    (still once per worker), which spares sending every city to every worker.
    Without a client, ``threads`` > 1 runs the tasks on a thread pool here (the
    solves release the GIL); the result is the same.
    One row per sample: ``scenario``, ``sample``, ``status``, ``feasible``,
    ``objective``, ``unmet``, ``enrolment``, ``retention_rate``, the number of
    programmes the sample's plan would ``expand``, ``shrink``, ``open`` and
    ``close``, its total ``intake``, and ``error`` (see the module docstring).
    """
    if samples < 0 or first < 0 or chunk < 1:
        raise ValueError("samples and first must be >= 0 and chunk >= 1")
    datas, options = _scenarios(scenarios), _plan_options(options)
    tasks = []
    for data in datas:
        for start in range(first, first + samples, chunk):
            stop = min(start + chunk, first + samples)
            tasks.append(_Task(_sample_task, (data, int(seed), start, stop, options),
                               [{"scenario": data.name, "sample": k} for k in range(start, stop)],
                               f"samples {data.name} #{start}..{stop - 1} (seed {seed})"))
    if broadcast is None:
        broadcast = len(datas) == 1
    return _run(tasks, client, ["scenario", "sample"], _PLAN_COLUMNS, broadcast=broadcast,
                threads=threads)


def sweep(scenario, *, outside_weight: Sequence[Optional[float]] = (None,),
          other_region_mobility: Sequence[float] = (_default("gap", "other_region_mobility"),),
          max_change: Sequence[float] = (_default("quota", "max_change"),),
          client=None, **options) -> pd.DataFrame:
    """The plan at every point of the grid outside_weight x other_region_mobility
    x max_change (``None`` as outside weight: calibrated; by default each is the
    library's default alone). One row per point:
    ``scenario``, the three parameters, then the columns of :func:`sample_plans`."""
    data, options = _data(scenario), _plan_options(options)
    names = ("outside_weight", "other_region_mobility", "max_change")
    tasks = []
    for values in itertools.product(outside_weight, other_region_mobility, max_change):
        point = {key: (None if value is None else float(value)) for key, value in zip(names, values)}
        tasks.append(_Task(_sweep_task, (data, point, options), [{"scenario": data.name, **point}],
                           f"sweep {data.name} " + " ".join(f"{k}={v}" for k, v in point.items())))
    frame = _run(tasks, client, ["scenario", *names], _PLAN_COLUMNS, broadcast=True)
    frame["outside_weight"] = frame["outside_weight"].astype(float)  # None (calibrated): NaN
    return frame


def cities(scenarios: Iterable, *, client=None, **options) -> pd.DataFrame:
    """The gap analysis (``gap_*``: graduates, demand, matched, unmet, leaving,
    retention rate) and the plan (``plan_*``, the columns of :func:`sample_plans`)
    of each scenario (Scenarios, paths or built-in names; their names must differ).
    One row per scenario."""
    options, datas = _plan_options(options), _scenarios(scenarios)
    tasks = [_Task(_city_task, (d, options), [{"scenario": d.name}], f"cities {d.name}")
             for d in datas]
    columns = [f"gap_{key}" for key in _CITY_GAP] + [f"plan_{key}" for key in _PLAN_COLUMNS]
    return _run(tasks, client, ["scenario"], columns, broadcast=False)


def raise_errors(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` when no row failed; else raises RuntimeError listing the failures."""
    failed = frame["error"].dropna()
    if len(failed):
        raise RuntimeError(f"{len(failed)} of {len(frame)} results failed:\n" + "\n".join(failed))
    return frame


# The command line.

def _write_atomically(frame: pd.DataFrame, path: str, inputs: Sequence[str]) -> None:
    target = os.path.realpath(path)
    for given in inputs:  # the same file by path, symbolic link or hard link
        if os.path.exists(given) and (os.path.realpath(given) == target or (
                os.path.exists(target) and os.path.samefile(given, target))):
            raise SystemExit(f"sixlink.distributed: -o {path} is an input file; not overwriting it")
    folder = os.path.dirname(target)
    handle, temporary = tempfile.mkstemp(prefix=".sixlink-", suffix=".csv", dir=folder)
    try:
        with os.fdopen(handle, "w", newline="") as out:
            frame.to_csv(out, index=False)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sixlink.distributed",
        description="Run many sixlink analyses as dask.distributed tasks and write one CSV "
                    "(one row per result, sorted by task; failed tasks have an 'error').")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, tcp://HOST:8786")
    where.add_argument("--local", metavar="N", type=int,
                       help="start a LocalCluster of N single-threaded worker processes")
    where.add_argument("--serial", action="store_true", help="no cluster: run the tasks here")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-o", "--output", required=True, help="the CSV to write (atomically)")
    common.add_argument("--no-open", action="store_true", help="no candidate programmes")
    commands = parser.add_subparsers(dest="command", required=True)
    samples = commands.add_parser("samples", parents=[common],
                                  help="demand samples of the plan of one or more scenarios")
    samples.add_argument("scenarios", nargs="+", help="scenario files or built-in names")
    samples.add_argument("--samples", type=int, default=100)
    samples.add_argument("--seed", type=int, default=0)
    samples.add_argument("--first", type=int, default=0, help="index of the first sample")
    samples.add_argument("--chunk", type=int, default=10, help="samples per task")
    grid = commands.add_parser("sweep", parents=[common], help="the plan over a parameter grid")
    grid.add_argument("scenario", help="a scenario file or a built-in name")
    several = commands.add_parser("cities", parents=[common], help="gap and plan of each scenario")
    several.add_argument("scenarios", nargs="+", help="scenario files or built-in names")
    for command, values in ((samples, {}), (several, {}), (grid, {"nargs": "+"})):
        default = (lambda d: [d]) if values else (lambda d: None)
        command.add_argument("--outside-weight", type=float, default=default(None), **values,
                             help="lambda; default: calibrated on the base year")
        command.add_argument("--mobility", type=float,
                             default=default(_default("gap", "other_region_mobility")),
                             **values, help="other-region mobility")
        command.add_argument("--max-change", type=float,
                             default=default(_default("quota", "max_change")),
                             **values, help="largest yearly change, share of the intake")
    return parser


def _options(args) -> Dict[str, Any]:
    options: Dict[str, Any] = {"open_candidates": not args.no_open}
    if args.command != "sweep":
        for key, value in (("max_change", args.max_change), ("outside_weight", args.outside_weight),
                           ("other_region_mobility", args.mobility)):
            if value is not None:
                options[key] = value
    return options


def _analyse(args, client) -> Tuple[pd.DataFrame, List[str]]:
    options = _options(args)
    if args.command == "samples":
        return sample_plans(args.scenarios, args.samples, seed=args.seed, first=args.first,
                            chunk=args.chunk, client=client, **options), list(args.scenarios)
    if args.command == "sweep":
        return sweep(args.scenario, outside_weight=args.outside_weight,
                     other_region_mobility=args.mobility, max_change=args.max_change,
                     client=client, **options), [args.scenario]
    return cities(args.scenarios, client=client, **options), list(args.scenarios)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _main(args)
    except (OSError, _core.Error) as error:  # the output's folder, a scenario's name or file
        raise SystemExit(f"sixlink.distributed: {error}") from error
    except Exception as error:
        if "No module named 'sixlink'" in str(error):  # raised on a worker, re-raised here
            raise SystemExit("sixlink.distributed: the workers cannot import sixlink; install it "
                             "(or set PYTHONPATH) where dask-worker runs") from error
        raise


def _main(args) -> int:
    if args.serial:
        frame, inputs = _analyse(args, None)
    else:
        from distributed import Client, LocalCluster

        if args.local is not None:
            if args.local < 1:
                raise SystemExit("sixlink.distributed: --local needs at least 1 worker")
            with LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                frame, inputs = _analyse(args, client)
        else:
            with Client(args.scheduler) as client:
                frame, inputs = _analyse(args, client)
    _write_atomically(frame, args.output, inputs)
    failed = int(frame["error"].notna().sum())
    print(f"sixlink.distributed: {len(frame)} rows to {args.output}"
          + (f", {failed} failed (see the 'error' column)" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    # Run as python -m: the tasks must be pickled as sixlink.distributed's functions,
    # which the workers import, not as __main__'s.
    from sixlink.distributed import main as _entry

    sys.exit(_entry())
