import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("SIXLINK_SOURCE_DIR", Path(__file__).resolve().parents[3]))


@pytest.fixture(scope="session")
def cli_path() -> str:
    path = os.environ.get("SIXLINK_CLI", str(ROOT / "build" / "sixlink"))
    if not Path(path).exists():
        pytest.fail(f"sixlink program not found at {path}: build it or set SIXLINK_CLI")
    return path


def run_cli(cli_path, *args):
    return subprocess.run([cli_path, *map(str, args)], capture_output=True, text=True, timeout=120)
