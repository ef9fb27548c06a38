"""``reader translate``: translate a document without the reader UI."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reader.cli.engine_options import (
    Device,
    DeviceOption,
    FastOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.segment import segment
from reader.source import read_source
from reader.translate import Engine, load_engine
from reader.translate.document import ProgressCallback, TranslatedSentence, translate_document


class OutputFormat(StrEnum):
    jsonl = "jsonl"


def translate_command(
    file: Annotated[str, typer.Argument(help="German text file to translate, or - for stdin.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON object per sentence (paragraph, source, translation, footnotes).",
        ),
    ] = OutputFormat.jsonl,
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Translate a German document sentence by sentence (progress on stderr)."""
    source = read_source(file)
    err = Console(stderr=True)
    if source.warning:
        err.print(f"reader: warning: {source.warning}", markup=False, highlight=False)
    paragraphs = segment(source.text)
    with err.status("Loading the translation model…"):
        engine = load_engine(engine_options(model, device, fast, quantize, no_cache))
    try:
        with translation_progress(err, engine) as on_progress:
            write_jsonl(translate_document(paragraphs, engine, on_progress), sys.stdout)
    finally:
        for warning in engine.warnings:
            err.print(f"reader: warning: {warning}", markup=False, highlight=False)
        engine.close()


@contextmanager
def translation_progress(console: Console, engine: Engine) -> Iterator[ProgressCallback]:
    """A progress bar on ``console`` (stderr), as a :data:`ProgressCallback`."""
    progress = Progress(
        TextColumn("Translating ({task.fields[engine]})"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("translate", total=None, engine=engine.description)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield update


def write_jsonl(sentences: Iterator[TranslatedSentence], out: TextIO) -> None:
    for item in sentences:
        record = {
            "paragraph": item.sentence.paragraph,
            "source": item.sentence.text,
            "translation": item.translation,
            "footnotes": list(item.sentence.footnotes),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
