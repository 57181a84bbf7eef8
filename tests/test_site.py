"""The generated tree builds with MkDocs in strict mode: no warning, no broken link."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT


def mkdocs_build(site_src: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    config = tmp_path / "mkdocs.yml"
    text = (PROJECT / "mkdocs.yml").read_text().replace("docs_dir: site_src", f"docs_dir: {site_src}")
    config.write_text(text)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                           "-d", str(tmp_path / "site")], capture_output=True, text=True,
                          check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_the_fixture_site_builds_strict(fixture_site_src: Path, tmp_path: Path) -> None:
    result = mkdocs_build(fixture_site_src, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "data" / "briefing.json").is_file()


def test_the_real_seeds_build_strict_and_the_site_needs_nothing_outside(seeds_site_src: Path, tmp_path: Path) -> None:
    result = mkdocs_build(seeds_site_src, tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    shutil.rmtree(tmp_path / "site")
