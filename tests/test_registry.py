from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RegistryError
from generator.resolve.registry import load_registry


def test_no_registry_is_an_empty_one(tmp_path: Path) -> None:
    assert load_registry(tmp_path / "registry.yml").entries == {}


def test_entries_are_read_with_their_aliases_ids_and_articles(tmp_path: Path) -> None:
    path = tmp_path / "registry.yml"
    path.write_text("people:\n  - {name: Xi Jinping, aliases: [President Xi], id: xi}\n"
                    "  - {name: Li Wei (CGTN), aliases: [Li Wei], articles: [a.txt]}\n")
    people = load_registry(path).entries["people"]
    assert people[0].aliases == ("President Xi",) and people[0].id == "xi"
    assert people[1].articles == ("a.txt",)


@pytest.mark.parametrize("text, problem", [
    ("people: [", "not valid YAML"),
    ("persons: []", "keys among"),
    ("people: {name: x}", "must be a list"),
    ("people:\n  - {aliases: [x]}", "needs a 'name'"),
    ("people:\n  - {name: x, aliases: y}", "'aliases' must be a list of strings"),
])
def test_a_malformed_registry_is_an_error_naming_the_file_and_the_entry(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "registry.yml"
    path.write_text(text)
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(path) in error.value.message and problem in error.value.message
