"""``reader read``: the bilingual reader in the terminal."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reader.errors import InputError
from reader.glossary import load_glossary
from reader.segment import all_sentences, segment
from reader.source import STDIN_NAME, read_source
from reader.translate import EngineOptions, resolve_model


class Device(StrEnum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Quantize(StrEnum):
    int8 = "int8"
    none = "none"


def read_command(
    file: Annotated[str, typer.Argument(help="German text file to read.")],
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="Model directory or Hugging Face id (default: READER_MODEL, models/, "
            "the user models dir, the HF cache).",
        ),
    ] = None,
    device: Annotated[Device, typer.Option("--device", help="Where the model runs.")] = (
        Device.auto
    ),
    fast: Annotated[
        bool, typer.Option("--fast", help="Greedy decoding instead of beam search: faster.")
    ] = False,
    quantize: Annotated[
        Quantize | None,
        typer.Option(
            "--quantize",
            help="int8: quantized CTranslate2 on CPU; none: full precision. "
            "Default: int8 when CTranslate2 is installed.",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")
    ] = False,
    glossary: Annotated[
        list[Path] | None,
        typer.Option("--glossary", help="Extra glossary file (TOML); repeatable."),
    ] = None,
) -> None:
    """Read a German text with its English translation side by side.

    The German text appears at once; translations fill in while you read,
    the sentences on screen first. Press ? in the reader for the keys.
    """
    # Imported here: Textual costs ~0.2 s to import, which other commands skip.
    from reader.views.tui.app import ReaderApp

    if file == STDIN_NAME:
        raise InputError("reader read needs a file: standard input is the keyboard while reading")
    source = read_source(file)
    if source.warning:
        print(f"reader: warning: {source.warning}", file=sys.stderr)
    sentences = list(all_sentences(segment(source.text)))
    if not sentences:
        raise InputError(f"{file}: there is no text to read")
    terms = load_glossary(glossary or ())
    if model is not None:
        # A model named explicitly must exist; a missing default model only
        # leaves the reader German-only (it says how to get one).
        resolve_model(model)
    options = EngineOptions(
        model=model,
        device=device.value,
        preset="fast" if fast else "quality",
        quantize=quantize.value if quantize else None,
        use_cache=not no_cache,
    )
    ReaderApp(Path(file).name, source.text, sentences, options=options, glossary=terms).run()
