"""Permanent addresses: the id ledger lives with the seeds, so a fresh clone builds the pages where the
machine that added the seeds built them, and an address that had to move answers with a redirect."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import LedgerError
from generator.pipeline import LEDGER, generate
from tests.conftest import PROJECT, SITE_URL, copy_hand_written, mkdocs_build

PARTIES = ("Li Ming, vice minister of the International Department of the CPC Central Committee, and Taro Yamada, "
           "secretary-general of the Liberal Democratic Party, attended.")
FORUM = "Kim Min-jun, president of the Korea Press Foundation, addressed the forum."
# In the order they are added. The forum is reported undated, then dated; the party meeting is reported
# undated under its mechanism, then as a dated meeting of the same two people, then dated under its
# mechanism, which makes the first two reports one event.
ARRIVALS = [
    {"mechanism-undated": " date 2024-12-20 TOKYO -- The seventh meeting of the China-Japan Ruling Party Exchange "
                          f"Mechanism was held in Tokyo recently. {PARTIES}\n",
     "forum-undated": " date 2025-03-20 SEOUL -- The 10th China-ROK Media Forum was held in Seoul recently. "
                      f"{FORUM}\n"},
    {"forum-dated": f" date 2025-03-21 SEOUL -- The 10th China-ROK Media Forum was held in Seoul on Wednesday. {FORUM}\n"},
    {"meeting": " date 2024-12-17 TOKYO -- Li Ming, vice minister of the International Department of the CPC Central "
                "Committee, met Taro Yamada, secretary-general of the Liberal Democratic Party, in Tokyo on Monday.\n"},
    {"mechanism-dated": " date 2024-12-18 TOKYO -- The seventh meeting of the China-Japan Ruling Party Exchange "
                        f"Mechanism was held in Tokyo on Monday. {PARTIES}\n"},
]


def addresses(site_src: Path) -> set[str]:
    return {str(p.relative_to(site_src)) for p in site_src.rglob("*") if p.suffix in (".md", ".html")}


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[set[str]]]:
    """A project whose seeds arrived by `briefing add`, one batch at a time, and the addresses after each."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(PROJECT / ".gitignore", project / ".gitignore")
    (project / "seeds").mkdir()
    inbox = tmp_path_factory.mktemp("inbox")
    seen = []
    for batch in ARRIVALS:
        files = []
        for name, text in batch.items():
            (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
            files.append(str(inbox / f"{name}.txt"))
        result = CliRunner().invoke(main, ["add", *files, "--seeds", str(project / "seeds"),
                                           "--out", str(project / "site_src")], env={"SITE_URL": SITE_URL})
        assert result.exit_code == 0, result.output
        seen.append(addresses(project / "site_src"))
    return project, seen


def test_a_fresh_clone_builds_the_addresses_the_incremental_builds_gave(added, tmp_path: Path) -> None:
    project, seen = added
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-qm", "seeds", cwd=project)
    git("clone", "-q", str(project), str(tmp_path / "clone"), cwd=tmp_path)
    clone = tmp_path / "clone"
    assert (clone / "seeds" / LEDGER).is_file(), "the ledger is committed with the seeds"
    generate(clone / "seeds", clone / "site_src", site_url=SITE_URL)
    assert addresses(clone / "site_src") == seen[-1]
    # the export, and the feed's entry ids and dates and the calendar's UIDs and stamps with it
    for data in ("briefing.json", "events.atom", "events.ics"):
        assert (clone / "site_src" / "data" / data).read_bytes() == (project / "site_src" / "data" / data).read_bytes()


def test_an_event_dated_later_keeps_its_address_and_merged_events_leave_a_redirect(added) -> None:
    _, seen = added
    forum = next(a for a in seen[0] if a.startswith("events/undated-10th-china-rok-media-forum"))
    assert forum in seen[-1], "dating the forum moved no page"
    meeting = next(a for a in seen[0] if a.startswith("events/undated-seventh-meeting"))
    assert meeting in seen[2] and meeting not in seen[3]
    assert meeting.replace(".md", ".html") in seen[3]
    assert all(a in seen[-1] or a.replace(".md", ".html") in seen[-1] for s in seen for a in s), \
        "every address that was given still answers"


def test_the_built_site_answers_an_old_address_with_a_redirect_to_the_new_one(added, tmp_path: Path) -> None:
    project, seen = added
    copy_hand_written(project / "site_src")
    result = mkdocs_build(project / "site_src", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    old = next(a for a in seen[0] if a.startswith("events/undated-seventh-meeting")).replace(".md", ".html")
    stub = (tmp_path / "site" / old).read_text(encoding="utf-8")
    target = stub.split('http-equiv="refresh" content="0; url=')[1].split('"')[0]
    assert target.endswith(".html") and (tmp_path / "site" / "events" / target).is_file()
    assert "China-Japan Ruling Party Exchange Mechanism" in (tmp_path / "site" / "events" / target).read_text()


def test_a_damaged_ledger_is_an_error_naming_it_and_nothing_is_written(seeds_folder, tmp_path: Path) -> None:
    seeds = seeds_folder({"a.txt": ARRIVALS[1]["forum-dated"], LEDGER: "<<<<<<< HEAD\n{}\n"})
    with pytest.raises(LedgerError, match=rf"{LEDGER}: not JSON.*git checkout"):
        generate(seeds, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.md"))
