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
from reader.importers.pdf.paragraphs import PlacedLine, build_blocks


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
    pages = remove_furniture(content.pages)
    styles = HeadingStyles.find([line for page in pages for line in page.lines], content.outline)
    flow: list[PlacedLine] = []
    notes: list[Note] = []
    for page in pages:
        previous = notes[-1] if notes and notes[-1].page == page.number - 1 else None
        body, page_notes = split_footnotes(
            list(page.lines), styles.body_size, page.number, previous
        )
        flow.extend(
            PlacedLine(line, page.number, styles.level(line, page.number))
            for line in reading_order(body)
        )
        notes.extend(page_notes)
    blocks = build_blocks(flow, notes, styles)
    return Document(name=name, format="pdf", blocks=tuple(blocks), title=content.title)
