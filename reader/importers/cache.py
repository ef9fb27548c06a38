"""Imported documents cached by content, so a long PDF opens at once the second time.

An entry is keyed by the SHA-256 of the file's bytes, the format and a
fingerprint of the importers' own source code (a changed importer never serves
an old result). Entries are JSON files under ``<cache dir>/documents/``
(:attr:`reader.locations.Locations.document_cache_dir`), written to a
temporary file and renamed into place. The cache is an optimisation: a damaged entry is ignored
(and rewritten), an unwritable directory means no caching — never an error.
Only imports that took longer than :data:`STORE_AFTER_S` are stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.document import Block, Document, FootnoteRef

STORE_AFTER_S = 0.25
"""Imports faster than this (plain text, short files) are not worth an entry."""
_SCHEMA = 1
_CODE = (Path(__file__).parent, Path(__file__).parents[1] / "document.py")


def importer_fingerprint() -> str:
    """A hash of the importers' source files (and the document model)."""
    digest = hashlib.sha256(str(_SCHEMA).encode())
    files = [*sorted(_CODE[0].rglob("*.py")), _CODE[1]]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class DocumentCache:
    """Imported documents under ``directory``, keyed by content and format."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.fingerprint = importer_fingerprint()

    def path(self, data: bytes, source_format: str) -> Path:
        key = hashlib.sha256(data).hexdigest()
        return self.directory / f"{key[:32]}-{source_format}-{self.fingerprint}.json"

    def load(self, data: bytes, source_format: str, name: str) -> Document | None:
        """The cached import of ``data`` as ``source_format`` named ``name``, if any."""
        try:
            record = json.loads(self.path(data, source_format).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, unreadable, or cut short
            return None
        if not isinstance(record, dict) or record.get("schema") != _SCHEMA:
            return None
        # A record of this schema is what `store` wrote: an error reading it
        # back is a bug in `_record`/`_document`, not damage, and must show.
        return _document(record, name, source_format)

    def store(self, data: bytes, source_format: str, document: Document) -> None:
        """Keep ``document`` for ``data``; silently gives up if the directory is unusable."""
        target = self.path(data, source_format)
        text = json.dumps(_record(document), ensure_ascii=False)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".partial")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def cached_import(
    importer: Callable[..., Document],
    data: bytes,
    name: str,
    source_format: str,
    progress: Callable[[int, int], None] | None,
    cache: DocumentCache | None = None,
) -> Document:
    """``importer(data, name, progress=progress)``, served from and kept in
    ``cache`` (``None``: no cache)."""
    if cache is None:
        return importer(data, name, progress=progress)
    found = cache.load(data, source_format, name)
    if found is not None:
        return found
    started = time.perf_counter()
    document = importer(data, name, progress=progress)
    if time.perf_counter() - started >= STORE_AFTER_S:
        cache.store(data, source_format, document)
    return document


def _record(document: Document) -> dict:
    return {
        "schema": _SCHEMA,
        "title": document.title,
        "warnings": list(document.warnings),
        "blocks": [
            [
                block.kind,
                block.text,
                block.level,
                block.marker,
                [[ref.position, ref.marker] for ref in block.footnotes],
                block.page,
            ]
            for block in document.blocks
        ],
    }


def _document(record: dict, name: str, source_format: str) -> Document:
    blocks = tuple(
        Block(
            kind=str(kind),  # type: ignore[arg-type]
            text=str(text),
            level=int(level),
            marker=marker if marker is None else str(marker),
            footnotes=tuple(FootnoteRef(int(position), str(label)) for position, label in refs),
            page=page if page is None else int(page),
        )
        for kind, text, level, marker, refs, page in record["blocks"]
    )
    title = record["title"]
    return Document(
        name=name,
        format=source_format,
        blocks=blocks,
        title=title if title is None else str(title),
        warnings=tuple(str(w) for w in record["warnings"]),
    )
