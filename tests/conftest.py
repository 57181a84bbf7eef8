"""Fixtures shared by the tests, named for what they give."""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from generator.extract.extraction import extract
from generator.model import Briefing, Extraction
from generator.pipeline import generate, resolve_seeds
from generator.read.cleaning import clean
from generator.read.sources import read_seed, seed_files
from generator.site.lookups import Site

FIXTURE_SEEDS = Path(__file__).parent / "fixtures" / "seeds"
GOLDEN = Path(__file__).parent / "golden"
# The single-file digest of one fixture month (`briefing digest`), beside the golden pages.
SENDABLE_MONTH = "2025-05"
SENDABLE_GOLDEN = Path(__file__).parent / f"golden-digest-{SENDABLE_MONTH}.html"
PROJECT = Path(__file__).parent.parent
# Where the fixture site is published, as GitHub Pages publishes a project: its feeds' links are under it.
SITE_URL = "https://example.org/briefing/"


@pytest.fixture(scope="session")
def fixture_briefing() -> Briefing:
    """The resolved briefing of the small hand-made corpus in tests/fixtures/seeds."""
    return resolve_seeds(FIXTURE_SEEDS)


@pytest.fixture(scope="session")
def fixture_site(fixture_briefing: Briefing) -> Site:
    """The fixture briefing as the templates and feeds see it, published at SITE_URL."""
    return Site.of(fixture_briefing, SITE_URL)


@pytest.fixture(scope="session")
def corpus_extractions(tmp_path_factory: pytest.TempPathFactory) -> list[Extraction]:
    """The fixture corpus and forty synthetic articles (bench/corpus.py), extracted: people who meet again
    and again, numbered sessions reported by several articles."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(40, folder)
    return [extract(clean(read_seed(p))) for p in [*seed_files(FIXTURE_SEEDS)[0], *seed_files(folder)[0]]]


@pytest.fixture(scope="session")
def fixture_site_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site_src generated from the fixture corpus, with the project's hand-written pages."""
    out = tmp_path_factory.mktemp("site_src")
    copy_hand_written(out)
    generate(FIXTURE_SEEDS, out, site_url=SITE_URL)
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


# A whole build as `briefing build --whole` makes it (HTML and search index), of pages already generated.
BUILD = ("import logging, sys; from pathlib import Path; from generator.publish.site import build_site; "
         "logging.basicConfig(format='%(levelname)s %(message)s'); "
         "build_site(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] or None, whole=True)")


def mkdocs_build(site_src: Path, site: Path, site_url: str = "") -> subprocess.CompletedProcess:
    """The whole site of a generated tree, MkDocs strict (any warning fails) with the project's mkdocs.yml,
    and its search index (and SITE_URL as given)."""
    config = site.parent / f"{site.name}-mkdocs.yml"
    config.write_text((PROJECT / "mkdocs.yml").read_text())
    return subprocess.run([sys.executable, "-c", BUILD, str(config), str(site_src), str(site), site_url],
                          capture_output=True, text=True, check=False, cwd=PROJECT)


@pytest.fixture(scope="session")
def seeds_site(seeds_site_src: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from seeds/, with no site_url."""
    site = tmp_path_factory.mktemp("built") / "briefing"
    result = mkdocs_build(seeds_site_src, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def seeds_site_url(seeds_site: Path) -> Iterator[str]:
    """The site built from seeds/, served on 127.0.0.1 as GitHub Pages serves a project site: under a path."""
    with serving(seeds_site.parent) as url:
        yield url + "/briefing"


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site_src: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site of the fixture corpus, published at SITE_URL (so with its feeds), served under a path."""
    site = tmp_path_factory.mktemp("fixture_built") / "briefing"
    result = mkdocs_build(fixture_site_src, site, SITE_URL)
    assert result.returncode == 0, result.stderr
    with serving(site.parent) as url:
        yield url + "/briefing"


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """A static server for a built site on a free port of 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


CHROMIUM = "/usr/bin/chromium"
# As root, with no network: no sandbox, no background connections to hosts that cannot be reached.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no browser is ever downloaded)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
