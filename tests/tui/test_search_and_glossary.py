"""Finding text with / n N; glossary terms, their popups and the glossary list."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_helpers import screen_text, wait_until, without_model

from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.glossary_screen import GlossaryScreen
from reader.views.tui.term_popup import TermPopup
from reader.views.tui.word_popup import WordPopup


def listed_terms(app) -> set[str]:
    """The terms the glossary list shows."""
    options = app.screen.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return {prompt.split(" — ")[0] for prompt in prompts}


async def search(pilot, query: str) -> None:
    await pilot.press("slash", *query, "enter")


async def test_search_jumps_to_matches_and_n_cycles(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        view = app.query_one(BilingualView)
        await search(pilot, "china")
        matches = [i for i, s in enumerate(app.reading.sentences) if "china" in s.text.lower()]
        assert len(matches) > 2
        assert view.cursor == matches[0]
        assert f"“china” 1/{len(matches)}" in screen_text(app)
        await pilot.press("n")
        assert view.cursor == matches[1]
        await pilot.press("N", "N")
        assert view.cursor == matches[-1]  # wraps around
        await pilot.press("n")
        assert view.cursor == matches[0]


async def test_search_finds_english_text(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        view = app.query_one(BilingualView)
        view.set_translations([(20, "Zanzibar and Japan signed an agreement.")])
        await search(pilot, "zanzibar")
        assert view.cursor == 20
        assert "“zanzibar” 1/1" in screen_text(app)


async def test_search_without_a_match_says_so(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        await pilot.press("j")
        await search(pilot, "Quetzalcoatl")
        assert "“Quetzalcoatl” not found" in screen_text(app)
        assert app.query_one(BilingualView).cursor == 1
        await pilot.press("n")
        assert app.query_one(BilingualView).cursor == 1


async def test_escape_closes_the_search_bar_and_keys_work_again(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        await pilot.press("slash", "x", "escape", "j")
        assert app.query_one(BilingualView).cursor == 1


async def test_term_key_explains_the_terms_of_the_current_sentence(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await without_model(pilot)
        await pilot.press("j", "t")  # "… über IP zu sprechen."
        await wait_until(pilot, lambda: isinstance(app.screen, TermPopup))
        text = screen_text(app)
        assert "IP" in text and "intellectual property" in text.lower()
        await pilot.press("escape")
        assert not isinstance(app.screen, TermPopup)
        await pilot.press("j", "j", "t")  # "Zudem nimmt Abe …": no terms
        assert not isinstance(app.screen, TermPopup)
        await wait_until(pilot, lambda: "No glossary terms" in screen_text(app))


async def test_clicking_a_highlighted_term_explains_it(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        rows = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(rows) if "Global Times" in line)
        column = rows[row].index("Global Times") + 2
        await pilot.click(BilingualView, offset=(column, row))
        await wait_until(pilot, lambda: isinstance(app.screen, TermPopup))
        assert "Global Times" in screen_text(app)
        assert app.screen.terms[0].term == "Global Times"
        await pilot.press("escape")
        assert app.query_one(BilingualView).cursor == 4


async def test_clicking_a_plain_word_opens_its_word_popup_not_a_term_popup(
    make_app, seed_text
) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        rows = screen_text(app).splitlines()
        row = next(y for y, line in enumerate(rows) if "Frühlingslüftchen" in line)
        await pilot.click(BilingualView, offset=(rows[row].index("Frühling") + 1, row))
        await wait_until(pilot, lambda: isinstance(app.screen, WordPopup))
        assert (app.screen.info.word, app.screen.info.term) == ("Frühlingslüftchen", None)


async def test_glossary_list_filters_and_explains(make_app, seed_text) -> None:
    app = make_app(seed_text, model=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await without_model(pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
        assert {"Softbank", "CHAdeMO", "USA"} <= listed_terms(app)
        await pilot.press(*"chade")
        assert listed_terms(app) == {"CHAdeMO"}
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TermPopup))
        assert "CHAdeMO" in screen_text(app)
        await pilot.press("escape", "escape")
        # Both closed: back on the reading screen.
        assert len(app.screen_stack) == 1
        assert app.screen.query_one(BilingualView).has_focus
