"""Whatever lands in seeds/: correct handling or a clear error naming the file, and the previous output untouched."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.read.sources import MAX_BYTES, MAX_LINE
from tests.conftest import FIXTURE_SEEDS

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
    body = "\n".join(pages.values())
    assert "<script>" not in body and "<img" not in body and "](javascript:" not in body
    assert "{{ 7\\*7 }}" not in body and "49" not in body.replace("2049", "")
    assert all(len(p.name) < 100 for p in pages)
