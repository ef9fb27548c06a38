"""Characters of the text layer mended: accents put on their letters, private-use characters mapped.

OT1-encoded LaTeX (pdfLaTeX without ``\\usepackage[T1]{fontenc}``) has no
glyph for ``ä``: it draws the letter and a spacing diaeresis ``¨`` over it, and
PDFium's text order may put that ``¨`` before the letter, after it, or a few
words on with spaces around it (``Grunfl ¨ ¨achen``). A spacing diacritic
whose glyph stands over (a cedilla: under) a letter of the same line is that
letter's accent: the two are composed to one character (NFC: ``ä``), and the
spaces PDFium put around the stray accent go unless the letters beside them
really stand apart.

Symbol and Wingdings bullets of Word documents come as private-use
characters (U+F0B7), and glyphs of fonts without a Unicode mapping (LaTeX's
Type 3 bullet) as control characters: at a line's start, before a space,
such a character is a list bullet (``•``); anywhere else it is dropped —
it never reaches the reader. Ligature characters (``ﬁ``, U+FB01) are spelt
out (``fi``): the segmenter and the model know words, not glyphs. A soft
hyphen (PDFium's U+0002) that does not end the line was printed (a PDF holds
only what it draws): it is a hyphen.

PDFium counts a character outside the Basic Multilingual Plane (Word's
mathematical italic ``𝛼``, U+1D6FC) as two, its UTF-16 halves, each with
its own index and box: :func:`text_by_index` puts the whole character at the
first index and :data:`NOTHING` at the second, which mending drops (a lone
half alone can never be written out). Mathematical letters are read as the
letters they are styled from (NFKC: ``𝛼`` → ``α``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]
"""(left, right, bottom, top) of a glyph in PDF coordinates (y grows upwards)."""

BULLET = "•"
SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "`": "\u0300",
    "^": "\u0302",
    "\u02c6": "\u0302",
    "~": "\u0303",
    "\u02dc": "\u0303",
    "\u00af": "\u0304",  # macron
    "\u02d8": "\u0306",  # breve
    "\u02d9": "\u0307",  # dot above
    "\u02da": "\u030a",  # ring
    "\u02dd": "\u030b",  # double acute
    "\u02c7": "\u030c",  # caron
    "\u00b8": "\u0327",  # cedilla (under the letter)
}
"""Spacing diacritics and the combining marks they stand for."""
_BELOW = frozenset("\u00b8")
_APART = 0.2
"""Letters beside a stray accent stand apart (a word space) when the gap between
them is over this share of the letter's height."""
_REACH = 3.0
"""An accent's letter lies within this many letter heights of it (searched outwards)."""
_KEEP = frozenset("\x02\ufffe")
NOTHING = "\ufeff"
"""Stands at the index of a character's second UTF-16 half: mending drops it."""
_MATH_LETTERS = range(0x1D400, 0x1D800)
"""Mathematical Alphanumeric Symbols: styled Latin and Greek letters and digits."""
"""Control characters the line splitter handles (soft and line-end hyphens)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """Mended text with, for each of its characters, the index it came from."""

    text: str
    sources: Sequence[int]


LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
"""Typographic ligatures some fonts map to their own code points (InDesign, Word): the letters."""
_MAYBE_SPECIAL = re.compile(
    "["
    + "".join(SPACING_ACCENTS)
    + "\x00-\x01\x03-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufb00-\ufb06\ufeff]"
)
"""A quick test for lines that hold nothing to mend (almost all)."""


def text_by_index(units: Sequence[int]) -> str:
    """PDFium's UTF-16 units (one a character index) as text of the same length.

    A surrogate pair becomes its character (a mathematical letter its plain
    letter) followed by :data:`NOTHING`; a lone surrogate is :data:`NOTHING`.
    """
    chars = []
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else 0
        if 0xD800 <= unit < 0xDC00 and 0xDC00 <= following < 0xE000:
            code = 0x10000 + ((unit - 0xD800) << 10) + (following - 0xDC00)
            char = chr(code)
            if code in _MATH_LETTERS:
                char = unicodedata.normalize("NFKC", char)[:1]
            chars += [char, NOTHING]
            index += 2
            continue
        chars.append(NOTHING if 0xD800 <= unit < 0xE000 else chr(unit))
        index += 1
    return "".join(chars)


@functools.cache  # a mended line asks this of each of its characters: a few distinct ones
def _special(char: str) -> bool:
    return char in SPACING_ACCENTS or (
        char not in _KEEP
        and not char.isspace()
        and unicodedata.category(char) in ("Co", "Cc", "Cn")
    )


def mend_characters(text: str, start: int, end: int, box: Callable[[int], Box]) -> Piece:
    """``text[start:end]`` (one line) mended; ``box`` gives a character's glyph box by index.

    ``box`` is asked for the same characters more than once: it should remember them.
    """
    if not _MAYBE_SPECIAL.search(text, start, end) and "\x02" not in text[start : end - 1]:
        return Piece(text[start:end], range(start, end))
    accents = _accents(text, start, end, box)
    chars: list[tuple[str, int]] = []
    removed, marks = accents.removed, accents.marks
    for index in range(start, end):
        char = text[index]
        if index in removed or char == NOTHING:
            continue
        if char == "\x02" and index < end - 1:
            char = "-"  # a hyphen glyph the PDF maps to the soft hyphen, printed mid-line
        if _special(char) and char not in SPACING_ACCENTS:
            if not chars and (index + 1 >= end or text[index + 1].isspace()):
                chars.append((BULLET, index))
            continue
        if char in LIGATURES:
            chars.extend((letter, index) for letter in LIGATURES[char])
            continue
        if index in marks:
            letter = "i" if char == "ı" else "j" if char == "ȷ" else char
            char = unicodedata.normalize("NFC", letter + "".join(marks[index]))
        chars.append((char, index))
    return Piece(*_respaced(text, chars, removed, box))


def _respaced(
    text: str, chars: list[tuple[str, int]], removed: frozenset[int], box: Callable[[int], Box]
) -> tuple[str, list[int]]:
    """``chars`` without the spaces PDFium put around removed accents inside a word."""
    kept: list[tuple[str, int]] = []
    visible = 0  # the first non-space position after the space looked at (moves forward only)
    for position, (char, index) in enumerate(chars):
        if char.isspace():
            if not kept or kept[-1][0].isspace():
                continue
            beside_accent = index - 1 in removed or index + 1 in removed
            visible = max(visible, position + 1)
            while visible < len(chars) and chars[visible][0].isspace():
                visible += 1
            if visible == len(chars):
                continue
            following = chars[visible][1]
            if beside_accent and not _apart(kept[-1][1], following, box):
                continue
        kept.append((char, index))
    while kept and kept[-1][0].isspace():
        kept.pop()
    return "".join(char for char, _ in kept), [index for _, index in kept]


@dataclass(frozen=True, slots=True)
class _Accents:
    marks: dict[int, list[str]]
    """Combining marks to add, by the index of their letter."""
    removed: frozenset[int]
    """Indices of the spacing accents composed onto a letter."""


def _accents(text: str, start: int, end: int, box: Callable[[int], Box]) -> _Accents:
    positions = [i for i in range(start, end) if text[i] in SPACING_ACCENTS]
    if not positions:
        return _Accents({}, frozenset())
    marks: dict[int, list[str]] = {}
    removed = set()
    for position in positions:
        left, right, bottom, top = box(position)
        center = (left + right) / 2
        reach = _REACH * max(top - bottom, 1.0)
        below = text[position] in _BELOW
        best = None
        for index, (l_left, l_right, l_bottom, l_top) in _letters_around(
            text, position, start, end, center, reach, box
        ):
            if not l_left - 0.5 <= center <= l_right + 0.5:
                continue
            middle = (l_bottom + l_top) / 2
            if (top <= middle) if below else (bottom >= middle):
                distance = abs(center - (l_left + l_right) / 2)
                if best is None or distance < best[0]:
                    best = (distance, index)
        if best is not None and len(marks.get(best[1], ())) < 2:
            marks.setdefault(best[1], []).append(SPACING_ACCENTS[text[position]])
            removed.add(position)
    return _Accents(marks, frozenset(removed))


def _letters_around(
    text: str,
    position: int,
    start: int,
    end: int,
    center: float,
    reach: float,
    box: Callable[[int], Box],
) -> list[tuple[int, Box]]:
    """Letters and their boxes from ``position`` out, each way till one is ``reach`` past it.

    A line runs left to right: once a letter stands well left (right) of the
    accent, those before (after) it do too — a few glyph boxes per accent
    instead of the whole line's.
    """
    found = []
    for step, limit in ((-1, start - 1), (1, end)):
        index = position + step
        while index != limit:
            if text[index].isalpha():
                letter = box(index)
                found.append((index, letter))
                left, right = letter[0], letter[1]
                if (right < center - reach) if step < 0 else (left > center + reach):
                    break
            index += step
    return found


def _apart(before: int, after: int, box: Callable[[int], Box]) -> bool:
    """Whether the characters ``before`` and ``after`` stand a word space apart."""
    _, right, bottom, top = box(before)
    return box(after)[0] - right > _APART * max(top - bottom, 1.0)
