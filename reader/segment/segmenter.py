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
from reader.segment.paragraphs import hard_line_breaks, paragraph_spans, uses_blank_lines
from reader.segment.scanner import scan
from reader.segment.sentence import Paragraph, Sentence

_WHITESPACE = re.compile(r"\s+")
_TERMINAL_END = re.compile(r"[.!?…:;][“”\"»«‘’)\]]*$")
_Item = TypeVar("_Item")


def segment(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs of sentences.

    Pure and linear in ``len(text)``. Each :class:`Sentence` has the repaired
    text, its span in ``text``, the footnote markers removed from it and the
    quotation marks its model input adds (:attr:`Sentence.model_text`).
    """
    paragraphs: list[Paragraph] = []
    count = 0
    wrapped = uses_blank_lines(text)  # else a line break ends the paragraph
    for start, end in paragraph_spans(text):
        block = text[start:end]
        findings = scan(block)
        for line_end, resume in hard_line_breaks(block) if wrapped else ():
            findings.cut(line_end, resume)
        sentences = []
        for span, clean, footnotes, marks in _sentences(block, findings):
            sentences.append(
                Sentence(
                    text=clean,
                    start=start + span[0],
                    end=start + span[1],
                    footnotes=footnotes,
                    paragraph=len(paragraphs),
                    index=count,
                    opens=marks[0],
                    closes=marks[1],
                )
            )
            count += 1
        if sentences:
            paragraphs.append(Paragraph(len(paragraphs), tuple(sentences)))
    return paragraphs


_Piece = tuple[tuple[int, int], str, tuple[str, ...], tuple[str, str]]


def _sentences(block: str, findings: Findings) -> Iterator[_Piece]:
    """``(span, clean text, footnote markers, (opens, closes))`` of each
    sentence in ``block``.

    Nothing is dropped: a piece without letters or digits (`***`, a stray
    dash) joins the sentence before it (or after it, at the start), and a
    piece of digits alone (`Er kam am Montag. 1917`) is a sentence of its own."""
    edits = _Queue(findings.edits, key=lambda edit: edit.start)
    notes = _Queue(findings.footnotes, key=lambda note: note.position)
    lost_stops = _Queue(findings.displaced_stops, key=lambda stop: stop[0])
    pending: _Piece | None = None
    leading: tuple[int, tuple[str, ...]] | None = None
    for start, end, opens, closes in _joined(block, _spans(block, findings)):
        taken = edits.take_before(end)
        clean = _render(block, start, end, taken)
        stops = [stop for stop in lost_stops.take_before(end) if stop[0] >= start]
        if stops:
            clean = _move_stop(block, start, end, taken, stops[-1], clean)
        markers = tuple(note.marker for note in notes.take_before(end) if note.position >= start)
        if not clean:
            # Only footnote markers: they belong to the sentence before (or after).
            if pending:
                pending = ((pending[0][0], end), pending[1], pending[2] + markers, pending[3])
            elif leading:
                leading = (leading[0], leading[1] + markers)
            else:
                leading = (start, markers)
            continue
        if leading:
            start, markers, leading = leading[0], leading[1] + markers, None
        if pending:
            yield pending
        pending = ((start, end), clean, markers, (opens, closes))
    if pending:
        yield pending


def _move_stop(
    block: str, start: int, end: int, edits: list[Edit], stop: tuple[int, int], clean: str
) -> str:
    """A sentence end a mid-sentence footnote carried away (`Google.44 zu
    werden`) goes back to the end of the sentence — unless the sentence ends
    in its own punctuation, then it stays where it stood."""
    if _TERMINAL_END.search(clean):
        return clean
    moved = _render(block, start, end, sorted([*edits, Edit(*stop)], key=lambda e: e.start))
    return moved + block[stop[0] : stop[1]]


def _joined(
    block: str, spans: Iterable[tuple[int, int, str, str]]
) -> Iterator[tuple[int, int, str, str]]:
    """``spans`` with each piece that has no letter or digit joined to a neighbour."""
    previous: tuple[int, int, str, str] | None = None
    for start, end, opens, closes in spans:
        if start == end:
            continue
        if any(char.isalnum() for char in block[start:end]):
            if previous and not any(char.isalnum() for char in block[previous[0] : previous[1]]):
                start, opens = previous[0], previous[2] or opens  # a leading `–` or `***`
            elif previous:
                yield previous
            previous = (start, end, opens, closes)
        elif previous:
            previous = (previous[0], end, previous[2], closes)
        else:
            previous = (start, end, opens, closes)
    if previous:
        yield previous


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
