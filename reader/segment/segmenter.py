"""Split a document into paragraphs of clean sentences.

The rules (see :mod:`reader.segment.scanner`) only record offsets; this module
turns them into :class:`Sentence` objects: it cuts each paragraph at the
recorded sentence ends, applies the recorded edits to produce the clean text,
attaches footnote markers, and drops pieces that are not sentences at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.segment.findings import Findings
from reader.segment.paragraphs import paragraph_spans
from reader.segment.scanner import scan
from reader.segment.sentence import Paragraph, Sentence

_WHITESPACE = re.compile(r"\s+")
_TERMINAL_END = re.compile(r"[.!?…:;][“”\"»«’)\]]*$")


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
    edits = sorted(findings.edits, key=lambda edit: (edit.start, edit.end))
    footnotes = sorted(findings.footnotes, key=lambda note: note.position)
    displaced = sorted(findings.displaced_stops)
    next_edit = next_note = next_stop = 0
    for start, end in _spans(block, findings):
        pieces = []
        position = start
        while next_edit < len(edits) and edits[next_edit].start < end:
            edit = edits[next_edit]
            next_edit += 1
            if edit.start < position:
                continue  # overlaps an edit already applied
            pieces += [block[position : edit.start], edit.replacement]
            position = edit.end
        pieces.append(block[position:end])
        clean = _WHITESPACE.sub(" ", "".join(pieces)).strip()

        markers = []
        while next_note < len(footnotes) and footnotes[next_note].position < end:
            markers.append(footnotes[next_note].marker)
            next_note += 1
        lost_stop = False
        while next_stop < len(displaced) and displaced[next_stop] < end:
            lost_stop = True
            next_stop += 1
        if lost_stop and not _TERMINAL_END.search(clean):
            clean += "."

        if any(char.isalpha() for char in clean):
            yield (start, end), clean, tuple(markers)


def _spans(block: str, findings: Findings) -> Iterator[tuple[int, int]]:
    """Sentence spans between the cuts, without surrounding whitespace."""
    position = 0
    for cut in sorted(findings.cuts, key=lambda cut: cut.end):
        if cut.end > position:
            yield _strip(block, position, cut.end)
        position = max(position, cut.resume)
    if position < len(block):
        yield _strip(block, position, len(block))


def _strip(block: str, start: int, end: int) -> tuple[int, int]:
    while start < end and block[start].isspace():
        start += 1
    while end > start and block[end - 1].isspace():
        end -= 1
    return start, end
