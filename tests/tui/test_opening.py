"""Opening a document at once: the first part is segmented before the first
paint, the rest in a worker, and it reads exactly as the whole would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import WAIT_LIMIT, screen_text, wait_until, without_model

from reader.dictionary.service import DictionaryService
from reader.document import Block, Document, plain_text_document
from reader.glossary import load_glossary
from reader.importers import load_document
from reader.segment import segment_document
from reader.translate import EngineOptions
from reader.views.tui.app import ReaderApp
from reader.views.tui.config import ReaderConfig
from reader.views.tui.positions import PositionStore, document_key
from reader.views.tui.reading import Part, Reading, document_parts

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def chapters(count: int, paragraphs: int = 4) -> str:
    """Plain text: ``count`` chapters of numbered sentences, blank lines between paragraphs."""
    return "\n\n".join(
        f"Satz {c}.{p}.1 über den Hafen von Hamburg. Satz {c}.{p}.2 folgt am Morgen."
        for c in range(count)
        for p in range(paragraphs)
    )


def joined(parts: Iterator[Part]) -> list:
    return [paragraph for part in parts for paragraph in part.paragraphs]


@pytest.mark.parametrize("first, size", [(1, 1), (40, 90), (12_000, 60_000)])
@pytest.mark.parametrize(
    "document",
    [
        *(plain_text_document(p.name, p.read_text(encoding="utf-8")) for p in SEEDS),
        *(load_document(str(FIXTURES / name)) for name in ("roman.epub", "chronik.epub")),
        *(load_document(str(FIXTURES / name)) for name in ("notizen.md", "analyse.html")),
        # Hard-wrapped paragraphs: a piece with one paragraph and no blank
        # line would be split at its line breaks.
        plain_text_document("wrapped.txt", "Erste Zeile\nzweite Zeile.\n\n" * 9 + "Ende\nhier."),
        # One paragraph per line, no blank line anywhere.
        plain_text_document("lines.txt", "Ein Satz hier.\nNoch einer dort.\n" * 9),
        # Text blocks between headings: sections carry on across pieces.
        Document(
            "mixed",
            "txt",
            (
                Block("heading", "Kapitel  1", level=1),
                Block("text", chapters(3)),
                Block("heading", "Kapitel 2", level=2),
                Block("text", chapters(2)),
            ),
        ),
    ],
    ids=lambda value: getattr(value, "name", None),
)
def test_the_parts_are_the_whole_document_segmented(document: Document, first, size) -> None:
    parts = list(document_parts(document, first, size))
    assert joined(iter(parts)) == segment_document(document)
    assert [part.last for part in parts] == [False] * (len(parts) - 1) + [True]


def test_the_first_part_of_a_long_text_is_short() -> None:
    text = chapters(500)  # ~70,000 characters, one text block
    parts = list(document_parts(plain_text_document("long.txt", text), 2_000, 20_000))
    total = sum(len(p.sentences) for part in parts for p in part.paragraphs)
    assert len(parts) > 3
    # Cut after the paragraph that passes 2,000 characters (~80 a paragraph).
    assert 2_000 <= parts[0].paragraphs[-1].sentences[-1].end < 2_100
    assert total == 4000


class HeldParts:
    """The parts after the first, held back until :meth:`release` (a slow
    segmentation on demand); gives up once the app has stopped."""

    def __init__(self, parts: Iterator[Part]) -> None:
        self.parts = parts
        self.app: ReaderApp | None = None
        self._gate = threading.Event()

    def release(self) -> None:
        self._gate.set()

    def __iter__(self) -> Iterator[Part]:
        waited = 0.0
        while not self._gate.wait(0.05):
            waited += 0.05
            if waited > WAIT_LIMIT or (self.app is not None and not self.app.is_running):
                return
        yield from self.parts


def held_app(text: str, tmp_path: Path, saved: int | None = None) -> tuple[ReaderApp, HeldParts]:
    """A reader whose first part has arrived and whose rest waits for ``release()``."""
    document = plain_text_document("long.txt", text)
    parts = document_parts(document, 1_500, 5_000)
    reading = Reading("long.txt", document.text)
    reading.add(next(parts).paragraphs)
    positions = PositionStore(tmp_path / "state")
    if saved is not None:
        positions.save(document_key(document.text), saved)
    held = HeldParts(parts)
    app = held.app = ReaderApp(
        reading,
        iter(held),
        options=EngineOptions(model=None, device="cpu"),
        glossary=load_glossary(),
        positions=positions,
        dictionary=DictionaryService(None, tmp_path / "index"),
        config=ReaderConfig(),
    )
    return app, held


async def test_end_search_and_the_status_work_while_the_rest_arrives(tmp_path: Path) -> None:
    app, held = held_app(chapters(100), tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        loaded = len(app.reading.sentences)
        assert 0 < loaded < 800 and not app.reading.complete
        assert f"sentence 1/{loaded}…" in screen_text(app)
        await pilot.press("slash", *"Satz 99.3.2", "enter")
        assert app.reader.status.search == "“Satz 99.3.2” not found"
        await pilot.press("G")  # End before the end has arrived
        assert app.reader.view.cursor == loaded - 1
        held.release()
        await wait_until(pilot, lambda: app.reading.complete)
        # End meant the document's end; the search found the late match.
        assert app.reader.view.cursor == 799
        assert "sentence 800/800 " in screen_text(app) + " "
        assert "sentence 800/800…" not in screen_text(app)
        assert app.reader.matches == [799]
        await pilot.press("n")
        assert app.reader.status.search == "“Satz 99.3.2” 1/1"


async def test_a_saved_position_past_the_first_part_opens_when_it_arrives(
    tmp_path: Path,
) -> None:
    app, held = held_app(chapters(100), tmp_path, saved=700)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        assert app.reader.view.cursor == 0
        held.release()
        await wait_until(pilot, lambda: app.reader.view.cursor == 700)
        assert "Satz 87.2.1" in screen_text(app)  # sentence 700 on screen
    assert app.positions.load(app.key) == 700


async def test_moving_before_the_saved_position_arrives_cancels_the_jump(
    tmp_path: Path,
) -> None:
    app, held = held_app(chapters(100), tmp_path, saved=700)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.press("j", "j")
        held.release()
        await wait_until(pilot, lambda: app.reading.complete)
        await pilot.pause()
        assert app.reader.view.cursor == 2


async def test_quitting_while_the_rest_is_segmented_saves_and_ends(tmp_path: Path) -> None:
    app, _held = held_app(chapters(100), tmp_path, saved=3)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await wait_until(pilot, lambda: app.reader.view.cursor == 3)
        await pilot.press("j", "q")
    assert app.return_code == 0
    assert app.positions.load(app.key) == 4


def test_a_document_without_text_is_refused(tmp_path: Path) -> None:
    from reader.errors import InputError
    from reader.views.tui.app import build_reader_app

    with pytest.raises(InputError, match=r"empty\.txt: there is no text to read"):
        build_reader_app(
            plain_text_document("empty.txt", "   \n\n  "),
            options=EngineOptions(model=None),
            glossary=None,
            positions=PositionStore(tmp_path),
            dictionary=DictionaryService(None, tmp_path),
        )
