"""The document model as (X)HTML elements: the body shared by the HTML page
and the EPUB chapters.

The output is well-formed XML as well as HTML (every element closed, every
attribute quoted, characters XML forbids dropped), so the same markup serves
a browser and an e-reader. What differs is a :class:`Dialect`: EPUB adds
``xml:lang`` and ``epub:type`` and links across chapter files; the HTML page
wraps each word the alignment knows in a span whose data attributes name the
words of the other language it is aligned with (``data-w``: the word's id in
its sentence, ``data-a``: the ids it is aligned with), for the page's script.

Every block carries its language (``lang="de"``/``"en"``); German and English
are told apart by class (``de``/``en``), which the stylesheets turn into
italic, indent and a rule rather than colour.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from reader.translate.alignment import Alignment
from reader.views.export.document import (
    LIST_ITEM,
    ExportDocument,
    FirstUses,
    GlossaryNote,
    Layout,
    TermSpan,
    TranslatedParagraph,
    TranslatedSentence,
    is_structure,
    list_groups,
)

# XML 1.0 allows neither these controls nor the two non-characters; scraped
# text can contain them and one would make an e-book unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")
GLOSSARY_ID = "glossary"
BACK_LINK = "↩"


_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(value: str) -> str:
    """``value`` as XML character data."""
    if not _SPECIAL.search(value):
        return value  # nearly every piece between two words: a space, a comma
    return html.escape(_NOT_XML.sub("", value), quote=False)


def attribute(value: str) -> str:
    """``value`` as a quoted attribute's content."""
    return html.escape(_WHITESPACE.sub(" ", _NOT_XML.sub("", value)).strip(), quote=True)


def note_id(label: str) -> str:
    return f"note-{label}"


def reference_id(label: str) -> str:
    return f"ref-{label}"


def heading_id(paragraph: TranslatedParagraph) -> str:
    return f"h{paragraph.index}"


@dataclass(frozen=True, slots=True)
class Dialect:
    epub: bool
    """XHTML for an EPUB: ``xml:lang``, ``epub:type`` beside the ARIA roles."""
    words: bool
    """Wrap aligned words in spans for the HTML page's script."""
    href: Callable[[str], str] = lambda target: f"#{target}"
    """The link to an element id (EPUB: in which chapter file it is)."""

    def lang(self, code: str) -> str:
        if self.epub:
            return f' lang="{code}" xml:lang="{code}"'
        return f' lang="{code}"'

    def epub_type(self, value: str) -> str:
        return f' epub:type="{value}"' if self.epub else ""


@dataclass(frozen=True, slots=True)
class _Interval:
    start: int
    end: int
    outer: int
    """0 for glossary terms, 1 for words: a term around one word encloses it."""
    tags: Callable[[], tuple[str, str]]
    """The opening and closing tag, asked for only when the interval is used (a
    term's first use is claimed then)."""


def _nest(value: str, intervals: Iterable[_Interval]) -> str:
    """``value`` escaped, with the intervals as nested elements; one that would
    cross another (overlap without containing it) is left out."""
    pieces: list[str] = []
    stack: list[tuple[int, str]] = []
    position = 0
    for interval in sorted(intervals, key=lambda i: (i.start, -i.end, i.outer)):
        if interval.start >= interval.end or interval.start < position:
            continue
        while stack and stack[-1][0] <= interval.start:
            end, close = stack.pop()
            pieces += [text(value[position:end]), close]
            position = end
        if stack and stack[-1][0] < interval.end:
            continue  # crosses the enclosing element
        opening, close = interval.tags()
        pieces += [text(value[position : interval.start]), opening]
        position = interval.start
        stack.append((interval.end, close))
    while stack:
        end, close = stack.pop()
        pieces += [text(value[position:end]), close]
        position = end
    pieces.append(text(value[position:]))
    return "".join(pieces)


Span = tuple[int, int]
Words = dict[Span, tuple[str, list[str]]]
"""A word's span → its id in the sentence and the ids of the words it is aligned with."""


def word_links(alignment: Alignment) -> tuple[Words, Words]:
    """The German and English words of a sentence's alignment with their ids
    (``d0, d1…`` German, ``e0, e1…`` English, in text order) and links."""
    german: Words = {
        span: (f"d{n}", []) for n, span in enumerate(sorted({s for s, _ in alignment}))
    }
    english: Words = {
        span: (f"e{n}", []) for n, span in enumerate(sorted({t for _, t in alignment}))
    }
    for source, target in alignment:
        (german_id, english_links), (english_id, german_links) = german[source], english[target]
        if english_id not in english_links:
            english_links.append(english_id)
        if german_id not in german_links:
            german_links.append(german_id)
    return german, english


@dataclass
class BodyWriter:
    """Renders paragraphs of one document; keeps what must be unique in it (the
    first use of each glossary term, the first reference to each note)."""

    document: ExportDocument
    layout: Layout
    dialect: Dialect
    _first_uses: FirstUses = field(init=False)
    _referenced: set[str] = field(init=False, default_factory=set)
    _notes: dict[str, GlossaryNote] = field(init=False)
    _words: dict[int, tuple[Words, Words]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._first_uses = FirstUses(note.anchor for note in self.document.glossary)
        self._notes = {note.anchor: note for note in self.document.glossary}

    @property
    def bilingual(self) -> bool:
        return self.layout is not Layout.ENGLISH

    def blocks(self, paragraphs: Sequence[TranslatedParagraph]) -> Iterator[str]:
        """Headings, code and notes on their own; runs of other paragraphs as
        German/English pairs, consecutive list items as one list."""
        run: list[TranslatedParagraph] = []
        for paragraph in paragraphs:
            if is_structure(paragraph):
                yield from self._run(run)
                run = []
                yield self._structure(paragraph)
            else:
                run.append(paragraph)
        yield from self._run(run)

    def _run(self, paragraphs: list[TranslatedParagraph]) -> Iterator[str]:
        for group in list_groups(paragraphs):
            if group[0].kind == LIST_ITEM:
                items = "".join(f"<li>{self._pair(paragraph)}</li>" for paragraph in group)
                yield f"<ul>{items}</ul>"
            else:
                yield self._pair(group[0])

    def _pair(self, paragraph: TranslatedParagraph) -> str:
        items = paragraph.sentences
        if paragraph.kind == "matter":
            # Front and back matter is never translated: its German alone, in
            # every layout, rather than the German twice.
            return f'<p class="de matter"{self.dialect.lang("de")}>{self._german(items)}</p>'
        english = f'<p class="en"{self.dialect.lang("en")}>{self._english(items)}</p>'
        if not self.bilingual:
            return english
        german = f'<p class="de"{self.dialect.lang("de")}>{self._german(items)}</p>'
        return f'<div class="pair">{german}{english}</div>'

    def _structure(self, paragraph: TranslatedParagraph) -> str:
        items = paragraph.sentences
        if paragraph.kind == "code":
            code = "\n".join(item.sentence.text for item in items)
            return f"<pre{self.dialect.lang('zxx')}><code>{text(code)}</code></pre>"
        if paragraph.kind == "heading":
            level = min(max(paragraph.level, 1) + 1, 6)
            english = self._english(items)
            parts = [f'<span class="en"{self.dialect.lang("en")}>{english}</span>']
            if self.bilingual or not english:
                german = f'<span class="de"{self.dialect.lang("de")}>{self._german(items)}</span>'
                parts = [german, " ", *parts] if english else [german]
            return f'<h{level} id="{heading_id(paragraph)}">{"".join(parts)}</h{level}>'
        label = paragraph.note_label
        assert label is not None
        back = (
            f'<a class="back" href="{self.dialect.href(reference_id(label))}" '
            f'role="doc-backlink" title="back to the text">{BACK_LINK}</a> '
        )
        body = self._pair(paragraph)
        return (
            f'<aside id="{note_id(label)}" class="note"{self.dialect.epub_type("footnote")} '
            f'role="doc-footnote">{back}{body}</aside>'
        )

    def _german(self, items: Sequence[TranslatedSentence]) -> str:
        return " ".join(
            self._sentence(
                item, item.sentence.text, item.source_terms, self._word_links(item)[0], True
            )
            + self._references(item)
            for item in items
        )

    def _english(self, items: Sequence[TranslatedSentence]) -> str:
        pieces = []
        for item in items:
            terms = () if self.bilingual else item.translation_terms
            piece = self._sentence(
                item, item.translation, terms, self._word_links(item)[1], not self.bilingual
            )
            pieces.append(piece if self.bilingual else piece + self._references(item))
        return " ".join(piece for piece in pieces if piece)

    def _word_links(self, item: TranslatedSentence) -> tuple[Words, Words]:
        index = item.sentence.index
        if index not in self._words:
            self._words[index] = word_links(item.alignment) if self.dialect.words else ({}, {})
        return self._words[index]

    def _sentence(
        self,
        item: TranslatedSentence,
        value: str,
        terms: Iterable[TermSpan],
        words: Words,
        focusable: bool,
    ) -> str:
        """One side of a sentence; on the HTML page a ``data-s`` span (the
        sentence index pairs the two sides), reached with Tab on the side read
        first, its words with the arrow keys."""
        intervals = [_Interval(span.start, span.end, 0, self._term(span)) for span in terms]
        if self.dialect.words:
            intervals += [
                _Interval(start, end, 1, _word(word_id, links))
                for (start, end), (word_id, links) in words.items()
            ]
        inner = _nest(value, intervals)
        if not self.dialect.words:
            return inner
        tab = ' tabindex="0"' if focusable else ""
        return (
            f'<span class="s" data-s="{item.sentence.index}"{tab}>{inner}</span>' if inner else ""
        )

    def _term(self, span: TermSpan) -> Callable[[], tuple[str, str]]:
        def tags() -> tuple[str, str]:
            note = self._notes.get(span.anchor)
            title = f"{note.term}: {note.description}" if note and note.description else ""
            abbr = f'<abbr title="{attribute(title)}">' if title else "<abbr>"
            if self._first_uses.claim(span.anchor):
                href = self.dialect.href(span.anchor)
                return f'<a class="term" href="{href}">{abbr}', "</abbr></a>"
            return abbr, "</abbr>"

        return tags

    def _references(self, item: TranslatedSentence) -> str:
        """The sentence's footnote markers: links to the notes the document has,
        else plain superscripts."""
        pieces = []
        for marker, label in zip_longest(item.sentence.footnotes, item.note_labels):
            if marker is None:
                break
            if label is None:
                pieces.append(f"<sup>{text(marker)}</sup>")
                continue
            first = label not in self._referenced
            self._referenced.add(label)
            anchor = f' id="{reference_id(label)}"' if first else ""
            pieces.append(
                f'<sup><a class="noteref" href="{self.dialect.href(note_id(label))}"{anchor}'
                f'{self.dialect.epub_type("noteref")} role="doc-noteref">{text(marker)}</a></sup>'
            )
        return "".join(pieces)

    def glossary(self) -> str:
        """The appendix as a definition list (empty when there are no terms)."""
        if not self.document.glossary:
            return ""
        entries = "".join(
            f'<dt id="{note.anchor}"{self.dialect.lang("de")}>{text(note.term)}</dt>'
            f"<dd{self.dialect.lang('en')}>{text(note.description)}</dd>"
            for note in self.document.glossary
        )
        return (
            f'<section id="{GLOSSARY_ID}" class="glossary"{self.dialect.epub_type("glossary")}>'
            f"<h2{self.dialect.lang('en')}>Glossary</h2><dl>{entries}</dl></section>"
        )

    def header(self) -> str:
        """Source, model, date and settings as a definition list."""
        rows = "".join(
            f"<dt>{text(name)}</dt><dd>{text(value)}</dd>"
            for name, value in self.document.header_fields(self.layout)
        )
        return f'<dl class="header"{self.dialect.lang("en")}>{rows}</dl>'


def _word(word_id: str, links: Sequence[str]) -> Callable[[], tuple[str, str]]:
    def tags() -> tuple[str, str]:
        linked = " ".join(links)
        return f'<span data-w="{word_id}" data-a="{linked}">', "</span>"

    return tags


def heading_text(paragraph: TranslatedParagraph, layout: Layout) -> str:
    """A heading as plain text for a table of contents: German — English."""
    german = " ".join(item.sentence.text for item in paragraph.sentences).strip()
    english = " ".join(item.translation for item in paragraph.sentences).strip()
    if layout is Layout.ENGLISH:
        return english or german
    return f"{german} — {english}" if english and english != german else german
