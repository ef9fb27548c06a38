"""Character classes and word look-ups shared by the rules."""

from __future__ import annotations

import re

CLOSERS = frozenset("“”\"»«’)]")
"""Characters that close a quotation or parenthesis after a sentence's last word
(German quotes are „…“ and »…«; “ is the closing one)."""

AMBIGUOUS_QUOTES = frozenset("\"»")
"""Quotes that open as often as they close: glued to a following letter they
open the next sentence (`soll.»Endlich«`); “ always closes (`Markt.“Um`)."""


def closing_end(text: str, position: int) -> int:
    """The end of the closing quotes and brackets that start at ``position``."""
    while position < len(text) and text[position] in CLOSERS:
        following = text[position + 1 : position + 2]
        if text[position] in AMBIGUOUS_QUOTES and following.isalpha():
            break
        position += 1
    return position

OPENERS = frozenset("„“\"»«‚'([©§")
"""Characters that may open a sentence before its first letter (quotes,
brackets, and the signs of footer and legal lines: `© 2022 …`, `§ 5 …`)."""

TERMINALS = frozenset(".!?…")

_WORD_BEFORE = re.compile(r"(?:\w+\.)*\w+$")
# Longest word a rule ever inspects; bounds look-behind work per candidate so
# the whole pass stays linear even in text without spaces.
_LOOK_BEHIND = 64


def word_before(text: str, position: int) -> str:
    """The word (with inner dots, as in ``z.B``) that ends at ``position``."""
    match = _WORD_BEFORE.search(text, max(0, position - _LOOK_BEHIND), position)
    return match.group() if match else ""


def letters_before(text: str, position: int) -> str:
    """The run of letters that ends at ``position``."""
    start = position
    while start > 0 and position - start < _LOOK_BEHIND and text[start - 1].isalpha():
        start -= 1
    return text[start:position]


def letters_after(text: str, position: int) -> str:
    """The run of letters that starts at ``position``."""
    end = position
    while end < len(text) and end - position < _LOOK_BEHIND and text[end].isalpha():
        end += 1
    return text[position:end]


def skip_space(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not whitespace."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def starts_sentence(char: str) -> bool:
    """Whether ``char`` can be the first character of a sentence."""
    return char.isupper() or char.isdigit() or char in OPENERS
