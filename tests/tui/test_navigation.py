"""Moving through a document: keys, paging, the mouse, layouts, help."""

from __future__ import annotations

from textual import events
from tui_helpers import screen_text, wait_until, without_model

from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.help_screen import HelpScreen

LONG = "\n\n".join(
    f"Das ist der Satz Nummer {number} in einem langen Dokument." for number in range(200)
)


def status_line(app) -> str:
    return next(line for line in screen_text(app).splitlines() if "sentence " in line)


async def test_arrows_and_vi_keys_move_by_sentence(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.press("down", "j", "j")
        assert "sentence 4/200" in status_line(app)
        await pilot.press("up", "k")
        assert "sentence 2/200" in status_line(app)
        await pilot.press("k", "k", "k")
        assert "sentence 1/200" in status_line(app)


async def test_end_and_home_jump_to_the_ends(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        await pilot.press("G")
        assert "sentence 200/200" in status_line(app)
        assert "Satz Nummer 199 " in screen_text(app)
        assert "Satz Nummer 0 " not in screen_text(app)
        await pilot.press("g")
        assert "sentence 1/200" in status_line(app)
        assert "Satz Nummer 0 " in screen_text(app)
        await pilot.press("end")
        assert "sentence 200/200" in status_line(app)
        await pilot.press("home")
        assert "sentence 1/200" in status_line(app)


async def test_page_down_and_up_move_a_screenful(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        first_screen = screen_text(app).splitlines()[:25]
        await pilot.press("pagedown")
        view = app.query_one(BilingualView)
        assert 5 < view.cursor < 30
        assert screen_text(app).splitlines()[:25] != first_screen
        assert f"Satz Nummer {view.cursor} " in screen_text(app)
        await pilot.press("pagedown", "pageup")
        assert 5 < view.cursor < 30
        await pilot.press("pageup")
        assert view.cursor == 0
        assert screen_text(app).splitlines()[:25] == first_screen


async def test_clicking_a_sentence_makes_it_current(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        rows = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(rows) if "Satz Nummer 3 " in line)
        await pilot.click(BilingualView, offset=(5, row))
        assert "sentence 4/200" in status_line(app)


async def test_mouse_wheel_scrolls_the_text(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        view = app.query_one(BilingualView)
        # The pilot has no public wheel helper; this is what its click uses.
        for _ in range(5):
            await pilot._post_mouse_events([events.MouseScrollDown], BilingualView, (5, 5))
        assert view.scroll_y > 0
        assert "Satz Nummer 0 " not in screen_text(app)


async def test_layout_follows_the_width_and_toggles(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(70, 30)) as pilot:
        view = app.query_one(BilingualView)
        assert view.mode == "stacked"
        assert "│" not in screen_text(app)
        await pilot.press("v")
        assert view.mode == "side"
        assert "│" in screen_text(app)
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 30)) as pilot:
        view = app.query_one(BilingualView)
        assert view.mode == "side"
        await pilot.press("v")
        assert view.mode == "stacked"


async def test_the_current_sentence_stays_on_screen_across_a_toggle(make_app) -> None:
    app = make_app(LONG, model=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await without_model(pilot)
        for _ in range(6):
            await pilot.press("pagedown")
        current = app.query_one(BilingualView).cursor
        await pilot.press("v")
        assert f"Satz Nummer {current} " in screen_text(app)
        await pilot.press("v")
        assert f"Satz Nummer {current} " in screen_text(app)


async def test_help_lists_every_key(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(120, 45)) as pilot:
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = screen_text(app)
        for binding in [*BilingualView.BINDINGS, *app.BINDINGS]:
            assert binding.description in help_text
        assert "click" in help_text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
