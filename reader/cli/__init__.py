"""The ``reader`` command line: a thin edge that wires the pipeline together.

Each subcommand lives in its own module and only parses options, calls the
library and prints. Library errors (:class:`reader.errors.ReaderError`) become
one line on stderr and a non-zero exit code here, and nowhere else.
"""

from __future__ import annotations

import sys

import typer

from reader.cli import glossary, lookup, model, read, segment, translate
from reader.errors import ReaderError

app = typer.Typer(
    name="reader",
    help="Offline German→English bilingual reader for the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app.command("segment")(segment.segment_command)
app.command("read")(read.read_command)
app.command("glossary")(glossary.glossary_command)
app.command("translate")(translate.translate_command)
app.command("lookup")(lookup.lookup_command)
app.add_typer(model.app, name="model")


@app.callback()
def _root() -> None:
    """Offline German→English bilingual reader for the terminal."""
    # A callback keeps `reader` a command group even while only one
    # subcommand is registered (typer would otherwise flatten it).


def main() -> None:
    """Console entry point."""
    try:
        app()
    except ReaderError as error:
        print(f"reader: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        # `reader segment big.txt | head` — the reader of our output left.
        sys.stderr.close()
        sys.exit(1)
