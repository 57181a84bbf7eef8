"""The shape of the code: what issue 15 asked to hold, kept holding."""

from __future__ import annotations

import re
import subprocess

import pytest

from generator.kinds import ENTITY_KINDS
from tests.conftest import PROJECT

GENERATOR = PROJECT / "generator"
STAGES = ("read", "extract", "resolve", "site", "write", "publish", "rebuild")


def test_the_stages_are_packages_named_for_what_they_are() -> None:
    assert all((GENERATOR / stage / "__init__.py").is_file() for stage in STAGES)
    assert not [p.name for p in GENERATOR.glob("*.py") if p.stem not in
                ("__init__", "kinds", "model", "errors", "slugs", "pipeline", "cli", "project")]


def test_nothing_read_back_from_disk_can_run_code() -> None:
    for path in GENERATOR.rglob("*.py"):
        assert not re.search(r"^\s*(import pickle|from pickle|import marshal|import shelve)", path.read_text(), re.MULTILINE), path


def test_only_the_rebuild_package_knows_earlier_runs() -> None:
    """The kept state is read and written in generator/rebuild/ alone; the pipeline only asks it."""
    for path in GENERATOR.rglob("*.py"):
        if "rebuild" not in path.parts:
            text = path.read_text()
            assert "sqlite3" not in text and ".briefing-cache" not in text, path


def test_the_kinds_of_entity_are_named_in_one_table() -> None:
    """Elsewhere a kind is its constant; the words stay only as the export's and the extraction's field names."""
    kinds = "|".join(ENTITY_KINDS)
    spelled = re.compile(rf"""(["'])({kinds})\1""")
    fields = re.compile(rf"""(["'])({kinds})\1\s*[:\]]""")
    for path in GENERATOR.rglob("*.py"):
        if path.name == "kinds.py":
            continue
        for line in path.read_text().splitlines():
            if spelled.search(line) and not fields.search(line) and "words" not in line:
                pytest.fail(f"{path.relative_to(PROJECT)}: a kind spelled out: {line.strip()}")


def test_no_build_output_or_cache_is_committed() -> None:
    try:
        files = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for name in files.splitlines():
        assert not re.search(r"\.briefing-cache|\.pickle$|\.sqlite$|^site/|\.staging", name), name
        assert not name.startswith("site_src/") or name.startswith(("site_src/about.md", "site_src/assets/")), name
