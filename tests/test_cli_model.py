"""`reader model info`, and `reader model download` against a stand-in hub on
127.0.0.1 driven by the real huggingface_hub client."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import hub_server
import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.translate.models import DEFAULT_MODEL_ID, DEFAULT_MODEL_NAME, is_model_dir

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


@pytest.fixture
def hub(tiny_model_dir, monkeypatch):
    """The tiny model served as Helsinki-NLP/opus-mt-de-en by a hub on 127.0.0.1."""
    monkeypatch.delenv("HF_HUB_OFFLINE")
    served = hub_server.serve_model_dir(tiny_model_dir, DEFAULT_MODEL_ID)
    server, thread = hub_server.start(served)
    yield served
    served.released.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def download(hub: hub_server.Hub, *args: str) -> subprocess.CompletedProcess[str]:
    return reader("model", "download", *args, HF_ENDPOINT=hub.url)


def assert_same_model(stored: Path, tiny_model_dir: Path) -> None:
    names = sorted(path.name for path in stored.iterdir())
    assert names == [
        "config.json",
        "generation_config.json",
        "model.safetensors",
        "source.spm",
        "special_tokens_map.json",
        "target.spm",
        "tokenizer_config.json",
        "vocab.json",
    ]
    for name in names:
        assert (stored / name).read_bytes() == (tiny_model_dir / name).read_bytes(), name


def test_download_stores_the_model_where_reader_finds_it(hub, tiny_model_dir, tmp_path):
    models = tmp_path / "models"
    result = reader("model", "download", HF_ENDPOINT=hub.url, READER_MODELS_DIR=str(models))
    assert result.returncode == 0, result.stderr
    stored = models / DEFAULT_MODEL_NAME
    assert_same_model(stored, tiny_model_dir)
    assert sorted(path.name for path in models.iterdir()) == [DEFAULT_MODEL_NAME]
    assert result.stderr.splitlines()[-1] == f"Model stored in {stored}"
    found = reader("model", "info", READER_MODELS_DIR=str(models))
    assert info(found.stdout)["found via"] == "user models dir"
    # What the real client asked: the model info API, then HEAD and GET per file
    # (besides its once-a-day fetch of /api/agent-harnesses, for its user agent).
    asked = [r for r in hub.requests if r.path != "/api/agent-harnesses"]
    assert (asked[0].method, asked[0].path) == ("GET", f"/api/models/{DEFAULT_MODEL_ID}")
    assert len(asked) == 1 + 2 * 8
    weights = f"/{DEFAULT_MODEL_ID}/resolve/{hub_server.COMMIT}/model.safetensors"
    assert [r.method for r in hub.requests if r.path == weights] == ["HEAD", "GET"]


def test_download_to_a_folder_with_user_files_keeps_them(hub, tiny_model_dir, tmp_path):
    # Regression: `--to ~/models` used to rmtree the folder after the download.
    folder = tmp_path / "my-models"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = download(hub, "--to", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "notes.txt").read_text() == "mine"
    assert sorted(path.name for path in folder.iterdir()) == ["notes.txt", DEFAULT_MODEL_NAME]
    assert_same_model(folder / DEFAULT_MODEL_NAME, tiny_model_dir)


def test_download_to_a_new_directory_makes_it_the_model(hub, tiny_model_dir, tmp_path):
    target = tmp_path / "new" / "de-en"
    result = download(hub, "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert_same_model(target, tiny_model_dir)
    assert sorted(path.name for path in target.parent.iterdir()) == ["de-en"]


def test_download_replaces_an_older_model_and_nothing_else(hub, tiny_model_dir, tmp_path):
    target = tmp_path / "de-en"
    shutil.copytree(tiny_model_dir, target)
    (target / "model.safetensors").write_bytes(b"old weights")
    (tmp_path / "beside.txt").write_text("mine")
    result = download(hub, "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert_same_model(target, tiny_model_dir)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["beside.txt", "de-en"]


def test_a_failed_download_leaves_the_older_model_as_it_was(hub, tiny_model_dir, tmp_path):
    target = tmp_path / "de-en"
    shutil.copytree(tiny_model_dir, target)
    (target / "model.safetensors").write_bytes(b"old weights")
    del hub.files["config.json"]
    result = download(hub, "--to", str(target))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("reader: error: the download of")
    assert (target / "model.safetensors").read_bytes() == b"old weights"


@pytest.mark.parametrize("name", [DEFAULT_MODEL_NAME, "empty-or-model"])
def test_download_refuses_a_target_holding_other_files(hub, tmp_path, name):
    target = tmp_path / "parent" / name
    target.mkdir(parents=True)
    if name != DEFAULT_MODEL_NAME:
        # A parent whose opus-mt-de-en/ is someone else's: refused too.
        target = target / DEFAULT_MODEL_NAME
        target.mkdir()
    (target / "thesis.tex").write_text("mine")
    result = download(hub, "--to", str(target if name == DEFAULT_MODEL_NAME else target.parent))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line == (
        f"reader: error: {target} is not empty and holds no model; reader stores the model "
        "only in an empty or new directory, or replaces a model: pass another --to"
    )
    assert sorted(path.name for path in target.iterdir()) == ["thesis.tex"]
    assert hub.requests == []


def test_download_refuses_a_partial_directory_it_did_not_make(hub, tmp_path):
    (tmp_path / "de-en.partial").mkdir()
    (tmp_path / "de-en.partial" / "keep.txt").write_text("mine")
    result = download(hub, "--to", str(tmp_path / "de-en"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"reader: error: {tmp_path / 'de-en.partial'} exists and was not made by reader "
        "model download; move it away"
    )
    assert (tmp_path / "de-en.partial" / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize(
    ("signum", "status", "said"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
    ids=["Ctrl-C", "SIGTERM"],
)
def test_ctrl_c_stops_the_download_mid_file_and_the_next_run_resumes(
    hub, tiny_model_dir, tmp_path, signum, status, said
):
    hub.stall_after = 20_000
    target = tmp_path / "de-en"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "model", "download", "--to", str(target)],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"HF_ENDPOINT": hub.url},
    )
    state = tmp_path / "de-en.partial" / ".download"
    deadline = time.monotonic() + 60
    while not any(
        path.stat().st_size >= 20_000 for path in state.glob("model.safetensors.*.incomplete")
    ):
        assert process.poll() is None and time.monotonic() < deadline, "no weights arrived"
        time.sleep(0.02)
    process.send_signal(signum)
    # The interrupt must reach the transfer: a blocked worker thread would keep
    # the process alive until the stalled file gave up (minutes).
    assert process.wait(timeout=10) == status
    stderr = process.stderr.read()
    assert stderr.splitlines()[-1] == f"reader: download {said}; the same command resumes it"
    assert "Traceback" not in stderr
    assert not target.exists()
    (kept,) = state.glob("model.safetensors.*.incomplete")
    assert kept.stat().st_size == 20_000

    hub.stall_after = None
    hub.requests.clear()
    result = download(hub, "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert_same_model(target, tiny_model_dir)
    assert not (tmp_path / "de-en.partial").exists()
    weights = [r for r in hub.requests if r.method == "GET" and r.path.endswith("safetensors")]
    assert [r.range for r in weights] == ["bytes=20000-"]
    # Files completed before the interrupt are not fetched again.
    assert not [r for r in hub.requests if r.method == "GET" and r.path.endswith("config.json")]


def test_download_of_damaged_weights_is_refused(hub, tmp_path):
    weights = hub.files["model.safetensors"]
    etag = hub.etag("model.safetensors")
    hub.files["model.safetensors"] = weights[:-1] + bytes([weights[-1] ^ 1])
    hub.etag = lambda name: etag if name == "model.safetensors" else "0" * 40
    result = download(hub, "--to", str(tmp_path / "de-en"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "reader: error: model.safetensors arrived damaged (its SHA-256 differs); run it again"
    )
    assert not (tmp_path / "de-en").exists()
    assert not is_model_dir(tmp_path / "de-en.partial")
