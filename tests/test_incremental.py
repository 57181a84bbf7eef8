"""Rebuilds when seeds arrive: nothing rewritten without a change, only touched pages with one, ids kept,
the output swapped in whole or not at all, one generate at a time."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import OutputError, SeedError
from generator.extract import pool
from generator.pipeline import generate
from generator.site import lookups as site_module
from generator.site.lookups import digest_page, iso_week
from tests.conftest import FIXTURE_SEEDS, PROJECT

NEW_ARTICLE = (" date 2024-06-01 HANOI, June 1 (Xinhua) -- Li Shulei, head of the Publicity Department of the CPC "
               "Central Committee, met Vietnamese journalists in Hanoi on Friday.\n")


def snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    return seeds


def test_generating_twice_rewrites_nothing_and_gives_the_same_bytes(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(seeds_copy, out)
    before = snapshot(out)
    time.sleep(0.01)
    assert generate(seeds_copy, out).changed == []
    assert snapshot(out) == before


def test_one_process_or_several_write_the_same_site(seeds_copy: Path, tmp_path: Path) -> None:
    generate(seeds_copy, tmp_path / "one", jobs=1)
    generate(seeds_copy, tmp_path / "two", jobs=2)
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert {path: text for path, (_, text) in one.items()} == {path: text for path, (_, text) in two.items()}


def test_unchanged_seeds_are_not_extracted_again(seeds_copy: Path, tmp_path: Path, monkeypatch) -> None:
    generate(seeds_copy, tmp_path / "out")

    def refuse(article):
        raise AssertionError(f"{article.file} extracted again")

    monkeypatch.setattr(pool, "extract", refuse)
    generate(seeds_copy, tmp_path / "again")
    with pytest.raises(SeedError, match="extracted again"):
        generate(seeds_copy, tmp_path / "forced", force=True)


def test_a_new_article_rewrites_only_the_pages_it_touches(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = generate(seeds_copy, out).briefing
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    report = generate(seeds_copy, out)
    after = report.briefing
    record = next(r for r in after.articles if r.article.file == "new.txt")
    touched = {record.page, *(f"events/{e}.md" for e in record.events)}
    for kind in ("people", "organizations", "mechanisms", "places"):
        touched |= {f"{kind}/{i}.md" for i in getattr(record, kind)}
    new_people = {p for e in after.events if e.id in record.events for p, _ in e.participants}
    touched |= {e.page for e in after.events if new_people & {p for p, _ in e.participants}}  # related events
    years = {e.date[:4] for e in after.events if e.id in record.events and e.date}
    touched |= {f"{section}/years/{y}.md" for section in ("events", "timeline") for y in years}
    touched.add(f"articles/years/{record.article.published[:4]}.md")
    days = [e.date for e in after.events if e.id in record.events and e.date and len(e.date) == 10]
    touched |= {digest_page(key) for day in days for key in (day[:7], iso_week(day))}
    listings = {"index.md", "digest/index.md", "timeline.md", "relations.md", "events/index.md", "people/index.md",
                "organizations/index.md", "mechanisms/index.md", "places/index.md", "articles/index.md"}
    listings |= {f"data/{name}" for name in ("briefing.json", "events-listing.json", "events.atom", "events.ics", "events.csv",
                                              "people.csv", "organizations.csv", "mechanisms.csv", "places.csv")}
    changed = set(report.changed)
    assert changed - touched - listings == set()
    assert record.page in changed and "people/li-shulei.md" in changed
    untouched = {e.page for e in before.events} - touched
    untouched |= {f"{section}/years/{y}.md" for section in ("events", "timeline", "articles") for y in ("2023", "2025")}
    untouched |= {digest_page(key) for key in ("2025-05", "2025-W21", "2023-11")}
    assert untouched and not untouched & changed


def test_a_page_removed_by_hand_is_written_again_and_one_edited_stays_as_edited(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = generate(seeds_copy, out).briefing
    removed, edited = before.events[0].page, before.articles[0].page
    text = (out / removed).read_text(encoding="utf-8")
    (out / removed).unlink()
    with open(out / edited, "a", encoding="utf-8") as f:
        f.write("A note of mine.\n")
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    report = generate(seeds_copy, out)
    assert removed in report.changed and (out / removed).read_text(encoding="utf-8") == text
    assert edited not in report.changed and (out / edited).read_text(encoding="utf-8").endswith("A note of mine.\n")


def test_ids_and_urls_stay_when_an_article_adds_an_alias_and_a_source(tmp_path: Path, seeds_folder) -> None:
    seeds = seeds_folder({"a.txt": " date 2025-03-14 SEOUL -- The 10th China-ROK Media Forum was held in Seoul on "
                                   "Wednesday. Kim Min-jun, president of the Korea Press Foundation, spoke."})
    out = tmp_path / "out"
    first = generate(seeds, out).briefing
    (seeds / "b.txt").write_text(" date 2025-03-15 The 10th China-ROK Media Forum, held in Seoul on March 12, "
                                 "heard Kim Min-jun, president of the Korea Press Foundation (KPF).", encoding="utf-8")
    second = generate(seeds, out).briefing
    for kind in ("events", "people", "organizations", "mechanisms", "places"):
        assert {x.id for x in getattr(first, kind)} <= {x.id for x in getattr(second, kind)}, kind
    forum = next(e for e in second.events if e.session == 10)
    assert len(forum.articles) == 2 and forum.id == first.events[0].id
    kpf = next(o for o in second.organizations if o.name == "Korea Press Foundation")
    assert "KPF" in kpf.aliases


def test_a_second_generate_is_refused_while_one_is_writing(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    hold = ("import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.lockf(f, fcntl.LOCK_EX); "
            "print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(tmp_path / ".out.lock")], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputError, match="another briefing run is writing"):
            generate(seeds_copy, out)
    finally:
        holder.kill()
        holder.wait()
    assert not out.exists()


def test_a_generate_killed_mid_write_leaves_the_previous_output_as_it_was(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    out = tmp_path / "out"
    generate(seeds, out)
    generate(seeds, out, force=True)  # and the staging folder holds the tree before
    before = snapshot(out)
    for i in range(60):  # a bigger corpus, so that writing takes a while
        text = (FIXTURE_SEEDS / "rok_media_forum.txt").read_text().replace("10th", f"{i + 11}th")
        (seeds / f"copy{i}.txt").write_text(text.replace("Dai Bing", f"Dai Bing{chr(65 + i % 26)}"))
    staging = tmp_path / ".out.staging"
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "generate", "--seeds", str(seeds),
                                "--out", str(out)], cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any((staging / "articles").glob("copy*.md")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)  # until this generate writes its pages
    assert process.poll() is None, "generate finished before it could be killed mid-write"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(out) == before
    generate(seeds, out)  # and the next generate makes the whole new tree
    whole = tmp_path / "whole"
    generate(seeds, whole, force=True)
    assert tree(out) == tree(whole)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("hub", [site_module.HUB, 2])
@pytest.mark.parametrize("change", ["add", "remove", "edit"])
def test_pages_kept_from_the_last_generate_are_those_a_whole_generate_would_write(
        seeds_copy: Path, tmp_path: Path, change: str, hub: int, monkeypatch) -> None:
    """Only pages whose inputs changed are rendered again; the tree must be the one a generate from
    nothing gives, byte for byte, whatever changed (and with hubs listed by year)."""
    monkeypatch.setattr(site_module, "HUB", hub)
    out = tmp_path / "out"
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    generate(seeds_copy, out)
    seed = min(seeds_copy.glob("*.txt"))
    if change == "add":
        (seeds_copy / "new.txt").unlink()
        generate(seeds_copy, out)
        (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    elif change == "remove":
        (seeds_copy / "new.txt").unlink()
    else:
        text = seed.read_text(encoding="utf-8") + "\n\nChinese Vice Premier Ding Xuexiang also attended.\n"
        seed.write_text(text, encoding="utf-8")
    report = generate(seeds_copy, out)
    assert report.changed and len(report.changed) < len(tree(out))
    whole = tmp_path / "whole"
    generate(seeds_copy, whole, force=True)
    assert tree(out) == tree(whole)


@pytest.mark.parametrize("damage", ["missing", "corrupt", "stale"])
def test_a_missing_damaged_or_stale_kept_state_means_a_full_rebuild_with_the_same_output(
        seeds_copy: Path, tmp_path: Path, damage: str, caplog) -> None:
    out = tmp_path / "out"
    state = tmp_path / ".briefing-cache" / "out.sqlite"
    generate(seeds_copy, out)
    earlier_state = state.read_bytes()
    (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    generate(seeds_copy, out)
    (seeds_copy / "new.txt").unlink()
    if damage == "missing":
        state.unlink()
    elif damage == "corrupt":
        state.write_bytes(b"not a database" * 1000)
    else:  # the state of the output before the last generate: its reads describe other pages
        state.write_bytes(earlier_state)
    with caplog.at_level(logging.INFO):
        report = generate(seeds_copy, out)
    assert report.changed
    assert ("cannot be read" if damage == "corrupt" else "every page is rendered") in caplog.text
    whole = tmp_path / "whole"
    generate(seeds_copy, whole, force=True)
    assert tree(out) == tree(whole)
