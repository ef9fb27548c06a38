"""The ``/`` search line at the bottom of the screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An input shown by ``/``; Enter searches, Escape closes."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        border: tall $accent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close search", show=False)]

    @dataclass
    class Closed(Message):
        """The search bar was closed without a new search."""

    def __init__(self) -> None:
        super().__init__(placeholder="Search German and English…  (Enter: find, Esc: close)")

    def open(self) -> None:
        self.display = True
        self.focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
