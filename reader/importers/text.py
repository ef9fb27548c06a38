"""Plain text: decoded as before (UTF-8, cp1252, Latin-1) and kept as one block."""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document, plain_text_document
from reader.source import decode


def import_text(
    data: bytes, name: str, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """A plain-text document; raises :class:`~reader.errors.InputError` for binary data.

    Decoding takes milliseconds, so ``progress`` is never called."""
    source = decode(data, name)
    warnings = (source.warning,) if source.warning else ()
    return plain_text_document(name, source.text, warnings)
