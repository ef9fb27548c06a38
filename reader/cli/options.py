"""Options shared by several commands, declared once.

Every command that loads the translation model (``reader read``, ``reader
translate``, ``reader model info``) accepts the same
``--model/--device/--fast/--quantize/--no-cache``; every command that uses the
glossary accepts ``--glossary FILE`` (repeatable); every command that reads a
document accepts ``--from FORMAT`` (the choices are the importers' registry).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.importers import FORMATS

if TYPE_CHECKING:
    from reader.locations import Locations
    from reader.translate.engine import EngineOptions


class Device(StrEnum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Quantize(StrEnum):
    int8 = "int8"
    none = "none"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model directory or Hugging Face id (default: READER_MODEL, ./models, "
        "the user models dir, the HF cache).",
        show_default=False,
    ),
]
DeviceOption = Annotated[
    Device, typer.Option("--device", help="auto picks CUDA (fp16) when present.")
]
FastOption = Annotated[
    bool, typer.Option("--fast", help="Greedy search instead of the model's 4 beams.")
]
QuantizeOption = Annotated[
    Quantize | None,
    typer.Option(
        "--quantize",
        help="int8: CTranslate2 int8 on CPU (the CPU default when installed); "
        "none: full-precision torch.",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the translation cache.")
]
GlossaryFilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--glossary",
        "-g",
        metavar="FILE",
        help="A user glossary (TOML, repeatable); its entries override built-in ones.",
        show_default=False,
    ),
]
DictionaryOption = Annotated[
    Path | None,
    typer.Option(
        "--dictionary",
        "-d",
        metavar="FILE",
        help="Ding-format German–English dictionary (default: READER_DICTIONARY, "
        "then /usr/share/trans/de-en from the trans-de-en package).",
        show_default=False,
    ),
]


SourceFormat = StrEnum("SourceFormat", {name: name for name in FORMATS})
"""The ``--from`` choices: one per importer in the registry."""

FromOption = Annotated[
    SourceFormat | None,
    typer.Option(
        "--from",
        help=f"Read the input as {'|'.join(FORMATS)} (default: detected from the content "
        "and the extension).",
        show_default=False,
    ),
]


def engine_options(
    model: str | None,
    device: Device,
    fast: bool,
    quantize: Quantize | None,
    no_cache: bool,
    locations: Locations,
) -> EngineOptions:
    """The :class:`EngineOptions` for these command-line option values."""
    # Imported here: commands without a model (help, segment, glossary) skip it.
    from reader.translate.engine import EngineOptions

    return EngineOptions(
        model=model,
        device=device.value,
        preset="fast" if fast else "quality",
        quantize=quantize.value if quantize else None,
        use_cache=not no_cache,
        locations=locations,
    )
