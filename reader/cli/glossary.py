"""``reader glossary``: look up terms, list the glossary, show a document's terms."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reader.cli.options import FromOption, GlossaryFilesOption
from reader.errors import ReaderError
from reader.glossary.entry import CATEGORIES
from reader.locations import Locations

# rich's tables and the glossary's index are imported where they are used:
# every other command (`reader segment`, `--help`) loads this module too.
if TYPE_CHECKING:
    from reader.glossary import Glossary


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class UnknownTermError(ReaderError):
    """The looked-up term has no entry (exit code 1, like ``grep`` finding nothing)."""

    exit_code = 1


class GlossaryUsageError(ReaderError):
    """The options ask for nothing or for contradictory things."""


def glossary_command(
    term: Annotated[
        str | None, typer.Argument(help="Term to look up: CFIUS, cfius, 'W & T', Plaza-Abkommen…")
    ] = None,
    list_entries: Annotated[
        bool, typer.Option("--list", "-l", help="List the glossary (all entries or one category).")
    ] = False,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", "-c", help=f"With --list: only this category ({', '.join(CATEGORIES)})."
        ),
    ] = None,
    from_text: Annotated[
        str | None,
        typer.Option(
            "--from-text",
            "-t",
            metavar="FILE",
            help="Show the glossary terms and in-text definitions of FILE: text, HTML, "
            "EPUB, Markdown or PDF (- for stdin).",
        ),
    ] = None,
    source_format: FromOption = None,
    glossary_files: GlossaryFilesOption = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text: tables for people; json: for scripts."),
    ] = OutputFormat.text,
) -> None:
    """Look up acronyms and institutions: built-in glossary, your own, the document's.

    Your own glossary, if it exists, is read from the user config directory
    (on Linux ~/.config/reader/glossary.toml); it has the same format as
    reader/glossary/data/builtin.toml.
    """
    chosen = sum(bool(option) for option in (term, list_entries or category, from_text))
    if chosen != 1:
        raise GlossaryUsageError(
            "give one of: a TERM to look up, --list [--category C], or --from-text FILE"
        )
    from reader.glossary import load_glossary

    locations = Locations.from_environment()
    glossary = load_glossary(glossary_files or (), user_glossary=locations.user_glossary)
    as_json = output_format is OutputFormat.json
    if term is not None:
        _look_up(glossary, term, as_json)
    elif from_text is not None:
        chosen = source_format and source_format.value
        _show_document(glossary, from_text, chosen, locations, as_json)
    else:
        _list(glossary, category, as_json)


def _look_up(glossary: Glossary, term: str, as_json: bool) -> None:
    from rich.console import Console

    entry = glossary.lookup(term)
    if entry is None:
        suggestions = glossary.suggest(term)
        if as_json:
            _print_json(
                {"query": term, "entry": None, "suggestions": [e.to_json() for e in suggestions]}
            )
        hint = f"; did you mean {', '.join(e.term for e in suggestions)}?" if suggestions else ""
        raise UnknownTermError(f"no glossary entry for {term!r}{hint}")
    if as_json:
        _print_json({"query": term, "entry": entry.to_json()})
    else:
        from reader.glossary.render import entry_panel

        Console().print(entry_panel(entry))


def _list(glossary: Glossary, category: str | None, as_json: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    entries = list(glossary.entries)
    if category is not None:
        known = glossary.categories()
        if category.casefold() not in known:
            raise GlossaryUsageError(
                f"no entries in category {category!r}; categories: {', '.join(known)}"
            )
        entries = glossary.in_category(category)
    if as_json:
        _print_json({"entries": [entry.to_json() for entry in entries]})
        return
    # User glossaries and file names may contain `[…]`: cells are Text, never markup.
    table = Table(title=Text(f"Glossary: {len(entries)} entries"), title_justify="left")
    table.add_column("Term", style="bold cyan", ratio=2)
    table.add_column("Category", style="magenta", no_wrap=True)
    table.add_column("Meaning", ratio=3)
    for entry in entries:
        meaning = entry.english or entry.german or entry.explanation
        table.add_row(Text(entry.term), Text(entry.category), Text(meaning))
    Console().print(table)


def _show_document(
    glossary: Glossary,
    name: str,
    source_format: str | None,
    locations: Locations,
    as_json: bool,
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from reader.cli.progress import load_document_with_progress
    from reader.glossary import document_terms
    from reader.glossary.render import entry_summary
    from reader.segment import all_sentences, segment_document

    document = load_document_with_progress(name, source_format, locations)
    for warning in document.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    sentences = [sentence.text for sentence in all_sentences(segment_document(document))]
    terms = document_terms(glossary, document.text, sentences)
    if as_json:
        _print_json(
            {
                "source": document.name,
                "terms": [
                    {
                        "term": item.term,
                        "count": item.count,
                        "first_sentence": item.first_sentence,
                        "definition": asdict(item.definition) if item.definition else None,
                        "entry": item.entry.to_json() if item.entry else None,
                    }
                    for item in terms
                ],
            }
        )
        return
    defined = sum(item.definition is not None for item in terms)
    table = Table(
        title=Text(f"{document.name}: {len(terms)} terms, {defined} defined in the text"),
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Term", style="bold cyan", ratio=2)
    table.add_column("×", justify="right", no_wrap=True)
    table.add_column("Defined in the text as", style="green", ratio=2)
    table.add_column("Glossary", ratio=4)
    for item in terms:
        table.add_row(
            Text(item.term),
            str(item.count),
            Text(item.definition.long_form if item.definition else ""),
            entry_summary(item.entry) if item.entry else Text("no entry", style="dim"),
        )
    Console().print(table)


def _print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
