"""Publishing builds what changed (generator/publish/), and what it builds is what a whole build would: the
same files byte for byte, and the same pages found by search, with the same records."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import BuildError
from generator.pipeline import generate
from generator.publish import search
from generator.publish.site import build_site
from generator.rebuild import built
from generator.rebuild.built import RECORD
from tests.conftest import FIXTURE_SEEDS, PROJECT

SEEDS = sorted(p.name for p in FIXTURE_SEEDS.glob("*.txt"))
EDIT = "\n\nThe talks were also attended by Tomas Verhoeven, adviser of the Planetia Institute of Maritime Studies.\n"
BOOKKEEPING = {RECORD, search.PARTS_FILE}
counter = itertools.count()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every project of this module: their outputs share the extraction cache beside them."""
    folder = tmp_path_factory.mktemp("publishing")
    shutil.copy(PROJECT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@pytest.fixture(autouse=True)
def same_sitemap_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sitemap's dates are the build's (SOURCE_DATE_EPOCH where set): fixed, so two builds compare."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


class Project:
    def __init__(self, workspace: Path, seeds: list[str]) -> None:
        n = next(counter)
        self.config = workspace / "mkdocs.yml"
        self.seeds, self.docs, self.site = workspace / f"seeds-{n}", workspace / f"site_src-{n}", workspace / f"site-{n}"
        self.whole = workspace / f"whole-{n}"
        self.seeds.mkdir()
        self.docs.mkdir()
        shutil.copy(PROJECT / "site_src" / "about.md", self.docs)
        for name in seeds:
            self.add(name)

    def add(self, name: str) -> None:
        shutil.copy(FIXTURE_SEEDS / name, self.seeds / name)

    def publish(self) -> None:
        """`briefing build`: generate, then build what changed."""
        generate(self.seeds, self.docs)
        build_site(self.config, self.docs, self.site)

    def build_whole(self) -> None:
        shutil.rmtree(self.whole, ignore_errors=True)
        build_site(self.config, self.docs, self.whole, whole=True)


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the search bundles and what the builds keep for each other."""
    found = {}
    for folder, subfolders, names in os.walk(site):
        rel = os.path.relpath(folder, site)
        if rel == ".":
            subfolders[:] = [s for s in subfolders if not s.startswith("pagefind")]
        for name in names:
            path = os.path.normpath(os.path.join(rel, name))
            if path not in BOOKKEEPING:
                found[path] = (site / path).read_bytes()
    return found


def searchable(site: Path) -> dict[str, dict]:
    """What search finds: page -> its record (Pagefind's fragment), over every bundle, hidden ones left out."""
    parts = json.loads((site / search.PARTS_FILE).read_text())
    found: dict[str, dict] = {}
    for bundle in parts["bundles"]:
        for path in (site / bundle / "fragment").iterdir():
            if path.name.removesuffix(".pf_fragment") in parts["hidden"]:
                continue
            record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            record["meta"].pop("copy", None)  # what tells a recent copy from its part's
            assert record["url"] not in found, f"{record['url']} is found twice"
            found[record["url"]] = record
    return found


def assert_same_site(built: Path, whole: Path) -> None:
    a, b = files(built), files(whole)
    assert sorted(a.keys() - b.keys()) == [] and sorted(b.keys() - a.keys()) == []
    assert sorted(p for p in a if a[p] != b[p]) == []
    found, expected = searchable(built), searchable(whole)
    assert sorted(found.keys() ^ expected.keys()) == []
    assert sorted(url for url in found if found[url] != expected[url]) == []


changes = st.lists(st.tuples(st.sampled_from(["add", "remove", "edit"]), st.integers(0, len(SEEDS) - 1)),
                   min_size=1, max_size=3)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.lists(st.sampled_from(SEEDS), min_size=1, max_size=3, unique=True), steps=changes)
def test_building_what_changed_gives_the_whole_build(workspace: Path, start: list[str], steps: list[tuple[str, int]]) -> None:
    project = Project(workspace, start)
    project.publish()
    for action, i in steps:
        present = sorted(p.name for p in project.seeds.glob("*.txt"))
        if action == "add":
            project.add(SEEDS[i])
        elif action == "remove" and len(present) > 1:
            (project.seeds / present[i % len(present)]).unlink()
        elif action == "edit":
            with (project.seeds / present[i % len(present)]).open("a", encoding="utf-8") as seed:
                seed.write(EDIT)
        project.publish()
        project.build_whole()
        assert_same_site(project.site, project.whole)


def test_a_build_with_nothing_changed_writes_nothing(workspace: Path) -> None:
    project = Project(workspace, SEEDS[:2])
    project.publish()
    before = (project.site / RECORD).stat()
    assert build_site(project.config, project.docs, project.site).pages == 0
    assert (project.site / RECORD).stat() == before


def test_the_search_index_of_a_large_change_stays_small_and_exact(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its limit the recent part gives its pages back to their part, indexed again whole."""
    monkeypatch.setattr(built, "MIN_RECENT", 3)
    monkeypatch.setattr(search, "PART_PAGES", 8)  # parts of a few pages: several of them
    project = Project(workspace, SEEDS[:2])
    project.publish()
    for name in SEEDS[2:5]:
        project.add(name)
        project.publish()
        parts = json.loads((project.site / search.PARTS_FILE).read_text())
        recent = project.site / search.RECENT / "fragment"
        assert not recent.is_dir() or len(list(recent.iterdir())) <= 3, parts
    assert len(parts["bundles"]) > 2
    project.build_whole()
    assert_same_site(project.site, project.whole)


def test_removing_a_page_a_hand_written_page_links_to_fails_as_a_whole_build_and_keeps_the_site(workspace: Path) -> None:
    project = Project(workspace, ["eu_strategic_dialogue.txt", "rok_media_forum.txt"])
    (project.docs / "about.md").write_text("# About\n\nSee [Kaja Kallas](people/kaja-kallas.md).\n")
    project.publish()
    page = (project.site / "about.html").read_bytes()
    (project.seeds / "eu_strategic_dialogue.txt").unlink()
    with pytest.raises(BuildError, match="MkDocs could not build"):
        project.publish()
    assert (project.site / "about.html").read_bytes() == page
    assert (project.site / "people" / "kaja-kallas.html").is_file()
    with pytest.raises(BuildError):
        project.build_whole()


def test_the_comparison_fails_where_a_step_leaves_a_changed_page_alone(workspace: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The equality above has teeth: an HTML step that skips a page it must build, or a search step that
    skips a page it must index, makes it fail."""
    import generator.publish.site as publishing
    from generator.rebuild.built import Plan

    real_plan, real_index = publishing.plan, search.index_changes

    def plan_skipping_one(*args: object) -> Plan:
        todo = real_plan(*args)  # type: ignore[arg-type]
        return Plan(todo.whole, frozenset(sorted(todo.build)[1:]), todo.gone)

    def index_skipping_people(site: Path, last: search.Index, pages: set[str], todo: built.Reindex) -> search.Index:
        return real_index(site, last, pages, built.Reindex(todo.parts, frozenset(
            p for p in todo.stale if not p.startswith("people/"))))

    for step, skipping in (("plan", plan_skipping_one), ("index_changes", index_skipping_people)):
        project = Project(workspace, ["eu_strategic_dialogue.txt"])
        project.publish()
        project.add("rok_media_forum.txt")
        with monkeypatch.context() as patch:
            patch.setattr(publishing if step == "plan" else search, step, skipping)
            project.publish()
        project.build_whole()
        with pytest.raises(AssertionError):
            assert_same_site(project.site, project.whole)


def test_a_copy_that_keeps_file_times_builds_only_what_changed(tmp_path: Path) -> None:
    """As the Pages workflow restores its cache: the project copied elsewhere (times kept, every inode new)
    builds the pages a new seed changed, not every page, and gives the whole build."""
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    first = Project(tmp_path, ["eu_strategic_dialogue.txt"])
    first.publish()
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path, copy, symlinks=True, ignore=shutil.ignore_patterns("copy", ".*.lock"))
    moved = Project.__new__(Project)
    moved.config, moved.seeds, moved.docs = copy / "mkdocs.yml", copy / first.seeds.name, copy / first.docs.name
    moved.site, moved.whole = copy / first.site.name, copy / "whole"
    moved.add("rok_media_forum.txt")
    generate(moved.seeds, moved.docs)
    done = build_site(moved.config, moved.docs, moved.site)
    assert not done.whole and 0 < done.pages < len(files(moved.site)) / 2
    moved.build_whole()
    assert_same_site(moved.site, moved.whole)
