"""``?``: every key the reader understands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from reader.views.tui.popup import Popup

MOUSE = [
    ("click", "make a sentence current; on a term: explain it; on a German word: look it up"),
    ("wheel", "scroll"),
]


class HelpScreen(Popup[None]):
    """A table of keys, built from the bindings themselves so it cannot go stale."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,question_mark", "dismiss", "Close")]
    BOX_ID = "help-screen"

    def __init__(self, keys: Sequence[tuple[str, str]]) -> None:
        """``keys``: ``(comma-separated key names, what they do)`` per binding."""
        super().__init__()
        self.keys = keys

    def popup_title(self) -> str:
        return "Keys"

    def compose_body(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for names, description in self.keys:
            keys = " ".join(self.app.get_key_display(Binding(key, "")) for key in names.split(","))
            table.add_row(keys, description)
        for gesture, description in MOUSE:
            table.add_row(gesture, description)
        yield Static(table)
