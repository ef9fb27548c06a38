"""Where paragraphs begin and end.

Two conventions exist in plain text: hard-wrapped prose separates paragraphs
with blank lines (single line breaks are just wrapping), while scraped and
word-processor text puts each paragraph on one line. A document that has a
blank line between two lines of text is read the first way, any other
document the second way (blank lines at its start or end do not count).

Two refinements: in a blank-line block, a line break that no wrapping can
have made (the next word would have fitted) ends a sentence
(:func:`hard_line_breaks`: a credit line under a paragraph stays its own);
and in
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
_FIRST_WORD = re.compile(r"\S*")
# Text wrapped in a proportional font (pdftotext output, text copied from a PDF
# viewer) has lines whose character counts vary by up to a fifth of the width:
# a break only counts as unwrapped when the next word would have fitted with
# that much room to spare (a credit line or a title is far shorter).
_WRAP_SLACK = 0.8
_CONTINUED_LINE_ENDS = (",", "-", "‐", "–", "(")


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text`` that has non-blank content."""
    if uses_blank_lines(text):
        yield from _pieces(text, _BLANK_LINE, 0, len(text))
    else:
        yield from _lines(text, 0, len(text))


def uses_blank_lines(text: str) -> bool:
    """Whether ``text`` separates its paragraphs by blank lines: a blank line
    stands between two lines of text (not just at the start or the end)."""
    first = len(text) - len(text.lstrip())
    return _BLANK_LINE.search(text, first, len(text.rstrip())) is not None


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
    sentence: where the next line's first word would have fitted on the line
    (the block's longest line is the wrap width), so no wrapping put the break
    there. Greedy wrapping never leaves such a line; a credit line under a
    long unwrapped paragraph, a title or an unpunctuated list item does."""
    breaks = [match.span() for match in _LINE_BREAK.finditer(paragraph.rstrip())]
    if not breaks:
        return []
    starts = [0] + [resume for _, resume in breaks]
    ends = [end for end, _ in breaks] + [len(paragraph.rstrip())]
    width = max(end - start for start, end in zip(starts, ends, strict=True))
    hard = []
    for number, (end, resume) in enumerate(breaks):
        line = paragraph[starts[number] : end].rstrip()
        next_word = _FIRST_WORD.match(paragraph, resume).group()
        if next_word[:1].islower() or line.endswith(_CONTINUED_LINE_ENDS):
            continue  # the sentence visibly goes on
        if len(line) + 1 + len(next_word) <= _WRAP_SLACK * width:
            hard.append((end, resume))
    return hard
