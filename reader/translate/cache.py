"""The persistent translation cache: one SQLite file in the cache directory.

Keyed by model identity + generation settings + source sentence, so a
re-opened or re-exported document translates nothing twice, and a different
model or preset never serves stale output. SQLite in WAL mode with a busy
timeout lets several ``reader`` processes read and write at once. The cache
is an optimisation: a corrupt file is moved aside, and any other database
failure turns the cache off for the session — both with a warning, never an
error.

Each row keeps the word alignment beside the translation (JSON, see
:mod:`.alignment`). Caches written before alignments existed are migrated in
place on open: the column is added, every translation stays, and those rows
read back with no alignment until they are translated again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.translate.alignment import Alignment, alignment_from_json, alignment_to_json

DATABASE_NAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL,
    alignment TEXT,
    PRIMARY KEY (model, settings, source)
) WITHOUT ROWID
"""
_COLUMNS = "model, settings, source, translation, created, alignment"
_SLOTS = ",".join("?" * len(_COLUMNS.split(",")))
# SQLite limits the number of `?` parameters in one statement.
_LOOKUP_CHUNK = 500
_CONNECT_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class CachedTranslation:
    translation: str
    """The raw model output."""
    alignment: Alignment | None = None
    """Its word alignment; ``None`` when it was not computed."""


class TranslationCache:
    """Translations of one model under one set of generation settings.

    Thread-safe: a UI may look up in one thread while a job writes in another.
    """

    def __init__(self, directory: Path, model: str, settings: str) -> None:
        self.path = Path(directory) / DATABASE_NAME
        self.model = model
        self.settings = settings
        self.warnings: list[str] = []
        """What went wrong with the cache (corrupt file moved aside, disabled…)."""
        self._lock = threading.Lock()
        self._connection = self._open()

    def get_many(self, sources: Iterable[str]) -> dict[str, str]:
        """The cached translations of those ``sources`` that have one."""
        return {source: entry.translation for source, entry in self.get_entries(sources).items()}

    def get_entries(self, sources: Iterable[str]) -> dict[str, CachedTranslation]:
        """The cached translations (with alignments) of those ``sources`` that have one."""
        sources = list(dict.fromkeys(sources))
        found: dict[str, CachedTranslation] = {}
        for start in range(0, len(sources), _LOOKUP_CHUNK):
            chunk = sources[start : start + _LOOKUP_CHUNK]
            rows = self._run(
                "SELECT source, translation, alignment FROM translations "
                f"WHERE model = ? AND settings = ? AND source IN ({','.join('?' * len(chunk))})",
                (self.model, self.settings, *chunk),
            )
            for source, translation, alignment in rows:
                found[source] = CachedTranslation(translation, _read_alignment(alignment))
        return found

    def put_many(self, translations: Mapping[str, str]) -> None:
        """Store ``source → translation`` pairs without alignments (replacing older ones)."""
        self.put_entries({s: CachedTranslation(t) for s, t in translations.items()})

    def put_entries(self, entries: Mapping[str, CachedTranslation]) -> None:
        """Store ``source → translation and alignment`` (replacing older ones)."""
        now = time.time()
        rows = [
            (self.model, self.settings, source, entry.translation, now, _write_alignment(entry))
            for source, entry in entries.items()
        ]
        if rows:
            self._run(f"INSERT OR REPLACE INTO translations ({_COLUMNS}) VALUES ({_SLOTS})", rows)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _run(self, sql: str, parameters: tuple | list) -> list[tuple]:
        with self._lock:
            if self._connection is None:
                return []
            try:
                with self._connection:
                    if isinstance(parameters, list):
                        self._connection.executemany(sql, parameters)
                        return []
                    return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                self._disable(f"translation cache {self.path} failed ({error}); caching is off")
                return []

    def _disable(self, warning: str) -> None:
        self.warnings.append(warning)
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return _connect(self.path)
        except (OSError, sqlite3.OperationalError) as error:
            # Unwritable directory, locked beyond the timeout, disk full…
            self.warnings.append(
                f"cannot open translation cache {self.path} ({error}); caching is off"
            )
            return None
        except sqlite3.DatabaseError as error:
            # "file is not a database", "database disk image is malformed"
            return self._replace_corrupt(error)

    def _replace_corrupt(self, error: sqlite3.DatabaseError) -> sqlite3.Connection | None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        self.warnings.append(
            f"translation cache {self.path} is damaged ({error}); "
            f"moved it to {aside.name} and started a new one"
        )
        try:
            self.path.rename(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return _connect(self.path)
        except (OSError, sqlite3.Error) as second:
            self.warnings.append(f"translation cache unusable ({second}); caching is off")
            return None


def _connect(path: Path) -> sqlite3.Connection:
    # Switching a brand-new file to WAL needs an exclusive lock, and SQLite
    # may answer "database is locked" at once, without waiting out the busy
    # timeout, while another process is doing the same: retry a few times.
    attempt = 0
    while True:
        try:
            return _configure(sqlite3.connect(path, timeout=30, check_same_thread=False))
        except sqlite3.OperationalError as error:
            attempt += 1
            if "locked" not in str(error) or attempt == _CONNECT_ATTEMPTS:
                raise
            time.sleep(0.1 * attempt)


def _configure(connection: sqlite3.Connection) -> sqlite3.Connection:
    # check_same_thread=False: access is serialised by TranslationCache._lock.
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(_SCHEMA)
        _migrate(connection)
        connection.execute("SELECT count(*) FROM translations LIMIT 1").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring a cache written by an older reader up to the current schema,
    keeping every row: version 1 had no ``alignment`` column."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(translations)")}
    if "alignment" in columns:
        return
    try:
        connection.execute("ALTER TABLE translations ADD COLUMN alignment TEXT")
    except sqlite3.OperationalError as error:
        # Another reader process migrated it a moment ago.
        if "duplicate column" not in str(error):
            raise


def _write_alignment(entry: CachedTranslation) -> str | None:
    if entry.alignment is None:
        return None
    return json.dumps(alignment_to_json(entry.alignment), separators=(",", ":"))


def _read_alignment(stored: str | None) -> Alignment | None:
    if stored is None:
        return None
    try:
        return alignment_from_json(json.loads(stored))
    except (ValueError, TypeError):
        return None  # unreadable: as if never computed
