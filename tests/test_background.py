from __future__ import annotations

import os

import pytest

from generator.background import BackgroundError, in_background


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
