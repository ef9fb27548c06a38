"""The document model and block-by-block segmentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import Block, Document, FootnoteRef, plain_text_document
from reader.errors import InputError
from reader.importers import load_document
from reader.segment import all_sentences, segment, segment_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_plain_text_segments_exactly_as_before(seed: Path) -> None:
    document = load_document(str(seed))
    assert document.format == "txt"
    assert document.text == seed.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert segment_document(document) == segment(document.text)


def test_blocks_keep_their_kind_section_and_spans() -> None:
    document = Document(
        name="x",
        format="md",
        blocks=(
            Block("heading", "1. Einleitung", level=1),
            Block(
                "paragraph", "Der Bund zahlt. Die Länder warten.", footnotes=(FootnoteRef(15, "1"),)
            ),
            Block("code", "x = 1\n  y = 2"),
            Block("footnote", "Siehe Anhang. Dort steht mehr.", marker="1"),
        ),
    )
    paragraphs = segment_document(document)
    sentences = list(all_sentences(paragraphs))
    assert [s.kind for s in sentences] == [
        "heading",
        "sentence",
        "sentence",
        "code",
        "footnote",
        "footnote",
    ]
    assert sentences[0].text == "1. Einleitung"
    assert {s.section for s in sentences} == {"1. Einleitung"}
    assert sentences[1].footnotes == ("1",)
    assert sentences[2].footnotes == ()
    assert sentences[3].text == "x = 1\n  y = 2"
    assert [s.index for s in sentences] == list(range(6))
    assert [p.kind for p in paragraphs] == ["heading", "paragraph", "code", "footnote"]
    assert paragraphs[0].level == 1
    assert paragraphs[3].marker == "1"
    for sentence in sentences:
        assert document.text[sentence.start : sentence.end].split() == sentence.text.split()


def test_empty_blocks_make_no_paragraphs() -> None:
    document = Document("x", "html", (Block("paragraph", "  "), Block("heading", "Titel", 2)))
    paragraphs = segment_document(document)
    assert [p.index for p in paragraphs] == [0]
    assert paragraphs[0].sentences[0].section == "Titel"


def test_empty_plain_text_has_no_blocks() -> None:
    assert plain_text_document("-", "").blocks == ()


def test_unknown_format_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hallo.", encoding="utf-8")
    with pytest.raises(InputError, match="unknown input format 'doc'"):
        load_document(str(path), "doc")
