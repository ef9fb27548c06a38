"""Front and back matter in the reader (issue 19): dimmed, never sent to the model."""

from __future__ import annotations

from tui_helpers import wait_until

from reader.document import Block, Document
from reader.glossary import load_glossary
from reader.segment import all_sentences, segment_document
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp

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
    paragraphs = segment_document(document)
    return ReaderApp(
        "bote.epub",
        document.text,
        list(all_sentences(paragraphs)),
        options=EngineOptions(model=model, device="cpu"),
        glossary=load_glossary(),
        paragraphs=paragraphs,
    )


async def test_matter_is_dimmed_shown_as_it_is_and_never_sent_to_the_model(
    tiny_model_dir,
) -> None:
    app = matter_app(str(tiny_model_dir))
    licence = next(s for s in app.sentences if s.text == LICENCE)
    assert licence.kind == "matter"
    assert LICENCE not in app.feed._texts  # what the model is given
    assert "Der Regen hörte nicht auf." in app.feed._texts
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.feed.finished)
        assert app.view.translations[licence.index] == LICENCE
        style = app.view.get_component_rich_style("bilingual-view--matter")
        assert style.dim
