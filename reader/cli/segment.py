"""``reader segment``: print the sentences of a document."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from reader.segment import segment
from reader.source import read_source


class OutputFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


def segment_command(
    file: Annotated[str, typer.Argument(help="German text file to segment, or - for stdin.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: one sentence per line; jsonl: one JSON object per sentence.",
        ),
    ] = OutputFormat.text,
) -> None:
    """Split a German document into clean sentences."""
    source = read_source(file)
    if source.warning:
        print(f"reader: warning: {source.warning}", file=sys.stderr)
    paragraphs = segment(source.text)
    out = sys.stdout
    for number, paragraph in enumerate(paragraphs):
        if output_format is OutputFormat.text and number:
            out.write("\n")
        for sentence in paragraph.sentences:
            if output_format is OutputFormat.text:
                out.write(sentence.text + "\n")
            else:
                record = {
                    "text": sentence.text,
                    "start": sentence.start,
                    "end": sentence.end,
                    "footnotes": list(sentence.footnotes),
                    "paragraph": sentence.paragraph,
                    "index": sentence.index,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
