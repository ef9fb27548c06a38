"""Segmenting a structured :class:`~reader.document.Document`, block by block.

Plain-text blocks are segmented exactly as :func:`~reader.segment.segment`
does (the segmenter finds their paragraphs). Every other block is one
paragraph: the importer already knows where it begins and ends. Headings are
never split (``1. Einleitung`` is one heading, not two sentences), code is kept
verbatim, and footnote references the importer took out of the text are
attached to the sentence they follow, as glued footnote numbers are in plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from reader.document import Block, Document
from reader.segment.segmenter import segment
from reader.segment.sentence import Paragraph, Sentence, SentenceKind, all_sentences

_WHITESPACE = re.compile(r"\s+")
_SENTENCE_KIND: dict[str, SentenceKind] = {
    "heading": "heading",
    "footnote": "footnote",
    "matter": "matter",
}


def segment_document(document: Document) -> list[Paragraph]:
    """Split ``document`` into paragraphs of sentences, one or more per block.

    Spans refer to :attr:`Document.text`; each sentence knows its ``kind`` and
    ``section`` (the nearest heading before it).
    """
    paragraphs: list[Paragraph] = []
    count = 0
    section: str | None = None
    for block, offset in zip(document.blocks, document.block_starts, strict=True):
        if block.kind == "heading":
            section = _WHITESPACE.sub(" ", block.text).strip() or section
        for sentences in _block_sentences(block):
            if not sentences:
                continue
            placed = tuple(
                replace(
                    sentence,
                    start=offset + sentence.start,
                    end=offset + sentence.end,
                    paragraph=len(paragraphs),
                    index=count + number,
                    section=section,
                )
                for number, sentence in enumerate(sentences)
            )
            count += len(placed)
            paragraphs.append(
                Paragraph(len(paragraphs), placed, block.kind, block.level, block.marker)
            )
    return paragraphs


def _block_sentences(block: Block) -> list[list[Sentence]]:
    """The sentences of ``block``, one list per paragraph, spans relative to the block."""
    if block.kind == "text":
        return [list(paragraph.sentences) for paragraph in segment(block.text)]
    if block.kind in ("heading", "code"):
        start, end = _stripped_span(block.text)
        if start == end:
            return []
        text = block.text[start:end]
        if block.kind == "heading":
            text = _WHITESPACE.sub(" ", text)
        markers = tuple(ref.marker for ref in block.footnotes)
        return [[Sentence(text, start, end, markers, kind=block.kind)]]
    sentences = list(all_sentences(segment(block.text)))
    kind = _SENTENCE_KIND.get(block.kind, "sentence")
    return [_with_references([replace(s, kind=kind) for s in sentences], block)]


def _with_references(sentences: list[Sentence], block: Block) -> list[Sentence]:
    """Attach each footnote reference to the sentence it stands in or follows."""
    if not block.footnotes or not sentences:
        return sentences
    starts = [sentence.start for sentence in sentences]
    markers: list[list[str]] = [list(sentence.footnotes) for sentence in sentences]
    for ref in block.footnotes:
        owner = max(bisect_right(starts, ref.position) - 1, 0)
        markers[owner].append(ref.marker)
    return [
        replace(sentence, footnotes=tuple(found))
        for sentence, found in zip(sentences, markers, strict=True)
    ]


def _stripped_span(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
