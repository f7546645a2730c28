"""The progress line: drawn on standard error when it is a terminal (a pseudo-terminal
here), never with --quiet, never when standard error is a pipe; the report unchanged."""

import os
import pty
import subprocess
import tempfile

PLAN = ["plan", "taizhou-2020", "--samples", "20", "--no-horizon", "--json"]


def run_on_terminal(path, args):
    """Runs with standard error on a pseudo-terminal: (status, stdout, terminal text)."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([path, *args], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the program closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        status = process.wait(timeout=120)
        out.seek(0)
        # the terminal turns each "\n" into "\r\n": undone, so that "\r" is the bar's own
        text = b"".join(chunks).decode(errors="replace").replace("\r\n", "\n")
        return status, out.read().decode(), text


def test_plan_shows_progress_on_a_terminal(cli):
    status, out, terminal = run_on_terminal(cli.path, PLAN)
    assert status == 0, terminal
    assert "samples  0/20" in terminal
    assert "samples  20/20" in terminal
    assert "\r" in terminal and terminal.endswith("\n")
    # the bar replaces the one-line notice; the report is the one without a terminal
    assert "solving 20 demand samples" not in terminal
    assert out == cli(*PLAN, check=0).stdout


def test_quiet_draws_nothing(cli):
    status, out, terminal = run_on_terminal(cli.path, [*PLAN, "--quiet"])
    assert status == 0, terminal
    assert "samples  " not in terminal and "\r" not in terminal
    assert "solving 20 demand samples" in terminal  # the plain notice stays


def test_nothing_when_standard_error_is_a_pipe(cli):
    done = cli(*PLAN, check=0)
    assert done.stderr == "sixlink: solving 20 demand samples\n"


def test_rolling_plan_and_place_show_their_stages(cli):
    status, _, terminal = run_on_terminal(cli.path, ["plan", "taizhou-2020", "--json"])
    assert status == 0, terminal
    assert "years  0/" in terminal
    status, _, terminal = run_on_terminal(cli.path, ["place", "taizhou-2020", "--json"])
    assert status == 0, terminal
    assert "candidates  0/" in terminal and "placing  3/3" in terminal
    status, _, terminal = run_on_terminal(cli.path, ["place", "taizhou-2020", "--json", "--quiet"])
    assert status == 0 and terminal == ""
