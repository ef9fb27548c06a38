"""Which importer reads a file: ``--from`` when given, else the content, else the extension.

Binary formats announce themselves in their first bytes (a ZIP archive for
EPUB) and HTML in its first tag, so the content decides; Markdown and plain
text look alike, so for them the extension decides. When the extension names
one format and the content is clearly another (``book.epub`` that is an HTML
page), the file is refused with a hint to pass ``--from``: guessing would
show the wrong thing.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import BinaryIO, Protocol

from reader.document import Document
from reader.errors import InputError
from reader.importers.cache import DocumentCache, cached_import
from reader.importers.text import import_text
from reader.source import STDIN_NAME, read_bytes

ImportProgress = Callable[[int, int], None]
"""Called with (units done, units in all) — pages, chapters — during a long import."""


class Importer(Protocol):
    def __call__(
        self, data: bytes, name: str, *, progress: ImportProgress | None = None
    ) -> Document: ...


class MissingLibraryError(InputError):
    """A library an importer needs is not installed (or fails to import)."""


_PACKAGES = {
    "lxml_html_clean": "lxml_html_clean",
    "lxml": "lxml",
    "trafilatura": "trafilatura",
    "justext": "jusText",
    "markdown_it": "markdown-it-py",
    "mdit_py_plugins": "mdit-py-plugins",
    "pypdfium2": "pypdfium2",
}
"""Top-level module → the package on PyPI that provides it."""


def _missing_package(error: ImportError) -> str:
    # lxml ≥ 5.2 re-raises a bare ImportError (no .name) when lxml_html_clean,
    # split out of lxml, is missing; its message names the project.
    if "lxml_html_clean" in str(error):
        return "lxml_html_clean"
    module = (error.name or "").split(".", 1)[0]
    return _PACKAGES.get(module, module or "the missing package")


def _lazy(module: str, function: str, format_name: str) -> Importer:
    """An importer whose module (and its parser: lxml, markdown-it) loads on first use:
    reading plain text never pays for them. A library that fails to import is
    one message naming the package to install, not a traceback."""

    def run(data: bytes, name: str, *, progress: ImportProgress | None = None) -> Document:
        try:
            importer = getattr(importlib.import_module(module), function)
            return importer(data, name, progress=progress)
        except ImportError as error:
            package = _missing_package(error)
            detail = " ".join(str(error).split())
            raise MissingLibraryError(
                f"cannot read {format_name}: the Python package {package} is missing or "
                f"broken ({detail}); install it with: pip install {package}"
            ) from None

    return run


IMPORTERS: dict[str, Importer] = {
    "txt": import_text,
    "html": _lazy("reader.importers.html", "import_html", "HTML"),
    "epub": _lazy("reader.importers.epub", "import_epub", "EPUB"),
    "md": _lazy("reader.importers.markdown", "import_markdown", "Markdown"),
    "pdf": _lazy("reader.importers.pdf", "import_pdf", "PDF"),
}
"""Format name (the ``--from`` value) → importer."""

FORMATS = tuple(IMPORTERS)

FORMAT_NAMES = {
    "txt": "plain text",
    "html": "HTML",
    "epub": "EPUB",
    "md": "Markdown",
    "pdf": "PDF",
}

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
}

_SIGNATURES: tuple[tuple[bytes, str], ...] = ((b"PK\x03\x04", "epub"), (b"%PDF-", "pdf"))
"""Leading bytes that identify a format whatever the extension says."""
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_CONTENT_NAMES = {"epub": "a ZIP archive", "html": "an HTML page", "pdf": "a PDF"}


class ExtensionMismatchError(InputError):
    """The file's extension names one format and its content is another."""


def sniff_format(data: bytes) -> str | None:
    """The format the content itself announces, if any."""
    for signature, source_format in _SIGNATURES:
        if data.startswith(signature):
            return source_format
    if _HTML_START.match(data[:4096]):
        return "html"
    return None


def detect_format(name: str, data: bytes) -> str:
    """The format of ``data`` read from ``name``.

    Raises :class:`ExtensionMismatchError` when the extension and the content disagree.
    """
    by_extension = None
    if name != STDIN_NAME:
        by_extension = _EXTENSIONS.get(PurePath(name).suffix.lower())
    by_content = sniff_format(data)
    if by_extension and by_content and by_content != by_extension:
        content = _CONTENT_NAMES.get(by_content, by_content)
    elif by_extension == "epub" and by_content is None and data:
        content = "not a ZIP archive"
    else:
        return by_extension or by_content or "txt"
    raise ExtensionMismatchError(
        f"{name}: the extension says {FORMAT_NAMES.get(by_extension, by_extension)} but the "
        f"content is {content}; pass --from {'|'.join(FORMATS)} to choose"
    )


def load_document(
    name: str,
    source_format: str | None = None,
    stdin: BinaryIO | None = None,
    progress: ImportProgress | None = None,
    cache: DocumentCache | None = None,
) -> Document:
    """Read ``name`` (``"-"``: standard input) and import it as ``source_format``
    (``None``: detected), through ``cache`` when given. Raises :class:`InputError`
    with a one-line message."""
    data = read_bytes(name, stdin)
    chosen = source_format or detect_format(name, data)
    if chosen not in IMPORTERS:
        raise InputError(f"unknown input format {chosen!r}; choose {', '.join(FORMATS)}")
    return cached_import(IMPORTERS[chosen], data, name, chosen, progress, cache)
