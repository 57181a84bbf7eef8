"""`briefing serve` stops whole, however it is stopped, so the next one can take the same port; a port in
use is a clear error naming it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import port_free
from tests.conftest import FIXTURE_SEEDS, PROJECT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy(FIXTURE_SEEDS / "rok_media_forum.txt", tmp_path / "seeds")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "site_src").mkdir()
    shutil.copy(PROJECT / "site_src" / "about.md", tmp_path / "site_src")
    return tmp_path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def serve(project: Path, port: int) -> subprocess.Popen:
    """A serve that answers on `port`; what it prints goes to serve.log."""
    log = (project / "serve.log").open("w")
    run = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--port", str(port)], cwd=project,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: page_answers(port, "index.html", b"Briefing") or run.poll() is not None, 180)
    except AssertionError:
        run.kill()
        raise
    assert run.poll() is None, (project / "serve.log").read_text()
    return run


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_stopped_serve_frees_its_port_for_the_next(project: Path, stop: signal.Signals) -> None:
    port = free_port()
    first = serve(project, port)
    os.kill(first.pid, stop)
    code = first.wait(30)
    assert code == (-signal.SIGKILL if stop == signal.SIGKILL else 0)
    # nothing it started is left listening: the port is free at once, and a new serve takes it
    wait_for(lambda: port_free(port), 5)
    second = serve(project, port)
    second.send_signal(signal.SIGTERM)
    assert second.wait(30) == 0
    assert "Traceback" not in (project / "serve.log").read_text()


def test_a_port_in_use_is_an_error_naming_it(project: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "--port", str(port)], cwd=project,
                                capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr and "--port" in result.stderr
    assert not (project / "site_src" / "index.md").exists(), "it stops before generating"


def test_a_seed_dropped_into_seeds_is_served_in_seconds(project: Path) -> None:
    """serve builds what changed, as `briefing build` does: the new article's pages are served, and the
    pages the last build made are still there."""
    port = free_port()
    run = serve(project, port)
    try:
        shutil.copy(FIXTURE_SEEDS / "wire_visit_roundup.txt", project / "seeds")
        wait_for(lambda: page_answers(port, "people/ola-brekke.html", b"Ola Brekke"), 60)
        assert page_answers(port, "index.html", b"Briefing")
        log = (project / "serve.log").read_text()
        assert "changed pages built" in log, log
    finally:
        run.send_signal(signal.SIGTERM)
        run.wait(30)


def page_answers(port: int, path: str, text: bytes) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as response:
            return response.status == 200 and text in response.read()
    except OSError:
        return False
