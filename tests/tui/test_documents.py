"""The reader on structured documents: headings, the contents screen, chapters, footnotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import feed_finished, screen_text, wait_until, without_model

from reader.dictionary.service import DictionaryService
from reader.glossary import load_glossary
from reader.importers import load_document
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp, build_reader_app
from reader.views.tui.contents_screen import ContentsScreen, current_entry
from reader.views.tui.note_popup import NotePopup
from reader.views.tui.positions import PositionStore
from reader.views.tui.reading import ContentsEntry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.fixture(autouse=True)
def _fixed_models_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MODELS_DIR", "/nonexistent/reader/models")


def document_app(name: str, model: str | None = None) -> ReaderApp:
    return build_reader_app(
        load_document(str(FIXTURES / name)),
        options=EngineOptions(model=model, device="cpu"),
        glossary=load_glossary(),
        positions=PositionStore(),
        dictionary=DictionaryService(None, Path("unused")),
    )


def test_current_entry_is_the_heading_above() -> None:
    entries = [ContentsEntry(0, 1, "A"), ContentsEntry(5, 2, "B"), ContentsEntry(9, 1, "C")]
    assert [current_entry(entries, i) for i in (0, 4, 5, 8, 9, 20)] == [0, 0, 1, 1, 2, 2]


async def test_contents_lists_the_chapters_and_jumps() -> None:
    app = document_app("roman.epub")
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ContentsScreen))
        text = screen_text(app)
        for title in ("Erstes Kapitel: Der Umzug", "Zweites Kapitel: Die Werft", "Der Meister"):
            assert title in text
        await pilot.press("down", "down", "down", "enter")  # the third chapter
        await wait_until(pilot, lambda: not isinstance(app.screen, ContentsScreen))
        current = app.reading.sentences[app.reader.view.cursor]
        assert current.text == "Drittes Kapitel: Sturm"
        assert app.reader.status.chapter == "Drittes Kapitel: Sturm"
        await pilot.press("j")
        assert app.reader.status.chapter == "Drittes Kapitel: Sturm"
        assert "Drittes Kapitel: Sturm · sentence" in screen_text(app)


async def test_footnote_marker_opens_the_note_and_enter_goes_there() -> None:
    app = document_app("chronik.epub")
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.press("j")  # "Der Verein wurde … gegründet." with note 1
        assert app.reading.sentences[app.reader.view.cursor].footnotes == ("1",)
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, NotePopup))
        assert "Die Gründungsurkunde ist verloren." in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, NotePopup))
        note = app.reading.sentences[app.reader.view.cursor]
        assert (note.kind, note.text) == ("footnote", "Die Gründungsurkunde ist verloren.")


async def test_plain_text_has_no_contents_and_says_when_there_is_no_note(
    make_app, seed_text
) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await without_model(pilot)
        assert "Contents" not in screen_text(app).splitlines()[-1]  # not in the footer
        await pilot.press("o")
        assert len(app.screen_stack) == 1
        await pilot.press("f")
        await wait_until(pilot, lambda: "No footnote text" in screen_text(app))


async def test_code_is_shown_verbatim_and_never_sent_to_the_model(tiny_model_dir) -> None:
    app = document_app("notizen.md", model=str(tiny_model_dir))
    code = next(s for s in app.reading.sentences if s.kind == "code")
    assert code.text not in app.feed._texts  # what the model is given
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: feed_finished(app.feed))
        assert app.reader.view.translations[code.index] == code.text
        assert app.reader.translated == len(app.reading.sentences)


def test_epub_headings_and_notes_snapshot(snap_compare):
    assert snap_compare(
        document_app("roman.epub"), terminal_size=(140, 36), run_before=without_model
    )


def test_contents_screen_snapshot(snap_compare):
    async def run_before(pilot) -> None:
        await without_model(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ContentsScreen))

    assert snap_compare(document_app("roman.epub"), terminal_size=(140, 36), run_before=run_before)
