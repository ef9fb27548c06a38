"""``reader read``: the bilingual reader in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from reader.cli.options import (
    Device,
    DeviceOption,
    DictionaryOption,
    FastOption,
    FromOption,
    GlossaryFilesOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.cli.progress import load_document_with_progress
from reader.errors import InputError
from reader.locations import Locations
from reader.source import STDIN_NAME


def read_command(
    file: Annotated[
        str,
        typer.Argument(
            help="German document to read: text, HTML, EPUB, Markdown or PDF.", metavar="FILE"
        ),
    ],
    glossary_files: GlossaryFilesOption = None,
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
    source_format: FromOption = None,
    dictionary_file: DictionaryOption = None,
) -> None:
    """Read a German text with its English translation side by side.

    The German text appears at once; translations fill in while you read,
    the sentences on screen first. Press ? in the reader for the keys.
    """
    # Imported here: Textual costs ~0.2 s to import, the segmenter, glossary
    # and model lookup ~0.2 s together; other commands skip them.
    from reader.dictionary import find_dictionary
    from reader.glossary import load_glossary
    from reader.segment import all_sentences, segment_document
    from reader.translate import resolve_model
    from reader.views.tui.app import ReaderApp
    from reader.views.tui.positions import PositionStore
    from reader.views.tui.run import run_reader
    from reader.views.tui.word_popup import DictionaryService

    if file == STDIN_NAME:
        raise InputError("reader read needs a file: standard input is the keyboard while reading")
    locations = Locations.from_environment()
    document = load_document_with_progress(file, source_format and source_format.value, locations)
    for warning in document.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    paragraphs = segment_document(document)
    sentences = list(all_sentences(paragraphs))
    if not sentences:
        raise InputError(f"{file}: there is no text to read")
    terms = load_glossary(glossary_files or (), user_glossary=locations.user_glossary)
    if model is not None:
        # A model named explicitly must exist; a missing default model only
        # leaves the reader German-only (it says how to get one).
        resolve_model(model, locations)
    if dictionary_file is not None:
        find_dictionary(dictionary_file, locations)  # named explicitly: it must exist
    dictionary = DictionaryService.find(dictionary_file, locations)
    options = engine_options(model, device, fast, quantize, no_cache, locations)
    run_reader(
        ReaderApp(
            Path(file).name,
            document.text,
            sentences,
            options=options,
            glossary=terms,
            paragraphs=paragraphs,
            dictionary=dictionary,
            positions=PositionStore(locations.state_dir),
        )
    )
