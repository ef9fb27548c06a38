"""Shared fixtures: a tiny random Marian model, isolated caches, no network."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_random_model", ROOT / "scripts" / "build_random_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_random_model = _load_builder()


@pytest.fixture(autouse=True)
def _offline_and_isolated(tmp_path_factory, monkeypatch):
    """No test touches the network, the user's caches or the user's models."""
    home = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("READER_MODELS_DIR", str(home / "models"))
    monkeypatch.delenv("READER_MODEL", raising=False)


@pytest.fixture(scope="session")
def tiny_model_dir(pytestconfig) -> Path:
    """A tiny random-weight Marian model directory (real file layout, real loaders).

    Built once and kept in pytest's cache, keyed by the builder's source and
    the seed texts; a file lock makes parallel test runs share one build.
    """
    return _cached_random_model(pytestconfig, "tiny")


@pytest.fixture(scope="session")
def small_model_dir(pytestconfig) -> Path:
    """A ``small`` random-weight model (~27 MB): slow enough that the reader is
    always mid-batch when a test quits it. Built and kept like the tiny one."""
    return _cached_random_model(pytestconfig, "small")


def _cached_random_model(pytestconfig, size: str) -> Path:
    base = pytestconfig.cache.mkdir(f"reader-{size}-model")
    target = base / build_random_model.builder_fingerprint()
    with FileLock(str(base / "build.lock")):
        return build_random_model.ensure_random_model(target, size=size)


@pytest.fixture(scope="session")
def full_tokenizer_dir(tmp_path_factory) -> Path:
    """The full-size random model's tokenizer files (no weights: seconds to build)."""
    work = tmp_path_factory.mktemp("full-tokenizer")
    build_random_model.write_tokenizer(work, size="full")
    return work


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """An empty translation cache directory, also set as ``READER_CACHE_DIR``."""
    path = tmp_path / "reader-cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def tiny_engine(tiny_model_dir, tmp_path_factory):
    """A loaded engine on the tiny model, default settings, without a translation cache."""
    from reader.locations import Locations
    from reader.translate import EngineOptions, load_engine

    engine = load_engine(
        EngineOptions(
            model=str(tiny_model_dir),
            device="cpu",
            use_cache=False,
            locations=replace(
                Locations.from_environment(), cache_dir=tmp_path_factory.mktemp("engine-cache")
            ),
        )
    )
    yield engine
    engine.close()
