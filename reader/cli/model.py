"""``reader model``: get the translation model once, and see which one is used."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reader.cli.options import (
    Device,
    DeviceOption,
    FastOption,
    ModelOption,
    NoCacheOption,
    QuantizeOption,
    engine_options,
)
from reader.locations import Locations
from reader.translate.models import DEFAULT_MODEL_ID, DEFAULT_MODEL_NAME

app = typer.Typer(
    help="Download the translation model and show which one is used.",
    no_args_is_help=True,
)


@app.command("download")
def download_command(
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help=f"Where to store the model: the model directory itself (new, empty, "
            f"named {DEFAULT_MODEL_NAME}, or holding an older model, which is replaced "
            f"once the new one is complete), or any other directory, which receives "
            f"{DEFAULT_MODEL_NAME}/. Default: the user models dir, where reader looks.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Fetch Helsinki-NLP/opus-mt-de-en (~300 MB) once; reading is offline afterwards.

    Ctrl-C stops it; running it again resumes where it stopped.
    """
    from reader.signals import exit_status, stopped_by, terminate_as_interrupt
    from reader.translate.models import download_model, download_target

    locations = Locations.from_environment()
    target = download_target(to, locations.models_dir)
    typer.echo(f"Downloading {DEFAULT_MODEL_ID}…", err=True)
    try:
        with terminate_as_interrupt():
            path = download_model(target, proxy=locations.proxy)
    except KeyboardInterrupt as interrupt:
        status = exit_status(interrupt)
        typer.echo(f"reader: download {stopped_by(status)}; the same command resumes it", err=True)
        raise typer.Exit(status) from None
    typer.echo(f"Model stored in {path}", err=True)
    if to is not None:
        typer.echo(f"Use it with --model {path} or READER_MODEL={path}", err=True)


@app.command("info")
def info_command(
    model: ModelOption = None,
    device: DeviceOption = Device.auto,
    fast: FastOption = False,
    quantize: QuantizeOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Print which model would be used, found where, and how it would run."""
    from reader.translate.cache import DATABASE_NAME
    from reader.translate.engine import plan_engine

    options = engine_options(model, device, fast, quantize, no_cache, Locations.from_environment())
    plan = plan_engine(options)
    search = f"{plan.beams} beams" if plan.beams > 1 else "greedy"
    engine = "CTranslate2" if plan.precision == "int8" else "transformers/torch"
    rows = [
        ("model", str(plan.model.path)),
        ("found via", plan.model.source),
        ("identity", f"{plan.model.name}@{plan.identity}"),
        ("device", plan.device),
        ("engine", f"{engine} · {plan.precision} · {search}"),
    ]
    if plan.converted_dir is not None:
        state = "ready" if (plan.converted_dir / "model.bin").is_file() else "made on first use"
        rows.append(("int8 copy", f"{plan.converted_dir} ({state})"))
    cache = str(plan.cache_root / DATABASE_NAME) if plan.use_cache else "off (--no-cache)"
    rows.append(("cache", cache))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        typer.echo(f"{label + ':':<{width + 1}} {value}")
