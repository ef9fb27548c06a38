"""The document writers: one document model, rendered as Markdown, HTML or EPUB.

Each writer is a pure function of the :class:`ExportDocument` and a layout,
giving the file's bytes; :mod:`.run` does the rest (translation stream,
atomic write) the same way for all. The renderers are imported when used:
choosing a format must not load lxml or the page's templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.errors import OutputError
from reader.views.export.document import ExportDocument, Layout


@dataclass(frozen=True, slots=True)
class DocumentWriter:
    name: str
    """The ``--format`` value."""
    suffixes: tuple[str, ...]
    """File name endings that mean this format; the first is the one ``--out-dir`` writes."""
    layouts: tuple[Layout, ...]
    """The layouts that suit the medium; the first is the default."""
    binary: bool
    """Not text (a ZIP archive): never written to standard output."""
    render: Callable[[ExportDocument, Layout], bytes]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


def _markdown(document: ExportDocument, layout: Layout) -> bytes:
    from reader.views.export.markdown import render_markdown

    return render_markdown(document, layout).encode()


def _html(document: ExportDocument, layout: Layout) -> bytes:
    from reader.views.export.html import render_html

    return render_html(document, layout).encode()


def _epub(document: ExportDocument, layout: Layout) -> bytes:
    from reader.views.export.epub import render_epub

    return render_epub(document, layout)


_ALL_LAYOUTS = (Layout.TABLE, Layout.INTERLEAVED, Layout.ENGLISH)
MARKDOWN = DocumentWriter("markdown", (".md", ".markdown"), _ALL_LAYOUTS, False, _markdown)
HTML = DocumentWriter("html", (".html", ".htm"), _ALL_LAYOUTS, False, _html)
# An e-reader's page is too narrow for two columns: no table layout.
EPUB = DocumentWriter("epub", (".epub",), (Layout.INTERLEAVED, Layout.ENGLISH), True, _epub)
WRITERS = {writer.name: writer for writer in (MARKDOWN, HTML, EPUB)}


def choose_writer(requested: str | None, output: str | None) -> DocumentWriter:
    """The writer ``--format`` names, else the one ``-o``'s extension means
    (``.epub``, ``.html``, ``.htm``), else Markdown; an extension of another
    format than the one requested is an error, not a guess."""
    suffix = Path(output).suffix.casefold() if output not in (None, "-") else ""
    by_suffix = next((w for w in WRITERS.values() if suffix in w.suffixes), None)
    if requested is None:
        return by_suffix if by_suffix in (HTML, EPUB) else MARKDOWN
    writer = WRITERS[requested]
    if by_suffix is not None and by_suffix is not writer:
        raise OutputError(
            f"--format {writer.name} does not match -o {output} (a {by_suffix.name} file name); "
            f"use -o FILE{writer.suffix} or --format {by_suffix.name}"
        )
    return writer


def choose_layout(writer: DocumentWriter, requested: Layout | None) -> Layout:
    """``requested``, or the writer's default; one it does not offer is an error."""
    if requested is None:
        return writer.layouts[0]
    if requested not in writer.layouts:
        offered = " or ".join(layout.value for layout in writer.layouts)
        raise OutputError(f"--format {writer.name} has no {requested.value} layout (use {offered})")
    return requested
