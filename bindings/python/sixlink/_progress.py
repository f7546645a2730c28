"""Progress of long solves: the ``progress=`` argument of recommend, optimise_quotas and place.

``progress`` is None (nothing), True (a tqdm bar per stage when tqdm is installed, else a
line rewritten on sys.stderr) or a callable ``progress(stage, done, total, elapsed)``.
The callable is called with the GIL held, from the thread that runs the solve, at most
about ten times a second per stage, always with ``done == 0`` first and
``done == total`` last; ``done`` never decreases within a stage. Stages: "samples"
(recommend's demand samples), "years" (the rolling plan, ``horizon=True``),
"candidates" (place: one step per graduate) and "placing" (place: the market, the
solve, the summary). If the callable raises, the solve stops at its next step and the
call raises that same exception (no result).
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Optional, Union

ProgressCallback = Callable[[str, int, int, float], Any]
ProgressArgument = Union[None, bool, ProgressCallback]


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    if seconds < 3600:
        return f"{int(seconds) // 60}m{int(seconds) % 60:02d}s"
    return f"{int(seconds) // 3600}h{int(seconds) % 3600 // 60:02d}m"


class _StderrProgress:
    """One line per stage on sys.stderr, rewritten with a carriage return."""

    def __call__(self, stage: str, done: int, total: int, elapsed: float) -> None:
        line = f"\r{stage}  {done}/{total}  {_duration(elapsed)}"
        if done < total:
            eta = elapsed / done * (total - done) if done > 0 else None
            line += "  ETA " + ("?" if eta is None else _duration(eta))
        sys.stderr.write(line + "\x1b[K" + ("\n" if done >= total else ""))
        sys.stderr.flush()


class _TqdmProgress:
    """A tqdm bar per stage, closed at the stage's last event."""

    def __init__(self, tqdm: Any) -> None:
        self._tqdm = tqdm
        self._bars: dict = {}

    def __call__(self, stage: str, done: int, total: int, elapsed: float) -> None:
        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = self._tqdm(total=total, desc=stage, leave=True)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del self._bars[stage]


def _progress_sink(progress: ProgressArgument) -> Optional[ProgressCallback]:
    """What the C++ solve gets: None or a callable (stage, done, total, elapsed)."""
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return _StderrProgress()
        return _TqdmProgress(tqdm)
    if not callable(progress):
        raise TypeError(f"progress must be None, True or a callable (stage, done, total, elapsed), "
                        f"got {type(progress).__name__}")
    return progress
