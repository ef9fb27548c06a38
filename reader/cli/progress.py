"""Import progress on stderr, shown only when an import takes more than a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from reader.document import Document
from reader.importers import load_document
from reader.importers.cache import DocumentCache
from reader.locations import Locations

SHOW_AFTER_S = 1.0


class ImportProgress:
    """A progress callback for importers: ``reader: reading NAME: page 12 of 300``.

    Silent for the first second (most files import faster); then on a terminal
    one line that updates in place, elsewhere one line per second at most.
    """

    def __init__(
        self,
        name: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.last_shown: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < SHOW_AFTER_S:
            return
        interactive = self.stream.isatty()
        recent = self.last_shown is not None and now - self.last_shown < 1.0
        if not interactive and recent and done != total:
            return
        self.last_shown = now
        message = f"reader: reading {self.name}: page {done} of {total}"
        if interactive:
            self.stream.write(f"\r{message}\x1b[K")
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """End the in-place line, if one was shown."""
        if self.last_shown is not None and self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()


@contextmanager
def import_progress(name: str) -> Iterator[ImportProgress]:
    """An :class:`ImportProgress` for ``name`` on stderr, its line ended afterwards."""
    progress = ImportProgress(name)
    try:
        yield progress
    finally:
        progress.finish()


def load_document_with_progress(
    name: str, source_format: str | None, locations: Locations
) -> Document:
    """:func:`~reader.importers.load_document` through the document cache in
    ``locations``, its page progress on stderr after a second."""
    cache = DocumentCache(locations.document_cache_dir)
    with import_progress(name) as progress:
        return load_document(name, source_format, progress=progress, cache=cache)
