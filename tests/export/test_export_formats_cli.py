"""``reader translate --format epub|html``, run as a user runs it: which
format an output name means, and the bad inputs — each one line, exit 2,
nothing written, before any model is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"


def reader(*args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "epub", "-o", "x.html"],
            "--format epub does not match -o x.html (a html file name); "
            "use -o FILE.epub or --format html",
        ),
        (
            ["--format", "html", "-o", "x.md"],
            "--format html does not match -o x.md (a markdown file name); "
            "use -o FILE.html or --format markdown",
        ),
        (
            ["--format", "epub"],
            "--format epub cannot go to standard output (an e-book is a ZIP archive); "
            "use -o FILE.epub",
        ),
        (
            ["--format", "epub", "-o", "-"],
            "--format epub cannot go to standard output (an e-book is a ZIP archive); "
            "use -o FILE.epub",
        ),
        (
            ["-o", "missing/book.epub"],
            "missing/book.epub: directory missing does not exist",
        ),
        (
            ["--layout", "table", "-o", "book.epub"],
            "--format epub has no table layout (use interleaved or english)",
        ),
        # /proc refuses new files even to root (the tests may run as root).
        (["-o", "/proc/book.html"], "/proc/book.html: cannot write (No such file or directory)"),
    ],
)
def test_bad_output_is_one_line_and_nothing_is_written(tmp_path: Path, args, message) -> None:
    # No model anywhere: every one of these is found before loading it.
    result = reader("translate", SEED, *args, cwd=tmp_path, env={"READER_MODEL": "/nonexistent"})
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [f"reader: error: {message}"]
    assert result.stdout == b""
    assert os.listdir(tmp_path) == []


@pytest.fixture
def model_env(tiny_model_dir: Path, cache_dir: Path) -> dict[str, str]:
    return {"READER_MODEL": str(tiny_model_dir), "READER_CACHE_DIR": str(cache_dir)}


def test_the_extension_chooses_the_format(tmp_path: Path, model_env) -> None:
    for name in ("page.htm", "book.epub", "notes.txt"):
        result = reader("translate", SEED, "-o", tmp_path / name, env=model_env)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "page.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with zipfile.ZipFile(tmp_path / "book.epub") as book:
        assert book.read("mimetype") == b"application/epub+zip"
    # Any other extension keeps Markdown, as before.
    markdown = (tmp_path / "notes.txt").read_text(encoding="utf-8")
    assert markdown.startswith("# 000\\_1785a506fced86e1.txt\n")


def test_html_to_standard_output_and_epub_per_input_with_out_dir(tmp_path: Path, model_env) -> None:
    result = reader("translate", SEED, "--format", "html", "--layout", "interleaved", env=model_env)
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode()
    assert page.startswith("<!DOCTYPE html>") and 'class="layout-interleaved"' in page
    out = tmp_path / "books"
    result = reader("translate", SEED, "--format", "epub", "--out-dir", out, env=model_env)
    assert result.returncode == 0, result.stderr
    assert os.listdir(out) == [SEED.stem + ".epub"]
