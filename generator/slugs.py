"""Identity: the one function that turns a name into an id and a page path.

Ids follow the export contract: lower-case ASCII words joined by single hyphens.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

MAX_SLUG = 60


@lru_cache(maxsize=1 << 16)  # names recur in every article that mentions them
def fold(text: str) -> str:
    """ASCII, lower-case, accents dropped: the form names are compared in."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def slugify(text: str) -> str:
    """A contract-valid id for `text`; never empty, never a path, at most MAX_SLUG characters.

    A name that folds to nothing (Chinese characters, punctuation) or is too long keeps a short
    hash of the original, so two different names do not land on one id.
    """
    words = re.findall(r"[a-z0-9]+", fold(text))
    slug = "-".join(words)
    if slug and len(slug) <= MAX_SLUG:
        return slug
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    stem = slug[: MAX_SLUG - 9].rstrip("-")
    return f"{stem}-{digest}" if stem else f"x-{digest}"
