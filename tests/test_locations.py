"""Where reader finds and keeps things: every variable, every default."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reader.cli.progress import load_document_with_progress
from reader.locations import SYSTEM_DICTIONARIES, Locations

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user directories (platformdirs reads XDG_* on Linux) under ``tmp_path``."""
    for name in ("CACHE", "CONFIG", "STATE", "DATA"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    return tmp_path


def test_the_defaults_are_the_per_user_directories(xdg: Path) -> None:
    found = Locations.from_environment({"XDG_CACHE_HOME": str(xdg / "cache")}, cwd=xdg / "work")
    assert found == Locations(
        cache_dir=xdg / "cache" / "reader",
        models_dir=xdg / "data" / "reader" / "models",
        project_models_dir=xdg / "work" / "models",
        hf_cache_dir=xdg / "cache" / "huggingface" / "hub",
        config_dir=xdg / "config" / "reader",
        config_file=xdg / "config" / "reader" / "config.toml",
        state_dir=xdg / "state" / "reader",
        log_dir=xdg / "state" / "reader" / "log",
        temp_dir=Path(tempfile.gettempdir()),
        model=None,
        dictionary=None,
        system_dictionaries=SYSTEM_DICTIONARIES,
    )
    assert found.user_glossary == xdg / "config" / "reader" / "glossary.toml"
    assert found.config_file == xdg / "config" / "reader" / "config.toml"
    assert found.document_cache_dir == xdg / "cache" / "reader" / "documents"


def test_every_variable_moves_its_location(xdg: Path) -> None:
    environ = {
        "READER_CACHE_DIR": "~/my-cache",
        "READER_MODELS_DIR": str(xdg / "models"),
        "READER_MODEL": "Helsinki-NLP/opus-mt-de-en",
        "READER_STATE_DIR": str(xdg / "my-state"),
        "READER_DICTIONARY": str(xdg / "de-en.txt"),
        "READER_CONFIG": str(xdg / "r.toml"),
        "READER_LOG_DIR": str(xdg / "log"),
        "HF_HUB_CACHE": str(xdg / "hub"),
    }
    found = Locations.from_environment(environ)
    assert found.cache_dir == Path.home() / "my-cache"
    assert found.models_dir == xdg / "models"
    assert found.model == "Helsinki-NLP/opus-mt-de-en"
    assert found.state_dir == xdg / "my-state"
    assert found.dictionary == xdg / "de-en.txt"
    assert found.hf_cache_dir == xdg / "hub"
    assert found.config_file == xdg / "r.toml"
    assert found.log_dir == xdg / "log"


def test_empty_variables_count_as_unset(xdg: Path) -> None:
    names = ("READER_CACHE_DIR", "READER_MODELS_DIR", "READER_MODEL", "READER_STATE_DIR")
    others = ("READER_DICTIONARY", "READER_CONFIG", "READER_LOG_DIR")
    empty = Locations.from_environment(dict.fromkeys((*names, *others), ""))
    assert empty == Locations.from_environment({})


def test_the_hugging_face_cache_follows_huggingface_hubs_order(tmp_path: Path) -> None:
    def hub(**environ: str) -> Path:
        return Locations.from_environment(environ).hf_cache_dir

    assert hub(HF_HUB_CACHE="/a", HF_HOME="/b", XDG_CACHE_HOME="/c") == Path("/a")
    assert hub(HF_HOME="/b", XDG_CACHE_HOME="/c") == Path("/b/hub")
    assert hub(XDG_CACHE_HOME="/c") == Path("/c/huggingface/hub")
    assert hub() == Path.home() / ".cache" / "huggingface" / "hub"


def test_the_command_line_keeps_imported_documents_in_the_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.importers.cache.STORE_AFTER_S", 0.0)
    locations = Locations.from_environment({"READER_CACHE_DIR": str(tmp_path / "cache")})
    load_document_with_progress(str(FIXTURES / "pdf" / "spalten.pdf"), None, locations)
    (entry,) = (tmp_path / "cache" / "documents").iterdir()
    assert entry.name.endswith(".json") and "-pdf-" in entry.name


def test_the_first_proxy_variable_set_is_the_proxy() -> None:
    assert Locations.from_environment({}).proxy is None
    both = {"http_proxy": "http://b:3128", "HTTPS_PROXY": "http://a:3128", "ALL_PROXY": ""}
    assert Locations.from_environment(both).proxy == "http://a:3128"
