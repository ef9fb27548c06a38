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
    from reader.dictionary.service import DictionaryService
    from reader.glossary import load_glossary
    from reader.translate import resolve_model
    from reader.views.tui.app import build_reader_app
    from reader.views.tui.config import load_config
    from reader.views.tui.positions import PositionStore
    from reader.views.tui.run import run_reader
    from reader.views.tui.screen import binding_ids

    if file == STDIN_NAME:
        raise InputError("reader read needs a file: standard input is the keyboard while reading")
    locations = Locations.from_environment()
    config = load_config(locations.config_file, binding_ids())
    document = load_document_with_progress(file, source_format and source_format.value, locations)
    for warning in document.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    terms = load_glossary(glossary_files or (), user_glossary=locations.user_glossary)
    if model is not None:
        # A model named explicitly must exist; a missing default model only
        # leaves the reader German-only (it says how to get one).
        resolve_model(model, locations)
    if dictionary_file is not None:
        find_dictionary(dictionary_file, locations)  # named explicitly: it must exist
    # Everything the reader depends on is resolved here, at the edge.
    app = build_reader_app(
        document,
        options=engine_options(model, device, fast, quantize, no_cache, locations),
        glossary=terms,
        positions=PositionStore(locations.state_dir),
        dictionary=DictionaryService.find(dictionary_file, locations),
        config=config,
        name=Path(file).name,
    )
    run_reader(app)
