"""``o``: the document's table of contents; Enter jumps to a heading or chapter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

INDENT = "  "
"""Per heading level below the top one."""


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A heading of the document: where it is, how deep, what it says."""

    index: int
    """The heading's sentence index."""
    level: int
    title: str


def current_entry(entries: Sequence[ContentsEntry], sentence: int) -> int:
    """The position in ``entries`` of the heading ``sentence`` is under (0 before the first)."""
    position = 0
    for number, entry in enumerate(entries):
        if entry.index > sentence:
            break
        position = number
    return position


class ContentsScreen(ModalScreen[int | None]):
    """Returns the chosen heading's sentence index (``None``: closed)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,o", "dismiss", "Close")]

    def __init__(self, entries: Sequence[ContentsEntry], current: int = 0) -> None:
        super().__init__()
        self.entries = entries
        self.current = current

    def compose(self) -> ComposeResult:
        top = min((entry.level for entry in self.entries), default=1)
        options = [Option(INDENT * (entry.level - top) + entry.title) for entry in self.entries]
        with Vertical(id="contents-screen", classes="popup") as box:
            box.border_title = f"Contents · {len(self.entries)} headings"
            box.border_subtitle = "Enter jumps · Esc closes"
            yield OptionList(*options, id="contents-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = current_entry(self.entries, self.current)
        options.focus()

    @on(OptionList.OptionSelected, "#contents-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[event.option_index].index)
