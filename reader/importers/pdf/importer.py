"""The PDF importer: text layer → lines → repairs → document blocks."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document
from reader.importers.pdf.columns import reading_order
from reader.importers.pdf.errors import NoTextLayerError
from reader.importers.pdf.extract import read_pdf
from reader.importers.pdf.footnotes import Note, split_footnotes
from reader.importers.pdf.furniture import remove_furniture
from reader.importers.pdf.headings import HeadingStyles
from reader.importers.pdf.layout import Page
from reader.importers.pdf.paragraphs import (
    PlacedAside,
    PlacedLine,
    build_blocks,
    caption_after_runover,
)
from reader.importers.pdf.regions import anchor, split_asides


def import_pdf(
    data: bytes, name: str, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """A PDF as a document of headings, paragraphs and footnotes.

    ``progress`` is called with (pages read, pages in all). Raises a
    :class:`~reader.importers.pdf.errors.PdfError` (an ``InputError``) for
    files that are not PDFs, encrypted, damaged, or have no text layer.
    """
    content = read_pdf(data, name, progress)
    if not any(page.lines for page in content.pages):
        raise NoTextLayerError(name)
    warnings = _pages_without_text(content.pages)
    pages = remove_furniture(content.pages)
    styles = HeadingStyles.find([line for page in pages for line in page.lines], content.outline)
    flow: list[PlacedLine] = []
    asides: list[PlacedAside] = []
    notes: list[Note] = []
    for page in pages:
        previous = notes[-1] if notes and notes[-1].page == page.number - 1 else None
        body, page_notes = split_footnotes(
            list(page.lines), styles.body_size, page.number, previous
        )
        body, page_asides = split_asides(body)
        ordered = caption_after_runover(flow[-1] if flow else None, reading_order(body))
        asides.extend(
            PlacedAside(aside, page.number, len(flow) + anchor(aside, ordered))
            for aside in page_asides
        )
        flow.extend(
            PlacedLine(line, page.number, styles.level(line, page.number)) for line in ordered
        )
        notes.extend(page_notes)
    blocks = build_blocks(flow, notes, styles, asides)
    return Document(
        name=name, format="pdf", blocks=tuple(blocks), title=content.title, warnings=warnings
    )


def _pages_without_text(pages: list[Page]) -> tuple[str, ...]:
    """A warning naming the pages that have no text (scanned pages in a text PDF)."""
    empty = [page.number for page in pages if not page.lines]
    if not empty:
        return ()
    listed = ", ".join(map(str, empty[:10])) + (", …" if len(empty) > 10 else "")
    if len(empty) == 1:
        what = f"page {listed} of {len(pages)} has no text layer (scanned?) and is left out"
    else:
        what = f"pages {listed} of {len(pages)} have no text layer (scanned?) and are left out"
    return (f"{what}; run OCR first (e.g. ocrmypdf -l deu IN.pdf OUT.pdf) to read them",)
