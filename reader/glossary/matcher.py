"""Finding glossary terms in text with one compiled regular expression.

All spellings of all entries are folded into a trie and emitted as a single
pattern (``W(?:&T|…)|K(?:I|…)``), so a sentence is scanned once no matter how
many entries there are; ``scripts/bench_glossary.py`` compares this with a
loop over the terms. Boundaries understand German compounds: ``KI-Systemen``
and ``W&T-Zusammenarbeit`` contain a term, ``Kiel`` and ``USB`` do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

from reader.glossary.entry import GlossaryEntry, TermMatch

# A term starts and ends where a word does. A hyphen is a boundary — German
# glues terms into compounds with it (`CFIUS-Untersuchungen`) — but a letter,
# a digit or `&` is not (`US` in `USB`, `W` in `W&T`).
_BEFORE = r"(?<![\w&])"
_AFTER = r"(?![\w&])"
_SPACE = re.compile(r"\s+")

_Trie: TypeAlias = dict[str, "_Trie"]
_END = ""  # trie key marking that a spelling ends at this node


def spelling_pattern(forms: Iterable[str]) -> str:
    """A regex source matching any of ``forms`` as a whole word (see module doc)."""
    trie: _Trie = {}
    for form in forms:
        node = trie
        for token in _tokens(form):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _BEFORE + _emit(trie) + _AFTER


def _tokens(form: str) -> list[str]:
    """Regex fragments for one spelling, one per character (or run of spaces).

    Spellings are case-sensitive, so ``KI`` never matches ``Ki``; only a
    spelling that starts in lower case (``künstliche Intelligenz``) also
    matches with a capital, as at the start of a sentence.
    """
    tokens: list[str] = []
    for index, char in enumerate(_SPACE.sub(" ", form.strip())):
        if char == " ":
            tokens.append(r"\s+")
        elif index == 0 and char.islower():
            tokens.append(f"[{char}{char.upper()}]")
        else:
            tokens.append(re.escape(char))
    return tokens


def _emit(node: _Trie) -> str:
    branches = [token + _emit(child) for token, child in node.items() if token != _END]
    if not branches:
        return ""
    if _END in node:
        # Greedy `?`: the longer spelling is tried first, the shorter one is
        # what backtracking falls back to (`US-Japan …` before `US`).
        return "(?:" + "|".join(branches) + ")?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def spelling_key(text: str) -> str:
    """How a matched or listed spelling is looked up: spaces collapsed."""
    return _SPACE.sub(" ", text.strip())


class TermMatcher:
    """Finds the spellings of a fixed set of entries in text."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._exact: dict[str, GlossaryEntry] = {}
        self._capitalised: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for form in entry.forms:
                key = spelling_key(form)
                self._exact[key] = entry
                if key[:1].islower():
                    self._capitalised[key[0].upper() + key[1:]] = entry
        self._pattern = re.compile(spelling_pattern(self._exact)) if self._exact else None

    def match(self, text: str) -> list[TermMatch]:
        """Every term in ``text``, left to right, not overlapping, longest first."""
        if self._pattern is None:
            return []
        matches = []
        for found in self._pattern.finditer(text):
            key = spelling_key(found.group())
            entry = self._exact.get(key) or self._capitalised[key]
            matches.append(TermMatch(found.start(), found.end(), found.group(), entry))
        return matches
