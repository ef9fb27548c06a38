"""The Markdown renderer, read back with CommonMark and GFM parsers.

The documents here are built by hand so every hostile character is where the
test wants it; tests/export/test_export_seed.py renders real segmenter and
model output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from export_structure import PARSERS, Block, normalise, parse_blocks
from hypothesis import given
from hypothesis import strategies as st

from reader.segment import Sentence
from reader.views.export.document import (
    ExportDocument,
    GlossaryNote,
    TermSpan,
    TranslatedParagraph,
    TranslatedSentence,
)
from reader.views.export.escape import escape_inline, escape_line
from reader.views.export.markdown import GLOSSARY_HEADING, TABLE_HEADER, Layout, render_markdown

HOSTILE = [
    # (German, English, footnotes)
    ("# Keine Überschrift | sondern *Text* mit _Strichen_.", "# Not a heading | *text*.", ("1",)),
    ("> Kein Zitat, sondern <script>alert(1)</script>.", "> No quote <b>bold</b> &amp; more.", ()),
    ("- Keine Liste mit `Code` und ``mehr``.", "1. Not a list with `code`.", ("2", "3")),
    ("1) Auch keine Liste: [Link](http://x.y) und ![Bild](a.png).", "=== not a heading", ()),
    ("Tilde ~~durch~~ und $x$ und \\ Backslash am Ende \\", "--- | --- |", ()),
    ("Die W&T-Zusammenarbeit zwischen W&T-Ministerien.", "The S&T cooperation in S&T.", ()),
    ("Zeile\nmit   Umbruch\tund Tab.", "", ()),
]
PARAGRAPHS = [[0, 1], [2, 3, 4], [5, 6]]
ANCHOR = "glossary-w-t"


def hostile_document() -> ExportDocument:
    paragraphs = []
    for number, indices in enumerate(PARAGRAPHS):
        items = []
        for index in indices:
            german, english, footnotes = HOSTILE[index]
            sentence = Sentence(german, 0, len(german), footnotes, number, index)
            items.append(
                TranslatedSentence(sentence, english, _spans(german, "W&T"), _spans(english, "S&T"))
            )
        paragraphs.append(TranslatedParagraph(number, tuple(items)))
    return ExportDocument(
        title="Feindlicher *Text* #",
        source_name="hostile | file.txt",
        model="tiny-marian · cpu · 4 beams",
        created=datetime(2026, 11, 23, 14, 5, tzinfo=UTC),
        settings=(("preset", "quality"),),
        paragraphs=tuple(paragraphs),
        glossary=(
            GlossaryNote(
                ANCHOR,
                "W&T",
                "Wissenschaft und Technologie (science and technology)",
                "Research *and* innovation policy.",
                None,
                ("W&T", "S&T"),
            ),
        ),
    )


def _spans(text: str, term: str) -> tuple[TermSpan, ...]:
    spans, start = [], text.find(term)
    while start >= 0:
        spans.append(TermSpan(start, start + len(term), ANCHOR))
        start = text.find(term, start + 1)
    return tuple(spans)


def sentence_texts(blocks: list[Block]) -> list[str]:
    """Every line of body text, in order (tables: cell by cell, row by row)."""
    texts = []
    for block in blocks:
        if block.kind == "table":
            texts += [cell.text for row in block.rows[1:] for cell in row]
        elif block.kind in ("paragraph", "quote"):
            texts += [line.text for line in block.lines]
    return texts


def body(blocks: list[Block]) -> list[Block]:
    """The blocks between the header list and the glossary heading."""
    assert blocks[0].kind == "heading" and blocks[1].kind == "list"
    end = next(i for i, block in enumerate(blocks) if block.kind == "heading" and i > 0)
    return blocks[2:end]


PARSER_NAMES = list(PARSERS)


@pytest.mark.parametrize("parser", PARSER_NAMES)
def test_title_and_header_survive_hostile_names(parser: str) -> None:
    blocks = parse_blocks(render_markdown(hostile_document(), Layout.TABLE), parser)
    assert blocks[0].kind == "heading" and blocks[0].level == 1
    assert blocks[0].lines[0].text == "Feindlicher *Text* #"
    fields = [item.text for item in blocks[1].lines]
    assert fields == [
        "Source: hostile | file.txt (7 sentences in 3 paragraphs)",
        "Model: tiny-marian · cpu · 4 beams",
        "Date: 2026-11-23 14:05 UTC",
        "Settings: layout table, preset quality",
    ]


def test_table_layout_on_github_one_table_per_paragraph() -> None:
    document = hostile_document()
    tables = body(parse_blocks(render_markdown(document, Layout.TABLE), "gfm"))
    assert [block.kind for block in tables] == ["table"] * len(PARAGRAPHS)
    for table, indices in zip(tables, PARAGRAPHS, strict=True):
        assert [cell.text for cell in table.rows[0]] == list(TABLE_HEADER)
        assert len(table.rows) == 1 + len(indices)
        for row, index in zip(table.rows[1:], indices, strict=True):
            german, english, footnotes = HOSTILE[index]
            assert [cell.text for cell in row] == [normalise(german), normalise(english)]
            assert row[0].footnotes == [", ".join(footnotes)] if footnotes else not row[0].footnotes
            assert not row[0].markup and not row[1].markup


def test_table_layout_degrades_to_plain_paragraphs_on_commonmark() -> None:
    # Plain CommonMark has no tables: the rows show as text, but no sentence
    # turns into a heading, list, quote or code block.
    blocks = body(parse_blocks(render_markdown(hostile_document(), Layout.TABLE), "commonmark"))
    assert {block.kind for block in blocks} == {"paragraph"}
    assert not any(line.markup for block in blocks for line in block.lines)


@pytest.mark.parametrize("parser", PARSER_NAMES)
def test_interleaved_layout_pairs_german_paragraph_with_english_quote(parser: str) -> None:
    blocks = body(parse_blocks(render_markdown(hostile_document(), Layout.INTERLEAVED), parser))
    expected_kinds: list[str] = []
    for number, indices in enumerate(PARAGRAPHS):
        expected_kinds += ["rule"] * bool(number) + ["paragraph", "quote"] * len(indices)
    assert [block.kind for block in blocks] == expected_kinds
    expected_texts = []
    for index in (index for indices in PARAGRAPHS for index in indices):
        german, english, _ = HOSTILE[index]
        expected_texts += [normalise(german), normalise(english)]
    # The empty translation is an empty quote, which has no inline line.
    assert sentence_texts(blocks) == [text for text in expected_texts if text]
    assert not any(line.markup for block in blocks for line in block.lines)


@pytest.mark.parametrize("parser", PARSER_NAMES)
def test_english_layout_keeps_paragraphs(parser: str) -> None:
    blocks = body(parse_blocks(render_markdown(hostile_document(), Layout.ENGLISH), parser))
    assert [block.kind for block in blocks] == ["paragraph"] * len(PARAGRAPHS)
    for block, indices in zip(blocks, PARAGRAPHS, strict=True):
        english = " ".join(normalise(HOSTILE[index][1]) for index in indices)
        assert block.lines[0].text == normalise(english)
        assert not block.lines[0].markup
    # Footnotes follow the English sentence when the German is not shown.
    assert blocks[0].lines[0].footnotes == ["1"]
    assert blocks[1].lines[0].footnotes == ["2, 3"]


@pytest.mark.parametrize("parser", PARSER_NAMES)
def test_english_layout_empty_translation_does_not_split_the_paragraph(parser: str) -> None:
    # Regression: a model may return "" for a sentence (garbled input); the
    # blank line it left in the middle of a paragraph started a new one.
    germans, englishes = ["Eins.", "Zwei.", "Drei."], ["One.", "", "Three."]
    items = tuple(
        TranslatedSentence(Sentence(german, 0, len(german), (), 0, index), english, (), ())
        for index, (german, english) in enumerate(zip(germans, englishes, strict=True))
    )
    document = replace(hostile_document(), paragraphs=(TranslatedParagraph(0, items),))
    blocks = body(parse_blocks(render_markdown(document, Layout.ENGLISH), parser))
    assert [block.kind for block in blocks] == ["paragraph"]
    assert blocks[0].lines[0].text == "One. Three."


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("parser", PARSER_NAMES)
def test_first_use_of_a_term_links_to_its_glossary_entry(layout: Layout, parser: str) -> None:
    blocks = parse_blocks(render_markdown(hostile_document(), layout), parser)
    lines = [line for block in blocks for line in block.lines] + [
        cell for block in blocks for row in block.rows for cell in row
    ]
    # GitHub also turns the bare URL in a sentence into a link; only the
    # in-document links matter here.
    links = [link for line in lines for link in line.links if link[1].startswith("#")]
    expected_text = "S&T" if layout is Layout.ENGLISH else "W&T"
    assert links == [(expected_text, f"#{ANCHOR}")]
    heading, appendix = blocks[-2:]
    assert heading.kind == "heading" and heading.lines[0].text == GLOSSARY_HEADING
    (entry,) = appendix.lines
    assert entry.anchors == [ANCHOR]
    assert entry.text == (
        "W&T — Wissenschaft und Technologie (science and technology). "
        "Research *and* innovation policy."
    )


def test_rendering_is_deterministic_and_ends_with_one_newline() -> None:
    document = hostile_document()
    first = render_markdown(document, Layout.TABLE)
    assert first == render_markdown(document, Layout.TABLE)
    assert first.endswith("|\n\n## Glossary\n\n" + first.split("## Glossary\n\n")[1])
    assert first.endswith(".\n") and not first.endswith("\n\n")


# Any printable text, including every Markdown syntax character.
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("\\`*_[]<>|~$&#;!-+=.():1 \n\tabcÄ"),
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")),
    ),
    max_size=40,
)


@pytest.mark.parametrize("parser", PARSER_NAMES)
@given(text=_TEXT)
def test_any_text_is_one_plain_paragraph(parser: str, text: str) -> None:
    visible = " ".join(escape_line(text).split())
    blocks = parse_blocks(escape_line(text), parser)
    if not visible:
        assert blocks == []
        return
    assert [block.kind for block in blocks] == ["paragraph"]
    (line,) = blocks[0].lines
    assert line.text == normalise(text)
    assert not line.markup


@given(left=_TEXT, right=_TEXT)
def test_any_text_stays_in_its_table_cell(left: str, right: str) -> None:
    markdown = f"| a | b |\n| --- | --- |\n| {escape_inline(left)} | {escape_inline(right)} |\n"
    (table,) = parse_blocks(markdown, "gfm")
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["a", "b"],
        [normalise(left), normalise(right)],
    ]
    assert not any(cell.markup for cell in table.rows[1])
