"""Model resolution: the order of places looked in, and the missing-model error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.locations import Locations
from reader.translate import ModelNotFoundError, ResolvedModel, resolve_model
from reader.translate.models import DEFAULT_MODEL_NAME, model_identity

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"


def resolve(model: str | None = None) -> ResolvedModel:
    """The model found for ``--model model`` from this environment and working directory."""
    return resolve_model(model, Locations.from_environment())


def install(model_dir: Path, target: Path) -> Path:
    shutil.copytree(model_dir, target)
    return target


def hf_cache_snapshot(tiny_model_dir: Path, home: Path) -> Path:
    """Lay out the tiny model the way huggingface_hub caches opus-mt-de-en."""
    repo = home / "hub" / "models--Helsinki-NLP--opus-mt-de-en"
    commit = "0123456789abcdef0123456789abcdef01234567"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    return install(tiny_model_dir, repo / "snapshots" / commit)


@pytest.fixture
def places(tmp_path, monkeypatch, tiny_model_dir):
    """Every place a model can be found in, all empty, with the cwd in the project."""
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    monkeypatch.chdir(project)
    env = {
        "READER_MODELS_DIR": str(tmp_path / "user-models"),
        "HF_HOME": str(tmp_path / "hf"),
        "HF_HUB_OFFLINE": "1",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return {
        "project": project / "models" / DEFAULT_MODEL_NAME,
        "user": tmp_path / "user-models" / DEFAULT_MODEL_NAME,
        "hf_home": tmp_path / "hf",
        "elsewhere": tmp_path / "elsewhere",
    }


def test_resolution_order(places, tiny_model_dir, monkeypatch):
    """--model > READER_MODEL > ./models > user models dir > HF cache."""
    snapshot = hf_cache_snapshot(tiny_model_dir, places["hf_home"])
    assert resolve().source == "HF cache"
    assert resolve().path == snapshot

    install(tiny_model_dir, places["user"])
    assert resolve().source == "user models dir"

    install(tiny_model_dir, places["project"])
    assert resolve().source == "models dir"
    assert resolve().path == places["project"]

    explicit = install(tiny_model_dir, places["elsewhere"])
    monkeypatch.setenv("READER_MODEL", str(explicit))
    assert resolve().source == "READER_MODEL"
    assert resolve().path == explicit

    chosen = resolve(str(snapshot))
    assert (chosen.source, chosen.path) == ("--model", snapshot)


def test_model_option_accepts_a_cached_hub_id(places, tiny_model_dir):
    snapshot = hf_cache_snapshot(tiny_model_dir, places["hf_home"])
    resolved = resolve("Helsinki-NLP/opus-mt-de-en")
    assert (resolved.path, resolved.source, resolved.name) == (snapshot, "--model", "opus-mt-de-en")


def test_missing_model_names_the_download_command_and_the_option(places):
    with pytest.raises(ModelNotFoundError) as error:
        resolve()
    assert "reader model download" in str(error.value)
    assert "--model" in str(error.value)


@pytest.mark.parametrize("value", ["no/such-model", "./nowhere", "~/nowhere-either"])
def test_unknown_model_option_is_an_error_not_a_download(places, value):
    with pytest.raises(ModelNotFoundError, match="reader model download"):
        resolve(value)


def test_a_directory_without_a_model_is_refused(places, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "config.json").write_text("{}")
    with pytest.raises(ModelNotFoundError, match="not a MarianMT model directory"):
        resolve(str(empty))


def test_half_installed_model_is_skipped(places, tiny_model_dir):
    install(tiny_model_dir, places["project"])
    (places["project"] / "model.safetensors").unlink()
    with pytest.raises(ModelNotFoundError):
        resolve()


def test_identity_follows_the_content_not_the_place(tiny_model_dir, tmp_path):
    copy = install(tiny_model_dir, tmp_path / "copy")
    assert model_identity(copy) == model_identity(tiny_model_dir)
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert model_identity(copy) != model_identity(tiny_model_dir)


def test_cli_without_a_model_fails_fast_with_one_line(places, tmp_path):
    env = os.environ | {"READER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("READER_MODEL", None)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "translate", str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: error: no translation model found")
    assert "reader model download" in lines[0] and "--model" in lines[0]
