"""The generated tree builds with MkDocs in strict mode: no warning, no broken link."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import mkdocs_build


def test_the_fixture_site_builds_strict(fixture_site_src: Path, tmp_path: Path) -> None:
    result = mkdocs_build(fixture_site_src, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "data" / "briefing.json").is_file()


def test_the_real_seeds_build_strict_and_the_site_needs_nothing_outside(seeds_site_src: Path, tmp_path: Path) -> None:
    result = mkdocs_build(seeds_site_src, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    shutil.rmtree(tmp_path / "site")
