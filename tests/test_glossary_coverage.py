"""Every acronym and named institution of the seed texts has a glossary entry.

Candidates are extracted from the seeds with three rules, and every occurrence
must lie inside a match of the built-in glossary (which also proves the
matcher finds them in compounds such as ``CFIUS-Untersuchungen``):

1. acronyms: a word or hyphen-separated part with at least two capitals or a
   capital and a digit (``USA``, ``W&T``, ``IoT``, ``5G``, ``CHAdeMO``);
2. English institution names: a capitalised head word such as ``Committee``,
   ``Agency`` or ``Program`` inside a run of capitalised words;
3. German names: a capitalised adjective in mid-sentence followed by a noun
   (``Vereinten Nationen``, ``Kalten Krieges``, ``Gemeinsamen Hochrangigen …``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.glossary import Glossary, load_glossary

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

# Ordinary words the rules would pick up that are not terms. Empty today: the
# rules below are tight enough for both seeds; add words here, not exceptions
# in the rules.
IGNORE: frozenset[str] = frozenset()

_WORD = re.compile(r"[\w&]+(?:-[\w&]+)*")
_ACRONYM_PART = re.compile(r"[\w&]+")
_HEAD_WORDS = (
    "Act|Accord|Agency|Agreement|Association|Center|Centre|Command|Committee|Conference|"
    "Council|Dialogue|Endowment|Forum|Fund|Memorandum|Program|Programme|Technologies|Times|"
    "Treaty"
)
_ENGLISH_NAME = re.compile(
    rf"(?:[A-Z][\w&-]*\s+(?:(?:of|on|and|for|in|the)\s+)*)+(?P<head>{_HEAD_WORDS})\b"
    rf"|\b(?P<head2>{_HEAD_WORDS})(?:\s+(?:of|on|for|in|the))+\s+[A-Z]"
)
# A capitalised adjective (stem + inflection) that does not start a sentence —
# German capitalises adjectives only in names — followed by a noun.
_GERMAN_NAME = re.compile(
    r"(?<=[a-zäöüß,] )([A-ZÄÖÜ][a-zäöüß]+(?:[gnlr]t|isch|ig|ell|sam|al|ah|lich)(?:e|en|er|es|em))"
    r"\s+[A-ZÄÖÜ]\w+"
)


def _is_acronym(part: str) -> bool:
    capitals = sum(char.isupper() for char in part)
    digits = sum(char.isdigit() for char in part)
    if digits:  # `5G`, `G7` — not a footnote number glued to a word (`9Zu`, `12Diese`)
        return capitals >= 1 and capitals + digits == len(part) <= 3
    return capitals >= 2 and capitals * 2 >= len(part)


def candidates(text: str) -> list[tuple[int, str]]:
    """(offset, candidate) for every occurrence the rules find in ``text``."""
    found = []
    for word in _WORD.finditer(text):
        for part in _ACRONYM_PART.finditer(word.group()):
            if _is_acronym(part.group()):
                found.append((word.start() + part.start(), part.group()))
    for name in _ENGLISH_NAME.finditer(text):
        head = "head" if name.group("head") else "head2"
        found.append((name.start(head), name.group(head)))
    for name in _GERMAN_NAME.finditer(text):
        found.append((name.start(1), name.group()))
    return [(offset, term) for offset, term in found if term not in IGNORE]


def missing(glossary: Glossary, text: str) -> list[str]:
    """The candidates of ``text`` that no match of ``glossary`` covers."""
    covered = [range(match.start, match.end) for match in glossary.match(text)]
    return sorted(
        {term for offset, term in candidates(text) if not any(offset in span for span in covered)}
    )


@pytest.fixture(scope="module")
def builtin() -> Glossary:
    return load_glossary()


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_every_acronym_and_institution_of_the_seeds_has_an_entry(
    builtin: Glossary, seed: Path
) -> None:
    gaps = missing(builtin, seed.read_text(encoding="utf-8"))
    assert not gaps, f"terms of {seed.name} without a glossary entry: {gaps}"


def test_a_term_without_an_entry_is_reported(builtin: Glossary) -> None:
    text = "Die OECD-Studie und das Bundesamt für Sicherheit in der Informationstechnik (BSI)."
    assert missing(builtin, text) == ["BSI", "OECD"]


def test_the_extraction_finds_terms_of_each_kind() -> None:
    # The coverage test is only as good as its extraction: make sure each rule fires.
    text = (
        "Die Zahl der CFIUS-Untersuchungen sank. Das Internet der Dinge (IoT) wächst. "
        "Das Joint High-Level Committee tagt. Die Japan Aerospace Exploration Agency "
        "startet. Im Kalten Krieg war alles anders. Die Vereinten Nationen tagen."
    )
    terms = {term for _, term in candidates(text)}
    assert {"CFIUS", "IoT", "Committee", "Agency", "Kalten Krieg", "Vereinten Nationen"} <= terms
    assert not {"Die", "Das", "Im", "Zahl"} & terms


def test_every_seed_term_can_be_looked_up(builtin: Glossary) -> None:
    for seed in SEEDS:
        for match in builtin.match(seed.read_text(encoding="utf-8")):
            assert builtin.lookup(match.text) is match.entry, match.text
