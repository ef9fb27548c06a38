"""Front and back matter in the reader (issue 19): dimmed, never sent to the model."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import feed_finished, wait_until

from reader.dictionary.service import DictionaryService
from reader.document import Block, Document
from reader.glossary import load_glossary
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp, build_reader_app
from reader.views.tui.positions import PositionStore

LICENCE = "THE FULL PROJECT GUTENBERG LICENSE"


def matter_app(model: str) -> ReaderApp:
    document = Document(
        "bote.epub",
        "epub",
        (
            Block("matter", "The Project Gutenberg eBook of Der Bote"),
            Block("heading", "Erstes Kapitel", level=1),
            Block("paragraph", "Der Regen hörte nicht auf."),
            Block("matter", LICENCE),
        ),
    )
    return build_reader_app(
        document,
        options=EngineOptions(model=model, device="cpu"),
        glossary=load_glossary(),
        positions=PositionStore(),
        dictionary=DictionaryService(None, Path("unused")),
    )


async def test_matter_is_dimmed_shown_as_it_is_and_never_sent_to_the_model(
    tiny_model_dir,
) -> None:
    app = matter_app(str(tiny_model_dir))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: feed_finished(app.feed))
        licence = next(s for s in app.reading.sentences if s.text == LICENCE)
        assert licence.kind == "matter"
        assert LICENCE not in app.feed._texts  # what the model is given
        assert "Der Regen hörte nicht auf." in app.feed._texts
        assert app.reader.view.translations[licence.index] == LICENCE
        assert app.reader.translated == len(app.reading.sentences)
        assert app.reader.view.get_component_rich_style("bilingual-view--matter").dim
