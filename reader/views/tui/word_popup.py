"""Word mode's popup: the dictionary entry of a German word and the English
words the model aligned with it in this translation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from reader.dictionary.service import DictionaryService
from reader.glossary import GlossaryEntry
from reader.views.tui.popup import Popup
from reader.views.tui.term_popup import TermInfo


@dataclass(frozen=True, slots=True)
class WordInfo:
    word: str
    english: tuple[str, ...]
    """The English words aligned with it in this translation."""
    translated: bool
    term: GlossaryEntry | None = None
    query: str = ""
    """What to look up (the word in lower case when it opens a sentence)."""

    def alignment_text(self) -> Text:
        text = Text("In this translation: ", style="bold")
        if not self.translated:
            return text.append("not translated yet", style="italic")
        if not self.english:
            return text.append("no English word is aligned with it", style="italic")
        return text.append(" · ".join(self.english), style="reverse")


class WordPopup(Popup[None]):
    """One German word: aligned English, dictionary entry, glossary entry."""

    DEFAULT_CSS = """
    WordPopup .aligned { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,d,enter", "dismiss", "Close")]
    BOX_ID = "word-popup"

    def __init__(self, info: WordInfo, dictionary: DictionaryService) -> None:
        super().__init__()
        self.info = info
        self.dictionary = dictionary

    def popup_title(self) -> str:
        return self.info.word

    def compose_body(self) -> ComposeResult:
        yield Static(self.info.alignment_text(), classes="aligned")
        yield Static(Text("Looking up…", style="italic"), id="word-entry")
        if self.info.term is not None:
            yield Static(TermInfo(self.info.term.term, self.info.term).describe())

    def on_mount(self) -> None:
        self._look_up()

    @work(thread=True, exclusive=True)
    def _look_up(self) -> None:
        entry = self.query_one("#word-entry", Static)

        def progress(done: int, total: int) -> None:
            share = f"{100 * done // max(total, 1)}%"
            message = Text(f"Indexing the dictionary (once)… {share}", style="italic")
            self.app.call_from_thread(entry.update, message)

        result = self.dictionary.look_up(self.info.query or self.info.word, progress)
        self.app.call_from_thread(entry.update, result)
