"""``reader read``: the bilingual reader in the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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
from reader.errors import InputError
from reader.source import STDIN_NAME, read_source


def read_command(
    file: Annotated[str, typer.Argument(help="German text file to read.", metavar="FILE")],
    glossary_files: GlossaryFilesOption = None,
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Read a German text with its English translation side by side.

    The German text appears at once; translations fill in while you read,
    the sentences on screen first. Press ? in the reader for the keys.
    """
    # Imported here: Textual costs ~0.2 s to import, the segmenter, glossary
    # and model lookup ~0.2 s together; other commands skip them.
    from reader.glossary import load_glossary
    from reader.segment import all_sentences, segment
    from reader.translate import resolve_model
    from reader.views.tui.app import ReaderApp

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
    options = engine_options(model, device, fast, quantize, no_cache)
    ReaderApp(Path(file).name, source.text, sentences, options=options, glossary=terms).run()
