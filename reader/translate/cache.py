"""The persistent translation cache: one SQLite file under the user cache dir.

Keyed by model identity + generation settings + source sentence, so a
re-opened or re-exported document translates nothing twice, and a different
model or preset never serves stale output. SQLite in WAL mode with a busy
timeout lets several ``reader`` processes read and write at once. The cache
is an optimisation: a corrupt file is moved aside, and any other database
failure turns the cache off for the session — both with a warning, never an
error.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import platformdirs

CACHE_DIR_ENV = "READER_CACHE_DIR"
DATABASE_NAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, settings, source)
) WITHOUT ROWID
"""
# SQLite limits the number of `?` parameters in one statement.
_LOOKUP_CHUNK = 500
_CONNECT_ATTEMPTS = 5


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``READER_CACHE_DIR``, else the per-user cache directory."""
    environ = os.environ if environ is None else environ
    override = environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path("reader")


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

    @property
    def enabled(self) -> bool:
        return self._connection is not None

    def get_many(self, sources: Iterable[str]) -> dict[str, str]:
        """The cached translations of those ``sources`` that have one."""
        sources = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        for start in range(0, len(sources), _LOOKUP_CHUNK):
            chunk = sources[start : start + _LOOKUP_CHUNK]
            rows = self._run(
                "SELECT source, translation FROM translations "
                f"WHERE model = ? AND settings = ? AND source IN ({','.join('?' * len(chunk))})",
                (self.model, self.settings, *chunk),
            )
            found.update(rows)
        return found

    def put_many(self, translations: Mapping[str, str]) -> None:
        """Store ``source → translation`` pairs (replacing older ones)."""
        now = time.time()
        rows = [(self.model, self.settings, s, t, now) for s, t in translations.items()]
        if rows:
            self._run("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows)

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
        connection.execute("SELECT count(*) FROM translations LIMIT 1").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection
