import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("SIXLINK_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def _cli_path() -> str:
    path = os.environ.get("SIXLINK_CLI", str(ROOT / "build" / "sixlink"))
    if not Path(path).exists():
        pytest.fail(f"sixlink program not found at {path}: build it or set SIXLINK_CLI")
    return path


class Cli:
    def __init__(self, path: str):
        self.path = path

    def __call__(self, *args, check=None):
        done = subprocess.run([self.path, *map(str, args)], capture_output=True, text=True, timeout=120)
        if check is not None:
            assert done.returncode == check, done.stderr
        return done

    def json(self, *args, check=0):
        return json.loads(self(*args, "--json", check=check).stdout)


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(_cli_path())
