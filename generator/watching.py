"""Regenerate the pages when a seed changes, for `briefing serve` (MkDocs then reloads the browser)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

DEBOUNCE_SECONDS = 0.5


class SeedChanges(FileSystemEventHandler):
    def __init__(self, regenerate: Callable[[], None]) -> None:
        self.regenerate = regenerate
        self.timer: threading.Timer | None = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if str(event.src_path).endswith((".txt", ".yml")):
            if self.timer:
                self.timer.cancel()
            # an editor saving a file fires several events: regenerate once they settle
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.run)
            self.timer.start()

    def run(self) -> None:
        try:
            self.regenerate()
        except click.ClickException as e:
            click.echo(f"error: {e.message}", err=True)


@contextlib.contextmanager
def watch_seeds(seeds: Path, regenerate: Callable[[], None]) -> Iterator[None]:
    observer = Observer()
    observer.schedule(SeedChanges(regenerate), str(seeds), recursive=False)
    observer.start()
    try:
        yield
    finally:
        observer.stop()
        observer.join()
