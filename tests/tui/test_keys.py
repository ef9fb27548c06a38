"""Keys: one meaning each on the reader screen, a user keymap, the command palette."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from tui_helpers import screen_text, wait_until, without_model

from reader.dictionary.service import DictionaryService
from reader.document import plain_text_document
from reader.glossary import load_glossary
from reader.importers import load_document
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp, build_reader_app
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.config import ConfigError, ReaderConfig, load_config
from reader.views.tui.glossary_screen import GlossaryScreen
from reader.views.tui.help_screen import HelpScreen
from reader.views.tui.positions import PositionStore
from reader.views.tui.screen import ReaderScreen, binding_ids

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.fixture(autouse=True)
def _fixed_models_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MODELS_DIR", "/nonexistent/reader/models")


def test_no_key_has_two_meanings_on_the_reader_screen() -> None:
    keys = Counter(
        key.strip()
        for binding in [*BilingualView.BINDINGS, *ReaderScreen.BINDINGS]
        for key in binding.key.split(",")
    )
    assert [key for key, count in keys.items() if count > 1] == []
    assert "l" in keys and "right" in keys and "h" not in keys


def test_every_binding_of_the_screen_has_an_id() -> None:
    bindings = [*BilingualView.BINDINGS, *ReaderScreen.BINDINGS]
    assert len(binding_ids()) == len(bindings)
    assert {"glossary", "next", "next-word", "quit", "search"} <= binding_ids()


def test_the_config_file_is_optional(tmp_path: Path) -> None:
    assert load_config(tmp_path / "missing.toml", binding_ids()) == ReaderConfig()


def test_a_keymap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\nglossary = "L"\nnext = "down,j,ctrl+n"\n', encoding="utf-8")
    config = load_config(path, binding_ids())
    assert config.keymap == {"glossary": "L", "next": "down,j,ctrl+n"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("[keymap\n", "not valid TOML"),
        ('colour = "blue"\n', "unknown setting 'colour' (known: keymap)"),
        ('keymap = "L"\n', "[keymap] must be a table"),
        ('[keymap]\ngloss = "L"\n', "'gloss' is not a binding id (known: contents, first, "),
        ("[keymap]\nglossary = 3\n", "[keymap] glossary must be keys in a string"),
    ],
)
def test_a_bad_config_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path, binding_ids())
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)


def test_reader_read_refuses_a_bad_config_with_one_line(tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("Ein Satz.", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\ngloss = "L"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "read", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "READER_CONFIG": str(config)},
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"reader: error: {config}: [keymap] 'gloss' is not a binding")
    assert len(result.stderr.strip().splitlines()) == 1


def app_on(document, tmp_path: Path, keymap: dict[str, str] | None = None) -> ReaderApp:
    return build_reader_app(
        document,
        options=EngineOptions(model=None, device="cpu"),
        glossary=load_glossary(),
        positions=PositionStore(tmp_path / "state"),
        dictionary=DictionaryService(None, tmp_path / "index"),
        config=ReaderConfig(keymap=keymap or {}),
    )


async def test_the_keymap_replaces_a_key(tmp_path: Path, seed_text: str) -> None:
    app = app_on(plain_text_document("doc.txt", seed_text), tmp_path, {"glossary": "L"})
    async with app.run_test(size=(140, 50)) as pilot:
        await without_model(pilot)
        await pilot.press("l")
        assert not isinstance(app.screen, GlossaryScreen)
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        await pilot.press("escape", "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_lines = [line for line in screen_text(app).splitlines() if "Glossary" in line]
        assert any("L " in line and " l " not in line for line in help_lines), help_lines


async def palette(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause(0.2)
    await pilot.press(*query)
    await wait_until(pilot, lambda: query.split()[-1] in screen_text(pilot.app))
    await pilot.pause(0.3)  # the palette's search runs in a worker
    await pilot.press("enter")


async def test_the_palette_jumps_to_a_chapter(tmp_path: Path) -> None:
    app = app_on(load_document(str(FIXTURES / "roman.epub")), tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await palette(pilot, "Drittes Kapitel")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.reader.view
        await wait_until(pilot, lambda: view.cursor > 0)
        assert app.reading.sentences[view.cursor].text == "Drittes Kapitel: Sturm"


async def test_the_palette_goes_to_a_footnote(tmp_path: Path) -> None:
    app = app_on(load_document(str(FIXTURES / "chronik.epub")), tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await palette(pilot, "Footnote 1")
        view = app.reader.view
        await wait_until(pilot, lambda: view.cursor > 0)
        note = app.reading.sentences[view.cursor]
        assert (note.kind, note.text) == ("footnote", "Die Gründungsurkunde ist verloren.")


async def test_the_palette_toggles_the_layout(tmp_path: Path, seed_text: str) -> None:
    app = app_on(plain_text_document("doc.txt", seed_text), tmp_path)
    async with app.run_test(size=(140, 36)) as pilot:
        await without_model(pilot)
        assert app.reader.view.mode == "side"
        await palette(pilot, "Toggle layout")
        await wait_until(pilot, lambda: app.reader.view.mode == "stacked")
