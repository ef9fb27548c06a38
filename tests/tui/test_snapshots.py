"""Snapshots of the main screens (SVG, in __snapshots__/; `--snapshot-update` to accept).

Deterministic: fixed terminal sizes, and either no model at all, a model load
that is held back, or the copy model (exact output): no random-model output
ever reaches a snapshot.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from tui_helpers import HeldLoader, wait_until, warm_int8_copy, without_model

COPY_MODEL = Path(__file__).resolve().parents[2] / "tests" / "models" / "copy-de"


@pytest.fixture(autouse=True)
def _fixed_models_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """The no-model notice names the models directory: keep it the same every run."""
    monkeypatch.setenv("READER_MODELS_DIR", "/nonexistent/reader/models")


def test_side_by_side_while_the_model_loads(snap_compare, make_app, seed_text, tiny_model_dir):
    warm_int8_copy(tiny_model_dir)  # no first-use "preparing the model" notice
    held = HeldLoader()  # never released: "loading model…" throughout
    app = held.app = make_app(seed_text, load=held)
    assert snap_compare(app, terminal_size=(140, 36), press=["j", "j"])


def test_without_a_model(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)
    assert snap_compare(app, terminal_size=(140, 36), run_before=without_model)


def test_stacked_on_a_narrow_terminal(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)
    assert snap_compare(app, terminal_size=(80, 30), run_before=without_model)


def test_search_highlights(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)

    async def run_before(pilot) -> None:
        await without_model(pilot)
        await pilot.press("slash", *"china", "enter", "n")

    assert snap_compare(app, terminal_size=(140, 36), run_before=run_before)


def _open_modal_with(*keys: str):
    """A ``run_before`` that presses ``keys`` and waits for the modal screen they open."""

    async def run_before(pilot) -> None:
        await without_model(pilot)
        await pilot.press(*keys)
        await wait_until(pilot, lambda: len(pilot.app.screen_stack) > 1)

    return run_before


def test_term_popup(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)
    run_before = _open_modal_with("j", "j", "j", "j", "j", "j", "t")
    assert snap_compare(app, terminal_size=(140, 36), run_before=run_before)


def test_glossary_list(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)
    assert snap_compare(app, terminal_size=(140, 36), run_before=_open_modal_with("l"))


def test_help(snap_compare, make_app, seed_text):
    app = make_app(seed_text, model=False)
    run_before = _open_modal_with("question_mark")
    assert snap_compare(app, terminal_size=(140, 36), run_before=run_before)


def test_side_by_side_with_english(snap_compare, seed_text, tmp_path, _state_dir):
    # The copy model (tests/models/copy-de) "translates" each sentence into
    # itself, with the glossary's preferred English terms: real, deterministic
    # text in the English column (the random models' output is noise).
    from reader.dictionary.service import DictionaryService
    from reader.document import plain_text_document
    from reader.glossary import load_glossary
    from reader.locations import Locations
    from reader.translate import EngineOptions
    from reader.views.tui.app import build_reader_app
    from reader.views.tui.positions import PositionStore

    options = EngineOptions(
        model=str(COPY_MODEL),
        device="cpu",
        quantize="int8",
        locations=replace(Locations.from_environment(), cache_dir=tmp_path / "cache"),
    )
    app = build_reader_app(
        plain_text_document("doc.txt", seed_text),
        options=options,
        glossary=load_glossary(),
        positions=PositionStore(_state_dir),
        dictionary=DictionaryService(None, tmp_path / "index"),
    )

    async def run_before(pilot) -> None:
        reader = pilot.app.reader
        await wait_until(pilot, lambda: reader.translated == len(pilot.app.reading.sentences))
        await pilot.press("j", "j")

    assert snap_compare(app, terminal_size=(140, 36), run_before=run_before)
