"""Reading input documents: files or stdin, any common encoding, never a crash.

Scraped German text arrives as UTF-8 (with or without BOM), sometimes as
Windows-1252 or Latin-1, with CRLF line ends. Everything downstream works on a
``str`` with ``\\n`` line ends; character spans refer to that string.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reader.errors import InputError

STDIN_NAME = "-"

# Bytes that never occur in text files but are common in binaries. A NUL byte
# is the classic sign; other C0 controls (except tab, LF, VT, FF, CR, ESC) are
# tolerated only in tiny numbers.
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_SNIFF_SIZE = 8192


@dataclass(frozen=True)
class SourceText:
    """A decoded input document."""

    name: str
    """The path as given, or ``"-"`` for standard input."""
    text: str
    """The decoded text, with ``\\n`` line ends and no BOM."""
    encoding: str
    """The encoding that decoded it: ``utf-8``, ``cp1252`` or ``latin-1``."""
    warning: str | None = None
    """Set when the text was not UTF-8 and a fallback encoding was used."""


def read_source(name: str | Path, stdin: BinaryIO | None = None) -> SourceText:
    """Read and decode the document ``name`` (``"-"`` reads ``stdin``).

    Raises :class:`InputError` with a one-line message for a missing file, a
    directory, an unreadable file or binary data.
    """
    name = str(name)
    return decode(read_bytes(name, stdin), name)


def read_bytes(name: str | Path, stdin: BinaryIO | None = None) -> bytes:
    """The raw bytes of the document ``name`` (``"-"`` reads ``stdin``).

    Raises :class:`InputError` for a missing file, a directory or an unreadable file.
    """
    name = str(name)
    return (stdin or sys.stdin.buffer).read() if name == STDIN_NAME else _read_file(Path(name))


def decode(data: bytes, name: str = STDIN_NAME) -> SourceText:
    """Decode raw bytes as a text document (see :func:`read_source`)."""
    if _looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not text")
    encoding, warning = "utf-8", None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # cp1252 is what Windows and many scrapers write; it leaves five byte
        # values undefined, and latin-1 decodes everything.
        for fallback in ("cp1252", "latin-1"):
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                continue
            encoding = fallback
            warning = (
                f"{name}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset "
                f"{error.start}); read as {fallback}"
            )
            break
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(name=name, text=text, encoding=encoding, warning=warning)


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a text file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_SIZE]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls / len(head) > 0.01
