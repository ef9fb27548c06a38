"""Translations flowing in while the reader reads; the reader without a model."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from tui_helpers import (
    HeldLoader,
    feed_finished,
    pairs_on_screen,
    screen_text,
    wait_until,
    warm_int8_copy,
    without_model,
)

from reader.translate import Engine, EngineOptions, load_engine
from reader.translate.cache import DATABASE_NAME
from reader.views.tui.bilingual_view import TRANSLATING, BilingualView


async def test_german_shows_at_once_and_keys_work_while_the_model_loads(
    make_app, seed_text
) -> None:
    held = HeldLoader()
    app = held.app = make_app(seed_text, load=held)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Während es in den Beziehungen zwischen den USA" in text
        assert TRANSLATING in text
        # A fresh cache: the first load converts the model to int8, and says so.
        await wait_until(
            pilot, lambda: "preparing the model for fast CPU use, once: ~2 s" in screen_text(app)
        )
        await pilot.press("j", "j", "G", "g", "j")
        assert app.query_one(BilingualView).cursor == 1
        held.release()
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))
        text = screen_text(app)
        assert TRANSLATING not in text
        assert f"translated {len(app.reading.sentences)}/{len(app.reading.sentences)}" in text
        assert "4 beams" in text  # the engine's description replaced "loading"


async def test_status_says_loading_when_the_int8_copy_is_ready(
    make_app, seed_text, tiny_model_dir
) -> None:
    warm_int8_copy(tiny_model_dir)
    held = HeldLoader()
    app = held.app = make_app(seed_text, load=held)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "loading model…" in text
        assert "preparing" not in text
        held.release()
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))


WAIT_PRESSES = 3000
"""About a minute of navigation at most."""


async def test_translations_arrive_while_navigating(make_app, seed_text) -> None:
    app = make_app(seed_text)
    async with app.run_test(size=(140, 40)) as pilot:
        view = app.query_one(BilingualView)
        # Bounded: a feed that stops delivering fails here instead of hanging.
        for _ in range(WAIT_PRESSES):
            if app.reader.translated == len(app.reading.sentences):
                break
            await pilot.press("j")
            await pilot.pause(0.02)
        else:
            pytest.fail(f"{app.reader.translated} of {len(app.reading.sentences)} translated")
        assert all(translation is not None for translation in view.translations)
        # Every German sentence is still paired with its own translation.
        for index in pairs_on_screen(view):
            start, _ = view._layout.pair_rows(index)
            row = view._layout.row(start)
            assert row.german is not None and row.english is not None


async def test_sentences_on_screen_are_translated_first(make_app) -> None:
    text = "\n\n".join(f"Satz {number} über die Zusammenarbeit." for number in range(60))
    held = HeldLoader()
    app = held.app = make_app(text, load=held)
    arrivals: list[int] = []
    drain = app.feed.drain

    def recording_drain() -> list[tuple[int, str]]:
        # The order translations reach the view in (the tiny model may finish
        # the whole document between two looks at the screen).
        results = drain()
        arrivals.extend(index for index, _ in results)
        return results

    app.feed.drain = recording_drain
    async with app.run_test(size=(140, 20)) as pilot:
        await pilot.press("G")
        on_screen = pairs_on_screen(app.query_one(BilingualView))
        held.release()
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))
    assert sorted(arrivals) == list(range(60))
    assert set(arrivals[: len(on_screen)]) == set(on_screen)


async def test_reopening_shows_cached_translations(make_app, seed_text) -> None:
    app = make_app(seed_text)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))
        assert "cached" not in screen_text(app)
        first_run = list(app.query_one(BilingualView).translations)
    again = make_app(seed_text)
    async with again.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: again.reader.translated == len(again.reading.sentences))
        assert again.query_one(BilingualView).translations == first_run
        assert f"{len(again.reading.sentences)} cached" in screen_text(again)


async def test_without_a_model_the_reader_still_works(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        text = screen_text(app)
        assert "Während es in den Beziehungen zwischen den USA" in text
        assert text.count("reader model download") == 1
        assert "--model" in text
        assert TRANSLATING not in text
        assert "no model" in text
        await pilot.press("j", "j", "t")
        assert "Glossary" in screen_text(app)  # the term popup still opens
        await pilot.press("escape", "G")
        assert app.query_one(BilingualView).cursor == len(app.reading.sentences) - 1


async def test_reopening_shows_cached_translations_before_the_model_loads(
    make_app, seed_text
) -> None:
    app = make_app(seed_text)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))
        first_run = list(app.query_one(BilingualView).translations)
    held = HeldLoader()
    again = held.app = make_app(seed_text, load=held)
    async with again.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: again.reader.translated == len(again.reading.sentences))
        text = screen_text(again)
        assert "loading model…" in text  # the model is still held back
        assert TRANSLATING not in text
        assert again.query_one(BilingualView).translations == first_run
        held.release()
        await wait_until(pilot, lambda: feed_finished(again.feed))
        # The thread has ended; its last messages may still be on their way.
        await wait_until(pilot, lambda: "4 beams" in screen_text(again))
        # The engine's own pass over the cache delivered nothing a second time.
        assert again.reader.translated == len(again.reading.sentences)
        assert f"{len(again.reading.sentences)} cached" in screen_text(again)


async def test_a_damaged_cache_is_replaced_with_a_warning(make_app, seed_text) -> None:
    cache = Path(os.environ["READER_CACHE_DIR"]) / DATABASE_NAME
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"this is not a database" * 100)
    app = make_app(seed_text)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        # A notification (shown for 10 s: looked for first, before a slow,
        # busy machine has translated everything), not an error: the reader
        # goes on translating.
        await wait_until(pilot, lambda: "damaged" in screen_text(app))
        await wait_until(pilot, lambda: app.reader.translated == len(app.reading.sentences))
        assert TRANSLATING not in screen_text(app)
    assert list(cache.parent.glob(f"{DATABASE_NAME}.corrupt-*"))


async def test_an_unloadable_model_file_leaves_the_german_readable(
    make_app, seed_text, tiny_model_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken-model"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "model.safetensors").write_bytes(b"\x00garbage" * 1000)

    def load(options: EngineOptions) -> Engine:
        return load_engine(replace(options, model=str(broken), quantize="none"))

    app = make_app(seed_text, load=load)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: "translation failed" in screen_text(app))
        text = screen_text(app)
        assert "Während es in den Beziehungen zwischen den USA" in text
        assert "cannot load the model" in text
        await pilot.press("j")
        assert app.query_one(BilingualView).cursor == 1


async def test_an_unexpected_error_in_the_feed_is_one_line_naming_the_log(
    make_app, seed_text, tmp_path, monkeypatch
) -> None:
    # The feed used to keep only "Type: message": the traceback was lost.
    monkeypatch.setenv("READER_LOG_DIR", str(tmp_path / "log"))

    def broken_loader(options: EngineOptions) -> Engine:
        raise RuntimeError("the loader has a bug")

    app = make_app(seed_text, load=broken_loader)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app.reader.status.model == "translation failed")
        (log,) = (tmp_path / "log").iterdir()
        shown = " ".join(screen_text(app).split())
        assert "unexpected RuntimeError: the loader has a bug (a bug in reader; the" in shown
        assert 'raise RuntimeError("the loader has a bug")' in log.read_text()
