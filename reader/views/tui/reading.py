"""The document being read, segmented part by part so the first screen comes at once.

``segment_document`` on a 2 MB text takes ~1.7 s; the reader cannot wait
for it before its first paint. :func:`document_parts` gives the same
paragraphs (equal, sentence for sentence, to ``segment_document``: a test
checks it) a few kilobytes at a time: the first part for the first screen,
then the rest, which the app segments in a worker while the reader reads
(as toolong indexes a log file while showing its start).

It cuts only where the segmenter itself cuts: between blocks, and inside a
plain-text block between its paragraphs (``paragraph_spans``, which the
segmenter runs anyway), where each piece keeps the whole text's paragraph
convention (every piece of a text with blank lines holds a blank line).
:class:`Reading` is the part of the document that has arrived.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from reader.document import Block, Document
from reader.segment import Paragraph, Sentence, segment_document
from reader.segment.notes import NoteLinks, link_notes
from reader.segment.paragraphs import paragraph_spans
from reader.translate.document import UNTRANSLATED_KINDS

FIRST_PART = 12_000
"""Characters segmented before the first paint: more than a 250x70 terminal shows."""
PART = 60_000
"""Characters per later part (~50 ms of segmenting: the UI stays responsive)."""


@dataclass(frozen=True, slots=True)
class Part:
    """Consecutive paragraphs of the document, numbered as in the whole."""

    paragraphs: list[Paragraph]
    last: bool
    """Whether the document ends with this part."""


def document_parts(document: Document, first: int = FIRST_PART, size: int = PART) -> Iterator[Part]:
    """The paragraphs of ``segment_document(document)``, numbered as it numbers
    them, in consecutive parts of about ``first`` and then ``size`` characters."""
    numbered = _Numbering()
    part: list[Paragraph] = []
    budget = first
    pieces = _pieces(document, first)
    piece = next(pieces, None)
    while piece is not None:
        block, offset = piece
        part.extend(numbered(segment_document(_alone(document, block)), offset, block))
        budget -= len(block.text)
        piece = next(pieces, None)  # cutting a piece out costs nothing: look ahead
        if piece is None or (budget <= 0 and part):
            yield Part(part, last=piece is None)
            part, budget = [], size


def _alone(document: Document, block: Block) -> Document:
    return Document(document.name, document.format, (block,))


def _pieces(document: Document, size: int) -> Iterator[tuple[Block, int]]:
    """Every block with its offset in ``document.text``; a long plain-text
    block cut between paragraphs into pieces of about ``size`` characters."""
    for block, offset in zip(document.blocks, document.block_starts, strict=True):
        if block.kind != "text" or len(block.text) <= size:
            yield block, offset
            continue
        text = block.text
        spans = list(paragraph_spans(text))
        # Two paragraphs or more per piece: a text with blank lines between
        # its paragraphs has one in every piece then, and a piece is read with
        # the whole text's convention (a lone hard-wrapped paragraph would be
        # split at its line breaks).
        start = 0
        for number, (_, end) in enumerate(spans):
            long_enough = end - spans[start][0] >= size and number > start
            if long_enough and len(spans) - number > 2:
                yield Block("text", text[spans[start][0] : end]), offset + spans[start][0]
                start = number + 1
        if start < len(spans):
            yield Block("text", text[spans[start][0] :]), offset + spans[start][0]


@dataclass
class _Numbering:
    """Renumbers the paragraphs of one block as ``segment_document`` numbers a whole document."""

    paragraphs: int = 0
    sentences: int = 0
    section: str | None = None

    def __call__(self, found: list[Paragraph], offset: int, block: Block) -> list[Paragraph]:
        placed = []
        for paragraph in found:
            if block.kind == "heading":
                self.section = paragraph.sentences[0].section
            sentences = tuple(
                replace(
                    sentence,
                    start=offset + sentence.start,
                    end=offset + sentence.end,
                    paragraph=self.paragraphs,
                    index=self.sentences + number,
                    section=self.section,
                )
                for number, sentence in enumerate(paragraph.sentences)
            )
            placed.append(replace(paragraph, index=self.paragraphs, sentences=sentences))
            self.paragraphs += 1
            self.sentences += len(sentences)
        return placed


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A heading of the document: where it is, how deep, what it says."""

    index: int
    """The heading's sentence index."""
    level: int
    title: str


@dataclass
class Reading:
    """The document as far as it has been segmented; grows by :meth:`add`."""

    name: str
    text: str
    """The whole document's plain text (spans refer to it; known from the start)."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    contents: list[ContentsEntry] = field(default_factory=list)
    note_links: NoteLinks = field(default_factory=dict)
    prose: list[int] = field(default_factory=list)
    """Indices of the sentences sent to the model: code never is."""
    complete: bool = False
    """Whether every part has arrived."""

    def add(self, paragraphs: Sequence[Paragraph]) -> list[Sentence]:
        """Append the next part; returns its sentences."""
        self.paragraphs.extend(paragraphs)
        added = [sentence for paragraph in paragraphs for sentence in paragraph.sentences]
        self.sentences.extend(added)
        for sentence in added:
            if sentence.kind == "heading":
                level = self.paragraphs[sentence.paragraph].level
                self.contents.append(ContentsEntry(sentence.index, level, sentence.text))
            if sentence.kind not in UNTRANSLATED_KINDS:
                self.prose.append(sentence.index)
        if any(paragraph.kind == "footnote" for paragraph in paragraphs) or self.note_links:
            # Notes usually come at the end of a chapter or the book: the
            # links are resolved again over everything that has arrived.
            self.note_links = link_notes(self.paragraphs)
        return added

    def chapter(self, index: int) -> str:
        """The heading sentence ``index`` is under (or is): empty when none."""
        if not self.sentences:
            return ""
        sentence = self.sentences[index]
        return (sentence.text if sentence.kind == "heading" else sentence.section) or ""
