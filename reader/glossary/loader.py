"""Reading glossaries: the built-in one, the user's, and ``--glossary FILE`` files.

All three use the same TOML format, one ``[[entry]]`` table per term (see
``data/builtin.toml``). Later sources override earlier ones term by term:
built-in < ``glossary.toml`` in the user config directory
(:attr:`reader.locations.Locations.user_glossary`) < ``--glossary`` files in
the order given.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from reader.errors import InputError, ReaderError
from reader.glossary.entry import BUILTIN_ORIGIN, CATEGORIES, GlossaryEntry
from reader.glossary.glossary import Glossary, lookup_key
from reader.source import read_source

_REQUIRED = ("term", "explanation", "category")
_TEXT_FIELDS = ("term", "german", "english", "preferred", "explanation", "category")
_FIELDS = (*_TEXT_FIELDS, "variants")
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
_ENTRY_HEADER = re.compile(r"\s*\[\[\s*entry\s*\]\]")


class GlossaryFileError(ReaderError):
    """A glossary file is missing, unreadable or malformed; the message names the
    file and, where it can, the line (``my.toml:12: …``)."""


def load_glossary(
    user_files: Sequence[Path | str] = (), *, user_glossary: Path | None = None
) -> Glossary:
    """The built-in glossary, overridden by ``user_glossary`` (the user's config
    glossary, read if it exists) and then by ``user_files``.

    Raises :class:`GlossaryFileError`.
    """
    entries = builtin_entries()
    if user_glossary is not None and user_glossary.is_file():
        entries += read_glossary_file(user_glossary)
    for path in user_files:
        entries += read_glossary_file(Path(path))
    return Glossary(entries)


def builtin_entries() -> list[GlossaryEntry]:
    """The entries shipped with reader (``reader/glossary/data/builtin.toml``)."""
    text = resources.files("reader.glossary").joinpath("data/builtin.toml").read_text("utf-8")
    return parse_glossary(text, BUILTIN_ORIGIN)


def read_glossary_file(path: Path) -> list[GlossaryEntry]:
    """The entries of a user glossary file. Raises :class:`GlossaryFileError`."""
    try:
        source = read_source(path)
    except InputError as error:
        raise GlossaryFileError(str(error)) from None
    if source.encoding != "utf-8":
        # TOML is UTF-8 by definition; guessing another encoding would hide mistakes.
        raise GlossaryFileError(f"{path}: not UTF-8 text; save the glossary as UTF-8")
    return parse_glossary(source.text, str(path))


def parse_glossary(text: str, origin: str) -> list[GlossaryEntry]:
    """Parse glossary TOML; ``origin`` names the file in errors and in the entries."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = position.group(1) if position and position.group(1) else text.count("\n") + 1
        reason = message[: position.start()] if position else message
        raise GlossaryFileError(f"{origin}:{line}: invalid TOML: {reason}") from None
    return _Validator(text, origin).entries(data)


class _Validator:
    """Turns parsed TOML into entries, reporting problems with a line number."""

    def __init__(self, text: str, origin: str) -> None:
        self._origin = origin
        self._lines = text.splitlines()
        self._headers = [
            number for number, line in enumerate(self._lines, 1) if _ENTRY_HEADER.match(line)
        ]

    def entries(self, data: dict[str, Any]) -> list[GlossaryEntry]:
        unknown = sorted(set(data) - {"entry"})
        if unknown:
            raise self._error(
                self._key_line(unknown[0], 1, len(self._lines)),
                f"unknown top-level key {unknown[0]!r}; entries are [[entry]] tables",
            )
        tables = data.get("entry", [])
        if not isinstance(tables, list) or not all(isinstance(item, dict) for item in tables):
            raise self._error(
                self._key_line("entry", 1, len(self._lines)), "'entry' must be [[entry]] tables"
            )
        entries: list[GlossaryEntry] = []
        seen: set[str] = set()
        for number, table in enumerate(tables):
            entry = self._entry(number, table)
            key = lookup_key(entry.term)
            if key in seen:
                raise self._error(
                    self._field_line(number, "term"), f"duplicate term {entry.term!r}"
                )
            seen.add(key)
            entries.append(entry)
        return entries

    def _entry(self, number: int, table: dict[str, Any]) -> GlossaryEntry:
        for key in table:
            if key not in _FIELDS:
                raise self._error(
                    self._field_line(number, key),
                    f"unknown field {key!r} (fields: {', '.join(_FIELDS)})",
                )
        for key in _REQUIRED:
            if key not in table:
                raise self._error(self._entry_line(number), f"entry has no {key!r}")
        for key in _TEXT_FIELDS:
            value = table.get(key, "")
            if not isinstance(value, str):
                raise self._error(self._field_line(number, key), f"{key!r} must be a string")
            if key in _REQUIRED and not value.strip():
                raise self._error(self._field_line(number, key), f"{key!r} must not be empty")
        variants = table.get("variants", [])
        if not isinstance(variants, list) or not all(
            isinstance(variant, str) and variant.strip() for variant in variants
        ):
            raise self._error(
                self._field_line(number, "variants"),
                "'variants' must be a list of non-empty strings",
            )
        category = table["category"].strip().casefold()
        if category not in CATEGORIES:
            raise self._error(
                self._field_line(number, "category"),
                f"unknown category {table['category']!r} (one of: {', '.join(CATEGORIES)})",
            )
        return GlossaryEntry(
            term=table["term"].strip(),
            variants=tuple(variant.strip() for variant in variants),
            german=table.get("german", "").strip(),
            english=table.get("english", "").strip(),
            preferred=table.get("preferred", "").strip() or None,
            explanation=" ".join(table["explanation"].split()),
            category=category,
            origin=self._origin,
        )

    def _error(self, line: int | None, message: str) -> GlossaryFileError:
        where = f"{self._origin}:{line}" if line else self._origin
        return GlossaryFileError(f"{where}: {message}")

    def _entry_line(self, number: int) -> int | None:
        # Only trustworthy when every entry is written as an [[entry]] header.
        return self._headers[number] if number < len(self._headers) else None

    def _field_line(self, number: int, key: str) -> int | None:
        first = self._entry_line(number)
        if first is None:
            return None
        last = (
            self._headers[number + 1] - 1 if number + 1 < len(self._headers) else len(self._lines)
        )
        return self._key_line(key, first, last) or first

    def _key_line(self, key: str, first: int, last: int) -> int | None:
        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(first, last + 1):
            if pattern.match(self._lines[number - 1]):
                return number
        return None
