"""Helpers for the reader's pilot tests: screen text, waiting for a state."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from reader.translate import Engine, EngineOptions, ModelNotFoundError, load_engine
from reader.translate.backends import convert_to_ctranslate2
from reader.translate.engine import plan_engine
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.translation_worker import TranslationFeed

WAIT_LIMIT = 30.0
"""Seconds a test waits for something to appear before it fails (not a timing
assertion: the tiny model normally takes well under a second)."""


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def pairs_on_screen(view: BilingualView) -> range:
    """The indices of the sentence pairs the view shows now."""
    top = round(view.scroll_y)
    height = max(view.scrollable_content_region.height, 1)
    layout = view._layout
    return range(layout.pair_at(top), layout.pair_at(top + height - 1) + 1)


def feed_finished(feed: TranslationFeed) -> bool:
    """Whether the feed's thread has stopped: all translated, cancelled or failed."""
    thread = feed._thread
    return thread is not None and not thread.is_alive()


async def wait_until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition()`` holds (fails after :data:`WAIT_LIMIT`)."""
    waited = 0.0
    while not condition():
        if waited > WAIT_LIMIT:
            pytest.fail("the app never reached the expected state")
        await pilot.pause(0.05)
        waited += 0.05


async def without_model(pilot: Pilot[object]) -> None:
    """Wait until a reader without a model has said so (the notice is shown)."""
    app = pilot.app
    await wait_until(pilot, lambda: app.reader.status.model_missing)  # type: ignore[attr-defined]


def warm_int8_copy(model_dir: Path) -> None:
    """Make the model's int8 copy now, in the test's cache directory: the
    reader then loads it without the first-use "preparing the model" notice."""
    converted = plan_engine(EngineOptions(model=str(model_dir), device="cpu")).converted_dir
    converted.parent.mkdir(parents=True, exist_ok=True)
    convert_to_ctranslate2(model_dir, converted)


class HeldLoader:
    """The real engine loader, held back until :meth:`release` — a slow model
    load on demand. Gives up once ``app`` has stopped, so a failing test never
    leaves a worker thread blocking the interpreter's exit."""

    def __init__(self) -> None:
        self.app: App[object] | None = None
        self._gate = threading.Event()

    def release(self) -> None:
        self._gate.set()

    def __call__(self, options: EngineOptions) -> Engine:
        while not self._gate.wait(0.05):
            if self.app is not None and not self.app.is_running:
                raise ModelNotFoundError("the test closed the reader before the model load")
        return load_engine(options)
