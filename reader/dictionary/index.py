"""The dictionary's SQLite index in the user cache directory.

Built once per dictionary file (seconds for Ding's 200,000 lines), then
lookups are indexed queries (well under a millisecond). The index records the
file's size and modification time; when either changes it is rebuilt. It is
written to a temporary file and renamed into place, so an interrupted build
never leaves a half-built index behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.dictionary.ding import iter_lines, word_forms
from reader.errors import ReaderError

INDEX_VERSION = "4"
"""Bump when the index layout or the way forms are extracted changes."""

IndexProgress = Callable[[int, int], None]
"""Called with (bytes read, file size) while an index is built."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE lines (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE forms (key TEXT NOT NULL, line INTEGER NOT NULL, sub INTEGER NOT NULL,
                    form TEXT NOT NULL);
"""
_BATCH = 5000


class DictionaryIndexError(ReaderError):
    """The dictionary file cannot be read or indexed."""


@dataclass(frozen=True, slots=True)
class FormHit:
    """A dictionary line giving a word form."""

    line: str
    """The raw Ding line."""
    sub: int
    """Which sub-entry of the line gives the form (0: the headword itself)."""
    form: str
    """The form as the dictionary spells it (``Landschaften``)."""


def fold(word: str) -> str:
    """The lookup key of a word: case-insensitive."""
    return word.casefold()


class DictionaryIndex:
    """Word forms → dictionary lines, for one dictionary file."""

    def __init__(self, connection: sqlite3.Connection, source: Path) -> None:
        self._connection = connection
        self.source = source

    @classmethod
    def open(
        cls, source: Path, cache_dir: Path, progress: IndexProgress | None = None
    ) -> DictionaryIndex:
        """The index of ``source``, built first if missing or out of date."""
        try:
            stat = source.stat()
        except OSError as error:
            raise DictionaryIndexError(f"cannot read dictionary {source}: {error}") from None
        stamp = f"{INDEX_VERSION}|{stat.st_size}|{stat.st_mtime_ns}"
        path = _index_path(source, cache_dir)
        connection = _open_current(path, stamp)
        if connection is None:
            _build(source, path, stamp, stat.st_size, progress)
            connection = _open_current(path, stamp)
            if connection is None:
                raise DictionaryIndexError(f"cannot open the dictionary index {path}")
        if connection.execute("SELECT 1 FROM forms LIMIT 1").fetchone() is None:
            # Not a dictionary (a random file, the wrong format): say so, rather
            # than "no entry" for every word.
            connection.close()
            raise DictionaryIndexError(
                f"{source}: no dictionary entries found in it (it should be a Ding "
                "German–English list, like Debian's trans-de-en)"
            )
        return cls(connection, source)

    def hits(self, word: str) -> list[FormHit]:
        """Every line giving ``word`` (any case) as a headword or form."""
        rows = self._connection.execute(
            "SELECT lines.text, forms.sub, forms.form FROM forms JOIN lines ON lines.id = "
            "forms.line WHERE forms.key = ? ORDER BY forms.sub, forms.line",
            (fold(word),),
        ).fetchall()
        return [FormHit(text, sub, form) for text, sub, form in rows]

    def has(self, word: str) -> bool:
        """Whether ``word`` (any case) is a headword or form."""
        return (
            self._connection.execute(
                "SELECT 1 FROM forms WHERE key = ? LIMIT 1", (fold(word),)
            ).fetchone()
            is not None
        )

    def forms_starting(self, prefix: str, limit: int = 5000) -> list[str]:
        """Distinct forms beginning with ``prefix`` (any case), for suggestions."""
        key = fold(prefix)
        rows = self._connection.execute(
            "SELECT DISTINCT form FROM forms WHERE key >= ? AND key < ? LIMIT ?",
            (key, key + "\U0010ffff", limit),
        ).fetchall()
        return [form for (form,) in rows]

    def close(self) -> None:
        self._connection.close()


def _index_path(source: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:16]
    return cache_dir / "dictionaries" / f"{source.name}-{digest}.sqlite3"


def _open_current(path: Path, stamp: str) -> sqlite3.Connection | None:
    """The index at ``path`` if it exists and was built from the current file."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(path, check_same_thread=False)
        row = connection.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    except sqlite3.Error:
        return None  # damaged or foreign: rebuilt
    if row is None or row[0] != stamp:
        connection.close()
        return None
    return connection


def _build(source: Path, path: Path, stamp: str, size: int, progress: IndexProgress | None) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise DictionaryIndexError(
            f"cannot write the dictionary index in {path.parent}: {error}"
        ) from None
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(_SCHEMA)
            with source.open("rb") as raw:
                _fill(connection, _decoded(raw, size, progress))
            connection.execute("CREATE INDEX forms_key ON forms (key)")
            connection.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
            connection.execute("INSERT INTO meta VALUES ('source', ?)", (str(source),))
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error) as error:
        raise DictionaryIndexError(f"cannot index dictionary {source}: {error}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _decoded(raw, size: int, progress: IndexProgress | None) -> Iterator[str]:
    done = 0
    for number, line in enumerate(raw):
        done += len(line)
        if progress is not None and number % 20000 == 0:
            progress(done, size)
        yield line.decode("utf-8", errors="replace")
    if progress is not None:
        progress(size, size)


def _fill(connection: sqlite3.Connection, text_lines: Iterator[str]) -> None:
    lines: list[tuple[int, str]] = []
    forms: list[tuple[str, int, int, str]] = []
    for number, raw, parsed in iter_lines(text_lines):
        lines.append((number, raw))
        seen = set()
        for sub, german in enumerate(parsed.german):
            for form in word_forms(german):
                if (fold(form), form) not in seen:
                    seen.add((fold(form), form))
                    forms.append((fold(form), number, sub, form))
        if len(lines) >= _BATCH:
            _flush(connection, lines, forms)
    _flush(connection, lines, forms)


def _flush(connection: sqlite3.Connection, lines: list, forms: list) -> None:
    connection.executemany("INSERT INTO lines VALUES (?, ?)", lines)
    connection.executemany("INSERT INTO forms VALUES (?, ?, ?, ?)", forms)
    lines.clear()
    forms.clear()
