"""Headings: lines set larger or bold than the body text, short, not sentence-like.

Heading levels come from the heading styles found (the largest size is level
1). When the PDF has an outline (bookmarks), it decides: a line whose text is a
bookmark's title on the bookmark's page is a heading of the bookmark's level,
whatever its font (section numbers are ignored in the comparison: bookmarks
often leave out the ``2.1``, ``IV.`` or ``A.`` the page prints). Without an
outline, a line like ``II. FORM, STIL UND UMFANG`` (a Roman numeral and a
title in capitals: IEEE's small-caps sections, set at body size) is a
heading too, and so is an italic ``C. Minimales Beispiel`` (a lettered
subsection of at most eight words without a final stop).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.importers.pdf.layout import Line, OutlineEntry
from reader.importers.pdf.regions import CAPTION

LARGER = 1.12
"""A heading's font is at least this much larger than the body text's…"""
MAX_WORDS = 18
"""…or bold, and in any case at most this many words."""
_ROMAN_CAPS_HEADING = re.compile(r"[IVX]{1,5}\.\s+[A-ZÄÖÜ][A-ZÄÖÜ\- ,&]{2,60}")
"""A section numbered in Roman numerals whose title is in capitals (IEEE styles)."""
_LETTER_SECTION = re.compile(r"[A-H]\.\s+[A-ZÄÖÜ][\w\-]*(?:\s+[\w\-]+){0,7}")
"""A subsection lettered ``A.`` to ``H.`` with a short title and no final stop."""
MIN_LETTER_SHARE = 0.5
"""A heading's title (its numbering aside: ``1.1.1 TEX``) is mostly letters; a
line of digits and signs is a label."""
_SPACES = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.|[A-Z]\.)\s+")


def body_font_size(lines: list[Line]) -> float:
    """The font size most of the text is set in (by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def normalized_title(text: str) -> str:
    """``text`` as compared with bookmark titles: spaces, case and numbering ignored."""
    return _NUMBERING.sub("", _SPACES.sub(" ", text).strip()).casefold()


@dataclass(frozen=True)
class HeadingStyles:
    """Which lines are headings, and of which level, in one document."""

    body_size: float
    levels: dict[tuple[float, bool], int]
    outline: dict[tuple[str, int | None], int]

    @classmethod
    def find(cls, lines: list[Line], outline: list[OutlineEntry]) -> HeadingStyles:
        body_size = body_font_size(lines)
        styles = {_style(line) for line in lines if _looks_like_heading(line, body_size)}
        ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
        levels = {style: min(index + 1, 6) for index, style in enumerate(ranked)}
        titles = {
            (normalized_title(entry.title), entry.page): min(entry.level, 6) for entry in outline
        }
        return cls(body_size, levels, titles)

    def level(self, line: Line, page: int) -> int:
        """The heading level of ``line`` on ``page`` (1-based), 0 when it is no heading."""
        title = normalized_title(line.text)
        for key in ((title, page), (title, None)):
            if key in self.outline:
                return self.outline[key]
        if CAPTION.match(line.text):
            return 0  # ``Abbildung 1.1: …`` with its label in bold: a caption
        if _looks_like_heading(line, self.body_size):
            return self.levels.get(_style(line), 0)
        if not self.outline and _ROMAN_CAPS_HEADING.fullmatch(line.text.strip()):
            return 1  # ``II. FORM, STIL UND UMFANG``: IEEE's small-caps section at body size
        if not self.outline and line.italic and _LETTER_SECTION.fullmatch(line.text.strip()):
            return 2  # ``C. Minimales Beispiel``: IEEE's italic subsection at body size
        return 0

    def outline_level(self, text: str, page: int) -> int:
        """The outline level of a (multi-line) heading's text, 0 when not in the outline."""
        title = normalized_title(text)
        return self.outline.get((title, page)) or self.outline.get((title, None)) or 0


def _style(line: Line) -> tuple[float, bool]:
    return round(line.size, 1), line.bold


def _looks_like_heading(line: Line, body_size: float) -> bool:
    words = len(line.text.split())
    if not words or words > MAX_WORDS:
        return False
    if line.text.rstrip().endswith((",", ";")):
        return False  # a line of running text, however large (a pull quote)
    if line.size >= LARGER * body_size:
        styled = True
    else:
        # Bold at body size is also how emphasis looks: a bold line that ends
        # like running text is no heading.
        running_text = line.text.rstrip().endswith((",", ".", ";"))
        styled = line.bold and line.size >= 0.95 * body_size and not running_text
    return styled and _mostly_letters(line.text)


def _mostly_letters(text: str) -> bool:
    """Whether the title (numbering aside) is mostly letters: ``45 %``, ``2.000 €`` are labels."""
    title = _NUMBERING.sub("", text.strip()).replace(" ", "")
    return bool(title) and sum(char.isalpha() for char in title) >= MIN_LETTER_SHARE * len(title)
