"""The German and English text, sentence against sentence, in one widget.

Both columns are rendered by this one widget, row by row (Textual's Line
API), so a sentence pair always starts on the same row on both sides whatever
the wrapping, and only the rows on screen are ever rendered: a document of
10,000 sentences costs one wrap pass, not 20,000 widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.glossary import Glossary, GlossaryEntry
from reader.segment import Sentence
from reader.translate.alignment import Alignment
from reader.views.tui.layout import SEPARATOR, Mode, PairLayout, Row, auto_mode
from reader.views.tui.search import find_spans, matching_pairs
from reader.views.tui.word_cursor import WordCursor
from reader.views.tui.wrap import Span

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_KIND_COMPONENTS = {
    "heading": "bilingual-view--heading",
    "code": "bilingual-view--code",
    "footnote": "bilingual-view--note",
    "matter": "bilingual-view--matter",
}
"""Sentences of these kinds are drawn in their own style (``DEFAULT_CSS``)."""

TRANSLATING = "… translating"
"""What an English row shows until its translation arrives."""


def german_display(sentence: Sentence) -> str:
    """The German text as shown: footnote markers as small superscripts after it."""
    if not sentence.footnotes:
        return sentence.text
    return sentence.text + " " + "˒".join(sentence.footnotes).translate(_SUPERSCRIPT)


@dataclass(frozen=True, slots=True)
class _Highlight:
    start: int
    end: int
    component: str
    entry: GlossaryEntry | None = None


class BilingualView(ScrollView, can_focus=True):
    """A scrollable, virtualized view of sentence pairs with a cursor.

    The sentences may arrive in parts (:meth:`extend`): the document is
    segmented while the reader reads its beginning.
    """

    DEFAULT_CSS = """
    BilingualView {
        height: 1fr;
        background: $background;
        scrollbar-size-vertical: 1;
        /* The width never changes when the scrollbar appears: no re-wrap. */
        scrollbar-gutter: stable;
        overflow-x: hidden;
        & > .bilingual-view--german { color: $foreground; }
        & > .bilingual-view--english { color: $foreground 80%; }
        & > .bilingual-view--placeholder { color: $text-muted; text-style: italic; }
        & > .bilingual-view--notice { color: $text-warning; text-style: bold; }
        & > .bilingual-view--separator { color: $text-disabled; }
        & > .bilingual-view--cursor { background: $primary 25%; }
        & > .bilingual-view--term { color: $text-accent; text-style: underline; }
        & > .bilingual-view--term-english { color: $text-accent; }
        & > .bilingual-view--match {
            background: $warning-muted;
            color: $foreground;
            text-style: bold;
        }
        & > .bilingual-view--footnote { color: $text-muted; }
        & > .bilingual-view--heading { color: $text-primary; text-style: bold; }
        & > .bilingual-view--code { color: $text-success; }
        & > .bilingual-view--note { color: $foreground 70%; text-style: italic; }
        & > .bilingual-view--matter { color: $text-muted; text-style: dim; }
        & > .bilingual-view--word { background: $accent 40%; text-style: bold; }
        & > .bilingual-view--aligned { background: $accent 40%; text-style: bold underline; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bilingual-view--german",
        "bilingual-view--english",
        "bilingual-view--placeholder",
        "bilingual-view--notice",
        "bilingual-view--separator",
        "bilingual-view--cursor",
        "bilingual-view--term",
        "bilingual-view--term-english",
        "bilingual-view--match",
        "bilingual-view--footnote",
        "bilingual-view--heading",
        "bilingual-view--code",
        "bilingual-view--note",
        "bilingual-view--matter",
        "bilingual-view--word",
        "bilingual-view--aligned",
    }

    # Word mode moves with ← and → only: `l` is the glossary on this screen
    # (docs/commands/read.md, "Keys").
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "next", "Next sentence", show=False, id="next"),
        Binding("up,k", "previous", "Previous sentence", show=False, id="previous"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page-down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="page-up"),
        Binding("home,g", "first", "First sentence", show=False, id="first"),
        Binding("end,G", "last", "Last sentence", show=False, id="last"),
        Binding(
            "w", "word_mode", "Word mode: a word cursor on the German", show=False, id="word-mode"
        ),
        Binding("left", "word(-1)", "Word mode: previous word", show=False, id="previous-word"),
        Binding("right", "word(1)", "Word mode: next word", show=False, id="next-word"),
        Binding("d,enter", "look_up", "Word mode: look the word up", show=False, id="look-up"),
        Binding("escape", "leave_word_mode", "Word mode: leave", show=False, id="leave-word-mode"),
    ]

    @dataclass
    class CursorMoved(Message):
        """The current sentence changed."""

        index: int

    @dataclass
    class TermClicked(Message):
        """A highlighted glossary term was clicked."""

        entry: GlossaryEntry

    @dataclass
    class WordChosen(Message):
        """Look up this German word (``d``, Enter or a click in word mode)."""

        index: int
        word: str
        english: list[str] = field(default_factory=list)
        """The English words aligned with it in this translation."""
        first: bool = False
        """Whether it opens the sentence (capitalised whatever its kind)."""

    @dataclass
    class VisibleChanged(Message):
        """Different sentences are on screen (translate these first)."""

        indices: range

        def can_replace(self, message: Message) -> bool:
            # Scrolling posts one per row: only the last screen matters.
            return isinstance(message, BilingualView.VisibleChanged)

    cursor: reactive[int] = reactive(0, init=False)
    """The current sentence (set through :meth:`move_to`, which scrolls to it)."""
    search_query: reactive[str] = reactive("", init=False)
    """What :meth:`search` highlights."""
    mode_choice: reactive[Mode | None] = reactive(None, init=False)
    """The layout the user picked with the toggle key; ``None`` follows the width."""

    def __init__(
        self,
        sentences: Sequence[Sentence] = (),
        glossary: Glossary | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.sentences: list[Sentence] = []
        self.glossary = glossary
        self.german: list[str] = []
        self.translations: list[str | None] = []
        self._placeholder = TRANSLATING
        self.alignments: dict[int, Alignment] = {}
        """Word alignments of the translations shown, by sentence."""
        self.words = WordCursor()
        self._terms: dict[int, list[_Highlight]] = {}
        self._visible = range(0)
        self._following_end = False
        """``End`` was pressed: the cursor stays on the last sentence as more arrive."""
        self._layout = PairLayout([], [])  # laid out on the first resize
        self.extend(sentences)

    # -- public API -----------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._layout.mode

    def extend(self, sentences: Sequence[Sentence]) -> None:
        """Append the next sentences of the document (they arrive in parts)."""
        if not sentences:
            return
        previous = self.sentences[-1].paragraph if self.sentences else None
        starts = []
        for sentence in sentences:
            starts.append(sentence.paragraph != previous)
            previous = sentence.paragraph
        german = [german_display(sentence) for sentence in sentences]
        self.sentences.extend(sentences)
        self.german.extend(german)
        self.translations.extend([None] * len(sentences))
        self._layout.extend(german, starts, self._placeholder)
        # Below the text on screen: nothing moves, nothing needs keeping in place.
        self._sized()
        if self._following_end:
            self.action_last()

    def set_translations(self, updates: Iterable[tuple[int, str]]) -> None:
        """Show translations that arrived, keeping the text on screen in place."""
        changes = list(updates)
        for index, translation in changes:
            self.translations[index] = translation
        self._keep_in_place(lambda: self._layout.set_english(changes))

    def set_no_model(self, notice: str) -> None:
        """No translations will come: say so once, above the text."""
        self._placeholder = ""
        untranslated = [i for i, text in enumerate(self.translations) if text is None]

        def update() -> None:
            self._layout.set_english((index, "") for index in untranslated)
            self._layout.set_notice(notice)

        self._keep_in_place(update)

    def toggle_mode(self) -> None:
        """Switch between side by side and stacked."""
        self.mode_choice = "stacked" if self.mode == "side" else "side"

    def watch_mode_choice(self) -> None:
        self._relayout()

    def move_to(self, index: int, *, top_of_screen: bool = False) -> None:
        """Make sentence ``index`` the current one and scroll it into view."""
        if not self.sentences:
            return
        index = min(max(index, 0), len(self.sentences) - 1)
        self._following_end = False
        self.cursor = index
        if self.words.active and self.words.index != index:
            self.words.enter(index, self.sentences[index].text)
        start, end = self._layout.pair_rows(index)
        top = round(self.scroll_y)
        height = max(self.scrollable_content_region.height, 1)
        if top_of_screen or start < top:
            self._scroll(start)
        elif end > top + height:
            # A pair taller than the screen shows its beginning.
            self._scroll(min(start, end - height))
        self.refresh()

    def watch_cursor(self, index: int) -> None:
        self.post_message(self.CursorMoved(index))

    def search(self, query: str, start: int = 0) -> list[int]:
        """Highlight ``query``; the pairs from ``start`` on that contain it."""
        self.search_query = query
        return matching_pairs(self.german[start:], self.translations[start:], query, start)

    def terms_of(self, index: int) -> list[GlossaryEntry]:
        """The glossary entries found in sentence ``index``, each once."""
        entries: dict[str, GlossaryEntry] = {}
        for highlight in self._german_terms(index):
            if highlight.entry is not None:
                entries.setdefault(highlight.entry.term, highlight.entry)
        return list(entries.values())

    # -- actions --------------------------------------------------------------

    def action_next(self) -> None:
        self.move_to(self.cursor + 1)

    def action_previous(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)
        self._scroll(0)  # show the notice above the first sentence, if any

    def action_last(self) -> None:
        self.move_to(len(self.sentences) - 1)
        # The document may still be arriving: End means its end, not this part's.
        self._following_end = True

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        # Like a pager: the text moves by a screen (less one row of context)
        # and the first sentence that starts on the new screen becomes current;
        # at either end of the document the cursor goes to the first/last pair.
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        new_top = min(max(top + direction * max(height - 1, 1), 0), round(self.max_scroll_y))
        if new_top == top:
            self.move_to(0 if direction < 0 else len(self.sentences) - 1)
            return
        target = self._layout.pair_at(new_top)
        if self._layout.pair_rows(target)[0] < new_top:
            target = min(target + 1, len(self.sentences) - 1)
        self._scroll(new_top)
        self.move_to(target)

    def action_word_mode(self) -> None:
        if self.sentences and self.words.enter(self.cursor, self.sentences[self.cursor].text):
            self.refresh()

    def action_word(self, step: int) -> None:
        self.words.move(step)
        self.refresh()

    def action_leave_word_mode(self) -> None:
        self.words.leave()
        self.refresh()

    def action_look_up(self) -> None:
        focus = self.words.focus(self.alignments.get(self.cursor))
        if focus is None:
            return
        german = self.sentences[focus.index].text
        english = self.translations[focus.index] or ""
        words = [english[start:end] for start, end in focus.english]
        word = german[slice(*focus.word)]
        self.post_message(self.WordChosen(focus.index, word, words, self.words.position == 0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Word-mode keys pass through (to the screen's Enter, a popup's
        # Escape) unless word mode is on.
        if action in {"word", "look_up", "leave_word_mode"}:
            return self.words.active
        return True

    # -- events ---------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self._layout.row(round(self.scroll_y) + offset.y)
        if row.pair is None:
            return
        entry = self._term_at(row, offset.x + round(self.scroll_x))
        self.move_to(row.pair)
        if entry is not None:
            self.post_message(self.TermClicked(entry))
        elif (word := self._word_at(row, offset.x + round(self.scroll_x))) is not None:
            self.words.enter(row.pair, self.sentences[row.pair].text, word)
            self.refresh()
            self.action_look_up()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_visible()

    # -- rendering ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = self._layout.row(round(self.scroll_y) + y)
        selected = row.pair is not None and row.pair == self.cursor
        cursor = self.get_component_rich_style("bilingual-view--cursor", partial=True)

        def style(component: str) -> Style:
            base = self.get_component_rich_style(component)
            return base + cursor if selected else base

        blank = style("bilingual-view--german")
        if row.notice is not None:
            notice = self._cell(
                self._layout.notice_text(), row.notice, [], style("bilingual-view--notice")
            )
            if self.mode == "stacked":
                return notice.adjust_cell_length(width, blank)
            left = Strip.blank(self._layout.english_column, blank)
            return Strip.join([left, notice]).adjust_cell_length(width, blank)
        if row.pair is None:
            return Strip.blank(width, blank)
        german = english = None
        kind = _KIND_COMPONENTS.get(self.sentences[row.pair].kind)
        if row.german is not None:
            german = self._cell(
                self.german[row.pair],
                row.german,
                self._german_highlights(row.pair),
                style(kind or "bilingual-view--german"),
            )
        if row.english is not None:
            translated = self.translations[row.pair] is not None
            english_component = kind or "bilingual-view--english"
            english = self._cell(
                self._layout.english_text(row.pair),
                row.english,
                self._english_highlights(row.pair) if translated else [],
                style(english_component if translated else "bilingual-view--placeholder"),
            )
        if self.mode == "stacked":
            if english is not None:
                german = Strip.join([Strip.blank(self._layout.english_column, blank), english])
            return (german or Strip.blank(width, blank)).adjust_cell_length(width, blank)
        parts = [
            (german or Strip.blank(0)).adjust_cell_length(self._layout.german_width, blank),
            Strip([Segment(SEPARATOR, style("bilingual-view--separator"))]),
            english or Strip.blank(0),
        ]
        return Strip.join(parts).adjust_cell_length(width, blank)

    def _cell(self, text: str, span: Span, highlights: list[_Highlight], base: Style) -> Strip:
        start, end = span
        line = Text(text[start:end], style=base, end="")
        for highlight in highlights:
            if highlight.end > start and highlight.start < end:
                line.stylize(
                    self.get_component_rich_style(highlight.component, partial=True),
                    max(highlight.start, start) - start,
                    min(highlight.end, end) - start,
                )
        return Strip(line.render(self.app.console))

    # -- highlights -----------------------------------------------------------

    def _german_terms(self, index: int) -> list[_Highlight]:
        # Matching runs only for sentences that are rendered or asked about:
        # a 10,000-sentence document must not wait for the whole glossary pass.
        if index not in self._terms:
            matches = self.glossary.match(self.sentences[index].text) if self.glossary else []
            self._terms[index] = [
                _Highlight(match.start, match.end, "bilingual-view--term", match.entry)
                for match in matches
            ]
        return self._terms[index]

    def _german_highlights(self, index: int) -> list[_Highlight]:
        highlights = list(self._german_terms(index))
        sentence_end = len(self.sentences[index].text)
        if len(self.german[index]) > sentence_end:
            highlights.append(
                _Highlight(sentence_end, len(self.german[index]), "bilingual-view--footnote")
            )
        highlights.extend(
            _Highlight(start, end, "bilingual-view--match")
            for start, end in find_spans(self.german[index], self.search_query)
        )
        focus = self.words.focus(self.alignments.get(index))
        if focus is not None and focus.index == index:
            highlights.append(_Highlight(*focus.word, "bilingual-view--word"))
        return highlights

    def _english_highlights(self, index: int) -> list[_Highlight]:
        translation = self.translations[index] or ""
        highlights = [
            _Highlight(start, end, "bilingual-view--term-english", entry)
            for entry in self.terms_of(index)
            for rendering in _renderings(entry)
            for start, end in find_spans(translation, rendering)
        ]
        highlights.extend(
            _Highlight(start, end, "bilingual-view--match")
            for start, end in find_spans(translation, self.search_query)
        )
        focus = self.words.focus(self.alignments.get(index))
        if focus is not None and focus.index == index:
            aligned = "bilingual-view--aligned"
            highlights.extend(_Highlight(*span, aligned) for span in focus.english)
        return highlights

    def _term_at(self, row: Row, x: int) -> GlossaryEntry | None:
        assert row.pair is not None
        on_english = x >= self._layout.english_column if self.mode == "side" else row.german is None
        if on_english:
            if self.translations[row.pair] is None:
                return None
            span, highlights = row.english, self._english_highlights(row.pair)
            column = self._layout.english_column
        else:
            span, highlights, column = row.german, self._german_terms(row.pair), 0
        if span is None:
            return None
        # German and English text is one cell per character outside rare CJK
        # quotes; a click lands on the character under the pointer.
        position = span[0] + x - column
        for highlight in highlights:
            if highlight.entry is not None and highlight.start <= position < highlight.end:
                return highlight.entry
        return None

    def _word_at(self, row: Row, x: int) -> int | None:
        """The German word under a click, as a position in its sentence."""
        on_german = x < self._layout.english_column if self.mode == "side" else True
        if row.pair is None or row.german is None or not on_german:
            return None
        return self.words.word_at(self.sentences[row.pair].text, row.german[0] + x)

    # -- layout ---------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        mode = self.mode_choice or auto_mode(width)
        if width == self._layout.width and mode == self._layout.mode:
            return
        self._keep_in_place(lambda: self._layout.relayout(width, mode), anchor=self.cursor)

    def _keep_in_place(self, update: Callable[[], None], anchor: int | None = None) -> None:
        """Apply a layout ``update`` without moving the text under the reader's eyes."""
        top = round(self.scroll_y)
        if anchor is None:
            anchor = self._layout.pair_at(top)
        before, _ = self._layout.pair_rows(anchor) if self.sentences else (0, 0)
        update()
        self.virtual_size = Size(self._layout.width, self._layout.total_rows)
        # At the very top the reader sees the beginning (and any notice);
        # elsewhere the anchor pair keeps its row on screen.
        if self.sentences and top > 0:
            after, _ = self._layout.pair_rows(anchor)
            if after != before:
                self._scroll(top + after - before)
        self.refresh()
        self._update_visible()

    def _sized(self) -> None:
        """The rows grew below the text on screen: nothing to keep in place."""
        if not self.is_mounted:
            return
        self.virtual_size = Size(self._layout.width, self._layout.total_rows)
        self.refresh()
        self._update_visible()

    def _scroll(self, y: int) -> None:
        # Forced: right after the virtual size changed Textual may not yet
        # allow vertical scrolling, and the rows are known exactly anyway.
        self.scroll_to(y=max(y, 0), animate=False, force=True)

    def _update_visible(self) -> None:
        if not self.sentences:
            return
        top = round(self.scroll_y)
        height = max(self.scrollable_content_region.height, 1)
        visible = range(self._layout.pair_at(top), self._layout.pair_at(top + height - 1) + 1)
        if visible != self._visible:
            self._visible = visible
            self.post_message(self.VisibleChanged(visible))


def _renderings(entry: GlossaryEntry) -> list[str]:
    """How a term may read in the English text: its preferred form, else its name."""
    return [text for text in {entry.preferred, entry.term} if text]
