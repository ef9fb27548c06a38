"""The ``reader`` command line: a thin edge that wires the pipeline together.

Each subcommand lives in its own module and only parses options, calls the
library and prints. Library errors (:class:`reader.errors.ReaderError`) become
one line on stderr and a non-zero exit code here, and nowhere else; so do a
failing standard output and any other error (a bug: its traceback goes to the
log file the line names, see :mod:`reader.errorlog`).
"""

from __future__ import annotations

import errno
import os
import sys
from typing import NoReturn

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
        try:
            app()
        finally:
            # The last buffered output is written here, where a full disk is
            # still reported in one line (not at interpreter exit).
            if sys.stdout is not None and not sys.stdout.closed:
                sys.stdout.flush()
    except ReaderError as error:
        print(f"reader: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except BrokenPipeError:
        # `reader segment big.txt | head` — the reader of our output left.
        sys.stderr.close()
        sys.exit(1)
    except OSError as error:
        if not _is_output_error(error):
            _unexpected(error)
        # `reader segment doc.txt > /dev/full`: say so once; what is still
        # buffered goes nowhere instead of failing again at exit.
        print(f"reader: error: standard output: {error.strerror or error}", file=sys.stderr)
        _discard_stdout()
        sys.exit(2)
    except Exception as error:  # the edge: every bug ends in one line
        _unexpected(error)


# Write errors on a stream: a named file's errors carry its name (and are
# ReaderErrors by then); only standard output's arrive here without one.
_OUTPUT_ERRNOS = (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EBADF)


def _is_output_error(error: OSError) -> bool:
    return error.filename is None and error.errno in _OUTPUT_ERRNOS


def _discard_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _unexpected(error: BaseException) -> NoReturn:
    """A bug: one line naming the log that keeps the traceback."""
    from reader.errorlog import unexpected_error_line

    print(unexpected_error_line(error), file=sys.stderr)
    sys.exit(1)
