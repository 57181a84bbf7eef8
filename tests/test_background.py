from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.background import BackgroundError, Standby, in_background


def test_the_result_comes_back_from_the_forked_process() -> None:
    parent = os.getpid()
    result = in_background(lambda: (os.getpid(), "x" * 5_000_000))  # more than a pipe holds at once
    pid, text = result()
    assert pid != parent and len(text) == 5_000_000


def test_an_error_in_the_background_is_raised_in_the_caller() -> None:
    def fail() -> None:
        raise ValueError("bad seed")

    with pytest.raises(ValueError, match="bad seed"):
        in_background(fail)()


def test_a_background_process_that_dies_is_reported() -> None:
    with pytest.raises(BackgroundError, match="exit code 3"):
        in_background(lambda: os._exit(3))()


def test_without_fork_the_work_runs_here() -> None:
    assert in_background(os.getpid, fork=False)() == os.getpid()


def test_a_standby_process_gets_ready_before_it_is_handed_its_work(tmp_path) -> None:
    ready = tmp_path / "ready"
    standby = Standby(lambda: ready.write_text(str(os.getpid())), lambda n: (int(ready.read_text()), n * 2))
    for _ in range(500):
        if ready.exists():
            break
        time.sleep(0.01)
    assert ready.exists()  # it got ready with nothing handed to it yet
    pid, doubled = standby.hand(21)()
    assert pid != os.getpid() and doubled == 42


def test_a_standby_process_that_failed_to_get_ready_raises_only_when_handed_work() -> None:
    def fail() -> None:
        raise ValueError("no model")

    Standby(fail, lambda n: n).dismiss()  # no work: no error
    with pytest.raises(ValueError, match="no model"):
        Standby(fail, lambda n: n).hand(1)()


def test_a_dismissed_standby_process_ends() -> None:
    standby = Standby(lambda: None, lambda n: n)
    standby.dismiss()
    assert standby.process is not None and not standby.process.is_alive()


def test_without_fork_a_standby_works_here_when_handed() -> None:
    assert Standby(lambda: None, lambda _: os.getpid(), fork=False).hand(None)() == os.getpid()


def test_a_helper_process_dies_with_its_parent() -> None:
    """A generate killed mid-write leaves no helper staging files behind it."""
    script = ("import time; from generator.background import Standby; "
              "s = Standby(lambda: time.sleep(60), lambda n: n); print(s.process.pid, flush=True); time.sleep(60)")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).parent.parent)
    assert parent.stdout
    helper = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    for _ in range(200):
        if not alive(helper):
            break
        time.sleep(0.01)
    assert not alive(helper)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
