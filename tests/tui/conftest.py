"""Fixtures for driving the reader headless: documents and apps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.glossary import load_glossary
from reader.segment import all_sentences, segment
from reader.translate import EngineOptions, load_engine
from reader.views.tui.app import ReaderApp
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
def make_app(tiny_model_dir: Path) -> Callable[..., ReaderApp]:
    """``make_app(text)``: a reader on ``text`` with the tiny model;
    ``model=False``: without any model; ``load=…``: a custom engine loader."""

    def make(
        text: str,
        *,
        model: bool = True,
        name: str = "doc.txt",
        load: EngineLoader = load_engine,
    ) -> ReaderApp:
        sentences = list(all_sentences(segment(text)))
        options = EngineOptions(model=str(tiny_model_dir) if model else None, device="cpu")
        return ReaderApp(
            name, text, sentences, options=options, glossary=load_glossary(), load=load
        )

    return make
