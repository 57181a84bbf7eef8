from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import OutputError
from generator.write import writing
from generator.write.writing import write


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


def test_a_write_killed_half_way_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write(out, {"a.md": "one", "b.md": "two"})
    write(out, {"a.md": "one", "b.md": "TWO"})  # so the staging folder holds a tree to be levelled
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*")}
    monkeypatch.setattr(Path, "write_bytes", killed_after(1, Path.write_bytes))
    with pytest.raises(Killed):
        write(out, {"a.md": "ONE", "b.md": "2", "c/d.md": "three"})
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*")} == before
    monkeypatch.undo()
    write(out, {"a.md": "ONE", "c/d.md": "three"})
    assert {p: t for p, t in files_in(out).items() if p != writing.MANIFEST} == {"a.md": b"ONE", "c/d.md": b"three"}


def test_the_staging_folder_keeps_the_previous_tree_linked_to_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.md": "one", "b.md": "two"})
    write(out, {"a.md": "one", "b.md": "TWO"})
    staging = tmp_path / ".out.staging"
    assert (staging / "a.md").stat().st_ino == (out / "a.md").stat().st_ino  # unchanged: one file, two names
    assert (staging / "b.md").read_text() == "two"  # the tree before: the output never shares a changed file


steps = st.lists(st.tuples(
    st.dictionaries(st.sampled_from(["a.md", "b.md", "p/c.md", "p/q/d.md", "data/e.json"]),
                    st.sampled_from(["x", "y", "z"]), max_size=5),
    st.sampled_from(["nothing", "hand-written", "edited", "replaced", "staging removed"])), min_size=1, max_size=6)


@given(steps)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_after_every_write_the_folder_holds_what_it_should(tmp_path: Path, steps) -> None:
    """Whatever happened to the folder and its staging folder between writes: a file whose text changed is
    the new text, one whose text did not is as it was on disk, one no longer written is gone, a
    hand-written one stays."""
    out = tmp_path / "out"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(tmp_path / ".out.staging", ignore_errors=True)
    disk: dict[str, bytes] = {}
    last: dict[str, str] = {}
    for files, meddling in steps:
        write(out, files)
        for path in last.keys() - files.keys():
            disk.pop(path, None)
        disk |= {p: t.encode() for p, t in files.items() if last.get(p) != t or p not in disk}
        last = files
        assert {p: t for p, t in files_in(out).items() if p != writing.MANIFEST} == disk
        first = min(files) if files else None
        if meddling == "hand-written":
            (out / "notes.md").write_text("mine")
            disk["notes.md"] = b"mine"
        elif meddling == "edited" and first:
            with open(out / first, "ab") as f:  # in place: through any link to it
                f.write(b"!")
            disk[first] += b"!"
        elif meddling == "replaced" and first:
            (out / first).unlink()
            (out / first).write_text("other")
            disk[first] = b"other"
        elif meddling == "staging removed":
            shutil.rmtree(tmp_path / ".out.staging", ignore_errors=True)
