"""Work done in a forked process while the caller goes on: with two cores, the listings, feeds and export
are rendered while page keys are computed, instead of after."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class BackgroundError(RuntimeError):
    pass


def in_background(work: Callable[[], T], fork: bool = True) -> Callable[[], T]:
    """Start `work` in a forked copy of this process (it sees everything built so far without copying it);
    the function returned waits for its result, or raises its error. With `fork` false, `work` runs here
    and now: the result is the same either way."""
    if not fork:
        value = work()
        return lambda: value
    reader, writer = multiprocessing.Pipe(duplex=False)

    def run() -> None:
        try:
            writer.send((True, work()))
        except BaseException as e:  # noqa: BLE001 (handed to the parent, which raises it)
            writer.send((False, e))

    process = multiprocessing.get_context("fork").Process(target=run, daemon=True)
    process.start()
    writer.close()

    def result() -> T:
        try:
            outcome = reader.recv()
        except EOFError:
            outcome = None
        finally:
            reader.close()
        process.join()
        if outcome is None:
            raise BackgroundError(f"a background process ended (exit code {process.exitcode}) before giving "
                                  "its result")
        ok, value = outcome
        if not ok:
            raise value
        return value

    return result
