"""Fixtures for driving the reader headless: documents and apps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.dictionary.service import DictionaryService
from reader.document import plain_text_document
from reader.glossary import load_glossary
from reader.translate import EngineOptions, load_engine
from reader.views.tui.app import ReaderApp, build_reader_app
from reader.views.tui.positions import PositionStore
from reader.views.tui.translation_worker import EngineLoader

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"


@pytest.fixture(autouse=True)
def _state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Positions go to a fresh directory; ./models is empty (no model by accident)."""
    state = tmp_path / "state"
    monkeypatch.setenv("READER_STATE_DIR", str(state))
    monkeypatch.chdir(tmp_path)
    return state


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def make_app(tiny_model_dir: Path, _state_dir: Path, tmp_path: Path) -> Callable[..., ReaderApp]:
    """``make_app(text)``: a reader on ``text`` with the tiny model;
    ``model=False``: without any model; ``load=…``: a custom engine loader;
    ``dictionary=…``: a dictionary service (default: none)."""

    def make(
        text: str,
        *,
        model: bool = True,
        name: str = "doc.txt",
        load: EngineLoader = load_engine,
        dictionary: DictionaryService | None = None,
    ) -> ReaderApp:
        options = EngineOptions(model=str(tiny_model_dir) if model else None, device="cpu")
        return build_reader_app(
            plain_text_document(name, text),
            options=options,
            glossary=load_glossary(),
            positions=PositionStore(_state_dir),
            dictionary=dictionary or DictionaryService(None, tmp_path / "index"),
            load=load,
        )

    return make
