"""The pages of the fixture corpus, byte for byte. After a deliberate change: `make golden`, review the diff."""

from __future__ import annotations

import re
from pathlib import Path

from generator.site.lookups import Site
from generator.site.sendable import single_file
from tests.conftest import GOLDEN, SENDABLE_GOLDEN, SENDABLE_MONTH


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".") and p.relative_to(folder).parts[0] not in ("about.md", "assets")}


def test_generated_pages_match_the_golden_files(fixture_site_src: Path) -> None:
    got, want = tree(fixture_site_src), tree(GOLDEN)
    assert sorted(got) == sorted(want)
    different = [path for path in want if got[path] != want[path]]
    assert not different, f"pages differ from tests/golden (run `make golden` if intended): {different}"


def test_the_single_file_digest_matches_its_golden_file(fixture_site: Site) -> None:
    assert single_file(fixture_site, SENDABLE_MONTH) == SENDABLE_GOLDEN.read_text(encoding="utf-8")


def test_the_single_file_digest_loads_nothing_from_anywhere(fixture_site: Site) -> None:
    """To attach to an email: no script, no stylesheet or image to fetch, every link an address on the web."""
    html = single_file(fixture_site, SENDABLE_MONTH)
    assert not re.search(r"<(?:script|link|img|iframe|object|embed)\b|\ssrc=|url\(|@import", html, re.IGNORECASE)
    links = re.findall(r'href="([^"]*)"', html)
    assert len(links) > 10
    assert all(link.startswith("https://example.org/briefing/") for link in links), links
    assert "<style>" in html and "Ola Brekke meets Marcos Ribeiro" in html
