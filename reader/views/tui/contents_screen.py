"""``o``: the document's table of contents; Enter jumps to a heading or chapter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.views.tui.popup import Popup
from reader.views.tui.reading import ContentsEntry

INDENT = "  "
"""Per heading level below the top one."""


def current_entry(entries: Sequence[ContentsEntry], sentence: int) -> int:
    """The position in ``entries`` of the heading ``sentence`` is under (0 before the first)."""
    position = 0
    for number, entry in enumerate(entries):
        if entry.index > sentence:
            break
        position = number
    return position


class ContentsScreen(Popup[int | None]):
    """Returns the chosen heading's sentence index (``None``: closed)."""

    DEFAULT_CSS = """
    #contents-list {
        height: auto;
        max-height: 30;
        border: none;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,o", "dismiss", "Close")]
    BOX_ID = "contents-screen"
    SUBTITLE = "Enter jumps · Esc closes"
    SCROLLS = False

    def __init__(self, entries: Sequence[ContentsEntry], current: int = 0) -> None:
        super().__init__()
        self.entries = list(entries)
        """A copy: more headings may arrive while the list is open."""
        self.current = current

    def popup_title(self) -> str:
        return f"Contents · {len(self.entries)} headings"

    def compose_body(self) -> ComposeResult:
        top = min((entry.level for entry in self.entries), default=1)
        options = [Option(INDENT * (entry.level - top) + entry.title) for entry in self.entries]
        yield OptionList(*options, id="contents-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = current_entry(self.entries, self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#contents-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[event.option_index].index)
