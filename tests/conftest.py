"""Fixtures shared by the tests, named for what they give."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.model import Briefing
from generator.pipeline import build_briefing, generate

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
GOLDEN = Path(__file__).parent / "golden"
PROJECT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def fixture_briefing() -> Briefing:
    """The resolved briefing of the small hand-made corpus in tests/fixtures/seeds."""
    return build_briefing(FIXTURE_SEEDS)[0]


@pytest.fixture(scope="session")
def fixture_site_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site_src generated from the fixture corpus, with the project's hand-written pages."""
    out = tmp_path_factory.mktemp("site_src")
    copy_hand_written(out)
    generate(FIXTURE_SEEDS, out)
    return out


@pytest.fixture(scope="session")
def seeds_site_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site_src generated from the project's real seeds/."""
    out = tmp_path_factory.mktemp("seeds_site_src")
    copy_hand_written(out)
    generate(PROJECT / "seeds", out)
    return out


def copy_hand_written(out: Path) -> None:
    for path in (PROJECT / "site_src").rglob("*"):
        rel = path.relative_to(PROJECT / "site_src")
        if path.is_file() and rel.parts[0] in ("about.md", "assets"):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(path.read_bytes())


@pytest.fixture
def seeds_folder(tmp_path: Path) -> Callable[..., Path]:
    """Make a seeds folder from {file name: text or bytes}."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "seeds"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        return folder

    return make
