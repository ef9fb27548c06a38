"""The document model every writer renders: a translated document and its metadata.

Building it (translating, glossary look-ups) and rendering it are separate so
each renderer is a pure function that tests can feed hostile text directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from reader.segment import Sentence
from reader.translate.alignment import Alignment

LIST_ITEM = "list_item"


class Layout(StrEnum):
    """How German and English stand together (each writer offers those that
    suit its medium; see :mod:`.writers`)."""

    TABLE = "table"
    INTERLEAVED = "interleaved"
    ENGLISH = "english"


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
    alignment: Alignment = ()
    """Word pairs: spans of ``sentence.text`` and of ``translation``."""


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

    @property
    def description(self) -> str:
        """What the appendix says after the term, as plain text (may be empty)."""
        description = ". ".join(
            text.strip().rstrip(".") for text in (self.expansion, self.explanation) if text
        )
        if description:
            described = description + "."
            if self.defined_as:
                described += f" In the text: {self.defined_as}."
            return described
        return f"{self.defined_as} (defined in the text)." if self.defined_as else ""


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """Everything an export shows."""

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
    source_format: str = "txt"
    """The importer that read the source: ``txt``, ``html``, ``epub``, ``md``, ``pdf``."""

    def sentences(self) -> Iterator[TranslatedSentence]:
        """All sentences in document order."""
        for paragraph in self.paragraphs:
            yield from paragraph.sentences

    @property
    def sentence_count(self) -> int:
        return sum(len(paragraph.sentences) for paragraph in self.paragraphs)

    def header_fields(self, layout: Layout) -> list[tuple[str, str]]:
        """The export's header as ``(name, value)`` pairs: source, model, date, settings."""
        created = self.created
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        settings = [("layout", layout.value), *self.settings]
        paragraphs = len(self.paragraphs)
        sentences = self.sentence_count
        source = "standard input" if self.source_name == "-" else self.source_name
        return [
            (
                "Source",
                f"{source} ({sentences} {_plural(sentences, 'sentence')} "
                f"in {paragraphs} {_plural(paragraphs, 'paragraph')})",
            ),
            ("Model", self.model),
            ("Date", f"{created.astimezone(UTC):%Y-%m-%d %H:%M} UTC"),
            ("Settings", ", ".join(f"{name} {value}" for name, value in settings)),
        ]


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


class FirstUses:
    """Remembers which glossary anchors have been linked during one render."""

    def __init__(self, anchors: Iterable[str]) -> None:
        self._pending = set(anchors)

    def claim(self, anchor: str) -> bool:
        """True the first time ``anchor`` is seen (if it has an appendix entry)."""
        if anchor not in self._pending:
            return False
        self._pending.remove(anchor)
        return True


def is_structure(paragraph: TranslatedParagraph) -> bool:
    """Headings, code and referenced notes: rendered on their own, not in a layout's run."""
    return paragraph.kind in ("heading", "code") or paragraph.note_label is not None


def list_groups(paragraphs: Iterable[TranslatedParagraph]) -> Iterator[list[TranslatedParagraph]]:
    """Paragraphs one at a time, except that consecutive list items go together."""
    group: list[TranslatedParagraph] = []
    for paragraph in paragraphs:
        if group and not (paragraph.kind == group[-1].kind == LIST_ITEM):
            yield group
            group = []
        group.append(paragraph)
    if group:
        yield group
