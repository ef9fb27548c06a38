"""Split a document into paragraphs of clean sentences.

The rules (see :mod:`reader.segment.scanner`) only record offsets; this module
turns them into :class:`Sentence` objects: it cuts each paragraph at the
recorded sentence ends, applies the recorded edits to produce the clean text,
attaches footnote markers, and drops pieces that are not sentences at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from reader.segment.findings import Edit, Findings
from reader.segment.paragraphs import paragraph_spans
from reader.segment.scanner import scan
from reader.segment.sentence import Paragraph, Sentence

_WHITESPACE = re.compile(r"\s+")
_TERMINAL_END = re.compile(r"[.!?…:;][“”\"»«‘’)\]]*$")
_Item = TypeVar("_Item")


def segment(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs of sentences.

    Pure and linear in ``len(text)``. Each :class:`Sentence` has the repaired
    text, its span in ``text`` and the footnote markers removed from it.
    """
    paragraphs: list[Paragraph] = []
    count = 0
    for start, end in paragraph_spans(text):
        block = text[start:end]
        sentences = []
        for span, clean, footnotes in _sentences(block, scan(block)):
            sentences.append(
                Sentence(
                    text=clean,
                    start=start + span[0],
                    end=start + span[1],
                    footnotes=footnotes,
                    paragraph=len(paragraphs),
                    index=count,
                )
            )
            count += 1
        if sentences:
            paragraphs.append(Paragraph(len(paragraphs), tuple(sentences)))
    return paragraphs


def _sentences(
    block: str, findings: Findings
) -> Iterator[tuple[tuple[int, int], str, tuple[str, ...]]]:
    """``(span, clean text, footnote markers)`` of each sentence in ``block``."""
    edits = _Queue(findings.edits, key=lambda edit: edit.start)
    notes = _Queue(findings.footnotes, key=lambda note: note.position)
    lost_stops = _Queue(findings.displaced_stops, key=lambda position: position)
    for start, end, opens, closes in _spans(block, findings):
        clean = _render(block, start, end, edits.take_before(end))
        markers = tuple(note.marker for note in notes.take_before(end) if note.position >= start)
        if any(stop >= start for stop in lost_stops.take_before(end)) and not (
            _TERMINAL_END.search(clean)
        ):
            clean += "."
        if any(char.isalpha() for char in clean):
            yield (start, end), opens + clean + closes, markers


def _render(block: str, start: int, end: int, edits: list[Edit]) -> str:
    """The clean text of ``block[start:end]``: edits applied, whitespace collapsed."""
    pieces = []
    position = start
    for edit in edits:
        if edit.start < position:
            continue  # before the sentence (in a junk gap) or overlapping an applied edit
        pieces += [block[position : edit.start], edit.replacement]
        position = edit.end
    pieces.append(block[position:end])
    return _WHITESPACE.sub(" ", "".join(pieces)).strip()


class _Queue(Generic[_Item]):
    """Items sorted by position, handed out in order, each once."""

    def __init__(self, items: Iterable[_Item], key: Callable[[_Item], int]) -> None:
        self._items = sorted(items, key=key)
        self._key = key
        self._next = 0

    def take_before(self, end: int) -> list[_Item]:
        """The items not yet taken whose position is before ``end``."""
        first = self._next
        while self._next < len(self._items) and self._key(self._items[self._next]) < end:
            self._next += 1
        return self._items[first : self._next]


def _spans(block: str, findings: Findings) -> Iterator[tuple[int, int, str, str]]:
    """Sentence spans between the cuts, without surrounding whitespace, each
    with the quotation marks to put before and after its text (see
    :class:`Cut`)."""
    position = 0
    opens = ""
    for cut in sorted(findings.cuts, key=lambda cut: cut.end):
        if cut.end > position:
            yield *_strip(block, position, cut.end), opens, cut.closes
            opens = ""
        position = max(position, cut.resume)
        opens = cut.opens or opens
    if position < len(block):
        yield *_strip(block, position, len(block)), opens, ""


def _strip(block: str, start: int, end: int) -> tuple[int, int]:
    while start < end and block[start].isspace():
        start += 1
    while end > start and block[end - 1].isspace():
        end -= 1
    return start, end
