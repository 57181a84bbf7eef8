from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import writing
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


class Killed(BaseException):
    """Stands for the process dying at that point: nothing after it runs."""


def killed_after(calls: int, real):
    count = {"n": 0}

    def call(*args, **kwargs):
        if count["n"] == calls:
            raise Killed
        count["n"] += 1
        return real(*args, **kwargs)
    return call


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_write_killed_before_its_plan_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write(out, {"a.md": "one", "b.md": "two"})
    before = files_in(out)
    monkeypatch.setattr(Path, "write_bytes", killed_after(1, Path.write_bytes))
    with pytest.raises(Killed):
        write(out, {"a.md": "ONE", "b.md": "TWO", "c.md": "three"})
    assert files_in(out) == before
    monkeypatch.undo()
    write(out, {"a.md": "ONE"})
    assert files_in(out) == {".briefing-manifest.json": files_in(out)[".briefing-manifest.json"], "a.md": b"ONE"}
    assert not (tmp_path / ".out.staging").exists()


def test_a_write_killed_after_its_plan_is_carried_out_by_the_next_one(tmp_path: Path, monkeypatch) -> None:
    out, whole = tmp_path / "out", tmp_path / "whole"
    write(out, {"a.md": "one", "people/b.md": "two", "c.md": "three"})
    new = {"a.md": "ONE", "c.md": "three", "people/d.md": "four"}
    monkeypatch.setattr(writing.os, "replace", killed_after(2, os.replace))  # the plan, then one file
    with pytest.raises(Killed):
        write(out, new)
    assert (out / "a.md").read_text() == "ONE" and not (out / "people" / "d.md").exists()  # half done
    monkeypatch.undo()
    assert write(out, new) == []  # carried out first: nothing is left to change
    write(whole, new)
    assert files_in(out) == files_in(whole)
    assert not (tmp_path / ".out.staging").exists()
