"""``reader segment``: print the clean sentences of a document."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from reader.cli.options import FromOption
from reader.cli.progress import load_document_with_progress
from reader.locations import Locations
from reader.segment import Paragraph


class OutputFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


def segment_command(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="German document: text (UTF-8, cp1252 or Latin-1), HTML, EPUB, Markdown or PDF; "
            "- for stdin.",
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help=(
                "text: one sentence per line, a blank line between paragraphs (headings "
                "are lines of their own). jsonl: one JSON object per sentence with text, "
                "start, end (character offsets into the document's text), footnotes, "
                "paragraph, index, kind (sentence, heading, footnote or code) and section."
            ),
        ),
    ] = OutputFormat.text,
    source_format: FromOption = None,
) -> None:
    """Split a German document into clean sentences.

    Repairs scraped text on the way: missing spaces between sentences, footnote
    numbers glued to sentence ends (kept as markers in jsonl), lost list
    markup and junk runs. Web pages give their main content only (no menus or
    banners), e-books their chapters in reading order.
    """
    # Imported here: loading the segmenter (~0.1 s) is for this command, not for `--help`.
    from reader.segment import segment_document

    document = load_document_with_progress(
        file, source_format and source_format.value, Locations.from_environment()
    )
    for warning in document.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    paragraphs = segment_document(document)
    lines = _text_lines(paragraphs) if output_format is OutputFormat.text else _jsonl(paragraphs)
    sys.stdout.writelines(lines)


def _text_lines(paragraphs: list[Paragraph]) -> Iterator[str]:
    for paragraph in paragraphs:
        if paragraph.index:
            yield "\n"
        for sentence in paragraph.sentences:
            yield sentence.text + "\n"


def _jsonl(paragraphs: list[Paragraph]) -> Iterator[str]:
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            record = {
                "text": sentence.text,
                "start": sentence.start,
                "end": sentence.end,
                "footnotes": list(sentence.footnotes),
                "paragraph": sentence.paragraph,
                "index": sentence.index,
                "kind": sentence.kind,
                "section": sentence.section,
            }
            if paragraph.kind == "footnote":
                record["note"] = paragraph.marker
            yield json.dumps(record, ensure_ascii=False) + "\n"
