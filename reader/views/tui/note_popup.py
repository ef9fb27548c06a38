"""``f``: the footnotes of the current sentence, German and English; Enter goes to the note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from reader.views.tui.popup import Popup


@dataclass(frozen=True, slots=True)
class NoteText:
    """One footnote as the popup shows it."""

    marker: str
    german: str
    english: str | None
    """``None`` while the translation has not arrived."""
    index: int
    """The note's first sentence index (where Enter goes)."""

    def describe(self) -> Text:
        text = Text(self.marker, style="bold")
        text.append("  ").append(self.german)
        if self.english:
            text.append("\n").append(self.english, style="italic")
        return text


class NotePopup(Popup[int | None]):
    """Shows notes; returns the first note's sentence index on Enter, ``None`` on Escape."""

    DEFAULT_CSS = """
    NotePopup .note { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,f", "dismiss", "Close"),
        Binding("enter", "go", "Go to the note"),
    ]
    BOX_ID = "note-popup"
    SUBTITLE = "Enter goes to the note · Esc closes"

    def __init__(self, notes: Sequence[NoteText]) -> None:
        super().__init__()
        self.notes = notes

    def popup_title(self) -> str:
        return "Footnotes" if len(self.notes) > 1 else "Footnote"

    def compose_body(self) -> ComposeResult:
        for note in self.notes:
            yield Static(note.describe(), classes="note")

    def action_go(self) -> None:
        self.dismiss(self.notes[0].index)
