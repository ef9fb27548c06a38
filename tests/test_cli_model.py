"""`reader model info` and `reader model download` (which cannot reach a hub here)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.translate.models import DEFAULT_MODEL_NAME

runner = CliRunner()


def reader(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | env,
    )


def info(output: str) -> dict[str, str]:
    rows = (line.split(":", 1) for line in output.splitlines())
    return {label: value.strip() for label, value in rows}


def test_info_names_the_model_where_it_was_found_and_how_it_runs(tiny_model_dir, cache_dir):
    result = runner.invoke(app, ["model", "info", "--model", str(tiny_model_dir)])
    assert result.exit_code == 0, result.output
    rows = info(result.stdout)
    assert rows["model"] == str(tiny_model_dir)
    assert rows["found via"] == "--model"
    assert rows["device"] == "cpu"
    assert rows["engine"] == "CTranslate2 · int8 · 4 beams"
    assert rows["int8 copy"].endswith("(made on first use)")
    assert rows["cache"] == str(cache_dir / "translations.sqlite3")


def test_info_reflects_the_options(tiny_model_dir, cache_dir):
    result = runner.invoke(
        app,
        ["model", "info", "-m", str(tiny_model_dir), "--fast", "--quantize", "none", "--no-cache"],
    )
    assert result.exit_code == 0, result.output
    rows = info(result.stdout)
    assert rows["engine"] == "transformers/torch · fp32 · greedy"
    assert "int8 copy" not in rows
    assert rows["cache"] == "off (--no-cache)"


def test_info_finds_the_downloaded_model_in_the_user_models_dir(tiny_model_dir, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(tiny_model_dir, models / DEFAULT_MODEL_NAME)
    result = reader("model", "info", READER_MODELS_DIR=str(models))
    assert result.returncode == 0, result.stderr
    assert info(result.stdout)["found via"] == "user models dir"


def test_info_without_a_model_is_one_error_line(tmp_path):
    result = reader("model", "info", READER_MODELS_DIR=str(tmp_path))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "reader model download" in line and "--model" in line


def test_download_offline_is_one_error_line_and_leaves_nothing(tmp_path):
    target = tmp_path / "model"
    result = reader("model", "download", "--to", str(target), HF_HUB_OFFLINE="1")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("reader: error: cannot download")
    assert "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://127.0.0.1:9",  # nothing listens: connection refused
        "https://hub.invalid",  # a name that never resolves (RFC 2606)
    ],
)
def test_download_without_network_fails_at_once_in_one_line(tmp_path, endpoint):
    # huggingface_hub alone retries five times with backoff, printing a
    # "Retrying in 8s" line each time (~25 s): the user must get one line, now.
    target = tmp_path / "model"
    result = reader(
        "model", "download", "--to", str(target), HF_HUB_OFFLINE="0", HF_ENDPOINT=endpoint
    )
    assert result.returncode == 2, result.stderr
    progress, error = result.stderr.strip().splitlines()
    assert progress.startswith("Downloading Helsinki-NLP/opus-mt-de-en")
    assert error.startswith("reader: error: cannot download Helsinki-NLP/opus-mt-de-en")
    assert "--model" in error
    assert not target.exists()
