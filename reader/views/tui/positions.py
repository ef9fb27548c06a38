"""The last position read in each document, remembered between sessions."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from reader.locations import Locations

_FILE_NAME = "positions.json"


def state_dir() -> Path:
    """Where reader keeps per-user state (:attr:`Locations.state_dir`)."""
    return Locations.from_environment().state_dir


def document_key(text: str) -> str:
    """Identifies a document by its content, so renaming or moving it keeps the place."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class PositionStore:
    """Sentence indices keyed by :func:`document_key`, in one small JSON file."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or state_dir()) / _FILE_NAME
        self.warnings: list[str] = []
        """Problems met (a damaged file set aside, a failed save), each once;
        reading goes on regardless."""
        self._unreadable = False

    def load(self, key: str) -> int | None:
        """The remembered sentence index for ``key``, or ``None``."""
        position = self._read().get(key)
        return position if isinstance(position, int) and position >= 0 else None

    def save(self, key: str, index: int) -> str | None:
        """Remember ``index`` for ``key``. Failing to save never stops reading:
        it returns a warning, the first time only (else ``None``)."""
        positions = self._read()
        if self._unreadable:
            # Rewriting it would lose every other document's position.
            return self._warn(f"not saving the position: {self.path} cannot be read")
        positions[key] = index
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Write aside and rename: a crash mid-write must not lose the
            # positions of every other document.
            partial = self.path.with_suffix(".tmp")
            partial.write_text(json.dumps(positions), encoding="utf-8")
            partial.replace(self.path)
        except OSError as error:
            reason = error.strerror or str(error)
            return self._warn(f"cannot save the position in {self.path} ({reason})")
        return None

    def _warn(self, warning: str) -> str | None:
        if warning in self.warnings:
            return None
        self.warnings.append(warning)
        return warning

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except OSError as error:
            if not self.path.exists():  # e.g. a file where a directory should be
                return {}
            # Not damage (permissions, a directory, I/O): the file is left alone.
            self._unreadable = True
            reason = error.strerror or str(error)
            self._warn(f"cannot read saved positions {self.path} ({reason}); left as is")
            return {}
        except ValueError as error:
            return self._set_aside(f"{type(error).__name__}: {error}")
        return data if isinstance(data, dict) else self._set_aside("not a JSON object")

    def _set_aside(self, reason: str) -> dict[str, object]:
        """A damaged file, like a damaged translation cache, is moved aside
        (kept for a look) and reading starts afresh."""
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.rename(aside)
        except OSError:
            aside = None
        kept = f"moved it to {aside.name}" if aside else "ignoring it"
        self._warn(f"saved positions {self.path} are damaged ({reason}); {kept}")
        return {}
