"""``reader translate`` writing Markdown, run as a user runs it: a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from export_structure import parse_blocks

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"
SUMMARY = re.compile(r"(\d+) sentences \((\d+) from the cache, (\d+) translated\)")


def reader(*args: str | Path, stdin: bytes = b"", env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=300,
    )


@pytest.fixture
def model_env(tiny_model_dir: Path, cache_dir: Path) -> dict[str, str]:
    return {"READER_MODEL": str(tiny_model_dir), "READER_CACHE_DIR": str(cache_dir)}


def test_markdown_to_a_file_with_a_summary_line(tmp_path: Path, model_env) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "seed.md"
    result = reader("translate", SEED, "-o", out, env=model_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    # Not a terminal: no progress bar, only the one-line summary.
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"reader: wrote {out}: ")
    assert SUMMARY.search(line).groups() == ("23", "0", "23")
    blocks = parse_blocks(out.read_text(encoding="utf-8"), "gfm")
    assert blocks[0].lines[0].text == SEED.name
    assert [block.kind for block in blocks[2:12]] == ["table"] * 10
    assert os.listdir(out_dir) == ["seed.md"]


def test_stdin_to_stdout_with_a_layout(model_env) -> None:
    # Every layout is checked in-process (test_export_seed.py); this is the option.
    layout = "interleaved"
    text = "Die W&T-Zusammenarbeit wächst. Sie ist | wichtig.\n\nZweiter Absatz.\n"
    result = reader("translate", "-", "--layout", layout, stdin=text.encode(), env=model_env)
    assert result.returncode == 0, result.stderr
    markdown = result.stdout.decode()
    blocks = parse_blocks(markdown, "gfm")
    assert blocks[0].lines[0].text == "Standard input"
    assert f"Settings: layout {layout}, glossary terms on" in [
        line.text for line in blocks[1].lines
    ]
    assert "[W&T](#glossary-w-t)" in markdown or layout == "english"
    assert blocks[-2].lines[0].text == "Glossary"


def test_several_inputs_with_out_dir_write_one_file_each(tmp_path: Path, model_env) -> None:
    second = tmp_path / "zweites.txt"
    # Windows-1252, as scrapers often write it: read with a warning, not an error.
    second.write_text("Ein kurzer Text. Mit zwei Sätzen.\n", encoding="cp1252")
    out_dir = tmp_path / "out"
    result = reader("translate", SEED, second, "--out-dir", out_dir, env=model_env)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out_dir)) == ["000_1785a506fced86e1.md", "zweites.md"]
    warning, first, last = result.stderr.decode().splitlines()
    assert warning.startswith(f"reader: warning: {second}: not valid UTF-8")
    assert first.startswith(f"reader: wrote {out_dir / '000_1785a506fced86e1.md'}: 23 sentences")
    assert last.startswith(f"reader: wrote {out_dir / 'zweites.md'}: 2 sentences")
    markdown = (out_dir / "zweites.md").read_text(encoding="utf-8")
    assert "# zweites.txt" in markdown and "Mit zwei Sätzen." in markdown


def test_user_glossary_entries_join_the_appendix(model_env, tmp_path: Path) -> None:
    glossary = tmp_path / "terms.toml"
    glossary.write_text(
        '[[entry]]\nterm = "Quantenbüro"\nenglish = "quantum office"\n'
        'explanation = "A made-up office."\ncategory = "institution"\n',
        encoding="utf-8",
    )
    text = "Das Quantenbüro öffnet morgen.\n".encode()
    result = reader(
        "translate", "-", "--glossary", glossary, "--no-glossary-terms", stdin=text, env=model_env
    )
    assert result.returncode == 0, result.stderr
    markdown = result.stdout.decode()
    assert "[Quantenbüro](#glossary-quantenbuero)" in markdown
    items = [item.text for item in parse_blocks(markdown, "gfm")[-1].lines]
    assert items == ["Quantenbüro — quantum office. A made-up office."]
    assert "- **Settings:** layout table, glossary terms off" in markdown


def test_a_broken_user_glossary_is_one_line(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.toml"
    glossary.write_text("[[entry]\n", encoding="utf-8")
    result = reader("translate", SEED, "--glossary", glossary)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"reader: error: {glossary}:1: invalid TOML")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["translate", "missing.txt"], "reader: error: missing.txt: no such file"),
        (["translate", "seeds"], "reader: error: seeds: is a directory, not a text file"),
        (
            ["translate", SEED, "-o", "no/such/dir/out.md"],
            "reader: error: no/such/dir/out.md: directory no/such/dir does not exist",
        ),
        (["translate", SEED, "-o", "seeds"], "reader: error: seeds: is a directory"),
        (
            ["translate", SEED, "-o", "x.md", "--out-dir", "out"],
            "reader: error: use either -o/--output or --out-dir, not both",
        ),
        (
            ["translate", SEED, "seeds/002_cafa3597cbf732ed.txt"],
            "reader: error: 2 input files need --out-dir DIR (one output file per input)",
        ),
        (
            ["translate", "-", "--out-dir", "out"],
            "reader: error: standard input (-) has no file name for --out-dir; use -o FILE",
        ),
    ],
)
def test_errors_are_one_line_before_any_translation(args: list, message: str) -> None:
    # No model is available here at all: each error comes before loading it.
    result = reader(*args)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [message]
    assert result.stdout == b""


def test_missing_model_is_one_line_and_leaves_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("previous export")
    result = reader("translate", SEED, "-o", out)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith("reader: error: ") and "reader model download" in line
    assert out.read_text() == "previous export"
    assert os.listdir(tmp_path) == ["out.md"]
