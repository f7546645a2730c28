"""Many plans on a dask LocalCluster, identical to the same tasks run serially."""

import sixlink
from distributed import Client, LocalCluster
from sixlink import distributed as sd

if __name__ == "__main__":  # the workers are new processes that import this file
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        city = sixlink.default_scenario()
        samples = sd.raise_errors(sd.sample_plans(city, 20, seed=1, client=client))
        print(samples[["objective", "expand", "shrink", "open"]].describe())
        grid = sd.sweep(city, outside_weight=[0.3, 0.5, 0.7],
                        other_region_mobility=[0.25, 0.75], client=client)
        print(grid[["outside_weight", "other_region_mobility", "objective", "retention_rate"]])
        # The same 20 samples without a cluster: the very same DataFrame.
        print("serial run identical:", samples.equals(sd.sample_plans(city, 20, seed=1)))
