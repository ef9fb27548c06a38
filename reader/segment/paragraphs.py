"""Where paragraphs begin and end.

Two conventions exist in plain text: hard-wrapped prose separates paragraphs
with blank lines (single line breaks are just wrapping), while scraped and
word-processor text puts each paragraph on one line. A document that has a
blank line between two lines of text is read the first way, any other
document the second way (blank lines at its start or end do not count).

Two refinements: a blank-line block whose lines are mostly longer than any
wrapping leaves (:data:`UNWRAPPED_LINE`) was not wrapped, so its line breaks
end sentences (:func:`hard_line_breaks`: a credit line under a paragraph
stays its own); and in
one-paragraph-per-line text, a line that ends in a space without sentence
punctuation and is followed by a lower-case word is a line wrap left by PDF
extraction (`während der ⏎ersten drei Monate`), not a paragraph end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_WRAPPED_END = re.compile(r"[^.!?:;…\s][^\S\n]+$")
UNWRAPPED_LINE = 120
"""Characters: a line this long was not hard-wrapped (wrapping leaves 60–100)."""


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` that has non-blank content."""
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if not _BLANK_LINE.search(text, first, last):
        yield from _lines(text, 0, len(text))
        return
    yield from _pieces(text, _BLANK_LINE, 0, len(text))


def _pieces(
    text: str, separator: re.Pattern[str], start: int, end: int
) -> Iterator[tuple[int, int]]:
    for match in separator.finditer(text, start, end):
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:end].strip():
        yield start, end


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of ``text[start:end]`` as paragraphs, PDF line wraps joined."""
    paragraph = start
    for match in _LINE_BREAK.finditer(text, start, end):
        line_start = text.rfind("\n", start, match.start()) + 1
        following = text[match.end() : match.end() + 1]
        wrapped = following.islower() and _WRAPPED_END.search(
            text, max(line_start, start), match.start()
        )
        if wrapped:
            continue
        if text[paragraph : match.start()].strip():
            yield paragraph, match.start()
        paragraph = match.end()
    if text[paragraph:end].strip():
        yield paragraph, end


def hard_line_breaks(paragraph: str) -> list[tuple[int, int]]:
    """``(end, resume)`` of each line break in ``paragraph`` that ends a
    sentence: all of them when at least half of its lines (the last aside)
    are longer than wrapping leaves, none otherwise."""
    breaks = [match.span() for match in _LINE_BREAK.finditer(paragraph.rstrip())]
    if not breaks:
        return []
    starts = [0] + [resume for _, resume in breaks]
    lengths = [end - start for start, (end, _) in zip(starts, breaks, strict=False)]
    long_lines = sum(length > UNWRAPPED_LINE for length in lengths)
    return breaks if 2 * long_lines >= len(lengths) else []
