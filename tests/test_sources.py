from __future__ import annotations

import codecs

import pytest

from generator.errors import SeedError
from generator.read.sources import MAX_BYTES, decode


def test_utf8_with_a_bom_is_read_without_it() -> None:
    assert decode(codecs.BOM_UTF8 + b"Xinhua", "a.txt") == "Xinhua"


def test_utf16_with_a_bom_is_read() -> None:
    assert decode("Tokyo talks\r\n".encode("utf-16"), "a.txt") == "Tokyo talks\n"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"abc\x00def", "binary"),
    (b"caf\xe9 talks", "not valid UTF-8"),
    (b"x" * (MAX_BYTES + 1), "limit"),
])
def test_bad_bytes_are_refused_with_the_file_and_the_reason(data: bytes, problem: str) -> None:
    with pytest.raises(SeedError) as error:
        decode(data, "bad seed.txt")
    assert error.value.message.startswith("bad seed.txt: ")
    assert problem in error.value.message
