"""Work done in a forked process while the caller goes on: with two cores, the listings and the export are
written while the page keys, pages and feeds are, instead of after; and the model loads while the last
run's state does."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

A = TypeVar("A")
T = TypeVar("T")


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


class BackgroundError(RuntimeError):
    pass


def in_background(work: Callable[[], T], fork: bool = True) -> Callable[[], T]:
    """Start `work` in a forked copy of this process (it sees everything built so far without copying it);
    the function returned waits for its result, or raises its error. With `fork` false, `work` runs here
    and now: the result is the same either way."""
    if not fork:
        value = work()
        return lambda: value
    standby: Standby[None, T] = Standby(lambda: None, lambda _: work())
    return standby.hand(None)


class Standby(Generic[A, T]):
    """A forked process that gets ready at once (`prepare`: loading a model takes a second) and waits to do
    `work` on what it is handed, once. With `fork` false, nothing happens until the work is handed, and
    then it runs here."""

    def __init__(self, prepare: Callable[[], object], work: Callable[[A], T], fork: bool = True) -> None:
        self.work = work
        self.process: multiprocessing.process.BaseProcess | None = None
        if fork:
            self.connection, theirs = multiprocessing.Pipe()

            parent = os.getpid()

            def serve() -> None:
                ends_with(parent)
                self.connection.close()
                ready = attempt(prepare)  # a failure is raised only if there is work to do
                try:
                    argument = theirs.recv()
                except EOFError:  # dismissed
                    return
                theirs.send(ready if isinstance(ready, Failed) else attempt(lambda: work(argument)))

            self.process = multiprocessing.get_context("fork").Process(target=serve, daemon=True)
            self.process.start()
            theirs.close()

    def hand(self, argument: A) -> Callable[[], T]:
        """Give the work its argument; the function returned waits for the result, or raises its error."""
        if self.process is None:
            value = self.work(argument)
            return lambda: value
        with contextlib.suppress(BrokenPipeError):  # it failed to get ready: result() raises why
            self.connection.send(argument)
        return self.result

    def result(self) -> T:
        assert self.process is not None
        try:
            outcome = self.connection.recv()
        except EOFError:
            outcome = None
        finally:
            self.connection.close()
        self.process.join()
        if outcome is None:
            raise BackgroundError(f"a background process ended (exit code {self.process.exitcode}) before giving "
                                  "its result")
        if isinstance(outcome, Failed):
            raise outcome.error
        return outcome  # type: ignore[no-any-return]

    def dismiss(self) -> None:
        """No work for it after all, or no wait for its result: it is ended, having changed nothing."""
        if self.process is not None and not self.connection.closed:
            self.connection.close()
            self.process.terminate()
            self.process.join()

    def __enter__(self) -> Standby[A, T]:
        return self

    def __exit__(self, *_: object) -> None:
        self.dismiss()


@dataclass(frozen=True)
class Failed:
    """What a piece of work raised, handed to the process that waits for it."""

    error: BaseException


def attempt(work: Callable[[], T]) -> T | Failed:
    try:
        return work()
    except BaseException as e:  # noqa: BLE001 (handed to the parent, which raises it)
        return Failed(e)


def ends_with(parent: int) -> None:
    """This process is killed when its parent dies (Linux): a generate killed mid-write must leave no
    helper behind, still staging files for the next one to trip over."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)
