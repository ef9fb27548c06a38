"""The unit everything in reader is built on: a sentence of the source text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

SentenceKind = Literal["sentence", "heading", "footnote", "code", "matter"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One clean sentence and where it came from."""

    text: str
    """The repaired sentence text (spaces restored, footnote numbers removed)."""
    start: int
    """Offset of the sentence's first character in the segmented input."""
    end: int
    """Offset just past the sentence's last character (``text[start:end]`` of the
    input is the raw, unrepaired source of this sentence)."""
    footnotes: tuple[str, ...] = ()
    """Footnote markers removed from the sentence, in order (e.g. ``("2",)``)."""
    paragraph: int = 0
    """Index of the paragraph this sentence belongs to (0-based)."""
    index: int = 0
    """Index of the sentence in the whole document (0-based)."""
    kind: SentenceKind = "sentence"
    """``heading``: a heading of the document; ``footnote``: part of a footnote's
    text; ``code``: preformatted text, shown verbatim and never translated."""
    section: str | None = None
    """The text of the nearest heading before this sentence (``None``: none)."""
    opens: str = ""
    closes: str = ""
    """Quotation marks the translation model is given before and after
    :attr:`text` when a long quotation was cut into pieces (``„`` and ``“``),
    so that each piece it translates is a balanced quotation. Never shown:
    the German a reader sees is :attr:`text`, the document's own."""

    @property
    def model_text(self) -> str:
        """What the translation model is given for this sentence: :attr:`text`
        with the quotation marks that balance it (see :attr:`opens`). Word
        alignments of it move back to :attr:`text` by ``-len(opens)``."""
        return self.opens + self.text + self.closes


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Consecutive sentences the source presents as one block."""

    index: int
    sentences: tuple[Sentence, ...]
    kind: str = "text"
    """The kind of document block it came from (see :data:`reader.document.BlockKind`)."""
    level: int = 0
    """Heading level (1–6) for headings; 0 otherwise."""
    marker: str | None = None
    """For footnote texts: the note's label, as referenced by :attr:`Sentence.footnotes`."""


def all_sentences(paragraphs: Iterable[Paragraph]) -> Iterator[Sentence]:
    """The sentences of ``paragraphs`` in document order."""
    for paragraph in paragraphs:
        yield from paragraph.sentences
