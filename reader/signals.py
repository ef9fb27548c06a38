"""SIGTERM handled like Ctrl-C, for the commands that run to completion.

Ctrl-C raises :class:`KeyboardInterrupt`, and every clean-up path already
handles it: atomic writes remove their temporary file, the export reports how
far it got, finished batches are already in the cache. Raising a subclass
for SIGTERM (``kill``, a service manager, a closing CI job) sends it down the
same paths; only the exit status differs (143 instead of 130).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Terminated(KeyboardInterrupt):
    """A termination signal arrived (SIGTERM): stop as after Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_status(interrupt: KeyboardInterrupt) -> int:
    """The shell's exit status for this interruption: 128 + the signal number."""
    return 128 + (interrupt.signum if isinstance(interrupt, Terminated) else signal.SIGINT)


def stopped_by(status: int) -> str:
    """How to say what stopped the command, for an :func:`exit_status`."""
    return "interrupted" if status == 128 + signal.SIGINT else "terminated"


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within this block, SIGTERM raises :class:`Terminated` in the main thread
    (after the native call it interrupts returns, like Ctrl-C)."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
