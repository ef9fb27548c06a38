"""``reader translate``: translate documents without the reader UI.

Markdown (the default) goes through :mod:`reader.views.export`; ``--format
jsonl`` streams one JSON object per sentence.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reader.cli.options import (
    Device,
    DeviceOption,
    FastOption,
    GlossaryFilesOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.errors import OutputError
from reader.glossary import Glossary, load_glossary
from reader.glossary.consistency import apply_edits
from reader.segment import segment
from reader.source import read_source
from reader.translate import Engine, EngineOptions, load_engine
from reader.translate.alignment import alignment_to_json, remap_target
from reader.translate.document import ProgressCallback, TranslatedSentence, translate_document
from reader.views.export.batch import TranslationInterrupted
from reader.views.export.markdown import Layout, render_markdown
from reader.views.export.run import ExportSettings, deliver, plan_targets, translate_source


class OutputFormat(StrEnum):
    markdown = "markdown"
    jsonl = "jsonl"


def translate_command(
    files: Annotated[
        list[str],
        typer.Argument(
            help="German text file(s) to translate; - reads standard input.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown: a bilingual document (see --layout); jsonl: one JSON object "
            "per sentence (paragraph, source, translation, footnotes) on standard output.",
        ),
    ] = OutputFormat.markdown,
    alignments: Annotated[
        bool,
        typer.Option(
            "--alignments",
            help="With --format jsonl: add 'alignment', the word pairs as "
            "[[source start, end], [translation start, end]] character spans.",
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Markdown file to write; - or none: standard output. Written only when "
            "complete: an interrupted run leaves an existing file as it was.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write DIR/<input name>.md for each input (for several inputs).",
            show_default=False,
        ),
    ] = None,
    layout: Annotated[
        Layout,
        typer.Option(
            "--layout",
            "-l",
            help="table: a German | English table per paragraph; interleaved: each German "
            "sentence followed by its English; english: the English only.",
        ),
    ] = Layout.TABLE,
    glossary_files: GlossaryFilesOption = None,
    no_glossary_terms: Annotated[
        bool,
        typer.Option(
            "--no-glossary-terms",
            help="Keep the model's wording instead of the glossary's preferred English "
            "terms (W&T → S&T).",
        ),
    ] = False,
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Translate German documents to bilingual Markdown (progress on stderr).

    Finished sentences are cached: after Ctrl-C, the same command resumes.
    """
    options = engine_options(model, device, fast, quantize, no_cache)
    err = Console(stderr=True)
    if output_format is OutputFormat.jsonl:
        if len(files) > 1 or output is not None or out_dir is not None:
            raise OutputError(
                "--format jsonl translates one document to standard output "
                "(-o and --out-dir are for Markdown)"
            )
        settings = ExportSettings(preferred_terms=not no_glossary_terms)
        translate_jsonl(files[0], options, glossary_files or [], settings, alignments, err)
        return
    if alignments:
        raise OutputError("--alignments needs --format jsonl")
    try:
        translate_markdown(
            files,
            output,
            out_dir,
            layout,
            glossary_files or [],
            ExportSettings(preferred_terms=not no_glossary_terms),
            options,
            err,
        )
    except (KeyboardInterrupt, TranslationInterrupted) as error:
        # One line, not click's "Aborted!"; 130 is the shell's code for SIGINT.
        message = str(error) if isinstance(error, TranslationInterrupted) else "interrupted"
        print(f"reader: {message}", file=sys.stderr)
        raise typer.Exit(130) from None


def translate_markdown(
    files: Sequence[str],
    output: str | None,
    out_dir: Path | None,
    layout: Layout,
    glossary_files: Sequence[Path],
    settings: ExportSettings,
    options: EngineOptions,
    err: Console,
) -> None:
    """The Markdown export: every check that needs no model comes first."""
    targets = plan_targets(files, output, out_dir)
    sources = [read_source(target.source) for target in targets]
    for source in sources:
        if source.warning:
            print(f"reader: warning: {source.warning}", file=sys.stderr)
    glossary = load_glossary(glossary_files)
    engine = _load(options, err)
    try:
        for target, source in zip(targets, sources, strict=True):
            with translation_progress(err, engine) as on_progress:
                document, batch = translate_source(source, engine, glossary, settings, on_progress)
            deliver(render_markdown(document, layout), target.output, sys.stdout)
            count = len(batch.translations)
            print(
                f"reader: wrote {target.output or 'standard output'}: "
                f"{count} sentence{'' if count == 1 else 's'} ({batch.from_cache} from the "
                f"cache, {batch.translated} translated)",
                file=sys.stderr,
            )
    finally:
        _close(engine, err)


def translate_jsonl(
    file: str,
    options: EngineOptions,
    glossary_files: Sequence[Path],
    settings: ExportSettings,
    alignments: bool,
    err: Console,
) -> None:
    """``--format jsonl``: stream one JSON object per sentence to standard output."""
    source = read_source(file)
    if source.warning:
        err.print(f"reader: warning: {source.warning}", markup=False, highlight=False)
    paragraphs = segment(source.text)
    glossary = load_glossary(glossary_files) if settings.preferred_terms else None
    engine = _load(options, err)
    try:
        with translation_progress(err, engine) as on_progress:
            sentences = translate_document(paragraphs, engine, on_progress)
            write_jsonl(sentences, sys.stdout, glossary, alignments)
    finally:
        _close(engine, err)


def _load(options: EngineOptions, err: Console) -> Engine:
    with err.status("Loading the translation model…"):
        return load_engine(options)


def _close(engine: Engine, err: Console) -> None:
    for warning in engine.warnings:
        err.print(f"reader: warning: {warning}", markup=False, highlight=False)
    engine.close()


@contextmanager
def translation_progress(console: Console, engine: Engine) -> Iterator[ProgressCallback]:
    """A progress bar on ``console`` (stderr), as a :data:`ProgressCallback`.

    Only on a terminal: redirected, rich would still print a blank line.
    """
    if not console.is_terminal:
        yield lambda done, total: None
        return
    progress = Progress(
        TextColumn("Translating ({task.fields[engine]})"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("sentences"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("translate", total=None, engine=engine.description)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield update


def write_jsonl(
    sentences: Iterator[TranslatedSentence],
    out: TextIO,
    glossary: Glossary | None = None,
    alignments: bool = False,
) -> None:
    """One JSON object per sentence; preferred glossary terms applied when
    ``glossary`` is given, with the alignment's spans moved to match."""
    for item in sentences:
        translation, alignment = item.translation, item.alignment or ()
        if glossary is not None:
            edits = glossary.preferred_term_edits(item.sentence.text, translation)
            translation = apply_edits(translation, edits)
            alignment = remap_target(alignment, edits)
        record: dict[str, object] = {
            "paragraph": item.sentence.paragraph,
            "source": item.sentence.text,
            "translation": translation,
            "footnotes": list(item.sentence.footnotes),
        }
        if alignments:
            record["alignment"] = alignment_to_json(alignment)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
