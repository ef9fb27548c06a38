"""``reader segment``: print the clean sentences of a document."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from reader.segment import Paragraph
from reader.source import read_source


class OutputFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


def segment_command(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="German text file (UTF-8, cp1252 or Latin-1), or - for stdin."
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help=(
                "text: one sentence per line, a blank line between paragraphs. "
                "jsonl: one JSON object per sentence with text, start, end (character "
                "offsets into the decoded input), footnotes, paragraph and index."
            ),
        ),
    ] = OutputFormat.text,
) -> None:
    """Split a German document into clean sentences.

    Repairs scraped text on the way: missing spaces between sentences, footnote
    numbers glued to sentence ends (kept as markers in jsonl), lost list
    markup and junk runs.
    """
    # Imported here: loading the segmenter (~0.1 s) is for this command, not for `--help`.
    from reader.segment import segment

    source = read_source(file)
    if source.warning:
        print(f"reader: warning: {source.warning}", file=sys.stderr)
    paragraphs = segment(source.text)
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
            }
            yield json.dumps(record, ensure_ascii=False) + "\n"
