"""Reading documents: encodings, BOM, line ends, stdin, and unreadable input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.source import decode, read_source

GERMAN = "Größere Übungen für Bäcker – „Straße“."


def test_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(GERMAN, encoding="utf-8")
    source = read_source(path)
    assert (source.text, source.encoding, source.warning) == (GERMAN, "utf-8", None)
    assert source.name == str(path)


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + GERMAN.encode())
    source = read_source(path)
    assert source.text == GERMAN
    assert source.warning is None


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(GERMAN.encode("cp1252"))
    source = read_source(path)
    assert source.text == GERMAN
    assert source.encoding == "cp1252"
    assert source.warning is not None
    assert "not valid UTF-8" in source.warning
    assert "cp1252" in source.warning


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    # 0x81 has no character in cp1252; Latin-1 maps it to U+0081.
    source = decode("Grüße".encode("latin-1") + b"\x81", "x.txt")
    assert source.encoding == "latin-1"
    assert source.text == "Grüße\x81"
    assert source.warning and "latin-1" in source.warning


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"])
def test_windows_and_old_mac_line_ends_become_newlines(line_end: bytes) -> None:
    source = decode(line_end.join([b"Eins.", b"Zwei.", b""]))
    assert source.text == "Eins.\nZwei.\n"


def test_stdin() -> None:
    source = read_source("-", stdin=io.BytesIO(GERMAN.encode()))
    assert (source.name, source.text) == ("-", GERMAN)


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_source(path).text == ""


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_source(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")
