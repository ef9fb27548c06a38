"""``?``: every key the reader understands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

MOUSE = [
    ("click", "make a sentence current; on a term: explain it; on a German word: look it up"),
    ("wheel", "scroll"),
]


class HelpScreen(ModalScreen[None]):
    """A table of keys, built from the bindings themselves so it cannot go stale."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, bindings: Sequence[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for binding in self.bindings:
            keys = " ".join(
                self.app.get_key_display(Binding(key, "")) for key in binding.key.split(",")
            )
            table.add_row(keys, binding.description)
        for gesture, description in MOUSE:
            table.add_row(gesture, description)
        with VerticalScroll(id="help-screen", classes="popup") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            yield Static(table)
