"""Where paragraphs begin and end.

Two conventions exist in plain text: hard-wrapped prose separates paragraphs
with blank lines (single line breaks are just wrapping), while scraped and
word-processor text puts each paragraph on one line. A document that contains a
blank line is read the first way, any other document the second way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` that has non-blank content."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    start = 0
    for match in separator.finditer(text):
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)
