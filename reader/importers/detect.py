"""Which importer reads a file: ``--from`` when given, else the content, else the extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import BinaryIO, Protocol

from reader.document import Document
from reader.errors import InputError
from reader.importers.cache import cached_import
from reader.importers.pdf import import_pdf
from reader.importers.text import import_text
from reader.source import STDIN_NAME, read_bytes

ImportProgress = Callable[[int, int], None]
"""Called with (units done, units in all) — pages, chapters — during a long import."""


class Importer(Protocol):
    def __call__(
        self, data: bytes, name: str, *, progress: ImportProgress | None = None
    ) -> Document: ...


IMPORTERS: dict[str, Importer] = {"txt": import_text, "pdf": import_pdf}
"""Format name (the ``--from`` value) → importer."""

FORMATS = tuple(IMPORTERS)

_EXTENSIONS = {".txt": "txt", ".text": "txt", ".pdf": "pdf"}


def detect_format(name: str, data: bytes) -> str:
    """The format of ``data`` read from ``name``: PDF by its ``%PDF-`` header, else its
    extension, plain text otherwise."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if name != STDIN_NAME:
        extension = PurePath(name).suffix.lower()
        if extension in _EXTENSIONS:
            return _EXTENSIONS[extension]
    return "txt"


def load_document(
    name: str,
    source_format: str | None = None,
    stdin: BinaryIO | None = None,
    progress: ImportProgress | None = None,
) -> Document:
    """Read ``name`` (``"-"``: standard input) and import it as ``source_format``
    (``None``: detected). Raises :class:`InputError` with a one-line message."""
    data = read_bytes(name, stdin)
    chosen = source_format or detect_format(name, data)
    if chosen not in IMPORTERS:
        raise InputError(f"unknown input format {chosen!r}; choose {', '.join(FORMATS)}")
    return cached_import(IMPORTERS[chosen], data, name, chosen, progress)
