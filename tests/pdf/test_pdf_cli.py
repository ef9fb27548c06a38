"""`reader segment` on PDFs: good ones print sentences, bad ones one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60
    )


def test_segment_prints_the_sentences_of_a_pdf() -> None:
    result = reader("segment", str(FIXTURES / "spalten.pdf"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Wasserstoff im Verkehrssektor"
    assert "Dazu zählen der Schwerlastverkehr, die Schifffahrt und der Luftverkehr." in lines
    assert result.stderr == ""


def test_an_empty_file_named_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "leer.pdf"
    path.write_bytes(b"")
    result = reader("segment", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"reader: error: {path}: not a PDF file (the file is empty); check that it is "
        "complete and really a PDF\n"
    )


def test_a_partly_scanned_pdf_prints_its_text_and_a_warning() -> None:
    result = reader("segment", str(FIXTURES / "teilscan.pdf"))
    assert result.returncode == 0
    assert result.stdout.startswith("Ergebnisse\n")
    assert result.stderr.startswith("reader: warning: page 2 of 2 has no text layer")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("verschluesselt.pdf", "protected by a password"),
        ("abgeschnitten.pdf", "damaged or truncated"),
        ("zufall.pdf", "not a PDF file"),
        ("scan.pdf", "run OCR first, e.g. ocrmypdf"),
    ],
)
def test_bad_pdf_is_one_line_and_exit_2(fixture: str, says: str) -> None:
    path = str(FIXTURES / fixture)
    result = reader("segment", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"reader: error: {path}: ")
    assert says in result.stderr
    assert len(result.stderr.splitlines()) == 1
