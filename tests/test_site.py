"""The generated tree builds with MkDocs in strict mode: no warning, no broken link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SITE_URL, mkdocs_build


def test_the_fixture_site_builds_strict_with_its_pagefind_index(fixture_site_src: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = mkdocs_build(fixture_site_src, site, SITE_URL)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (site / "index.html").is_file()
    assert (site / "data" / "briefing.json").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file() and (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()  # no whole-site index for readers to download
    # pages are indexed by their content; listings, which name everything, are not
    assert "data-pagefind-body" in (site / "events" / next((site / "events").glob("2*.html")).name).read_text()
    for listing in ("events/index.html", "timeline.html", "facets/people.html"):
        assert "data-pagefind-body" not in (site / listing).read_text(), listing
    # every page's head links the feed; a person's and a mechanism's, their own too, which the page shows
    feed = '<link rel="alternate feed" type="application/atom+xml" title="Briefing: events" href="{}data/events.atom">'
    assert feed.format("") in (site / "index.html").read_text()
    person = (site / "people" / "dai-bing.html").read_text()
    assert feed.format("../") in person
    assert 'type="application/atom+xml" title="Briefing: Dai Bing" href="../data/feeds/people/dai-bing.atom"' in person
    assert 'href="../data/feeds/people/dai-bing.atom">Follow' in person
    assert (site / "data" / "feeds" / "people" / "dai-bing.atom").is_file()
    # each page its own description, in its meta tags and its Open Graph preview
    assert '<meta name="description" content="Dai Bing' in person and '<meta property="og:title" content="Dai Bing">' in person
    def described(folder: str) -> list[str]:
        return [p.read_text().split('<meta name="description" content="')[1].split('"')[0]
                for p in (site / folder).glob("*.html")]

    assert not {"Diplomatic and people-to-people exchanges, drawn from news articles"} & {
        d for folder in ("events", "people", "articles", "mechanisms", "places") for d in described(folder)}
    assert len(set(described("people"))) == len(described("people")) > 10


def test_a_site_folder_pagefind_cannot_index_fails_the_build_with_its_reason(tmp_path: Path) -> None:
    from generator.errors import BuildError
    from generator.publish.search import run_pagefind

    with pytest.raises(BuildError, match="Pagefind could not index the site into .*out"):
        run_pagefind(tmp_path / "missing", tmp_path / "out")


def test_the_real_seeds_build_strict_and_the_site_needs_nothing_outside(seeds_site_src: Path, tmp_path: Path) -> None:
    result = mkdocs_build(seeds_site_src, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    shutil.rmtree(tmp_path / "site")
