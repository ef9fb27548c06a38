"""The reader application: composes the widgets and wires their messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Footer

from reader.glossary import Definition, Glossary, find_definitions
from reader.locations import Locations
from reader.segment import Paragraph, Sentence
from reader.segment.notes import link_notes
from reader.translate import EngineOptions, load_engine
from reader.translate.document import is_verbatim
from reader.views.tui.bilingual_view import BilingualView
from reader.views.tui.contents_screen import ContentsEntry, ContentsScreen
from reader.views.tui.glossary_screen import GlossaryScreen
from reader.views.tui.help_screen import HelpScreen
from reader.views.tui.note_popup import NotePopup, NoteText
from reader.views.tui.positions import PositionStore, document_key
from reader.views.tui.search_bar import SearchBar
from reader.views.tui.status_bar import StatusBar
from reader.views.tui.term_popup import TermInfo, TermPopup, term_infos
from reader.views.tui.translation_worker import EngineLoader, TranslationFeed
from reader.views.tui.word_popup import DictionaryService, WordInfo, WordPopup

_SAVE_DELAY = 1.0
"""Seconds after the last move before the position is written down."""


class ReaderApp(App[None]):
    """German and English side by side, translated while you read."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("n", "next_match", "Next match"),
        Binding("N", "previous_match", "Previous match", show=False),
        Binding("t", "terms", "Terms"),
        Binding("l", "glossary", "Glossary"),
        Binding("v", "toggle_layout", "Layout"),
        Binding("o", "contents", "Contents"),
        Binding("f", "footnotes", "Footnotes", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        name: str,
        text: str,
        sentences: Sequence[Sentence],
        *,
        options: EngineOptions,
        glossary: Glossary | None = None,
        positions: PositionStore | None = None,
        load: EngineLoader = load_engine,
        paragraphs: Sequence[Paragraph] = (),
        dictionary: DictionaryService | None = None,
    ) -> None:
        """``paragraphs`` (from ``segment_document``) give the footnotes their
        notes; headings and code come from the sentences' kinds."""
        super().__init__()
        self.dictionary = dictionary or DictionaryService.find(None, Locations.from_environment())
        self.document_name = name
        self.text = text
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.glossary = glossary
        self.positions = positions or PositionStore()
        self.key = document_key(text)
        self.contents = [
            ContentsEntry(sentence.index, paragraphs[sentence.paragraph].level, sentence.text)
            if paragraphs
            else ContentsEntry(sentence.index, 1, sentence.text)
            for sentence in sentences
            if sentence.kind == "heading"
        ]
        self.note_links = link_notes(paragraphs)
        # Code is shown verbatim on both sides and never sent to the model:
        # the feed sees the other sentences only.
        self.code = [(s.index, s.text) for s in sentences if is_verbatim(s)]
        self.prose = [s.index for s in sentences if not is_verbatim(s)]
        self._prose_position = {index: number for number, index in enumerate(self.prose)}
        texts = [sentences[index].text for index in self.prose]
        self.feed = TranslationFeed(self, options, texts, glossary, load)
        self.translated = len(self.code)
        self.position: int | None = None
        """The current sentence, kept here because the view is gone at unmount;
        ``None`` until mounted (a reader ended before then must not overwrite
        the saved position)."""
        self.matches: list[int] = []
        self._definitions: dict[str, Definition] | None = None
        self._save_timer: Timer | None = None

    # -- composition ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Kept as attributes, not queried: messages from the worker thread may
        # still arrive while the app shuts down and the DOM is already gone.
        self.view = BilingualView(self.sentences, self.glossary, id="text")
        self.status = StatusBar()
        self.search_bar = SearchBar()
        yield self.view
        yield self.search_bar
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.status.document = self.document_name
        self.status.position = (0, len(self.sentences))
        self.status.chapter = self._chapter(0)
        if self.code:
            self.view.set_translations(self.code)
        self.view.focus()
        saved = self.positions.load(self.key)
        for warning in self.positions.warnings:
            self.notify(warning, title="position", severity="warning", timeout=10)
        # Where the reader is, even if it quits before the move below.
        self.position = saved or 0
        if saved is not None:
            # After the first layout: the view knows its width only then.
            self.call_after_refresh(self.view.move_to, saved, top_of_screen=True)
        self.feed.start()

    def on_unmount(self) -> None:
        self.feed.cancel()
        self.save_position()

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
        # The feed numbers the sentences it translates (code is not sent).
        results = [(self.prose[number], text) for number, text in drained]
        # A cached translation comes again when its alignment arrives.
        self.translated += sum(self.view.translations[index] is None for index, _ in results)
        for number, _ in drained:
            if (alignment := self.feed.alignment(number)) is not None:
                self.view.alignments[self.prose[number]] = alignment
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
        positions = self._prose_position
        self.feed.prioritize(positions[i] for i in event.indices if i in positions)

    # -- position -------------------------------------------------------------

    @on(BilingualView.CursorMoved)
    def _cursor_moved(self, event: BilingualView.CursorMoved) -> None:
        self.position = event.index
        self.status.position = (event.index, len(self.sentences))
        self.status.chapter = self._chapter(event.index)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(_SAVE_DELAY, self.save_position)

    def save_position(self) -> None:
        """Remember the current sentence for this document (the next start opens there)."""
        if self.sentences and self.position is not None:
            self.positions.save(self.key, self.position)

    def _chapter(self, index: int) -> str:
        if not self.sentences:
            return ""
        sentence = self.sentences[index]
        return (sentence.text if sentence.kind == "heading" else sentence.section) or ""

    # -- structure: contents and footnotes ------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No headings, no contents: the key is off and out of the footer (plain
        # text looks exactly as before).
        if action == "contents":
            return bool(self.contents)
        return True

    def action_contents(self) -> None:
        self.push_screen(ContentsScreen(self.contents, self.view.cursor), self._jump)

    def action_footnotes(self) -> None:
        if not self.sentences:
            return
        sentence = self.sentences[self.view.cursor]
        notes = []
        for marker in sentence.footnotes:
            target = self.note_links.get((sentence.index, marker))
            if target is None:
                continue
            note = self.paragraphs[target].sentences
            english = [self.view.translations[item.index] for item in note]
            notes.append(
                NoteText(
                    marker,
                    " ".join(item.text for item in note),
                    None if None in english else " ".join(filter(None, english)),
                    note[0].index,
                )
            )
        if notes:
            self.push_screen(NotePopup(notes), self._jump)
        else:
            self.notify("No footnote text for this sentence.", timeout=3)

    def _jump(self, index: int | None) -> None:
        if index is not None:
            self.view.move_to(index, top_of_screen=True)

    # -- search ---------------------------------------------------------------

    def action_search(self) -> None:
        self.search_bar.open()

    @on(SearchBar.Submitted)
    def _search(self, event: SearchBar.Submitted) -> None:
        bar = self.search_bar
        bar.display = False
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
        number = self.matches.index(index) + 1
        self.status.search = f"“{self.view.search_query}” {number}/{len(self.matches)}"

    # -- glossary -------------------------------------------------------------

    @property
    def definitions(self) -> dict[str, Definition]:
        if self._definitions is None:
            self._definitions = find_definitions(self.text)
        return self._definitions

    def action_terms(self) -> None:
        index = self.view.cursor
        if not self.sentences:
            return
        # Abbreviations the text defines elsewhere count too: the reader meets
        # "W&T" pages after "Wissenschaft und Technologie (W&T)".
        defined = {
            term: definition
            for term, definition in self.definitions.items()
            if term in self.sentences[index].text
        }
        infos = term_infos(self.view.terms_of(index), defined)
        if infos:
            self.push_screen(TermPopup(infos))
        else:
            self.notify("No glossary terms in this sentence.", timeout=3)

    @on(BilingualView.TermClicked)
    def _term_clicked(self, event: BilingualView.TermClicked) -> None:
        entry = event.entry
        self.push_screen(TermPopup([TermInfo(entry.term, entry, self.definitions.get(entry.term))]))

    def action_glossary(self) -> None:
        found = {
            entry.term: entry
            for index in range(len(self.sentences))
            for entry in self.view.terms_of(index)
        }
        self.push_screen(GlossaryScreen(term_infos(list(found.values()), self.definitions)))

    # -- words ----------------------------------------------------------------

    @on(BilingualView.WordChosen)
    def _word_chosen(self, event: BilingualView.WordChosen) -> None:
        translated = self.view.translations[event.index] is not None
        term = self.glossary.lookup(event.word) if self.glossary else None
        # A sentence's first word is capitalised anyway: `Melden` is the verb
        # melden before the plant Melden.
        query = event.word[:1].lower() + event.word[1:] if event.first else event.word
        info = WordInfo(event.word, tuple(event.english), translated, term, query)
        self.push_screen(WordPopup(info, self.dictionary))

    # -- layout and help ------------------------------------------------------

    def action_toggle_layout(self) -> None:
        self.view.toggle_mode()

    def action_help(self) -> None:
        self.push_screen(HelpScreen([*self.view.BINDINGS, *self.BINDINGS]))
