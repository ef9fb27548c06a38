"""The reader application: the lifecycle around :class:`ReaderScreen`.

The app segments the rest of the document in a worker, runs the translation
feed, and saves the reading position; everything on screen is the screen's
(:mod:`reader.views.tui.screen`). Its dependencies — the dictionary, the
position store, the settings — are resolved by the caller (the CLI) and
passed in: :func:`build_reader_app` is how ``reader read``, the pilot tests
and the snapshot tests all make one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.timer import Timer
from textual.worker import get_current_worker

from reader.dictionary.service import DictionaryService
from reader.document import Document
from reader.errors import InputError
from reader.glossary import Glossary
from reader.segment import Paragraph
from reader.translate import EngineOptions, load_engine
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.config import ReaderConfig
from reader.views.tui.positions import PositionStore, document_key
from reader.views.tui.reading import Part, Reading, document_parts
from reader.views.tui.screen import ReaderScreen
from reader.views.tui.translation_worker import EngineLoader, TranslationFeed

_SAVE_DELAY = 1.0
"""Seconds after the last move before the position is written down."""


class ReaderApp(App[None]):
    """German and English side by side, translated while you read."""

    TITLE = "reader"

    @dataclass
    class PartSegmented(Message):
        """The next part of the document, from the segmenting worker."""

        paragraphs: list[Paragraph]
        last: bool

    def __init__(
        self,
        reading: Reading,
        rest: Iterator[Part],
        *,
        options: EngineOptions,
        glossary: Glossary | None,
        positions: PositionStore,
        dictionary: DictionaryService,
        config: ReaderConfig,
        load: EngineLoader = load_engine,
    ) -> None:
        """``reading``: the document's first part; ``rest``: the parts after it."""
        super().__init__()
        self.reading = reading
        self._rest = rest
        self.glossary = glossary
        self.positions = positions
        self.dictionary = dictionary
        self.config = config
        self.key = document_key(reading.text)
        self.feed = TranslationFeed(options, glossary, load)
        self.feed.extend(self._prose_texts(0), last=reading.complete)
        self.position: int | None = None
        """The current sentence, kept here because the screen is gone at unmount;
        ``None`` until mounted (a reader ended before then must not overwrite
        the saved position)."""
        self._save_timer: Timer | None = None
        self.set_keymap(config.keymap)

    def get_default_screen(self) -> ReaderScreen:
        self.reader = ReaderScreen(
            self.reading, self.feed, self.glossary, self.dictionary, self.config.keymap
        )
        return self.reader

    def on_mount(self) -> None:
        saved = self.positions.load(self.key)
        for warning in self.positions.warnings:
            self.notify(warning, title="position", severity="warning", timeout=10)
        # Where the reader is, even if it quits before the move there.
        self.position = saved or 0
        if saved is not None:
            self.reader.open_at(saved)
        self.feed.start(self.reader)
        if not self.reading.complete:
            # After the first paint: the worker holds the GIL most of the time.
            self.call_after_refresh(self._segment_rest)

    def on_unmount(self) -> None:
        self.feed.cancel()
        self.save_position()

    # -- the rest of the document ---------------------------------------------

    @work(thread=True, exit_on_error=True)
    def _segment_rest(self) -> None:
        # A Textual worker (not a bare thread like the feed's): quitting
        # cancels it, and it stops between two parts (each ~50 ms), so the
        # shutdown that joins it never waits long.
        worker = get_current_worker()
        for part in self._rest:
            if worker.is_cancelled:
                return
            self.post_message(self.PartSegmented(part.paragraphs, part.last))

    @on(PartSegmented)
    def _part_segmented(self, event: PartSegmented) -> None:
        first = len(self.reading.prose)
        added = self.reading.add(event.paragraphs)
        self.reading.complete = event.last
        self.feed.extend(self._prose_texts(first), last=event.last)
        self.reader.grow(added)

    def _prose_texts(self, first: int) -> list[str]:
        sentences = self.reading.sentences
        # The model's input: a long quotation's piece with the marks that balance it.
        return [sentences[index].model_text for index in self.reading.prose[first:]]

    # -- position -------------------------------------------------------------

    @on(BilingualView.CursorMoved)
    def _cursor_moved(self, event: BilingualView.CursorMoved) -> None:
        self.position = event.index
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(_SAVE_DELAY, self.save_position)

    def save_position(self) -> str | None:
        """Remember the current sentence for this document (the next start opens
        there). A failure is shown while the app runs, else returned (once)."""
        if not self.reading.sentences or self.position is None:
            return None
        warning = self.positions.save(self.key, self.position)
        if warning and self.is_running:
            self.notify(warning, title="position", severity="warning", timeout=10)
            return None
        return warning


def build_reader_app(
    document: Document,
    *,
    options: EngineOptions,
    glossary: Glossary | None,
    positions: PositionStore,
    dictionary: DictionaryService,
    config: ReaderConfig | None = None,
    load: EngineLoader = load_engine,
    name: str | None = None,
) -> ReaderApp:
    """A reader on ``document``, its first screen segmented, the rest to come.

    ``name``: what the status line calls it (default: the file name).
    Raises :class:`InputError` when the document has no text at all.
    """
    shown = name or Path(document.name).name
    reading = Reading(shown, document.text)
    parts = document_parts(document)
    # Until a part has sentences: a book may open with empty blocks.
    for part in parts:
        reading.add(part.paragraphs)
        reading.complete = part.last
        if reading.sentences:
            break
    if not reading.sentences:
        raise InputError(f"{document.name}: there is no text to read")
    return ReaderApp(
        reading,
        parts,
        options=options,
        glossary=glossary,
        positions=positions,
        dictionary=dictionary,
        config=config or ReaderConfig(),
        load=load,
    )
