from os import PathLike
from typing import Any, Callable, Union

import numpy as np
import numpy.typing as npt

__version__: str

class Error(ValueError): ...

class Scenario:
    @property
    def name(self) -> str: ...
    @property
    def base_year(self) -> int: ...
    def to_json(self, indent: int = 2) -> str: ...
    def save(self, path: Union[str, PathLike[str]]) -> None: ...
    def summary(self) -> dict[str, Any]: ...
    @staticmethod
    def from_json(text: str, source: str = "<json>") -> Scenario: ...
    def __eq__(self, other: object) -> bool: ...

def default_scenario() -> Scenario: ...
def load_scenario(path: Union[str, PathLike[str]]) -> Scenario: ...
def resolve_scenario(name_or_path: str) -> Scenario: ...

INFINITE_CAPACITY: int

def min_cost_flow(
    nodes: int,
    tail: npt.ArrayLike,
    head: npt.ArrayLike,
    capacity: npt.ArrayLike,
    cost: npt.ArrayLike,
    supply: npt.ArrayLike,
    lower: Union[npt.ArrayLike, None] = None,
    supply_mode: str = "exact",
    algorithm: str = "auto",
) -> dict[str, Any]: ...

def solve_assignment(
    weights: npt.NDArray[np.float64] | npt.NDArray[np.int64],
    maximize: bool = False,
    algorithm: str = "auto",
    mode: str = "full",
    threads: int = 0,
) -> dict[str, Any]: ...

def solve_sparse_assignment(
    rows: int,
    cols: int,
    indptr: npt.ArrayLike,
    indices: npt.ArrayLike,
    values: npt.ArrayLike,
    maximize: bool = False,
    algorithm: str = "auto",
    mode: str = "full",
) -> dict[str, Any]: ...

def stable_matching(market: dict[str, Any], proposing: str = "applicants") -> npt.NDArray[np.int64]: ...
def read_matching_market(market: dict[str, Any]) -> None: ...
def parallel_choice_admission(
    market: dict[str, Any], min_score: list[float] | None = None
) -> npt.NDArray[np.int64]: ...
def audit_stability(market: dict[str, Any], match: npt.ArrayLike) -> dict[str, Any]: ...
def gap_report(
    scenario: Scenario,
    year: int = ...,
    outside_weight: float | None = None,
    other_region_mobility: float = ...,
    outside_share: float = ...,
    outside_tiers: int = ...,
    threads: int = ...,
    retention: str = ...,
) -> dict[str, Any]: ...
def indicators(scenario: Scenario, year: int | None = None, lang: str = "zh") -> dict[str, Any]: ...
def write_report(scenario: Scenario, path: str, year: int = 0, lang: str = "zh") -> None: ...
def plan_report(
    scenario: Scenario,
    year: int = ...,
    total_enrolment: float | None = None,
    budget: float | None = None,
    min_secondary_share: float | None = None,
    max_secondary_share: float | None = None,
    max_change: float = ...,
    outside_weight: float | None = None,
    recommendations: bool = ...,
    open_candidates: bool = ...,
    samples: int = ...,
    seed: int = ...,
    demand_noise: float = ...,
    threads: int = ...,
    horizon: bool = ...,
    export_mps: str = ...,
    progress: Callable[[str, int, int, float], Any] | None = None,
) -> dict[str, Any]: ...
def place_report(
    scenario: Scenario,
    mode: str = ...,
    cohort: str = ...,
    openings: str = ...,
    seed: int = ...,
    candidates: int = ...,
    proposing: str = ...,
    progress: Callable[[str, int, int, float], Any] | None = None,
) -> dict[str, Any]: ...
def admit_report(
    scenario: Scenario,
    year: int = ...,
    mode: str = ...,
    county_limits: bool = ...,
    compare: bool = ...,
    choices: int = ...,
    seed: int = ...,
    high_schools: str = ...,
    cohorts: str = ...,
    applicants: str = ...,
) -> dict[str, Any]: ...
def option_fields(name: str) -> list[dict[str, Any]]: ...

option_registries: tuple[str, ...]

class PlanSampler:
    def __init__(
        self,
        scenario: Scenario,
        year: int = 0,
        total_enrolment: Union[float, None] = None,
        budget: Union[float, None] = None,
        min_secondary_share: Union[float, None] = None,
        max_secondary_share: Union[float, None] = None,
        max_change: float = ...,
        outside_weight: Union[float, None] = None,
        other_region_mobility: float = ...,
        open_candidates: bool = True,
        seed: int = 0,
        demand_noise: float = ...,
        mix_noise: float = ...,
        fit_noise: float = ...,
    ) -> None: ...
    def solve(self, sample: int) -> dict[str, Any]: ...
    def solve_base(self) -> dict[str, Any]: ...
    @property
    def programmes(self) -> list[str]: ...
    @property
    def demand_year(self) -> int: ...
    @property
    def outside_weight(self) -> float: ...
