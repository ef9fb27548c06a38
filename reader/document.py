"""The document model: what an importer makes of a file, before segmentation.

Every input format (plain text, HTML, EPUB, Markdown, PDF) is turned into a
:class:`Document`: a sequence of :class:`Block`\\ s — headings, paragraphs, list
items, quotes, footnote texts and code — in reading order. The segmenter then
splits each block into sentences (:func:`reader.segment.segment_document`).

A document also has one plain-text rendering, :attr:`Document.text` (the blocks
joined by blank lines). Sentence spans, reading positions and glossary
definitions refer to that string, so every view works the same on any format.
Plain text is one ``"text"`` block holding the decoded file unchanged: its
paragraphs, spans and sentences are exactly what the segmenter gave before
documents had structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

BlockKind = Literal[
    "text", "heading", "paragraph", "list_item", "quote", "footnote", "code", "caption", "matter"
]
"""``text``: raw plain text whose paragraphs the segmenter finds itself;
``code``: preformatted text, shown verbatim and never translated;
``caption``: a figure's caption (translated like a paragraph);
``matter``: front and back matter of a book — a Project Gutenberg header or
licence, an imprint, a colophon: kept, shown apart, not translated by default."""

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote reference the importer took out of a block's text."""

    position: int
    """Offset in the block's text where the marker stood."""
    marker: str
    """The note's label as printed (``"3"``, ``"*"``, ``"iv"``)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of a document."""

    kind: BlockKind
    text: str
    """The block's text without markup and without footnote markers."""
    level: int = 0
    """Heading level, 1 (chapter/title) to 6; 0 for other kinds."""
    marker: str | None = None
    """For ``footnote`` blocks: the label of the note (matches a :class:`FootnoteRef`)."""
    footnotes: tuple[FootnoteRef, ...] = ()
    """Footnote references in this block's text, in order."""
    page: int | None = None
    """For paged formats (PDF): the 1-based page the block starts on."""


@dataclass(frozen=True)
class Document:
    """An imported document: its blocks in reading order."""

    name: str
    """The path as given, or ``"-"`` for standard input."""
    format: str
    """The importer that read it: ``txt``, ``html``, ``epub``, ``md``, ``pdf``."""
    blocks: tuple[Block, ...]
    title: str | None = None
    """The document's own title (HTML ``<title>``, EPUB metadata, PDF info), if any."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems met while importing (e.g. a fallback encoding)."""

    @cached_property
    def block_starts(self) -> tuple[int, ...]:
        """Offset of each block's text in :attr:`text`."""
        starts = []
        position = 0
        for block in self.blocks:
            starts.append(position)
            position += len(block.text) + len(BLOCK_SEPARATOR)
        return tuple(starts)

    @cached_property
    def text(self) -> str:
        """The plain-text rendering every span refers to: blocks joined by blank lines."""
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)


def plain_text_document(
    name: str, text: str, warnings: tuple[str, ...] = (), title: str | None = None
) -> Document:
    """A plain-text document: one ``text`` block, segmented exactly as plain text."""
    blocks = (Block("text", text),) if text else ()
    return Document(name=name, format="txt", blocks=blocks, title=title, warnings=warnings)
