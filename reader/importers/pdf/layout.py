"""What the PDF importer knows about a page: its text lines with their geometry and font."""

from __future__ import annotations

from dataclasses import dataclass

from reader.document import FootnoteRef


@dataclass(frozen=True, slots=True)
class Cell:
    """A piece of a short line set a font size or more apart from the next (a table cell?)."""

    text: str
    left: float
    right: float


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as printed, in page coordinates (points, y grows downwards)."""

    text: str
    """The line's text; superscript footnote calls are taken out into ``markers``."""
    left: float
    right: float
    baseline: float
    size: float
    """Font size of the line's first letter (its body text)."""
    bold: bool = False
    markers: tuple[FootnoteRef, ...] = ()
    """Superscript footnote calls removed from ``text`` (positions in ``text``)."""
    cells: tuple[Cell, ...] = ()
    """For a short line with gaps of a font size or more: its pieces (else empty)."""
    italic: bool = False
    """Set in an italic or slanted font (by the font's name or flags)."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page's lines in the order PDFium gives them (content order)."""

    number: int
    """1-based page number."""
    width: float
    height: float
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One bookmark of the PDF outline."""

    title: str
    level: int
    """1 for top-level bookmarks."""
    page: int | None
    """1-based target page, if the bookmark points into the document."""
