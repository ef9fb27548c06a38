"""Page furniture: running headers and footers and page numbers, removed.

Furniture sits in the first or last lines of a page. A line there is furniture
when it is a page number (``7``, ``- 7 -``, ``Seite 7 von 20``, ``vii``) or
when the same text (digits ignored) stands at about the same height on many
pages (running titles, dates, ``Arbeitspapier 3/2026``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reader.importers.pdf.layout import Line, Page

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be furniture."""
REPEAT_SHARE = 0.4
"""Share of pages a running header or footer must appear on (at least two)."""
_SAME_HEIGHT = 0.03
"""Tolerance, as a share of the page height, for "the same place" on two pages."""

_PAGE_NUMBER = re.compile(
    r"(?:(?:seite|page|s\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?"
    r"(?:\s*(?:/|von|of)\s*\d{1,4})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def is_page_number(text: str) -> bool:
    """Whether ``text`` is only a page number in one of the usual forms."""
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def remove_furniture(pages: list[Page]) -> list[Page]:
    """``pages`` without their running headers, footers and page numbers."""
    candidates = [_edge_lines(page) for page in pages]
    seen: Counter[tuple[str, int]] = Counter()
    for page, lines in zip(pages, candidates, strict=True):
        seen.update({_signature(line, page) for line in lines})
    needed = max(2, REPEAT_SHARE * len(pages))
    result = []
    for page, lines in zip(pages, candidates, strict=True):
        furniture = {
            id(line)
            for line in lines
            if is_page_number(line.text) or _repeats(line, page, seen, needed)
        }
        kept = tuple(line for line in page.lines if id(line) not in furniture)
        result.append(replace(page, lines=kept))
    return result


def _edge_lines(page: Page) -> list[Line]:
    ordered = sorted(page.lines, key=lambda line: line.baseline)
    if len(ordered) <= 2 * EDGE_LINES:
        return ordered
    return ordered[:EDGE_LINES] + ordered[-EDGE_LINES:]


def _signature(line: Line, page: Page) -> tuple[str, int]:
    text = _SPACES.sub(" ", _DIGITS.sub("#", line.text.lower())).strip()
    return text, round(line.baseline / (page.height * _SAME_HEIGHT))


def _repeats(line: Line, page: Page, seen: Counter[tuple[str, int]], needed: float) -> bool:
    text, band = _signature(line, page)
    count = seen[text, band - 1] + seen[text, band] + seen[text, band + 1]
    return count >= needed
