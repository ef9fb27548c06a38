"""The whole glossary of the document, as a list you can filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.views.tui.popup import Popup
from reader.views.tui.term_popup import TermInfo, TermPopup


def filter_terms(terms: Sequence[TermInfo], query: str) -> list[TermInfo]:
    """The terms whose name, expansions or variants contain ``query``."""
    needle = query.casefold().strip()
    if not needle:
        return list(terms)

    def haystack(info: TermInfo) -> str:
        parts = [info.summary]
        if info.entry is not None:
            parts += [info.entry.german, *info.entry.variants]
        if info.definition is not None:
            parts.append(info.definition.long_form)
        return " ".join(parts).casefold()

    return [info for info in terms if needle in haystack(info)]


class GlossaryScreen(Popup[None]):
    """Type to filter, ↑/↓ to choose, Enter to explain, Escape to close."""

    DEFAULT_CSS = """
    #glossary-screen { height: 80%; }
    #glossary-list {
        height: 1fr;
        border: none;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "focus_list", "List", show=False),
    ]
    BOX_ID = "glossary-screen"
    SUBTITLE = "Enter explains · Esc closes"
    SCROLLS = False

    def __init__(self, terms: Sequence[TermInfo]) -> None:
        super().__init__()
        self.terms = terms
        self.shown: list[TermInfo] = list(terms)

    def popup_title(self) -> str:
        return f"Glossary of this document · {len(self.terms)} terms"

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="Filter terms…", id="glossary-filter")
        yield OptionList(*self._options(), id="glossary-list")

    def _options(self) -> list[Option]:
        if not self.shown:
            return [Option("No terms match.", disabled=True)]
        return [Option(info.summary) for info in self.shown]

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.shown = filter_terms(self.terms, event.value)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())

    @on(Input.Submitted, "#glossary-filter")
    def _submit_filter(self) -> None:
        if self.shown:
            self.app.push_screen(TermPopup([self.shown[0]]))

    @on(OptionList.OptionSelected, "#glossary-list")
    def _explain(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(TermPopup([self.shown[event.option_index]]))

    def action_focus_list(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if options.highlighted is None and self.shown:
            options.highlighted = 0
