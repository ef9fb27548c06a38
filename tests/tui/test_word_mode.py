"""Word mode: the word cursor, aligned English highlighted, the lookup popup.

The copy model translates German into itself, so the English word aligned
with each German word is that word: visible and exact."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Static
from tui_helpers import screen_text, wait_until

from reader.dictionary.service import DictionaryService
from reader.document import plain_text_document
from reader.glossary import load_glossary
from reader.locations import Locations
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp, build_reader_app
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.glossary_screen import GlossaryScreen
from reader.views.tui.positions import PositionStore
from reader.views.tui.word_popup import WordPopup

ROOT = Path(__file__).resolve().parents[2]
COPY_MODEL = ROOT / "tests" / "models" / "copy-de"
FIXTURE = ROOT / "tests" / "dictionary" / "de-en-mini.txt"
QUANTIZE = "int8"
"""The default engine: the copy model copies every seed sentence exactly with it."""
TEXT = "Die Landschaft wächst schnell.\n\nDie W&T-Zusammenarbeit zwischen den USA und Japan wächst."


def make(tmp_path: Path, dictionary: Path | None = FIXTURE) -> ReaderApp:
    options = EngineOptions(
        model=str(COPY_MODEL),
        device="cpu",
        quantize=QUANTIZE,
        locations=replace(Locations.from_environment(), cache_dir=tmp_path / "cache"),
    )
    service = DictionaryService(dictionary, tmp_path / "cache")
    return build_reader_app(
        plain_text_document("doc.txt", TEXT),
        options=options,
        glossary=load_glossary(),
        positions=PositionStore(tmp_path / "state"),
        dictionary=service,
    )


async def translated(pilot) -> BilingualView:
    view = pilot.app.query_one(BilingualView)
    await wait_until(pilot, lambda: len(view.alignments) == len(view.sentences))
    return view


def highlighted(view: BilingualView) -> tuple[str, list[str]]:
    focus = view.words.focus(view.alignments.get(view.cursor))
    assert focus is not None
    german = view.sentences[focus.index].text
    english = view.translations[focus.index] or ""
    return german[slice(*focus.word)], [english[slice(*span)] for span in focus.english]


async def entry_text(pilot) -> str:
    """The popup's text once the lookup is done (the dictionary part unwrapped)."""
    await wait_until(pilot, lambda: "Looking up" not in screen_text(pilot.app))
    entry = pilot.app.screen.query_one("#word-entry", Static)
    return screen_text(pilot.app) + "\n" + str(entry.render())


async def test_w_then_arrows_move_the_highlight_on_both_sides(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        view = await translated(pilot)
        await pilot.press("w")
        assert highlighted(view) == ("Die", ["Die"])
        await pilot.press("right", "right")
        assert highlighted(view) == ("wächst", ["wächst"])
        await pilot.press("left", "left", "left")  # stops at the first word
        assert highlighted(view) == ("Die", ["Die"])
        await pilot.press("j", "right")  # next sentence, preferred term S&T in the English
        assert highlighted(view) == ("W&T-Zusammenarbeit", ["S&T-Zusammenarbeit"])
        await pilot.press("escape")
        assert not view.words.active


async def test_l_is_the_glossary_in_word_mode_too(tmp_path) -> None:
    """One key, one meaning on the screen: `l` never moves the word cursor."""
    app = make(tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        view = await translated(pilot)
        await pilot.press("w", "l")
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        assert highlighted(view) == ("Die", ["Die"])


async def test_d_opens_the_dictionary_entry_and_the_aligned_words(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await translated(pilot)
        await pilot.press("w", "right", "d")
        assert isinstance(app.screen, WordPopup)
        shown = await entry_text(pilot)
        assert "In this translation: Landschaft" in shown
        assert "landscape" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, WordPopup)
        await pilot.press("right", "enter")  # Enter does the same; wächst via Ding's own forms
        assert "to grow" in await entry_text(pilot)


async def test_without_a_dictionary_the_popup_says_how_to_get_one(tmp_path) -> None:
    app = make(tmp_path, dictionary=None)
    async with app.run_test(size=(140, 30)) as pilot:
        await translated(pilot)
        await pilot.press("w", "d")
        shown = await entry_text(pilot)
        assert "In this translation: Die" in shown
        assert "apt install trans-de-en" in shown


async def test_clicking_a_german_word_looks_it_up(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        view = await translated(pilot)
        await pilot.click(BilingualView, offset=(6, 0))  # on "Landschaft"
        assert isinstance(app.screen, WordPopup)
        assert "landscape" in await entry_text(pilot)
        assert view.words.active and highlighted(view)[0] == "Landschaft"


async def test_help_lists_the_word_mode_keys(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(140, 50)) as pilot:
        await translated(pilot)  # no torch thread left running at exit
        await pilot.press("question_mark")
        shown = screen_text(app)
        assert "Word mode: a word cursor on the German" in shown
        assert "Word mode: look the word up" in shown
