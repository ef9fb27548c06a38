"""The data the Markdown renderer takes: a translated document and its metadata.

Building it (translating, glossary look-ups) and rendering it are separate so
the renderer is a pure function that tests can feed hostile text directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from reader.segment import Sentence


@dataclass(frozen=True, slots=True)
class TermSpan:
    """Where a glossary term occurs in a piece of text, and its appendix anchor."""

    start: int
    end: int
    anchor: str


@dataclass(frozen=True, slots=True)
class TranslatedSentence:
    """A source sentence, its English translation and the glossary terms in each."""

    sentence: Sentence
    translation: str
    source_terms: tuple[TermSpan, ...] = ()
    """Glossary terms in ``sentence.text``."""
    translation_terms: tuple[TermSpan, ...] = ()
    """Glossary terms in ``translation`` (linked in the English-only layout)."""
    note_labels: tuple[str | None, ...] = ()
    """For each of ``sentence.footnotes``: the Markdown footnote label of the note
    it refers to, or ``None`` when the document has no such note (then the
    marker is shown as a superscript)."""


@dataclass(frozen=True, slots=True)
class TranslatedParagraph:
    index: int
    sentences: tuple[TranslatedSentence, ...]
    kind: str = "text"
    """The document block it came from: ``heading``, ``footnote``, ``code``… (see
    :data:`reader.document.BlockKind`)."""
    level: int = 0
    """Heading level (1–6) for headings."""
    note_label: str | None = None
    """For a footnote that the text refers to: its Markdown footnote label."""


@dataclass(frozen=True, slots=True)
class GlossaryNote:
    """One entry of the glossary appendix."""

    anchor: str
    """HTML id of the entry; first uses in the text link to ``#anchor``."""
    term: str
    expansion: str | None
    """What a glossary entry says the term stands for (German and English)."""
    explanation: str | None
    defined_as: str | None = None
    """The long form the document itself gives (``"… Technologie (W&T)"``)."""
    spellings: tuple[str, ...] = ()
    """Every spelling that counts as a use of the term, in German or English."""


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """Everything the Markdown export shows."""

    title: str
    source_name: str
    """The input as the user named it (a path, or ``"-"`` for standard input)."""
    model: str
    """The engine's description, e.g. ``"opus-mt-de-en · cpu · 4 beams"``."""
    created: datetime
    settings: tuple[tuple[str, str], ...]
    """Settings worth recording in the header, as ``(name, value)`` pairs."""
    paragraphs: tuple[TranslatedParagraph, ...]
    glossary: tuple[GlossaryNote, ...] = ()

    def sentences(self) -> Iterator[TranslatedSentence]:
        """All sentences in document order."""
        for paragraph in self.paragraphs:
            yield from paragraph.sentences

    @property
    def sentence_count(self) -> int:
        return sum(len(paragraph.sentences) for paragraph in self.paragraphs)
