"""Split a document into paragraphs and sentences."""

from __future__ import annotations

import re

from reader.segment.sentence import Paragraph, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„»\"])")


def segment(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs of sentences."""
    paragraphs: list[Paragraph] = []
    index = 0
    position = 0
    for block in _PARAGRAPH_BREAK.split(text):
        start = text.index(block, position) if block else position
        position = start + len(block)
        sentences = []
        cursor = 0
        for piece in [*_SENTENCE_END.split(block)]:
            if not piece.strip():
                continue
            offset = block.index(piece, cursor)
            cursor = offset + len(piece)
            sentences.append(
                Sentence(piece.strip(), start + offset, start + cursor, (), len(paragraphs), index)
            )
            index += 1
        if sentences:
            paragraphs.append(Paragraph(len(paragraphs), tuple(sentences)))
    return paragraphs
