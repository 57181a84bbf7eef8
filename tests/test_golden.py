"""The pages of the fixture corpus, byte for byte. After a deliberate change: `make golden`, review the diff."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import GOLDEN


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".") and p.relative_to(folder).parts[0] not in ("about.md", "assets")}


def test_generated_pages_match_the_golden_files(fixture_site_src: Path) -> None:
    got, want = tree(fixture_site_src), tree(GOLDEN)
    assert sorted(got) == sorted(want)
    different = [path for path in want if got[path] != want[path]]
    assert not different, f"pages differ from tests/golden (run `make golden` if intended): {different}"
