"""Whatever lands in seeds/: correct handling or a clear error naming the file, and the previous output untouched."""

from __future__ import annotations

import codecs
import dataclasses
import errno
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.errors import OutputError
from generator.extract import pool
from generator.kinds import ENTITY_KINDS
from generator.model import Extraction, MechanismMention, OrgMention, PersonMention, Seed
from generator.read.cleaning import clean
from generator.read.sources import MAX_BYTES, MAX_LINE
from generator.resolve.resolution import resolve
from generator.site.lookups import Site
from generator.site.rendering import site_pages
from generator.write import writing
from tests.conftest import FIXTURE_SEEDS, PROJECT, SITE_URL, copy_hand_written

GOOD = FIXTURE_SEEDS / "rok_media_forum.txt"


def tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A seeds folder with one good article, already generated: (seeds, out, the output's bytes)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD, seeds / GOOD.name)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return seeds, out, tree(out)


REFUSED = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\t \n", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "latin1.txt": ("Caf\u00e9 talks in Paris".encode("latin-1"), "not valid UTF-8"),
    "huge.txt": (b"a " * (MAX_BYTES // 2 + 1), "limit"),
    "baddate.txt": (b" date 2025-13-45 Talks were held.", "date line '2025-13-45' is not a real date"),
    "furniture.txt": (b"Skip to main content\nPrivacy Policy and Terms and Conditions.", "no article text"),
    "longline.txt": (b"x " * (MAX_LINE // 2 + 1), "100,000-character limit"),
    "far future.txt": (b" date 9999-12-31 Talks were held in Paris today.", "outside the years"),
    "long ago.txt": (b" date 0001-01-01 Talks were held in Paris on Tuesday.", "outside the years"),
    "index.txt": (b"Talks in Paris\nForeign ministers met in Paris on Tuesday.", "the Sources listing"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_bad_seed_fails_the_generate_with_its_name_and_keeps_the_output(published, name: str) -> None:
    seeds, out, before = published
    data, problem = REFUSED[name]
    (seeds / name).write_bytes(data)
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code != 0
    assert f"{name}: " in result.output and problem in result.output
    assert "Traceback" not in result.output
    assert tree(out) == before


@pytest.mark.parametrize("name", list(REFUSED))
def test_skip_invalid_builds_the_rest_and_lists_what_it_skipped(published, name: str) -> None:
    seeds, out, _ = published
    (seeds / name).write_bytes(REFUSED[name][0])
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert f"skipped {name}: " in result.output
    assert len(json.loads((out / "data" / "briefing.json").read_text())["articles"]) == 1


def test_a_duplicate_under_another_name_is_refused_naming_the_original(published) -> None:
    seeds, out, before = published
    shutil.copy(GOOD, seeds / "same story.txt")
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code != 0
    assert f"same story.txt: the same article as {GOOD.name}" in result.output
    assert tree(out) == before


def test_add_refuses_a_duplicate_and_stores_a_new_article_under_a_stable_name(published, tmp_path: Path) -> None:
    seeds, out, _ = published
    result = CliRunner().invoke(main, ["add", str(GOOD), "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code != 0 and f"the same article as {GOOD.name}" in result.output
    new = tmp_path / "download (1).txt"
    new.write_text(" date 2025-04-02 Talks between Chinese Foreign Minister Wang Yi and French Foreign "
                   "Minister Jean-Noel Barrot were held in Paris on Tuesday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(new), "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    stored = [p.name for p in seeds.glob("2025-04-02_*.txt")]
    assert len(stored) == 1 and f"added {stored[0]}" in result.output
    assert len(json.loads((out / "data" / "briefing.json").read_text())["articles"]) == 2


ACCEPTED = {
    "utf16.txt": codecs.BOM_UTF16_LE + "Xinhua reports\nThe 3rd China-EU Media Forum was held.".encode("utf-16-le"),
    "bom.txt": codecs.BOM_UTF8 + b"Xinhua reports\nThe 4th China-EU Media Forum was held.",
    "long line.txt": b"A headline\n" + b"The forum was held in Paris. " * (MAX_LINE // 30),
    "北京 talks é.txt": b"Talks in Beijing\nThe 5th China-EU Media Forum was held in Beijing.",
    "markup.txt": b"<b>Bold</b> title\n<script>alert(1)</script> <img src=x onerror=alert(2)> was held.",
    "jinja.txt": b"{{ 7*7 }} title {% raw %}\nThe {{ 7*7 }} forum {% endraw %} was held.",
    "markdown.txt": b"---\ntitle: x\n---\n```\nunclosed fence [link](javascript:alert(1)) # not a heading",
    "yaml title.txt": b"COP30: a guide: [draft] {{ x }} #1 true\nThe forum was held.",
    "..txt": b"Dots only\nThe 6th China-EU Media Forum was held in Rome.",
    "slugs.txt": b"../../x\n/ . Person ../../etc/passwd, president of the ../../ Society, spoke.",
}


def test_odd_but_readable_seeds_are_built_safely(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, data in ACCEPTED.items():
        (seeds / name).write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "data" / "briefing.json").read_text())
    assert len(data["articles"]) == len(ACCEPTED)
    pages = {p: p.read_text() for p in out.rglob("*.md")}
    assert all(p.resolve().is_relative_to(out.resolve()) for p in pages)
    # front matter is data (YAML, escaped where HTML is made); the Markdown after it must carry no markup
    body = "\n".join(text.split("\n---\n", 1)[-1] if text.startswith("---\n") else text for text in pages.values())
    assert all(yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) is not None
               for text in pages.values() if text.startswith("---\n"))
    assert "<script>" not in body and "<img" not in body and "](javascript:" not in body
    assert "{{ 7\\*7 }}" not in body and "49" not in body.replace("2049", "")
    assert all(len(p.name) < 100 for p in pages)


GOOD_TEXT = GOOD.read_bytes()


def good_with(paragraphs: bytes) -> bytes:
    """The good seed with more paragraphs in its body (after its footer, nothing is the article)."""
    return GOOD_TEXT.replace(b"\nEditor: ", paragraphs + b"\nEditor: ", 1)


def generate_in(seeds: Path, out: Path, *more: str) -> Result:
    """A generate for a published site (SITE_URL set): what it prints is about the seeds and the output."""
    return CliRunner().invoke(main, ["generate", "--seeds", str(seeds), "--out", str(out), *more],
                              env={"SITE_URL": SITE_URL})


def refused(seeds: Path, out: Path, before: dict[str, bytes], *names: str) -> str:
    """The generate fails naming every one of `names`, without a traceback, and leaves the output as it was."""
    result = generate_in(seeds, out)
    assert result.exit_code != 0
    assert all(f"{name}: " in result.output for name in names), result.output
    assert "Traceback" not in result.output
    assert tree(out) == before
    return result.output


def test_a_link_to_a_file_outside_seeds_is_refused_and_nothing_of_it_is_published(published, tmp_path: Path) -> None:
    seeds, out, before = published
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes\nThe password of the runner is hunter2.")
    (seeds / "secret.txt").symlink_to(secret)
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    output = refused(seeds, out, before, "secret.txt", "passwd.txt")
    assert "outside the seeds folder" in output
    result = generate_in(seeds, out, "--skip-invalid")
    assert result.exit_code == 0 and "skipped secret.txt" in result.output
    published_text = "\n".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
    assert "hunter2" not in published_text and "root:x:0" not in published_text


def test_a_link_inside_seeds_is_read_as_its_target(published) -> None:
    seeds, out, _ = published
    (seeds / "folder").mkdir()
    (seeds / "folder" / "other.md").write_bytes(good_with(b"\nA line of its own."))
    (seeds / "linked.txt").symlink_to(seeds / "folder" / "other.md")
    result = generate_in(seeds, out)
    assert result.exit_code == 0, result.output
    assert (out / "articles" / "linked.md").is_file()


def test_a_link_loop_a_pipe_and_an_unreadable_seed_are_each_their_seeds_error(published) -> None:
    seeds, out, before = published
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    os.mkfifo(seeds / "pipe.txt")
    names = ["loop.txt", "pipe.txt"]
    if os.geteuid() != 0:  # root reads any file: the permission case is only one for others
        (seeds / "locked.txt").write_bytes(good_with(b"\nMore."))
        (seeds / "locked.txt").chmod(0)
        names.append("locked.txt")
    output = refused(seeds, out, before, *names)
    assert "cannot be followed" in output and "not a regular file" in output
    check = CliRunner().invoke(main, ["check", "--seeds", str(seeds), "--no-review"])
    assert check.exit_code == 1 and f"{len(names)} with errors" in check.output


def test_what_only_looks_like_a_seed_is_named_in_a_warning(published) -> None:
    seeds, out, _ = published
    (seeds / "upper.TXT").write_bytes(good_with(b"\nUpper."))
    (seeds / "gone.txt").symlink_to(seeds / "nothing-here.txt")
    (seeds / "folder.txt").mkdir()
    result = generate_in(seeds, out)
    assert result.exit_code == 0, result.output
    for name, why in [("upper.TXT", "lower-case .txt"), ("gone.txt", "does not exist"), ("folder.txt", "a folder")]:
        assert f"{name}: not read: " in result.output and why in result.output, result.output


def test_two_seeds_whose_names_make_one_page_are_refused_naming_both(published) -> None:
    seeds, out, before = published
    (seeds / "My Seed.txt").write_bytes(b"Talks in Rome\nForeign ministers met in Rome on Monday.")
    (seeds / "my-seed.txt").write_bytes(b"Talks in Oslo\nForeign ministers met in Oslo on Friday.")
    output = refused(seeds, out, before, "my-seed.txt")
    assert "articles/my-seed.md, the page of My Seed.txt" in output
    result = generate_in(seeds, out, "--force")
    assert result.exit_code != 0 and "the page of My Seed.txt" in result.output and tree(out) == before


def test_add_refuses_a_seed_that_generate_would_refuse_before_storing_it(published, tmp_path: Path) -> None:
    seeds, out, before = published
    new = tmp_path / "ancient.txt"
    new.write_bytes(REFUSED["long ago.txt"][0])
    stored = sorted(seeds.iterdir())
    result = CliRunner().invoke(main, ["add", str(new), "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code != 0 and "ancient.txt: line 1: date line '0001-01-01' is outside" in result.output
    assert sorted(seeds.iterdir()) == stored and tree(out) == before


BAD_REGISTRIES = {
    "numeric id": (b"people:\n  - name: Xi Jinping\n    id: 12345\n", "line 2: people[0] 'Xi Jinping': id 12345"),
    "list id": (b"people:\n  - {name: Xi Jinping, id: [a, b]}\n", "id ['a', 'b'] must be"),
    "reserved id": (b"people:\n  - {name: Xi Jinping, id: index}\n", "id 'index' is the name of a listing page"),
    "shared id": (b"people:\n  - {name: Xi Jinping, id: xi}\n  - {name: Li Qiang, id: xi}\n",
                  "line 3: people 'Li Qiang' has the id 'xi' of 'Xi Jinping' (line 2)"),
    "shared alias": (b"people:\n  - {name: Xi Jinping, aliases: [Xi]}\n  - {name: Li Qiang, aliases: [Xi]}\n",
                     "line 3: people 'Li Qiang' lists 'Xi', which is already 'Xi Jinping' (line 2)"),
    "not utf-8": ("people:\n  - {name: Jos\u00e9}\n".encode("latin-1"), "not valid UTF-8"),
}


@pytest.mark.parametrize("case", list(BAD_REGISTRIES))
def test_a_bad_registry_entry_is_refused_with_its_line_and_the_output_kept(published, case: str) -> None:
    seeds, out, before = published
    data, problem = BAD_REGISTRIES[case]
    (seeds / "registry.yml").write_bytes(data)
    output = refused(seeds, out, before, "registry.yml")
    assert problem in output, output


def test_every_registry_problem_is_listed_at_once(published) -> None:
    seeds, out, before = published
    (seeds / "registry.yml").write_bytes(BAD_REGISTRIES["numeric id"][0] + b"  - {name: Li Qiang, id: index}\n"
                                         b"places:\n  - {aliases: [x]}\n")
    output = refused(seeds, out, before, "registry.yml")
    assert "3 problem(s)" in output and "line 2:" in output and "line 4:" in output and "line 6:" in output


def test_a_disk_full_while_writing_is_one_line_naming_the_folder(published, monkeypatch) -> None:
    seeds, out, before = published
    (seeds / "new.txt").write_bytes(b"Talks in Rome\nForeign ministers met in Rome on Monday.")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing, "replace_in", full)
    result = generate_in(seeds, out)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{out.parent}: no space left on the device" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not writing.staging_folder(out).exists() and tree(out) == before


def test_a_symlinked_output_is_written_through_atomically_and_stays_a_link(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(GOOD, seeds / GOOD.name)
    real = tmp_path / "elsewhere" / "site_src"
    real.mkdir(parents=True)
    link = tmp_path / "site_src"
    link.symlink_to(real)
    for text in (b"", b"\nA second paragraph."):
        (seeds / GOOD.name).write_bytes(good_with(text))
        result = generate_in(seeds, link)
        assert result.exit_code == 0, result.output
        assert link.is_symlink() and (real / "articles" / "rok-media-forum.md").is_file()
    assert "A second paragraph." in (real / "articles" / "rok-media-forum.md").read_text()
    assert (real.parent / ".site_src.lock").exists() and not (tmp_path / ".site_src.lock").exists()


def test_two_generates_under_different_hash_seeds_write_the_same_bytes(tmp_path: Path) -> None:
    """Every file, the kept state included: nothing depends on the order Python happens to hash in."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in [*(PROJECT / "seeds").glob("*.txt"), *FIXTURE_SEEDS.glob("*.txt")]:
        shutil.copy(path, seeds / path.name)
        # settled seeds: a file changed in the last moments is not kept in the snapshot, and whether the
        # first run falls in that moment would depend on how fast it starts, not on the hash seed
        os.utime(seeds / path.name, (time.time() - 60, time.time() - 60))
    trees = []
    for hash_seed in ("1", "4242"):
        top = tmp_path / f"run-{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--seeds", str(seeds),
                        "--out", str(top / "site_src")], check=True, env=env, capture_output=True)
        # the lock file holds the pid of the last generate: no output, no state
        trees.append({path: data for path, data in tree(top).items() if not path.endswith(".lock")})
    assert any(path.startswith(".briefing-cache/") for path in trees[0])
    assert trees[0] == trees[1]


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_for(found: Callable[[], list[int]], seconds: float) -> list[int]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pids := found():
            return pids
        time.sleep(0.02)
    raise AssertionError(f"nothing appeared within {seconds} s")


def lock_is_free(lock: Path) -> bool:
    with open(lock, "a") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.lockf(handle, fcntl.LOCK_UN)
        return True


def test_a_killed_extraction_worker_is_an_error_naming_seeds_and_frees_the_lock(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = b"\n".join(p for p in GOOD_TEXT.split(b"\n") if len(p) > 60)
    for i in range(48):  # enough that extraction takes seconds on two workers
        (seeds / f"seed-{i:02}.txt").write_bytes(good_with(b"".join(b"\n%d. " % (i * 100 + j) + body for j in range(6))))
    out = tmp_path / "site_src"
    run = subprocess.Popen([sys.executable, "-m", "generator.cli", "generate", "--seeds", str(seeds), "--out", str(out),
                            "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        workers = wait_for(lambda: children(run.pid), 60)
        os.kill(workers[0], signal.SIGKILL)
        output, _ = run.communicate(timeout=30)
    finally:
        run.kill()
    assert "Traceback" not in output
    assert run.returncode == 1 and "an extraction process died" in output and "seed-" in output, output
    assert not out.exists()
    assert lock_is_free(tmp_path / ".site_src.lock")


def test_a_killed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    """`briefing build` killed while MkDocs writes: what serves site/ still has the whole previous site."""
    shutil.copytree(FIXTURE_SEEDS, tmp_path / "seeds")
    copy_hand_written(tmp_path / "site_src")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build = [sys.executable, "-m", "generator.cli", "build"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(build, cwd=tmp_path, check=True, capture_output=True, env=env)
    before = tree(tmp_path / "site")
    assert "index.html" in before and any(p.startswith("pagefind/") for p in before)
    (tmp_path / "seeds" / GOOD.name).write_bytes(good_with(b"\nA paragraph the new site would show."))
    run = subprocess.Popen(build, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           start_new_session=True)
    staging = tmp_path / ".site.staging"
    try:
        # MkDocs (a child of briefing) is running and has written pages into the staging folder
        wait_for(lambda: children(run.pid) if staging.is_dir() and any(staging.rglob("*.html")) else [], 60)
        assert run.poll() is None, "the build ended before it could be killed"
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    assert tree(tmp_path / "site") == before
    result = subprocess.run(build, cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "A paragraph the new site would show." in (tmp_path / "site" / "articles" / "rok-media-forum.html").read_text()


def test_an_entity_named_like_a_listing_page_does_not_take_its_place() -> None:
    article = clean(Seed("index org.txt", "Talks in Rome\nMinisters met in Rome.", "0"))
    named = Extraction(article, (PersonMention("Index"),), (OrgMention("Index"),), (MechanismMention("Index"),),
                       ("Index",), ())
    briefing = resolve([named])
    ids = {kind: [x.id for x in getattr(briefing, kind)] for kind in ENTITY_KINDS}
    assert all(found == ["index-2"] for found in ids.values()), ids


def test_two_pages_on_one_path_are_an_error_naming_both(fixture_briefing) -> None:
    site = Site.of(fixture_briefing)
    person = fixture_briefing.people[0]
    clash = dataclasses.replace(fixture_briefing, people=(*fixture_briefing.people,
                                                          dataclasses.replace(person, name="Someone Else")))
    with pytest.raises(OutputError, match=f"two pages would be written to people/{person.id}.md: entity_page "
                                          f"people {person.id} and entity_page people {person.id}"):
        site_pages(Site.of(clash))
    assert site_pages(site)


def test_an_extraction_that_fails_names_its_seed(published, monkeypatch) -> None:
    seeds, out, before = published
    (seeds / "odd.txt").write_bytes(b"Talks in Rome\nForeign ministers met in Rome on Monday.")
    real = pool.extract

    def failing(article):
        if article.file == "odd.txt":
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(pool, "extract", failing)
    output = refused(seeds, out, before, "odd.txt")
    assert "extraction failed (IndexError: list index out of range)" in output
