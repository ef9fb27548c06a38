"""`reader translate` end to end on the tiny model: JSON lines, options, errors."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.segment import all_sentences, segment
from reader.translate.alignment import word_spans
from reader.translate.cache import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"
COPY_MODEL = ROOT / "tests" / "models" / "copy-de"
DOCUMENT = "Erster Satz.Zweiter Satz.2\n\nDritter Satz!\n"

runner = CliRunner()


def reader(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """The real entry point, for exit codes and error lines."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_jsonl_has_one_object_per_sentence_in_document_order(cache_dir):
    result = runner.invoke(
        app,
        ["translate", str(SEED), "-f", "jsonl", "-m", str(COPY_MODEL), "--no-glossary-terms"],
    )
    assert result.exit_code == 0, result.output
    sentences = list(all_sentences(segment(SEED.read_text(encoding="utf-8"))))
    lines = records(result.stdout)
    assert [line["source"] for line in lines] == [s.text for s in sentences]
    assert [line["paragraph"] for line in lines] == [s.paragraph for s in sentences]
    assert all(
        set(line) == {"paragraph", "source", "translation", "footnotes", "kind", "section"}
        for line in lines
    )
    assert {line["kind"] for line in lines} == {"sentence"}
    # The copy model gives each sentence back: each line holds its own translation.
    assert [line["translation"] for line in lines] == [s.text for s in sentences]


def test_footnotes_and_paragraphs_are_carried(tiny_model_dir, cache_dir, document):
    result = runner.invoke(
        app, ["translate", str(document), "--format", "jsonl", "-m", str(tiny_model_dir)]
    )
    assert result.exit_code == 0, result.output
    lines = records(result.stdout)
    assert [line["source"] for line in lines] == ["Erster Satz.", "Zweiter Satz.", "Dritter Satz!"]
    assert [line["footnotes"] for line in lines] == [[], ["2"], []]
    assert [line["paragraph"] for line in lines] == [0, 0, 1]


def test_stdin(tiny_model_dir, cache_dir):
    result = runner.invoke(
        app, ["translate", "-", "-f", "jsonl", "--model", str(tiny_model_dir)], input=b"Guten Tag."
    )
    assert result.exit_code == 0, result.output
    assert [line["source"] for line in records(result.stdout)] == ["Guten Tag."]


def test_rerun_is_served_from_the_cache_and_identical(tiny_model_dir, cache_dir, document):
    args = ["translate", str(document), "-f", "jsonl", "--model", str(tiny_model_dir)]
    first = runner.invoke(app, args)
    assert (cache_dir / DATABASE_NAME).is_file()
    second = runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


@pytest.mark.parametrize("options", [["--fast"], ["--quantize", "none"], ["--quantize", "int8"]])
def test_presets_translate_every_sentence(tiny_model_dir, cache_dir, document, options):
    result = runner.invoke(
        app, ["translate", str(document), "-f", "jsonl", "--model", str(tiny_model_dir), *options]
    )
    assert result.exit_code == 0, result.output
    assert len(records(result.stdout)) == 3


def test_no_cache_leaves_no_cache_file(tiny_model_dir, cache_dir, document):
    result = runner.invoke(
        app, ["translate", str(document), "--model", str(tiny_model_dir), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert not (cache_dir / DATABASE_NAME).exists()


def test_corrupt_cache_is_a_warning_not_an_error(tiny_model_dir, cache_dir, document):
    cache_dir.mkdir(parents=True)
    (cache_dir / DATABASE_NAME).write_text("garbage" * 200)
    result = reader("translate", str(document), "-f", "jsonl", "--model", str(tiny_model_dir))
    assert result.returncode == 0, result.stderr
    assert len(records(result.stdout)) == 3
    assert "reader: warning: translation cache" in result.stderr
    assert "damaged" in result.stderr


def test_missing_file_is_one_error_line(tiny_model_dir, tmp_path):
    result = reader("translate", str(tmp_path / "nope.txt"), "--model", str(tiny_model_dir))
    assert result.returncode == 2
    assert result.stderr.strip() == f"reader: error: {tmp_path / 'nope.txt'}: no such file"


def test_bad_model_option_is_one_error_line(tmp_path, document):
    result = reader("translate", str(document), "--model", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("reader: error: --model ") and "reader model download" in line


def test_cuda_on_a_machine_without_one_is_one_error_line(tiny_model_dir, document):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    result = reader("translate", str(document), "--model", str(tiny_model_dir), "--device", "cuda")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "reader: error: --device cuda: no CUDA GPU is available here; use --device cpu"
    )


def test_unknown_option_values_are_usage_errors(tiny_model_dir, document):
    result = reader("translate", str(document), "--quantize", "int4")
    assert result.returncode == 2
    assert "int4" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [([], "reader: error: cannot convert"), (["--quantize", "none"], "reader: error: cannot load")],
)
def test_damaged_weights_are_one_error_line(tiny_model_dir, tmp_path, document, options, message):
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "model.safetensors").write_bytes(b"not safetensors at all")
    result = reader("translate", str(document), "--model", str(broken), *options)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(message)


def _stderr_on_a_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``argv`` with stderr on a pseudo-terminal; its exit status and what it showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=terminal, env=env
    )
    os.close(terminal)
    shown = b""
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the terminal closed: the process is gone
                    break
                if not chunk:
                    break
                shown += chunk
            elif process.poll() is not None:
                break
        status = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    return status, shown.decode(errors="replace")


def test_first_run_says_the_model_is_being_prepared(tiny_model_dir, document, cache_dir):
    """The one-time int8 conversion takes seconds: a terminal is told why it waits."""
    argv = [sys.executable, "-m", "reader", "translate", str(document), "--fast"]
    env = os.environ | {"PYTHONPATH": str(ROOT), "READER_MODEL": str(tiny_model_dir)}
    status, shown = _stderr_on_a_terminal(argv, env)
    assert status == 0, shown
    assert "Preparing the model for fast CPU use, once: ~2 s" in shown
    status, shown = _stderr_on_a_terminal(argv, env)  # the int8 copy is there now
    assert status == 0, shown
    assert "Preparing" not in shown


def test_alignments_are_valid_word_spans_on_every_seed_sentence(tiny_model_dir, cache_dir):
    result = runner.invoke(
        app,
        ["translate", str(SEED), "-f", "jsonl", "--alignments", "--model", str(tiny_model_dir)],
    )
    assert result.exit_code == 0, result.output
    lines = records(result.stdout)
    assert len(lines) == len(list(all_sentences(segment(SEED.read_text(encoding="utf-8")))))
    for line in lines:
        source_words = set(word_spans(line["source"]))
        target_words = set(word_spans(line["translation"]))
        for (s0, s1), (t0, t1) in line["alignment"]:
            assert (s0, s1) in source_words and (t0, t1) in target_words
            for text, start, end in ((line["source"], s0, s1), (line["translation"], t0, t1)):
                assert 0 <= start < end <= len(text)
                assert text[start:end] == text[start:end].strip()
    # Served from the cache the second time, alignments included.
    again = runner.invoke(
        app,
        ["translate", str(SEED), "-f", "jsonl", "--alignments", "--model", str(tiny_model_dir)],
    )
    assert again.stdout == result.stdout


def test_alignments_need_jsonl(tiny_model_dir, document):
    result = reader("translate", str(document), "--alignments", "--model", str(tiny_model_dir))
    assert result.returncode == 2
    assert result.stderr.strip() == "reader: error: --alignments needs --format jsonl"


def test_help_shows_the_alignment_spans_literally():
    # Rich markup used to eat "[start, end]" ("the word pairs as [, ] character spans").
    result = runner.invoke(app, ["translate", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert (
        "the word pairs as [[source start, end], [translation start, end]] character spans."
        in result.output
    )
