"""A progress bar for long translations: sentences done, elapsed, time left.

Drawn on stderr, and only when stderr is a terminal: a redirected or piped
run (``reader translate a.txt > a.md 2> log``) stays free of control codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from reader.translate.document import ProgressCallback


def _quiet(done: int, total: int) -> None:
    """The callback when no bar is shown."""


@contextmanager
def sentence_progress(label: str, stream: TextIO) -> Iterator[ProgressCallback]:
    """Show a bar on ``stream`` if it is a terminal; yield its progress callback."""
    if not stream.isatty():
        yield _quiet
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("sentences"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        # The bar goes away when done; the summary line after it says it all.
        transient=True,
    )
    with progress:
        task = progress.add_task(label, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)
