"""The base of every popup: a box in the middle of the screen, a title, Esc closes.

A new popup subclasses :class:`Popup`, sets :attr:`Popup.BOX_ID` (its box's
id, for its own CSS), adds its own closing keys to ``BINDINGS`` if it wants
more than Escape, and yields its content from :meth:`Popup.compose_body`.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Popup(ModalScreen[ResultType]):
    """A modal box; :meth:`dismiss` returns its result to whoever pushed it."""

    DEFAULT_CSS = """
    Popup {
        align: center middle;
        & > .popup {
            width: 80%;
            max-width: 90;
            height: auto;
            max-height: 80%;
            border: round $accent;
            border-title-color: $text-accent;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    BOX_ID: ClassVar[str] = "popup"
    SUBTITLE: ClassVar[str] = "Esc closes"
    SCROLLS: ClassVar[bool] = True
    """Whether the box scrolls its content (lists scroll themselves)."""

    def popup_title(self) -> str:
        """The box's border title."""
        raise NotImplementedError

    def compose_body(self) -> ComposeResult:
        """The content of the box."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        box = VerticalScroll if self.SCROLLS else Vertical
        with box(id=self.BOX_ID, classes="popup") as container:
            container.border_title = self.popup_title()
            container.border_subtitle = self.SUBTITLE
            yield from self.compose_body()
