"""`reader segment` end to end: output formats, stdin, and bad input.

Error paths run the real console entry point in a subprocess (`python -m
reader`), because turning library errors into one line and exit code 2 is the
job of `reader.cli.main`, not of the typer app.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from reader.cli import app

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_cafa3597cbf732ed.txt"
GOLD = Path(__file__).resolve().parent / "gold" / "002_cafa3597cbf732ed.txt"
DOCUMENT = "Erster Satz.Zweiter Satz.2\nDritter Satz!\n"

runner = CliRunner()


def reader(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, timeout=60
    )


def test_text_format_prints_sentences_and_blank_lines_between_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    result = runner.invoke(app, ["segment", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "Erster Satz.\nZweiter Satz.\n\nDritter Satz!\n"


def test_jsonl_format_has_spans_footnotes_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    result = runner.invoke(app, ["segment", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == ["Erster Satz.", "Zweiter Satz.", "Dritter Satz!"]
    assert [r["footnotes"] for r in records] == [[], ["2"], []]
    assert [r["paragraph"] for r in records] == [0, 0, 1]
    assert [DOCUMENT[r["start"] : r["end"]] for r in records] == [
        "Erster Satz.",
        "Zweiter Satz.2",
        "Dritter Satz!",
    ]


def test_stdin_is_read_for_dash() -> None:
    result = runner.invoke(app, ["segment", "-"], input="Schöne Grüße.Über die Straße.".encode())
    assert result.exit_code == 0
    assert result.stdout == "Schöne Grüße.\nÜber die Straße.\n"


def test_seed_document_matches_the_gold_segmentation() -> None:
    result = runner.invoke(app, ["segment", str(SEED)])
    assert result.exit_code == 0
    assert result.stdout == GOLD.read_text(encoding="utf-8")


def test_empty_file_prints_nothing_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    completed = reader("segment", str(path))
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, b"", b"")


def test_bom_and_crlf_are_handled(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbfErster Satz. Zweiter Satz.\r\nDritter Satz.\r\n")
    result = runner.invoke(app, ["segment", str(path), "-f", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == ["Erster Satz.", "Zweiter Satz.", "Dritter Satz."]
    assert records[0]["start"] == 0
    assert [r["paragraph"] for r in records] == [0, 0, 1]


def test_cp1252_file_is_read_with_a_warning_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Die Straße ist schön.Äpfel sind grün.".encode("cp1252"))
    completed = reader("segment", str(path))
    assert completed.returncode == 0
    assert completed.stdout.decode() == "Die Straße ist schön.\nÄpfel sind grün.\n"
    warning = completed.stderr.decode().splitlines()
    assert len(warning) == 1
    assert warning[0].startswith("reader: warning: ")
    assert "cp1252" in warning[0]


def _assert_one_line_error(completed: subprocess.CompletedProcess[bytes], phrase: str) -> None:
    assert completed.returncode == 2
    assert completed.stdout == b""
    lines = completed.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("reader: error: ")
    assert phrase in lines[0]
    assert "Traceback" not in lines[0]


def test_binary_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 4)
    _assert_one_line_error(reader("segment", str(path)), "binary")


def test_binary_stdin_is_one_line_error() -> None:
    _assert_one_line_error(reader("segment", "-", stdin=b"\x00\x01\x02" * 100), "binary")


def test_directory_is_one_line_error(tmp_path: Path) -> None:
    _assert_one_line_error(reader("segment", str(tmp_path)), "directory")


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    _assert_one_line_error(reader("segment", str(tmp_path / "missing.txt")), "no such file")


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    completed = reader("segment", str(path), "--format", "xml")
    assert completed.returncode == 2
    assert b"Traceback" not in completed.stderr
    assert b"xml" in completed.stderr
