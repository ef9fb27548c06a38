"""One export from start to end: plan the outputs, then for each document
segment → translate (the stream) → build → render (a writer) → write.

Everything that can be checked without the model is checked first (output
paths, input files), so mistakes fail in milliseconds and never after a long
translation. Output is written only when a document is complete.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from reader.document import Document
from reader.errors import InputError, OutputError
from reader.glossary import Glossary
from reader.segment import segment_document
from reader.source import STDIN_NAME
from reader.translate import Engine
from reader.translate.document import ProgressCallback
from reader.views.export.atomic import check_writable, write_atomic
from reader.views.export.build import DocumentInfo, build_document
from reader.views.export.document import ExportDocument
from reader.views.export.stream import BatchTranslation, translate_paragraphs
from reader.views.export.writers import MARKDOWN, DocumentWriter

STDIN_TITLE = "Standard input"


@dataclass(frozen=True, slots=True)
class ExportTarget:
    source: str
    """An input path, or ``"-"`` for standard input."""
    output: Path | None
    """Where the export goes; ``None`` for standard output."""


@dataclass(frozen=True, slots=True)
class ExportSettings:
    preferred_terms: bool = True
    """Apply the glossary's preferred English terms (``W&T`` → ``S&T``)."""


def plan_targets(
    inputs: Sequence[str],
    output: str | None = None,
    out_dir: Path | None = None,
    writer: DocumentWriter = MARKDOWN,
) -> list[ExportTarget]:
    """Pair each input with its output and check every output is writable.

    ``output`` (``-o``) serves a single input, ``None`` or ``"-"`` meaning
    standard output; ``out_dir`` takes any number of inputs and writes
    ``DIR/<input name>.md`` (``.epub``, ``.html``: the writer's suffix) for
    each, creating ``DIR`` if needed.
    """
    if output is not None and out_dir is not None:
        raise OutputError("use either -o/--output or --out-dir, not both")
    if out_dir is None:
        if len(inputs) > 1:
            raise OutputError(
                f"{len(inputs)} input files need --out-dir DIR (one output file per input)"
            )
        path = None if output in (None, STDIN_NAME) else Path(output)
        if path is None and writer.binary:
            raise OutputError(
                f"--format {writer.name} cannot go to standard output "
                f"(an e-book is a ZIP archive); use -o FILE{writer.suffix}"
            )
        targets = [ExportTarget(inputs[0], path)]
    else:
        targets = _out_dir_targets(inputs, out_dir, writer.suffix)
    for target in targets:
        if target.output is not None:
            check_writable(target.output)
            _refuse_overwriting_input(target)
    return targets


def _out_dir_targets(inputs: Sequence[str], out_dir: Path, suffix: str) -> list[ExportTarget]:
    if STDIN_NAME in inputs:
        raise InputError("standard input (-) has no file name for --out-dir; use -o FILE")
    targets: dict[Path, ExportTarget] = {}
    for source in inputs:
        output = out_dir / (Path(source).stem + suffix)
        if output in targets:
            raise OutputError(
                f"{targets[output].source} and {source} would both be written to {output}"
            )
        targets[output] = ExportTarget(source, output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create ({error.strerror or error})") from None
    return list(targets.values())


def _refuse_overwriting_input(target: ExportTarget) -> None:
    assert target.output is not None
    if target.source == STDIN_NAME or not target.output.exists():
        return
    try:
        same = os.path.samefile(target.source, target.output)
    except OSError:
        return  # the input is unreadable: reading it reports that
    if same:
        raise OutputError(f"{target.output}: is the input file; choose another output")


def translate_source(
    source: Document,
    engine: Engine,
    glossary: Glossary,
    settings: ExportSettings,
    on_progress: ProgressCallback | None = None,
) -> tuple[ExportDocument, BatchTranslation]:
    """The translated document of ``source`` and how its sentences were translated.

    Raises :class:`~reader.views.export.stream.TranslationInterrupted` on Ctrl-C.
    """
    paragraphs = segment_document(source)
    preferred = glossary if settings.preferred_terms else None
    batch = translate_paragraphs(paragraphs, engine, preferred, on_progress)
    info = DocumentInfo(
        title=_title(source),
        source_name=source.name,
        model=engine.description,
        created=datetime.now(UTC),
        settings=(("glossary terms", "on" if settings.preferred_terms else "off"),),
        source_format=source.format,
    )
    document = build_document(info, source.text, paragraphs, batch.sentences, glossary)
    return document, batch


def _title(source: Document) -> str:
    """The document's own title (EPUB metadata), else the file name — also when
    the title is the first heading, which the export shows anyway."""
    first = source.blocks[0] if source.blocks else None
    title = source.title
    if first is not None and first.kind == "heading" and " ".join(first.text.split()) == title:
        title = None
    return title or (STDIN_TITLE if source.name == STDIN_NAME else Path(source.name).name)


def deliver(content: bytes, output: Path | None, stdout: BinaryIO) -> None:
    """Write ``content`` to ``output`` atomically, or all at once to ``stdout``."""
    if output is None:
        stdout.write(content)
        stdout.flush()
    else:
        write_atomic(output, content)
