"""Shared fixtures: a tiny random Marian model, isolated caches, no network."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
COPY_MODEL = ROOT / "tests" / "models" / "copy-de"


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_random_model", ROOT / "scripts" / "build_random_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_random_model = _load_builder()


# Where a developer's own settings live: a test must never read them.
ISOLATED_DIRS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def _offline_and_isolated(tmp_path_factory, monkeypatch):
    """No test touches the network or the user's caches, models, configuration
    (glossary), state (positions), logs or READER_* settings."""
    isolate(monkeypatch, tmp_path_factory.mktemp("env"))


@pytest.fixture
def isolation(monkeypatch):
    """:func:`isolate` again, for a test that first sets up a leak."""
    return lambda home: isolate(monkeypatch, home)


def isolate(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Point every per-user place at ``home`` and clear every READER_* variable."""
    for name in [name for name in os.environ if name.startswith("READER_")]:
        monkeypatch.delenv(name)
    for name in ISOLATED_DIRS:
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(home / "hf"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("READER_MODELS_DIR", str(home / "models"))
    monkeypatch.setenv("READER_LOG_DIR", str(home / "log"))


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


def _engine_without_cache(model: Path, cache_dir: Path):
    """A CPU engine on ``model`` with default settings (CTranslate2 int8) and
    no translation cache; ``cache_dir`` receives its int8 conversion."""
    from reader.locations import Locations
    from reader.translate import EngineOptions, load_engine

    return load_engine(
        EngineOptions(
            model=str(model),
            device="cpu",
            use_cache=False,
            locations=replace(Locations.from_environment(), cache_dir=cache_dir),
        )
    )


@pytest.fixture(scope="session")
def tiny_engine(tiny_model_dir, tmp_path_factory):
    """A loaded engine on the tiny model, default settings, without a translation cache."""
    engine = _engine_without_cache(tiny_model_dir, tmp_path_factory.mktemp("engine-cache"))
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def copy_engine(tmp_path_factory):
    """The default engine on the trained copy model (``tests/models/copy-de``):
    every input comes back as its own translation, with the diagonal alignment."""
    engine = _engine_without_cache(COPY_MODEL, tmp_path_factory.mktemp("copy-cache"))
    yield engine
    engine.close()


@dataclass
class Unprivileged:
    """Runs commands as an ordinary user. The tests run as root in CI, and root
    reads, writes and lists anything: a permission check proves nothing there.
    As root, commands run as ``nobody`` (``setpriv``); as anyone else, as is."""

    directory: Path
    """A fresh directory the user owns; call :meth:`own` after filling it."""
    prefix: tuple[str, ...]

    def own(self) -> None:
        """Hand everything under :attr:`directory` to the user (a no-op unless root)."""
        if not self.prefix:
            return
        for path in [self.directory, *self.directory.rglob("*")]:
            os.chown(path, NOBODY_UID, NOBODY_GID, follow_symlinks=False)

    def env(self) -> dict[str, str]:
        """The test's environment, with every per-user place inside :attr:`directory`."""
        home = self.directory / "home"
        places = {name: str(home / name.lower()) for name in ISOLATED_DIRS}
        return (
            os.environ
            | places
            | {
                "HOME": str(home),
                "HF_HOME": str(home / "hf"),
                "READER_CACHE_DIR": str(home / "cache"),
                "READER_MODELS_DIR": str(home / "models"),
                "READER_LOG_DIR": str(home / "log"),
                "PYTHONPATH": str(ROOT),
            }
        )

    def run(self, *args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        """``args`` as the user, in :attr:`directory`, stdout and stderr captured."""
        return subprocess.run(
            [*self.prefix, *map(str, args)],
            capture_output=True,
            text=True,
            cwd=self.directory,
            env=self.env() | env,
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )


NOBODY_UID = NOBODY_GID = 65534


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    """See :class:`Unprivileged`; needs ``setpriv`` (util-linux) when run as root."""
    directory = Path(tempfile.mkdtemp(prefix="reader-unprivileged-"))
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        prefix = ("setpriv", f"--reuid={NOBODY_UID}", f"--regid={NOBODY_GID}", "--clear-groups")
    user = Unprivileged(directory, prefix)
    (directory / "home").mkdir()
    user.own()
    try:
        yield user
    finally:
        shutil.rmtree(directory, ignore_errors=True)
