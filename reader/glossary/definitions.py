"""Abbreviations a document defines itself: ``long form (ABBR)``, ``ABBR (long form)``.

The strict test is Schwartz & Hearst's (2003): the abbreviation's letters occur
in order in the long form and its first letter starts a word. It finds
``Wissenschaft und Technologie (W&T)``, ``Pro-Kopf-Bruttoinlandsprodukt
(BIP)`` (letters inside a compound count) and ``Committee on Foreign
Investment in the United States (CFIUS)``. German texts also define English
acronyms with German words — ``Internet der Dinge (IoT)``,
``Nordamerikanische Freihandelsabkommen (NAFTA)`` — so when the strict test
fails, the noun phrase before the parenthesis is taken if it starts with the
abbreviation's first letter or contains most of its letters in order
(``Direktinvestitionen (ADI)``). A long form stays inside its clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.glossary.entry import Definition

_PARENTHESIS = re.compile(r"\(\s*([^()\n]{1,120}?)\s*\)")
_WORD_BEFORE = re.compile(r"([\w&.-]+)\s*$")
# A long form never crosses a sentence or clause boundary.
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]„“”\"»«–—\n]")
_MAX_LOOKBACK = 300
_MAX_ABBREVIATION = 12
# Words that may join the nouns of a name: `Internet der Dinge`,
# `Committee on Foreign Investment in the United States`.
_CONNECTORS = frozenset(
    ["der", "des", "für", "zur", "zum", "von", "und", "of", "on", "for", "in", "the", "and", "to"]
)
# Capitalised at the start of a sentence, but never the start of a name.
_SENTENCE_WORDS = frozenset(
    ["die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "the", "a"]
)
_MAX_GAP = 2  # lower-case words between two nouns of one name (`der nächsten`)


def find_definitions(text: str) -> dict[str, Definition]:
    """The abbreviations ``text`` defines, keyed by abbreviation, first definition wins."""
    definitions: dict[str, Definition] = {}
    for definition in _iter_definitions(text):
        definitions.setdefault(definition.term, definition)
    return definitions


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` is shaped like an abbreviation: ``W&T``, ``IoT``, ``5G``, ``CFIUS``."""
    if not 2 <= len(word) <= _MAX_ABBREVIATION or not word[0].isalnum() or not word[-1].isalnum():
        return False
    if not word.replace("&", "").replace("-", "").replace(".", "").isalnum():
        return False
    capitals = sum(char.isupper() for char in word)
    digits = sum(char.isdigit() for char in word)
    return capitals >= 1 and capitals + digits >= 2 and capitals + digits >= len(word) / 3


def _iter_definitions(text: str) -> Iterator[Definition]:
    for parenthesis in _PARENTHESIS.finditer(text):
        inner = parenthesis.group(1)
        if is_abbreviation(inner):
            clause_start = _clause_start(text, parenthesis.start())
            long_form_start = _long_form_before(inner, text[clause_start : parenthesis.start()])
            if long_form_start is not None:
                start = clause_start + long_form_start
                long_form = text[start : parenthesis.start()].strip()
                # `W&T-Zusammenarbeit (W&T)` repeats the term; it does not define it.
                if inner not in long_form:
                    yield Definition(inner, " ".join(long_form.split()), start, parenthesis.end())
            continue
        # Search a short window only: an abbreviation is at most 12 characters,
        # and searching from 0 would make the whole scan quadratic.
        window_start = max(0, parenthesis.start() - 2 * _MAX_ABBREVIATION)
        before = _WORD_BEFORE.search(text, window_start, parenthesis.start())
        if before and is_abbreviation(before.group(1)) and _spells(before.group(1), inner) == 0:
            yield Definition(
                before.group(1), " ".join(inner.split()), before.start(1), parenthesis.end()
            )


def _clause_start(text: str, end: int) -> int:
    start = max(0, end - _MAX_LOOKBACK)
    boundaries = [found.end() for found in _CLAUSE_END.finditer(text, start, end)]
    return boundaries[-1] if boundaries else start


def _long_form_before(abbreviation: str, clause: str) -> int | None:
    """Where in ``clause`` (the text before the parenthesis) the long form starts."""
    letters = [char for char in abbreviation if char.isalnum()]
    words = list(re.finditer(r"\S+", clause))
    # Schwartz & Hearst: at most min(|A| + 5, 2|A|) words.
    window = words[-min(len(letters) + 5, 2 * len(letters)) :]
    if not window:
        return None
    offset = window[0].start()
    strict = _spells(abbreviation, clause[offset:])
    if strict is not None:
        return offset + strict
    return _noun_phrase_start(letters, words, clause)


def _spells(abbreviation: str, candidate: str) -> int | None:
    """Start of the shortest tail of ``candidate`` that spells ``abbreviation``.

    Letters are matched right to left, case-insensitively, anywhere in a word;
    the first letter must start a word (or a compound part after a hyphen).
    """
    position = len(candidate) - 1
    letters = [char.casefold() for char in abbreviation if char.isalnum()]
    for number in range(len(letters) - 1, -1, -1):
        first = number == 0
        while position >= 0 and (
            candidate[position].casefold() != letters[number]
            or (first and position > 0 and candidate[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    start = position + 1
    long_form = candidate[start:].strip()
    # `IoT (Internet)`-like one-word "long forms" of the same length are not definitions.
    return start if len(long_form) > len(abbreviation) else None


def _noun_phrase_start(letters: list[str], words: list[re.Match[str]], clause: str) -> int | None:
    """The name right before the parenthesis (``Internet der Dinge``), if plausible."""
    phrase: list[re.Match[str]] = []
    gap: list[re.Match[str]] = []
    for word in reversed(words):
        token = word.group()
        if token[0].isupper() or token[0].isdigit():
            if phrase and not _joins(gap):
                break
            phrase[:0], gap = [word, *gap], []
        elif phrase and len(gap) < _MAX_GAP:
            gap.insert(0, word)
        else:
            break
    # A capitalised article or conjunction starting a sentence is not part of a name.
    while phrase and phrase[0].group().casefold() in _SENTENCE_WORDS:
        phrase.pop(0)
    if not phrase:
        return None
    start = phrase[0].start()
    text = clause[start:].casefold()
    if text[0] == letters[0].casefold():
        return start
    # Otherwise most letters must occur in order: `Direktinvestitionen (ADI)`
    # (ausländische Direktinvestitionen), not `Technologie (W&T)`.
    alphabetic = [letter for letter in letters if letter.isalpha()]
    matched = _in_order(alphabetic, text)
    if matched >= min(2, len(alphabetic)) and matched * 2 >= len(alphabetic):
        return start
    return None


def _joins(gap: list[re.Match[str]]) -> bool:
    """Whether lower-case words between two nouns can belong to one name."""
    return not gap or any(word.group() in _CONNECTORS for word in gap)


def _in_order(letters: list[str], phrase: str) -> int:
    """How many of ``letters`` occur in ``phrase`` in order."""
    found, position = 0, 0
    for letter in letters:
        index = phrase.find(letter.casefold(), position)
        if index >= 0:
            found, position = found + 1, index + 1
    return found
