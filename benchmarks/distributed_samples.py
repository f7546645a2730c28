"""Measures sixlink.distributed.sample_plans on a scenario (benchmarks/README.md, dask section).

usage: PYTHONPATH=build/python /usr/bin/python3 benchmarks/distributed_samples.py SCENARIO N MODE [CHUNK]
MODE: serial (one process, one thread), threads2 (one process, a pool of 2 threads),
cluster2 (LocalCluster of 2 single-threaded worker processes, started before the clock).
Prints one JSON line.
"""
import json
import pickle
import statistics
import sys
import time

import sixlink
from sixlink import distributed as sd


def main():
    path, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    scenario = sixlink.load_scenario(path)
    data = sd.ScenarioData(scenario)
    out = {"mode": mode, "samples": n, "chunk": chunk,
           "scattered_bytes": len(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))}
    own = time.process_time()
    if mode in ("serial", "threads2"):
        start = time.perf_counter()
        frame = sd.sample_plans(data, n, seed=1, chunk=chunk, threads=2 if mode == "threads2" else 1)
        out["wall_s"] = time.perf_counter() - start
    else:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            from distributed import get_task_stream
            import psutil

            def cpu():  # user + system seconds of this worker process
                times = psutil.Process().cpu_times()
                return times.user + times.system

            before = client.run(cpu)
            with get_task_stream(client) as stream:
                start = time.perf_counter()
                frame = sd.sample_plans(data, n, seed=1, chunk=chunk, client=client)
                out["wall_s"] = time.perf_counter() - start
            computes = [ss["stop"] - ss["start"] for t in stream.data for ss in t["startstops"]
                        if ss["action"] == "compute" and t["key"].startswith("_sample_task")]
            out["tasks"] = len(computes)
            out["task_compute_s_median"] = statistics.median(computes)
            out["task_compute_s_max"] = max(computes)
            out["task_compute_s_sum"] = sum(computes)
            after = client.run(cpu)
            out["worker_cpu_s"] = sum(after[w] - before[w] for w in after)
            out["worker_rss_mb"] = sorted(v / 2**20 for v in client.run(
                lambda: psutil.Process().memory_info().rss).values())
    out["client_cpu_s"] = time.process_time() - own
    out["errors"] = int(frame["error"].notna().sum())
    out["result_bytes_per_task"] = len(pickle.dumps(
        frame.iloc[:chunk].to_dict("records"), protocol=pickle.HIGHEST_PROTOCOL))
    out["objective_sum"] = float(frame["objective"].sum())
    print(json.dumps(out))


if __name__ == "__main__":  # the workers are spawned: they import this file
    main()
