"""Properties that must hold for any input: ingest, slugs, and a whole generate on random text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import SeedError, SeedsError
from generator.model import Seed
from generator.pipeline import generate
from generator.read.cleaning import clean
from generator.read.sources import decode
from generator.site.feeds import fold as fold_ics
from generator.slugs import MAX_SLUG, fold, slugify
from tests.conftest import copy_hand_written, mkdocs_build

SCHEMA = json.loads((Path(__file__).parent.parent / "generator" / "schema" / "briefing.schema.json").read_text())
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@given(st.text())
def test_any_name_gives_a_contract_id_that_is_no_path(name: str) -> None:
    slug = slugify(name)
    assert ID.match(slug) and len(slug) <= MAX_SLUG
    assert "/" not in slug and ".." not in slug


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n")))
def test_a_calendar_line_folds_into_lines_of_at_most_75_octets_that_unfold_to_it(line: str) -> None:
    lines = fold_ics(line).split("\n")
    assert all(len(piece.encode("utf-8")) <= 74 for piece in lines)
    assert all(piece.startswith(" ") for piece in lines[1:])
    assert "".join([lines[0], *(piece[1:] for piece in lines[1:])]) == line


@given(st.text(min_size=1), st.text(min_size=1))
def test_different_names_that_fold_to_nothing_do_not_share_an_id(a: str, b: str) -> None:
    if a != b and not re.search(r"[a-z0-9]", fold(a) + fold(b)):  # "É" folds to "e": not nothing
        assert slugify(a) != slugify(b)


@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_seed_error(data: bytes) -> None:
    try:
        text = decode(data, "x.txt")
    except SeedError as e:
        assert e.message.startswith("x.txt: ")
    else:
        assert text.strip() and "\r" not in text


@given(st.text(max_size=3000))
def test_any_text_is_cleaned_or_refused_and_furniture_never_survives(text: str) -> None:
    text = text + "\nSkip to main content\nData & News supplied by www.cloudquote.io"
    try:
        article = clean(Seed("x.txt", text, "0" * 64))
    except SeedError as e:
        assert e.message.startswith("x.txt: ")
        return
    body = article.title + " ".join(article.paragraphs)
    assert "cloudquote" not in body and "Skip to main content" not in body
    assert article.published is None or re.fullmatch(r"\d{4}-\d\d-\d\d", article.published)


WORDS = st.sampled_from(["The", "forum", "was", "held", "in", "Beijing", "on", "Tuesday", "Minister", "Wang", "Yi",
                         "said", "second", "meeting", "of", "the", "China-Japan", "Dialogue", "President", ",", ".",
                         "<b>", "[x](y)", "---", "{{", "#", "|", "2024", "June", "21st", "Ministry", "Foreign",
                         "Affairs", "(CPC)", "Xinhua", "News", "Agency", "\n", "“", "”", "Kim", "Min-jun"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(WORDS, min_size=3, max_size=80).map(" ".join), min_size=1, max_size=4))
def test_generate_on_random_articles_builds_a_valid_export_and_a_strict_site(tmp_path_factory, texts) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    seeds = root / "seeds"
    seeds.mkdir()
    for i, text in enumerate(texts):
        (seeds / f"{i}.txt").write_text(f" date 2024-06-2{i} " + text, encoding="utf-8")
    out = root / "site_src"
    copy_hand_written(out)
    try:
        generate(seeds, out)
    except (SeedError, SeedsError):
        return  # a seed with no text left, or two the same: refused, and that is the contract
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads((out / "data" / "briefing.json").read_text()))
    result = mkdocs_build(out, root / "site")
    assert result.returncode == 0, result.stderr
