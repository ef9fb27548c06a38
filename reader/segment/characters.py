"""Character classes and word look-ups shared by the rules."""

from __future__ import annotations

import re

SUPERSCRIPT_DIGITS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
CLOSERS = frozenset("“”\"'»«‘’)]") | SUPERSCRIPT_DIGITS
"""Characters that close a quotation or parenthesis after a sentence's last word
(German quotes are „…“, ‚…‘ and »…«; “ is the closing one), and superscript
footnote signs, which stay with the sentence they follow (`Satz.¹ Noch`)."""

AMBIGUOUS_QUOTES = frozenset("\"'»«‘")
"""Quotes that open as often as they close (» opens German »…«, « opens Swiss
«…», ‘ opens English ‘…’): unless pairing says otherwise, glued to a following
letter they open the next sentence (`soll.»Endlich«`). German “ always closes
(`Markt.“Um`)."""


LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīıįķļľłńņňōőœŕřśşšţťūůűųźżž"
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİĮĶĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
"""Lower- and upper-case Latin letters for regular-expression classes: German
and the letters of the names German text quotes (`Yılmaz`, `Łódź`, `Čapek`)."""

OPENERS = frozenset("„“\"»«‚'`([©§•▪◦‣●■►")
"""Characters that may open a sentence before its first letter (quotes,
brackets, LaTeX's ````…''``, the signs of footer and legal lines: `© 2022 …`,
`§ 5 …`, and list bullets: `Gut! • Noch besser.`)."""

APOSTROPHES = frozenset("’'´`")
"""Marks of an elision (`bin’s`, `geht's`, `geht´s`)."""

# Longest word a rule ever inspects; bounds look-behind work per candidate so
# the whole pass stays linear even in text without spaces.
_LOOK_BEHIND = 64
_LETTERS = re.compile(rf"[^\W\d_]{{1,{_LOOK_BEHIND}}}")
# ASCII digits only: footnote numbers are never other scripts' digits.
_GLUED_FOOTNOTE = re.compile(r"^[0-9]+(?=[^\W\d_])")


def word_before(text: str, position: int) -> str:
    """The word that ends at ``position``.

    Dots join its parts only in a dotted initialism (``z.B``, ``U.S.A``,
    ``i.V.m``); otherwise it starts behind the last dot, where a scrape may
    have glued a sentence and a footnote number to it: the word before the
    second stop of ``verschoben.7Prof.`` is ``Prof``, not ``verschoben.7Prof``."""
    start = position
    while start > 0 and position - start < _LOOK_BEHIND and _is_word_char(text[start - 1]):
        start -= 1
    word = text[start:position].lstrip(".")
    parts = word.split(".")
    if len(parts) == 1 or all(len(part) == 1 and part.isalpha() for part in parts):
        return word
    return _GLUED_FOOTNOTE.sub("", parts[-1])


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "._"


def camel_piece_before(text: str, position: int) -> str:
    """The lower-case run ending at ``position`` with the capital that starts it,
    if any: `werden` in `werdenZwei`, `Sehen` in `undSehen`, `Phone` in `iPhone`."""
    start = position
    while start > 0 and position - start < _LOOK_BEHIND and text[start - 1].islower():
        start -= 1
    if start > 0 and text[start - 1].isupper():
        start -= 1
    return text[start:position]


def letters_after(text: str, position: int) -> str:
    """The run of letters that starts at ``position``."""
    match = _LETTERS.match(text, position)
    return match.group() if match else ""


def closing_end(
    text: str,
    position: int,
    openers: frozenset[int] = frozenset(),
    closers: frozenset[int] = frozenset(),
) -> int:
    """The end of the closing quotes and brackets that start at ``position``.

    ``openers`` and ``closers`` are the offsets of quotation marks known to open
    or close a quotation (see :mod:`reader.segment.quotations`); they decide for
    ambiguous marks (`alles.«Marie` closes, `sofort.»Endlich` opens)."""
    while position < len(text) and text[position] in CLOSERS:
        if position in openers:
            break
        following = text[position + 1 : position + 2]
        ambiguous = text[position] in AMBIGUOUS_QUOTES and following.isalpha()
        latex_close = text[position] == "'" and position - 1 in closers  # the second ' of ''
        if ambiguous and position not in closers and not latex_close:
            break
        position += 1
    return position


def skip_space(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not whitespace."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def starts_sentence(char: str) -> bool:
    """Whether ``char`` can be the first character of a sentence."""
    return char.isupper() or char.isdigit() or char in OPENERS


def is_emoji(char: str) -> bool:
    """Pictographs, dingbats and the joiners and selectors of emoji sequences."""
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or char in "\u200d\ufe0f\u20e3"
    )


def is_elision(text: str, word_start: int) -> bool:
    """Whether the word at ``word_start`` is the elided `s` of `bin’s`,
    `geht's`: an apostrophe between it and a letter."""
    return (
        word_start >= 2 and text[word_start - 1] in APOSTROPHES and text[word_start - 2].isalpha()
    )
