"""The glossary's data: entries, matches in a sentence, definitions in a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

BUILTIN_ORIGIN = "built-in"

CATEGORIES = (
    "institution",
    "law",
    "agreement",
    "programme",
    "concept",
    "technology",
    "company",
    "organisation",
    "publication",
    "place",
    "event",
)
"""The categories an entry may have (``reader glossary --list --category C``)."""


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One term: how it is written, what it stands for, what it means."""

    term: str
    """The canonical spelling, e.g. ``"W&T"`` or ``"Plaza-Abkommen"``."""
    variants: tuple[str, ...]
    """Other spellings and inflections that also match (``"Plaza-Abkommens"``).
    Compounds such as ``W&T-Zusammenarbeit`` match without being listed."""
    german: str
    """The German expansion (``"Wissenschaft und Technologie"``), or ``""``."""
    english: str
    """The English expansion (``"science and technology"``), or ``""``."""
    preferred: str | None
    """How a translation should render the term (``"S&T"``); ``None`` leaves
    the translation alone."""
    explanation: str
    """One to three sentences of plain English."""
    category: str
    """One of :data:`CATEGORIES`."""
    origin: str = BUILTIN_ORIGIN
    """Where the entry comes from: ``"built-in"`` or the user file's path."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The term followed by its variants: every spelling that matches."""
        return (self.term, *self.variants)

    def to_json(self) -> dict[str, object]:
        """Every field, for ``--format json``."""
        record = asdict(self)
        record["variants"] = list(self.variants)
        return record


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in a piece of text."""

    start: int
    """Offset of the term's first character."""
    end: int
    """Offset just past the term (``text[start:end] == match.text``). A compound
    like ``KI-Systemen`` yields the span of ``KI`` only."""
    text: str
    """The matched spelling as it appears in the text."""
    entry: GlossaryEntry


@dataclass(frozen=True, slots=True)
class Definition:
    """An abbreviation the document defines itself, e.g. ``… Technologie (W&T)``."""

    term: str
    """The abbreviation as written: ``"W&T"``."""
    long_form: str
    """What the text says it stands for: ``"Wissenschaft und Technologie"``."""
    start: int
    """Offset of the whole definition (long form and abbreviation) in the text."""
    end: int
    """Offset just past the definition's closing parenthesis."""
