from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.writing import write


def test_unchanged_files_are_not_rewritten_and_stale_ones_are_removed(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "one", "people/b.md": "two"})
    before = (tmp_path / "a.md").stat().st_mtime_ns
    (tmp_path / "about.md").write_text("hand-written")
    changed = write(tmp_path, {"a.md": "one"})
    assert changed == ["people/b.md"]
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "people").exists()
    assert (tmp_path / "about.md").read_text() == "hand-written"


@pytest.mark.parametrize("path", ["../x.md", "/etc/x.md", "a/../../x.md"])
def test_nothing_is_written_outside_the_output_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError):
        write(tmp_path / "out", {path: "x"})
