"""The popup that explains glossary terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from reader.glossary import Definition, GlossaryEntry
from reader.views.tui.popup import Popup


@dataclass(frozen=True, slots=True)
class TermInfo:
    """All the reader knows about one term: its glossary entry and/or the
    definition the document itself gives (``… Technologie (W&T)``)."""

    term: str
    entry: GlossaryEntry | None = None
    definition: Definition | None = None

    @property
    def summary(self) -> str:
        """One line for lists: the term and what it stands for."""
        expansion = ""
        if self.entry is not None:
            expansion = self.entry.english or self.entry.german
        elif self.definition is not None:
            expansion = self.definition.long_form
        return f"{self.term} — {expansion}" if expansion else self.term

    def describe(self) -> Text:
        """The popup text for this term."""
        text = Text(self.term, style="bold")
        entry, definition = self.entry, self.definition
        if entry is not None:
            text.append(f"  {entry.category}", style="dim")
            for label, value in (
                ("German", entry.german),
                ("English", entry.english),
                ("In translations", entry.preferred or ""),
                ("Also written", ", ".join(entry.variants)),
            ):
                if value:
                    text.append(f"\n{label}: ", style="bold").append(value)
            if entry.explanation:
                text.append("\n\n").append(entry.explanation)
        if definition is not None:
            text.append("\n\nDefined in this text: ", style="bold").append(
                f"{definition.long_form} ({definition.term})"
            )
        return text


def term_infos(
    entries: Sequence[GlossaryEntry], definitions: dict[str, Definition]
) -> list[TermInfo]:
    """Entries and in-text definitions merged by term, sorted for reading."""
    infos = {
        entry.term: TermInfo(entry.term, entry, definitions.get(entry.term)) for entry in entries
    }
    for term, definition in definitions.items():
        infos.setdefault(term, TermInfo(term, None, definition))
    return sorted(infos.values(), key=lambda info: info.term.casefold())


class TermPopup(Popup[None]):
    """Explains one or more terms; Escape closes it."""

    DEFAULT_CSS = """
    TermPopup .term { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "dismiss", "Close")]
    BOX_ID = "term-popup"

    def __init__(self, terms: Sequence[TermInfo]) -> None:
        super().__init__()
        self.terms = terms

    def popup_title(self) -> str:
        return "Glossary"

    def compose_body(self) -> ComposeResult:
        for info in self.terms:
            yield Static(info.describe(), classes="term")
