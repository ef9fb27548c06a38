"""``reader translate``: translate documents without the reader UI.

Every format goes through :mod:`reader.views.export`: Markdown (the default),
HTML and EPUB are documents rendered from one model and written atomically;
``--format jsonl`` streams one JSON object per sentence.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.cli.options import (
    Device,
    DeviceOption,
    FastOption,
    FromOption,
    GlossaryFilesOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.cli.progress import load_document_with_progress
from reader.errors import OutputError
from reader.locations import Locations
from reader.signals import exit_status, stopped_by, terminate_as_interrupt
from reader.views.export.document import Layout

# The model, segmenter, glossary and rich are imported where they are used:
# `reader --help` and the other commands load this module without needing them.
if TYPE_CHECKING:
    from rich.console import Console

    from reader.translate import Engine, EngineOptions
    from reader.translate.document import ProgressCallback
    from reader.views.export.run import ExportSettings
    from reader.views.export.writers import DocumentWriter


class OutputFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    epub = "epub"
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
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown: a bilingual document (see --layout); html: one self-contained "
            "web page with word alignment; epub: an e-book (needs -o); jsonl: one JSON "
            "object per sentence (paragraph, source, translation, footnotes, kind, "
            "section) on standard output. Default: from -o's extension (.html, .htm, "
            ".epub), else markdown.",
            show_default=False,
        ),
    ] = None,
    alignments: Annotated[
        bool,
        typer.Option(
            "--alignments",
            # Backslashes: the help is Rich markup, where [source start, end] is a tag.
            help="With --format jsonl: add 'alignment', the word pairs as "
            "[\\[source start, end], \\[translation start, end]] character spans.",
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write; - or none: standard output (not for epub). Written only "
            "when complete: an interrupted run leaves an existing file as it was.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="DIR",
            help="Write DIR/<input name>.md (.html, .epub) for each input (for several inputs).",
            show_default=False,
        ),
    ] = None,
    layout: Annotated[
        Layout | None,
        typer.Option(
            "--layout",
            "-l",
            help="table: German | English side by side (markdown and html: the default); "
            "interleaved: the German followed by its English (epub: the default); "
            "english: the English only.",
            show_default=False,
        ),
    ] = None,
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
    source_format: FromOption = None,
) -> None:
    """Translate German documents to bilingual Markdown, HTML or EPUB (progress on stderr).

    Finished sentences are cached: after Ctrl-C, the same command resumes.
    """
    from rich.console import Console

    from reader.views.export.run import ExportSettings
    from reader.views.export.stream import TranslationInterrupted
    from reader.views.export.writers import choose_layout, choose_writer

    options = engine_options(model, device, fast, quantize, no_cache, Locations.from_environment())
    err = Console(stderr=True)
    chosen = source_format.value if source_format else None
    jsonl = output_format is OutputFormat.jsonl
    if jsonl and (len(files) > 1 or output is not None or out_dir is not None):
        raise OutputError(
            "--format jsonl translates one document to standard output "
            "(-o and --out-dir are for markdown, html and epub)"
        )
    if alignments and not jsonl:
        raise OutputError("--alignments needs --format jsonl")
    settings = ExportSettings(preferred_terms=not no_glossary_terms)
    try:
        with terminate_as_interrupt():
            if jsonl:
                translate_jsonl(
                    files[0], options, glossary_files or [], settings, alignments, err, chosen
                )
                return
            writer = choose_writer(output_format.value if output_format else None, output)
            translate_documents(
                files,
                output,
                out_dir,
                writer,
                choose_layout(writer, layout),
                glossary_files or [],
                settings,
                options,
                err,
                chosen,
            )
    except TranslationInterrupted as error:
        # One line, not click's "Aborted!". jsonl has written what was done.
        print(f"reader: {stopped_by(error.exit_code) if jsonl else error}", file=sys.stderr)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt as interrupt:
        # Before or after the translation (loading the model, writing).
        status = exit_status(interrupt)
        print(f"reader: {stopped_by(status)}", file=sys.stderr)
        raise typer.Exit(status) from None


def translate_documents(
    files: Sequence[str],
    output: str | None,
    out_dir: Path | None,
    writer: DocumentWriter,
    layout: Layout,
    glossary_files: Sequence[Path],
    settings: ExportSettings,
    options: EngineOptions,
    err: Console,
    source_format: str | None = None,
) -> None:
    """The document exports: every check that needs no model comes first."""
    from reader.glossary import load_glossary
    from reader.views.export.run import deliver, plan_targets, translate_source

    targets = plan_targets(files, output, out_dir, writer)
    locations = options.locations
    sources = [
        load_document_with_progress(target.source, source_format, locations) for target in targets
    ]
    for source in sources:
        for warning in source.warnings:
            print(f"reader: warning: {warning}", file=sys.stderr)
    glossary = load_glossary(glossary_files, user_glossary=locations.user_glossary)
    engine = _load(options, err)
    try:
        for target, source in zip(targets, sources, strict=True):
            with translation_progress(err, engine) as on_progress:
                document, batch = translate_source(source, engine, glossary, settings, on_progress)
            deliver(writer.render(document, layout), target.output, sys.stdout.buffer)
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
    source_format: str | None = None,
) -> None:
    """``--format jsonl``: stream one JSON object per sentence to standard output."""
    from reader.glossary import load_glossary
    from reader.segment import segment_document
    from reader.views.export.jsonl import write_jsonl
    from reader.views.export.stream import translation_stream

    locations = options.locations
    source = load_document_with_progress(file, source_format, locations)
    for warning in source.warnings:
        err.print(f"reader: warning: {warning}", markup=False, highlight=False)
    paragraphs = segment_document(source)
    glossary = (
        load_glossary(glossary_files, user_glossary=locations.user_glossary)
        if settings.preferred_terms
        else None
    )
    engine = _load(options, err)
    try:
        with translation_progress(err, engine) as on_progress:
            sentences = translation_stream(paragraphs, engine, glossary, on_progress)
            write_jsonl(sentences, sys.stdout, alignments)
    finally:
        _close(engine, err)


def _load(options: EngineOptions, err: Console) -> Engine:
    from reader.translate.engine import load_engine, plan_engine

    # The first run with a model converts it (seconds): the spinner says why
    # it waits. (Only on a terminal, like the progress bar: redirected,
    # stderr keeps to the summary line and errors.)
    notice = plan_engine(options).conversion_notice
    with err.status(
        f"{notice[0].upper()}{notice[1:]}…" if notice else "Loading the translation model…"
    ):
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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

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
