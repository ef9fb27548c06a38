"""Exceptions that carry a user-facing message.

Library code raises these; only the CLI (the edge) turns them into a one-line
message and an exit code. Every package defines its own subclasses so callers
can catch precisely what they expect.
"""


class ReaderError(Exception):
    """An error the user can act on. ``str(error)`` is the one-line message."""

    exit_code: int = 2


class InputError(ReaderError):
    """The input document cannot be read (missing, a directory, binary…)."""


class OutputError(ReaderError):
    """The output cannot be written."""
