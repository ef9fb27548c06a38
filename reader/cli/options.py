"""Options shared by several commands, declared once.

Every command that loads the translation model (``reader read``, ``reader
translate``, ``reader model info``) accepts the same
``--model/--device/--fast/--quantize/--no-cache``; every command that uses the
glossary accepts ``--glossary FILE`` (repeatable).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reader.translate import EngineOptions


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


def engine_options(
    model: str | None, device: Device, fast: bool, quantize: Quantize | None, no_cache: bool
) -> EngineOptions:
    """The :class:`EngineOptions` for these command-line option values."""
    return EngineOptions(
        model=model,
        device=device.value,
        preset="fast" if fast else "quality",
        quantize=quantize.value if quantize else None,
        use_cache=not no_cache,
    )
