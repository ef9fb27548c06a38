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
    GlossaryFilesOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.dictionary import find_dictionary
from reader.errors import InputError
from reader.glossary import load_glossary
from reader.segment import all_sentences, segment
from reader.source import STDIN_NAME, read_source
from reader.translate import resolve_model


def read_command(
    file: Annotated[str, typer.Argument(help="German text file to read.", metavar="FILE")],
    glossary_files: GlossaryFilesOption = None,
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
    dictionary_file: DictionaryOption = None,
) -> None:
    """Read a German text with its English translation side by side.

    The German text appears at once; translations fill in while you read,
    the sentences on screen first. Press ? in the reader for the keys.
    """
    # Imported here: Textual costs ~0.2 s to import, which other commands skip.
    from reader.views.tui.app import ReaderApp
    from reader.views.tui.word_popup import DictionaryService

    if file == STDIN_NAME:
        raise InputError("reader read needs a file: standard input is the keyboard while reading")
    source = read_source(file)
    if source.warning:
        print(f"reader: warning: {source.warning}", file=sys.stderr)
    sentences = list(all_sentences(segment(source.text)))
    if not sentences:
        raise InputError(f"{file}: there is no text to read")
    terms = load_glossary(glossary_files or ())
    if model is not None:
        # A model named explicitly must exist; a missing default model only
        # leaves the reader German-only (it says how to get one).
        resolve_model(model)
    if dictionary_file is not None:
        find_dictionary(dictionary_file)  # named explicitly: it must exist
    dictionary = DictionaryService.find(dictionary_file)
    options = engine_options(model, device, fast, quantize, no_cache)
    ReaderApp(
        Path(file).name,
        source.text,
        sentences,
        options=options,
        glossary=terms,
        dictionary=dictionary,
    ).run()
