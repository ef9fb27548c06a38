"""The seed documents through the whole pipeline — real segmenter, the tiny
model, the built-in glossary — rendered in every layout and read back with
CommonMark and GFM parsers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from export_structure import Block, Inline, normalise, parse_blocks

from reader.document import plain_text_document
from reader.glossary import load_glossary
from reader.importers import load_document
from reader.segment import Paragraph, segment
from reader.views.export.markdown import TABLE_HEADER, Layout, render_markdown
from reader.views.export.run import ExportSettings, translate_source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HOSTILE_SOURCE = plain_text_document(
    "hostile.md",
    (
        "# Überschrift? Nein, ein Satz mit | Pipe und *Sternen*.\n"
        "> Auch kein Zitat: <script>alert('x')</script> und `Code`.\n\n"
        "- Keine Liste, sondern _Unterstriche_ und [eckige](Klammern).\n"
        "1. Auch keine nummerierte Liste. === Und noch ein Satz mit \\ Backslash.\n\n"
        "Das Zentrum für Quantenforschung (ZQF) ist neu. Das ZQF wächst.\n"
    ),
)


@dataclass
class Export:
    paragraphs: list[Paragraph]
    """The segmenter's output, the truth the Markdown is checked against."""
    translations: list[str]
    markdown: dict[Layout, str]


@pytest.fixture(scope="module", params=[*SEEDS, None], ids=[*(p.name for p in SEEDS), "hostile"])
def export(request: pytest.FixtureRequest, tiny_engine) -> Export:
    source = HOSTILE_SOURCE if request.param is None else load_document(str(request.param))
    document, _ = translate_source(source, tiny_engine, load_glossary(), ExportSettings())
    return Export(
        paragraphs=segment(source.text),
        translations=[item.translation for item in document.sentences()],
        markdown={layout: render_markdown(document, layout) for layout in Layout},
    )


def _body(blocks: list[Block]) -> list[Block]:
    assert blocks[0].kind == "heading" and blocks[1].kind == "list"
    glossary = [i for i, block in enumerate(blocks) if i and block.kind == "heading"]
    return blocks[2 : glossary[0] if glossary else len(blocks)]


def _lines(blocks: list[Block]) -> list[Inline]:
    return [line for block in blocks for line in block.lines] + [
        cell for block in blocks for row in block.rows for cell in row
    ]


def test_table_layout_has_one_row_per_sentence_on_github(export: Export) -> None:
    tables = _body(parse_blocks(export.markdown[Layout.TABLE], "gfm"))
    assert [block.kind for block in tables] == ["table"] * len(export.paragraphs)
    german, english, footnotes = [], [], []
    for table, paragraph in zip(tables, export.paragraphs, strict=True):
        assert len(table.rows) == 1 + len(paragraph.sentences)
        assert all(len(row) == len(TABLE_HEADER) for row in table.rows)
        for row in table.rows[1:]:
            german.append(row[0].text)
            english.append(row[1].text)
            footnotes.append(row[0].footnotes)
            assert not row[0].markup and not row[1].markup
    sentences = [s for p in export.paragraphs for s in p.sentences]
    # Every sentence exactly once, in order — and its translation beside it.
    assert german == [normalise(s.text) for s in sentences]
    assert english == [normalise(t) for t in export.translations]
    assert footnotes == [[", ".join(s.footnotes)] if s.footnotes else [] for s in sentences]


@pytest.mark.parametrize("parser", ["commonmark", "gfm"])
def test_interleaved_layout_alternates_german_and_english(export: Export, parser: str) -> None:
    blocks = _body(parse_blocks(export.markdown[Layout.INTERLEAVED], parser))
    expected_kinds, expected_texts = [], []
    for number, paragraph in enumerate(export.paragraphs):
        expected_kinds += ["rule"] * bool(number)
        for sentence in paragraph.sentences:
            expected_kinds += ["paragraph", "quote"]
            translation = export.translations[sentence.index]
            expected_texts += [normalise(sentence.text), normalise(translation)]
    assert [block.kind for block in blocks] == expected_kinds
    texts = [line.text for block in blocks for line in block.lines]
    assert texts == [text for text in expected_texts if text]
    assert not any(line.markup for line in _lines(blocks))


@pytest.mark.parametrize("parser", ["commonmark", "gfm"])
def test_english_layout_keeps_the_paragraphs(export: Export, parser: str) -> None:
    blocks = _body(parse_blocks(export.markdown[Layout.ENGLISH], parser))
    assert [block.kind for block in blocks] == ["paragraph"] * len(export.paragraphs)
    for block, paragraph in zip(blocks, export.paragraphs, strict=True):
        english = " ".join(export.translations[s.index] for s in paragraph.sentences)
        assert block.lines[0].text == normalise(english)
        assert not block.lines[0].markup


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("parser", ["commonmark", "gfm"])
def test_glossary_links_point_at_appendix_entries(
    export: Export, layout: Layout, parser: str
) -> None:
    blocks = parse_blocks(export.markdown[layout], parser)
    heading, appendix = blocks[-2:]
    # Every document here uses glossary terms (the hostile one defines ZQF).
    assert heading.lines[0].text == "Glossary"
    anchors = [anchor for item in appendix.lines for anchor in item.anchors]
    assert len(anchors) == len(appendix.lines) == len(set(anchors))
    targets = [href for line in _lines(blocks[:-2]) for _, href in line.links if href[0] == "#"]
    # Only first uses are linked, and only to entries that exist.
    assert len(targets) == len(set(targets))
    assert {target[1:] for target in targets} <= set(anchors)
    if layout is not Layout.ENGLISH:
        assert targets, "the German text uses glossary terms; the first uses are linked"


def test_appendix_has_built_in_entries_and_in_text_definitions(export: Export) -> None:
    markdown = export.markdown[Layout.TABLE]
    items = {item.text.split(" — ")[0]: item for item in parse_blocks(markdown, "gfm")[-1].lines}
    if "Plaza-Abkommen" in markdown:  # seeds/002
        assert items["CFIUS"].text.startswith(
            "CFIUS — Ausschuss für ausländische Investitionen in den Vereinigten Staaten "
            "(Committee on Foreign Investment in the United States). An interagency"
        )
        # Its first use is the long form, a variant of the entry.
        first_use = "[Committee on Foreign Investment in the United States](#glossary-cfius)"
        assert first_use in markdown
        assert markdown.count("](#glossary-cfius)") == 1
    elif "ZQF" in markdown:  # the hostile document defines an abbreviation of its own
        assert items["ZQF"].text == "ZQF — Zentrum für Quantenforschung (defined in the text)."
        assert markdown.count("[ZQF](#glossary-zqf)") == 1
    else:  # seeds/000: built-in entries only
        assert {"CHAdeMO", "Global Times", "USA"} <= set(items)
        assert markdown.count("[USA](#glossary-usa)") == 1
