"""Render a translated document as bilingual Markdown (CommonMark + GFM tables).

Three layouts:

``table``
    one two-column table (German | English) per paragraph, one row per sentence;
``interleaved``
    each German sentence followed by its English as a block quote — reads well
    as plain text too;
``english``
    the English only, paragraphs kept, one sentence per line.

Every piece of document text is escaped (:mod:`reader.views.export.escape`), so
the structure survives whatever the sentences contain. Footnote markers become
``<sup>`` inline HTML, which CommonMark and GitHub both render; a marker whose
note is in the document becomes a real Markdown footnote (``[^1]``, the note's
German and English text as its definition). The document's headings are
Markdown headings one level below the title in every layout (German — English
in the table layout, the English under the German when interleaved); code is
a fenced block, untranslated. Front and back matter (a Project Gutenberg
licence, an imprint) is not translated and follows the body as an appendix,
in German. The first use of each glossary term links to
its entry in the appendix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import zip_longest

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
from reader.views.export.escape import (
    escape_inline,
    escape_line_start,
    escape_syntax,
    single_line,
)

TABLE_HEADER = ("Deutsch", "English")
PARAGRAPH_BREAK = "* * *"
GLOSSARY_HEADING = "Glossary"
MATTER_HEADING = "Front and back matter"
MATTER = "matter"
BULLET = "• "
"""Opens a list item's first row in the table layout (a table cell holds no list)."""
LAYOUTS = (Layout.TABLE, Layout.INTERLEAVED, Layout.ENGLISH)


def render_markdown(document: ExportDocument, layout: Layout) -> str:
    """The whole document as Markdown text, ending with a newline."""
    first_uses = FirstUses(note.anchor for note in document.glossary)
    matter = [paragraph for paragraph in document.paragraphs if paragraph.kind == MATTER]
    text = [paragraph for paragraph in document.paragraphs if paragraph.kind != MATTER]
    body = _body(text, layout, first_uses)
    blocks = [
        "# " + escape_inline(document.title).replace("#", "\\#"),
        _header(document, layout),
        *body,
    ]
    if matter:
        blocks.append(f"## {MATTER_HEADING}")
        blocks.extend(
            escape_line_start(
                " ".join(_inline(item.sentence.text, (), first_uses) for item in p.sentences)
            )
            for p in matter
        )
    if document.glossary:
        blocks.append(f"## {GLOSSARY_HEADING}")
        blocks.append("\n".join(_glossary_item(note) for note in document.glossary))
    return "\n\n".join(blocks) + "\n"


def _header(document: ExportDocument, layout: Layout) -> str:
    # A list, so each field is its own line on every renderer.
    return "\n".join(
        f"- **{name}:** {escape_inline(value)}" for name, value in document.header_fields(layout)
    )


_Blocks = Callable[[Iterable[TranslatedParagraph], FirstUses], Iterator[str]]
_BACKTICKS = re.compile(r"`+")
_ESCAPED_HASH = "\\#"  # a trailing "#" would close an ATX heading


def _body(
    paragraphs: Iterable[TranslatedParagraph], layout: Layout, first_uses: FirstUses
) -> Iterator[str]:
    """Runs of ordinary paragraphs in the layout's form; headings, code and notes
    as Markdown headings, fenced code and footnote definitions."""
    ordinary: _Blocks = {
        Layout.TABLE: _table_blocks,
        Layout.INTERLEAVED: _interleaved_blocks,
        Layout.ENGLISH: _english_blocks,
    }[layout]
    run: list[TranslatedParagraph] = []
    for paragraph in paragraphs:
        if is_structure(paragraph):
            yield from ordinary(run, first_uses)
            run = []
            yield _structure_block(paragraph, layout, first_uses)
        else:
            run.append(paragraph)
    yield from ordinary(run, first_uses)


def _structure_block(paragraph: TranslatedParagraph, layout: Layout, first_uses: FirstUses) -> str:
    items = paragraph.sentences
    if paragraph.kind == "code":
        code = "\n".join(item.sentence.text for item in items)
        longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{code}\n{fence}"
    heading = paragraph.kind == "heading"
    german = ""
    if layout is not Layout.ENGLISH:
        german = " ".join(
            _german(item, first_uses) if heading else _inline(item.sentence.text, (), first_uses)
            for item in items
        )
    english_terms = layout is Layout.ENGLISH
    english = " ".join(
        _inline(item.translation, item.translation_terms if english_terms else (), first_uses)
        + (_footnotes(item) if heading and english_terms else "")
        for item in items
    ).strip()
    if heading:
        prefix = "#" * min(max(paragraph.level, 1) + 1, 6)
        german, english = german.replace("#", _ESCAPED_HASH), english.replace("#", _ESCAPED_HASH)
        if layout is Layout.ENGLISH:
            # Untranslatable (empty) output must not leave an empty heading.
            fallback = " ".join(_inline(item.sentence.text, (), first_uses) for item in items)
            return f"{prefix} {english or fallback.replace('#', _ESCAPED_HASH)}"
        if not english:
            return f"{prefix} {german}"
        if layout is Layout.TABLE:
            return f"{prefix} {german} — {english}"
        return f"{prefix} {german}\n> {english}"
    definition = (
        english if layout is Layout.ENGLISH else " — ".join(filter(None, (german, english)))
    )
    return f"[^{paragraph.note_label}]: {definition}"


def _table_blocks(
    paragraphs: Iterable[TranslatedParagraph], first_uses: FirstUses
) -> Iterator[str]:
    header = "| " + " | ".join(TABLE_HEADER) + " |"
    delimiter = "|" + " --- |" * len(TABLE_HEADER)
    for group in list_groups(paragraphs):
        # A list is one table, each item's first row opened by a bullet.
        rows = [header, delimiter]
        for paragraph in group:
            for number, item in enumerate(paragraph.sentences):
                german = _german(item, first_uses)
                if paragraph.kind == LIST_ITEM and number == 0:
                    german = BULLET + german
                english = _inline(item.translation, (), first_uses)
                rows.append(f"| {german} | {english} |")
        yield "\n".join(rows)


def _interleaved_blocks(
    paragraphs: Iterable[TranslatedParagraph], first_uses: FirstUses
) -> Iterator[str]:
    for number, group in enumerate(list_groups(paragraphs)):
        if number:
            yield PARAGRAPH_BREAK
        for paragraph in group:
            listed = paragraph.kind == LIST_ITEM
            for position, item in enumerate(paragraph.sentences):
                german = escape_line_start(_german(item, first_uses))
                english = escape_line_start(_inline(item.translation, (), first_uses))
                # The quote interrupts the German paragraph; the blank line that
                # follows ends the quote (no lazy continuation into the next pair).
                pair = f"{german}\n> {english}".rstrip()
                if listed:  # a real list: "- German", its English quoted inside the item
                    pair = ("- " if position == 0 else "  ") + pair.replace("\n", "\n  ")
                yield pair


def _english_blocks(
    paragraphs: Iterable[TranslatedParagraph], first_uses: FirstUses
) -> Iterator[str]:
    for group in list_groups(paragraphs):
        items = []
        for paragraph in group:
            lines = [
                escape_line_start(
                    _inline(item.translation, item.translation_terms, first_uses) + _footnotes(item)
                )
                for item in paragraph.sentences
            ]
            # An empty translation must not leave a blank line: that would split
            # the paragraph in two.
            text = "\n".join(line for line in lines if line)
            if paragraph.kind == LIST_ITEM and text:
                text = "- " + text.replace("\n", "\n  ")
            items.append(text)
        yield "\n".join(item for item in items if item)


def _german(item: TranslatedSentence, first_uses: FirstUses) -> str:
    return _inline(item.sentence.text, item.source_terms, first_uses) + _footnotes(item)


def _footnotes(item: TranslatedSentence) -> str:
    """The sentence's footnote markers: real footnotes where the note is in the
    document, else superscripts."""
    markers = item.sentence.footnotes
    if not markers:
        return ""
    pairs = list(zip_longest(markers, item.note_labels[: len(markers)]))
    shown = [marker for marker, label in pairs if label is None]
    text = (
        "<sup>" + ", ".join(escape_inline(marker) for marker in shown) + "</sup>" if shown else ""
    )
    return text + "".join(f"[^{label}]" for _, label in pairs if label)


def _inline(text: str, spans: Iterable[TermSpan], first_uses: FirstUses) -> str:
    """Escape ``text`` as one line, linking the first use of each glossary term."""
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda span: (span.start, -span.end)):
        if span.start < position or not first_uses.claim(span.anchor):
            continue
        pieces.append(escape_syntax(text[position : span.start]))
        pieces.append(f"[{escape_syntax(text[span.start : span.end])}](#{span.anchor})")
        position = span.end
    pieces.append(escape_syntax(text[position:]))
    return single_line("".join(pieces))


def _glossary_item(note: GlossaryNote) -> str:
    item = f'- <a id="{note.anchor}"></a>**{escape_inline(note.term)}**'
    description = note.description
    return item + " — " + escape_inline(description) if description else item
