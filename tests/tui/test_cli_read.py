"""`reader read` refuses bad input with one line and exit code 2, before any screen.

These run the real console entry point (`python -m reader`), which turns
library errors into `reader: error: …`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "read", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text("Ein Satz. Noch ein Satz.", encoding="utf-8")
    return path


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in one_error_line(reader(str(tmp_path / "nope.txt")))


def test_standard_input_is_refused() -> None:
    assert "standard input is the keyboard" in one_error_line(reader("-"))


def test_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(" \n\n  \n", encoding="utf-8")
    assert "no text to read" in one_error_line(reader(str(path)))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert "binary" in one_error_line(reader(str(path)))


def test_explicit_model_that_does_not_exist(document: Path, tmp_path: Path) -> None:
    line = one_error_line(reader(str(document), "--model", str(tmp_path / "no-model")))
    assert "no-model" in line


def test_broken_glossary_file(document: Path, tmp_path: Path) -> None:
    glossary = tmp_path / "terms.toml"
    glossary.write_text("[[entry]\n", encoding="utf-8")
    assert "terms.toml" in one_error_line(reader(str(document), "--glossary", str(glossary)))


def test_unknown_device_is_a_usage_error(document: Path) -> None:
    result = reader(str(document), "--device", "gpu")
    assert result.returncode == 2
    assert "--device" in result.stderr and "Traceback" not in result.stderr
