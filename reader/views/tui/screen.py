"""The reader's screen: the text, the search line, the status line and every key.

The pattern every part of the TUI follows: a widget owns its state
(``reactive`` attributes, ``watch_*`` methods) and its look (``DEFAULT_CSS``)
and says what happened with dataclass messages; this screen composes the
widgets, turns keys into actions and messages into updates; the app
(:mod:`reader.views.tui.app`) only runs the lifecycle. Popups subclass
:class:`~reader.views.tui.popup.Popup`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from reader.dictionary.service import DictionaryService
from reader.glossary import Definition, Glossary, find_definitions
from reader.segment import Sentence
from reader.translate.alignment import offset_alignment
from reader.translate.document import UNTRANSLATED_KINDS
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.commands import ReaderCommands
from reader.views.tui.config import ids_of
from reader.views.tui.contents_screen import ContentsScreen
from reader.views.tui.glossary_screen import GlossaryScreen
from reader.views.tui.help_screen import HelpScreen
from reader.views.tui.note_popup import NotePopup, NoteText
from reader.views.tui.reading import Reading
from reader.views.tui.search_bar import SearchBar
from reader.views.tui.status_bar import StatusBar
from reader.views.tui.term_popup import TermInfo, TermPopup, term_infos
from reader.views.tui.translation_worker import TranslationFeed
from reader.views.tui.word_popup import WordInfo, WordPopup


class ReaderScreen(Screen[None]):
    """German and English side by side, translated while you read."""

    DEFAULT_CSS = """
    ReaderScreen {
        layout: vertical;
    }
    """

    COMMANDS = Screen.COMMANDS | {ReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "next_match", "Next match", id="next-match"),
        Binding("N", "previous_match", "Previous match", show=False, id="previous-match"),
        Binding("t", "terms", "Terms", id="terms"),
        Binding("l", "glossary", "Glossary", id="glossary"),
        Binding("v", "toggle_layout", "Layout", id="toggle-layout"),
        Binding("o", "contents", "Contents", id="contents"),
        Binding("f", "footnotes", "Footnotes", show=False, id="footnotes"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        reading: Reading,
        feed: TranslationFeed,
        glossary: Glossary | None,
        dictionary: DictionaryService,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        """``keymap``: the user's keys by binding id (the help shows them)."""
        super().__init__()
        self.keymap = keymap or {}
        self.reading = reading
        self.feed = feed
        self.glossary = glossary
        self.dictionary = dictionary
        self.translated = 0
        """Sentences with their English shown (code counts: it is its own English)."""
        self.matches: list[int] = []
        self._definitions: dict[str, Definition] | None = None
        self._opening_at: int | None = None
        """A saved position not segmented yet: the cursor goes there when it arrives."""
        # Kept as attributes, not queried: messages from the worker thread may
        # still arrive while the app shuts down and the DOM is already gone.
        self.view = BilingualView(glossary=glossary, id="text")
        self.status = StatusBar()
        self.search_bar = SearchBar()

    @property
    def sentences(self) -> Sequence[Sentence]:
        return self.reading.sentences

    # -- composition ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.view
        yield self.search_bar
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.status.document = self.reading.name
        self.grow(self.reading.sentences)
        self.view.focus()

    def open_at(self, index: int) -> None:
        """Start at sentence ``index`` (a saved position): now, or once it has arrived."""
        if index < len(self.sentences):
            # After the first layout: the view knows its width only then.
            self.call_after_refresh(self.view.move_to, index, top_of_screen=True)
        else:
            self._opening_at = index

    def grow(self, added: Sequence[Sentence]) -> None:
        """Show the next sentences of the document (the first part at mount, then the rest)."""
        self.view.extend(added)
        code = [(s.index, s.text) for s in added if s.kind in UNTRANSLATED_KINDS]
        if code:
            # Code and front/back matter are shown verbatim on both sides and
            # never sent to the model.
            self.view.set_translations(code)
            self.translated += len(code)
        self._show_position(self.view.cursor)
        if self.status.progress is not None:
            self.status.progress = (self.translated, len(self.sentences))
        if self._opening_at is not None and (
            self._opening_at < len(self.sentences) or self.reading.complete
        ):
            self.view.move_to(self._opening_at, top_of_screen=True)
            self._opening_at = None
        if self.view.search_query and added:
            self.matches += self.view.search(self.view.search_query, added[0].index)
            self._show_match_count()

    def _show_position(self, index: int) -> None:
        self.status.position = (index, len(self.sentences))
        self.status.growing = not self.reading.complete
        self.status.chapter = self.reading.chapter(index)

    # -- translation ----------------------------------------------------------

    @on(TranslationFeed.EngineReady)
    def _engine_ready(self, event: TranslationFeed.EngineReady) -> None:
        self.status.model = event.description
        self.status.progress = (self.translated, len(self.sentences))

    @on(TranslationFeed.Arrived)
    def _translations_arrived(self) -> None:
        drained = self.feed.drain()
        if not drained:
            return
        prose = self.reading.prose
        # The feed numbers the sentences it translates (code is not sent).
        results = [(prose[number], text) for number, text in drained]
        # A cached translation comes again when its alignment arrives.
        self.translated += sum(self.view.translations[index] is None for index, _ in results)
        for number, _ in drained:
            if (alignment := self.feed.alignment(number)) is not None:
                # The model's input may open with a balancing quotation mark.
                shift = len(self.sentences[prose[number]].opens)
                self.view.alignments[prose[number]] = offset_alignment(alignment, -shift, 0)
        self.view.set_translations(results)
        self.status.progress = (self.translated, len(self.sentences))
        self.status.cached = self.feed.from_cache

    @on(TranslationFeed.Preparing)
    def _model_preparing(self, event: TranslationFeed.Preparing) -> None:
        self.status.model = event.message

    @on(TranslationFeed.ModelMissing)
    def _model_missing(self, event: TranslationFeed.ModelMissing) -> None:
        self._without_translation("no model", event.message)

    @on(TranslationFeed.Failed)
    def _translation_failed(self, event: TranslationFeed.Failed) -> None:
        self._without_translation("translation failed", event.message)

    @on(TranslationFeed.Warned)
    def _translation_warned(self, event: TranslationFeed.Warned) -> None:
        self.notify(event.message, title="translation", severity="warning", timeout=10)

    def _without_translation(self, status: str, message: str) -> None:
        self.status.model = status
        self.status.model_missing = True
        self.view.set_no_model(message)

    @on(BilingualView.VisibleChanged)
    def _visible_changed(self, event: BilingualView.VisibleChanged) -> None:
        prose = self.reading.prose
        # Prose indices are sorted: the on-screen ones are a slice.
        first = bisect_left(prose, event.indices.start)
        last = bisect_left(prose, event.indices.stop)
        self.feed.prioritize(range(first, last))

    # -- position -------------------------------------------------------------

    @on(BilingualView.CursorMoved)
    def _cursor_moved(self, event: BilingualView.CursorMoved) -> None:
        # Bubbles on to the app, which saves the position.
        self._show_position(event.index)
        # The reader moved before the saved position arrived: stay with them.
        self._opening_at = None

    def jump(self, index: int | None) -> None:
        """Go to sentence ``index``, at the top of the screen (``None``: stay)."""
        if index is not None:
            self.view.move_to(index, top_of_screen=True)

    # -- structure: contents and footnotes ------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No headings, no contents: the key is off and out of the footer (plain
        # text looks exactly as before).
        if action == "contents":
            return bool(self.reading.contents)
        return True

    def action_contents(self) -> None:
        self.app.push_screen(ContentsScreen(self.reading.contents, self.view.cursor), self.jump)

    def action_footnotes(self) -> None:
        notes = self.notes_of(self.view.cursor)
        if notes:
            self.app.push_screen(NotePopup(notes), self.jump)
        else:
            self.notify("No footnote text for this sentence.", timeout=3)

    def notes_of(self, index: int) -> list[NoteText]:
        """The footnotes sentence ``index`` refers to, as far as they have arrived."""
        sentence = self.sentences[index]
        notes = []
        for marker in sentence.footnotes:
            target = self.reading.note_links.get((sentence.index, marker))
            if target is None:
                continue
            note = self.reading.paragraphs[target].sentences
            english = [self.view.translations[item.index] for item in note]
            notes.append(
                NoteText(
                    marker,
                    " ".join(item.text for item in note),
                    None if None in english else " ".join(filter(None, english)),
                    note[0].index,
                )
            )
        return notes

    # -- search ---------------------------------------------------------------

    def action_search(self) -> None:
        self.search_bar.open()

    @on(SearchBar.Submitted)
    def _search(self, event: SearchBar.Submitted) -> None:
        self.search_bar.display = False
        self.view.focus()
        self.matches = self.view.search(event.value)
        if not event.value:
            self.status.search = ""
        elif not self.matches:
            self.status.search = f"“{event.value}” not found"
        else:
            after = [m for m in self.matches if m >= self.view.cursor]
            self._go_to_match(after[0] if after else self.matches[0])

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.view.focus()

    def action_next_match(self) -> None:
        if self.matches:
            later = [m for m in self.matches if m > self.view.cursor]
            self._go_to_match(later[0] if later else self.matches[0])

    def action_previous_match(self) -> None:
        if self.matches:
            earlier = [m for m in self.matches if m < self.view.cursor]
            self._go_to_match(earlier[-1] if earlier else self.matches[-1])

    def _go_to_match(self, index: int) -> None:
        self.view.move_to(index)
        self._show_match_count()

    def _show_match_count(self) -> None:
        query = self.view.search_query
        if not self.matches:
            return
        before = sum(m <= self.view.cursor for m in self.matches)
        more = "" if self.reading.complete else "+"
        self.status.search = f"“{query}” {before}/{len(self.matches)}{more}"

    # -- glossary -------------------------------------------------------------

    @property
    def definitions(self) -> dict[str, Definition]:
        if self._definitions is None:
            self._definitions = find_definitions(self.reading.text)
        return self._definitions

    def action_terms(self) -> None:
        index = self.view.cursor
        # Abbreviations the text defines elsewhere count too: the reader meets
        # "W&T" pages after "Wissenschaft und Technologie (W&T)".
        defined = {
            term: definition
            for term, definition in self.definitions.items()
            if term in self.sentences[index].text
        }
        infos = term_infos(self.view.terms_of(index), defined)
        if infos:
            self.app.push_screen(TermPopup(infos))
        else:
            self.notify("No glossary terms in this sentence.", timeout=3)

    @on(BilingualView.TermClicked)
    def _term_clicked(self, event: BilingualView.TermClicked) -> None:
        entry = event.entry
        self.explain(TermInfo(entry.term, entry, self.definitions.get(entry.term)))

    def explain(self, info: TermInfo) -> None:
        """Open the popup for one term."""
        self.app.push_screen(TermPopup([info]))

    def document_terms(self) -> list[TermInfo]:
        """Every glossary term of the document (as far as it has arrived), and
        the abbreviations the document defines."""
        found = {
            entry.term: entry
            for index in range(len(self.sentences))
            for entry in self.view.terms_of(index)
        }
        return term_infos(list(found.values()), self.definitions)

    def action_glossary(self) -> None:
        self.app.push_screen(GlossaryScreen(self.document_terms()))

    # -- words ----------------------------------------------------------------

    @on(BilingualView.WordChosen)
    def _word_chosen(self, event: BilingualView.WordChosen) -> None:
        translated = self.view.translations[event.index] is not None
        term = self.glossary.lookup(event.word) if self.glossary else None
        # A sentence's first word is capitalised anyway: `Melden` is the verb
        # melden before the plant Melden.
        query = event.word[:1].lower() + event.word[1:] if event.first else event.word
        info = WordInfo(event.word, tuple(event.english), translated, term, query)
        self.app.push_screen(WordPopup(info, self.dictionary))

    # -- layout, the end and help ---------------------------------------------

    def action_toggle_layout(self) -> None:
        self.view.toggle_mode()

    def action_word_mode(self) -> None:
        self.view.action_word_mode()

    def action_help(self) -> None:
        bindings = [b for b in [*self.view.BINDINGS, *self.BINDINGS] if isinstance(b, Binding)]
        rows = [(self.keymap.get(b.id or "", b.key), b.description) for b in bindings]
        self.app.push_screen(HelpScreen(rows))


def binding_ids() -> set[str]:
    """The binding ids a user keymap may name (docs/commands/read.md lists them)."""
    return ids_of([*BilingualView.BINDINGS, *ReaderScreen.BINDINGS])
