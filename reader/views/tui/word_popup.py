"""Word mode's popup: the dictionary entry of a German word and the English
words the model aligned with it in this translation."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.dictionary import (
    INSTALL_HINT,
    Dictionary,
    DictionaryIndexError,
    DictionaryNotFoundError,
    find_dictionary,
)
from reader.dictionary.index import IndexProgress
from reader.dictionary.render import describe
from reader.glossary import GlossaryEntry
from reader.locations import Locations
from reader.views.tui.term_popup import TermInfo


class DictionaryService:
    """The reader's dictionary, opened (and indexed, the first time) on the
    first lookup, in whichever worker thread asks; lookups are serialised."""

    def __init__(self, path: Path | None, missing: str, cache_dir: Path):
        self.path = path
        self.missing = missing
        """Why there is no dictionary (when ``path`` is ``None``)."""
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._dictionary: Dictionary | None = None

    @classmethod
    def find(cls, option: Path | None, locations: Locations) -> DictionaryService:
        """``--dictionary``, ``READER_DICTIONARY`` or the system's; none is not an error here."""
        try:
            return cls(find_dictionary(option, locations), "", locations.cache_dir)
        except DictionaryNotFoundError as error:
            return cls(None, str(error), locations.cache_dir)

    def look_up(self, word: str, progress: IndexProgress | None = None) -> Text:
        """The entry text for ``word`` (or why there is none). Blocks: call from a worker."""
        if self.path is None:
            return Text(f"No dictionary: {INSTALL_HINT}.", style="italic")
        with self._lock:
            try:
                if self._dictionary is None:
                    self._dictionary = Dictionary.open(self.path, self._cache_dir, progress)
                return describe(self._dictionary.lookup(word))
            except DictionaryIndexError as error:
                return Text(str(error), style="italic")


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


class WordPopup(ModalScreen[None]):
    """One German word: aligned English, dictionary entry, glossary entry."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,d,enter", "dismiss", "Close")]

    def __init__(self, info: WordInfo, dictionary: DictionaryService) -> None:
        super().__init__()
        self.info = info
        self.dictionary = dictionary

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="word-popup", classes="popup") as box:
            box.border_title = self.info.word
            box.border_subtitle = "Esc closes"
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
