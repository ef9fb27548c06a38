"""``reader lookup``: a German word in the offline dictionary (and the glossary)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from reader.cli.glossary import OutputFormat
from reader.cli.options import DictionaryOption, GlossaryFilesOption
from reader.errors import InputError, ReaderError
from reader.locations import Locations

# The dictionary, glossary and rich are imported where they are used: every
# other command loads this module too (`reader segment` saves ~30 ms).
if TYPE_CHECKING:
    from rich.console import Console

    from reader.dictionary.index import IndexProgress
    from reader.glossary import GlossaryEntry

PROGRESS_AFTER = 1.0
"""Seconds of indexing before a progress bar appears."""


class UnknownWordError(ReaderError):
    """Neither the dictionary nor the glossary has the word (exit code 1)."""

    exit_code = 1


def lookup_command(
    word: Annotated[str, typer.Argument(help="A German word, as written in a text.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: for people; json: for scripts."),
    ] = OutputFormat.text,
    dictionary_file: DictionaryOption = None,
    glossary_files: GlossaryFilesOption = None,
) -> None:
    """Look a German word up in the offline dictionary: inflected forms find their
    entry (Investitionen → Investition), compounds are split (Nullsummenlandschaft →
    Nullsumme + Landschaft). Glossary terms show their glossary entry too.

    Exit status 0: found; 1: not found (with suggestions); 2: no dictionary.
    """
    from rich.console import Console

    from reader.dictionary import Dictionary, find_dictionary
    from reader.dictionary.render import describe
    from reader.glossary import load_glossary

    word = word.strip()
    if not word:
        raise InputError("nothing to look up: give a German word, e.g. reader lookup Haus")
    locations = Locations.from_environment()
    path = find_dictionary(dictionary_file, locations)
    glossary = load_glossary(glossary_files or [], user_glossary=locations.user_glossary)
    err = Console(stderr=True)
    with indexing_progress(err) as progress:
        dictionary = Dictionary.open(path, locations.cache_dir, progress)
    try:
        result = dictionary.lookup(word)
    finally:
        dictionary.close()
    term = glossary.lookup(word)
    if not result.is_found and term is None:
        hint = f"; did you mean {', '.join(result.suggestions)}?" if result.suggestions else ""
        raise UnknownWordError(f"no dictionary entry for {word!r}{hint}")
    if output_format is OutputFormat.json:
        data = result.to_json() | {"glossary": term.to_json() if term else None}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(describe(result))
    if term is not None:
        console.print(_glossary_panel(term))


def _glossary_panel(entry: GlossaryEntry):
    from reader.glossary.render import entry_panel

    panel = entry_panel(entry)
    panel.title = f"Glossary: {entry.term}"
    return panel


@contextmanager
def indexing_progress(console: Console) -> Iterator[IndexProgress]:
    """A progress bar for building the dictionary index, shown only when it
    takes longer than :data:`PROGRESS_AFTER` and stderr is a terminal; else one
    line when it is done, so a first slow lookup is never a silent wait."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

    started = time.monotonic()
    progress: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal progress, task
        if progress is None:
            if time.monotonic() - started < PROGRESS_AFTER or not console.is_terminal:
                return
            progress = Progress(
                TextColumn("Indexing the dictionary (once)"),
                BarColumn(),
                DownloadColumn(),
                console=console,
                transient=True,
            )
            progress.start()
            task = progress.add_task("index", total=total)
        progress.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if progress is not None:
            progress.stop()
        elapsed = time.monotonic() - started
        if elapsed >= PROGRESS_AFTER:
            console.print(
                f"reader: indexed the dictionary in {elapsed:.1f} s (once)",
                markup=False,
                highlight=False,
            )
