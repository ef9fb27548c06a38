"""Page furniture: running headers and footers and page numbers, removed.

Furniture sits in the first or last rows of a page (lines on one baseline, like
a header's left and right parts, are one row). A row there is furniture
when it is a page number (``7``, ``- 7 -``, ``Seite 7 von 20``, ``vii``), when
the same text (digits ignored) stands at about the same height on many pages
(running titles, dates, ``Arbeitspapier 3/2026``; a chapter's running title
on three pages is enough), or when the page's very first or last line ends
in a labelled page number (``Pflege-Kompass 2026   Seite 1 von 1``: a footer
even on a one-page document) — one such line makes its whole row furniture.
A page's top row set smaller than the body text, high in the top margin and
well apart from the text below is a header too, repeated or not (a letterhead,
a header printed on right-hand pages only). A number raised just left of the
line below it is that line's footnote label (Distiller, pdfTeX: the label of
a one-line note at the page foot), not a page number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reader.importers.pdf.headings import body_font_size
from reader.importers.pdf.layout import Line, Page

EDGE_ROWS = 2
"""How many rows at the top and at the bottom of a page may be furniture."""
REPEAT_SHARE = 0.4
"""Share of pages a running header or footer must appear on (at least two)…"""
REPEAT_PAGES = 3
"""…or this many pages (a chapter title repeated on the chapter's pages)."""
TOP_MARGIN = 0.1
"""A lone small top row above this share of the page height is a header…"""
HEADER_GAP = 2.5
"""…when this many body font sizes separate it from the text below."""
_SMALLER = 0.92
_SAME_HEIGHT = 0.03
"""Tolerance, as a share of the page height, for "the same place" on two pages."""

_PAGE_NUMBER = re.compile(
    r"(?:(?:seite|page|s\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?"
    r"(?:\s*(?:/|von|of)\s*\d{1,4})?",
    re.IGNORECASE,
)
_LABELLED_PAGE_NUMBER = re.compile(
    r"\b(?:seite|page)\s+\d{1,4}(?:\s*(?:/|von|of)\s*\d{1,4})?\s*$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number in one of the usual forms."""
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def remove_furniture(pages: list[Page]) -> list[Page]:
    """``pages`` without their running headers, footers and page numbers."""
    candidates = [_edge_rows(page) for page in pages]
    seen: Counter[tuple[str, int]] = Counter()
    for page, rows in zip(pages, candidates, strict=True):
        seen.update(
            {
                (text, band + shift)
                for row in rows
                for line in row
                for text, band in [_signature(line, page)]
                for shift in (-1, 0, 1)
            }
        )
    needed = min(REPEAT_PAGES, max(2, REPEAT_SHARE * len(pages)))
    body_size = body_font_size([line for page in pages for line in page.lines])
    result = []
    for page, rows in zip(pages, candidates, strict=True):
        outermost = [id(row) for row in rows[:1] + rows[-1:]]
        furniture_rows = [
            row
            for row in rows
            if any(
                (is_page_number(line.text) and not _labels(line, page))
                or _repeats(line, page, seen, needed)
                or (id(row) in outermost and _LABELLED_PAGE_NUMBER.search(line.text))
                for line in row
            )
        ]
        if _margin_header(rows, page, body_size):
            furniture_rows.append(rows[0])
        furniture = {id(line) for row in furniture_rows for line in row}
        kept = tuple(line for line in page.lines if id(line) not in furniture)
        result.append(replace(page, lines=kept))
    return result


def _labels(number: Line, page: Page) -> bool:
    """Whether ``number`` stands raised just left of a line that starts after it."""
    return any(
        0 < line.baseline - number.baseline < line.size
        and number.right - 0.5 <= line.left <= number.right + line.size
        for line in page.lines
    )


def _margin_header(rows: list[list[Line]], page: Page, body_size: float) -> bool:
    """Whether the top row is a lone header in the top margin."""
    if len(rows) < 2:
        return False
    top, below = rows[0], rows[1]
    return (
        top[0].baseline < TOP_MARGIN * page.height
        and all(line.size < _SMALLER * body_size for line in top)
        and below[0].baseline - top[0].baseline > HEADER_GAP * body_size
    )


def _edge_rows(page: Page) -> list[list[Line]]:
    """The first and last :data:`EDGE_ROWS` rows of ``page``, top to bottom."""
    rows: list[list[Line]] = []
    for line in sorted(page.lines, key=lambda line: line.baseline):
        if rows and line.baseline - rows[-1][0].baseline < 0.3 * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    if len(rows) <= 2 * EDGE_ROWS:
        return rows
    return rows[:EDGE_ROWS] + rows[-EDGE_ROWS:]


def _signature(line: Line, page: Page) -> tuple[str, int]:
    text = _SPACES.sub(" ", _DIGITS.sub("#", line.text.lower())).strip()
    return text, round(line.baseline / (page.height * _SAME_HEIGHT))


def _repeats(line: Line, page: Page, seen: Counter[tuple[str, int]], needed: float) -> bool:
    """Whether the text of ``line`` is at about its height on ``needed`` pages."""
    return seen[_signature(line, page)] >= needed
