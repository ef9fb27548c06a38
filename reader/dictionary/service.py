"""The dictionary as a long-lived service: opened on first use, in any thread.

The reader's word popup looks words up from a worker thread; the first
lookup opens the dictionary, which indexes it the first time (seconds).
Lookups are serialised: one SQLite connection, one index build.
"""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text

from reader.dictionary.index import DictionaryIndexError, IndexProgress
from reader.dictionary.lookup import (
    INSTALL_HINT,
    Dictionary,
    DictionaryNotFoundError,
    find_dictionary,
)
from reader.dictionary.render import describe
from reader.locations import Locations


class DictionaryService:
    """A dictionary file (``None``: there is none), opened on the first :meth:`look_up`."""

    def __init__(self, path: Path | None, cache_dir: Path) -> None:
        self.path = path
        self.cache_dir = cache_dir
        """Where the index of the dictionary is kept."""
        self._lock = threading.Lock()
        self._dictionary: Dictionary | None = None

    @classmethod
    def find(cls, option: Path | None, locations: Locations) -> DictionaryService:
        """``--dictionary``, ``READER_DICTIONARY`` or the system's; none is not an error here."""
        try:
            return cls(find_dictionary(option, locations), locations.cache_dir)
        except DictionaryNotFoundError:
            # The popup says how to install one (a --dictionary that does
            # not exist is refused before the reader starts).
            return cls(None, locations.cache_dir)

    def look_up(self, word: str, progress: IndexProgress | None = None) -> Text:
        """The entry text for ``word`` (or why there is none). Blocks: call from a worker."""
        if self.path is None:
            return Text(f"No dictionary: {INSTALL_HINT}.", style="italic")
        with self._lock:
            try:
                if self._dictionary is None:
                    self._dictionary = Dictionary.open(self.path, self.cache_dir, progress)
                return describe(self._dictionary.lookup(word))
            except DictionaryIndexError as error:
                return Text(str(error), style="italic")
