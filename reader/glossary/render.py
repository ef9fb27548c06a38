"""A glossary entry as Rich renderables, shared by ``reader glossary`` and ``reader lookup``."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from reader.glossary.entry import BUILTIN_ORIGIN, GlossaryEntry


def entry_panel(entry: GlossaryEntry) -> Panel:
    """Every field of ``entry`` in a panel titled with its term and category."""
    # User glossaries and file names may contain `[…]`: every value is Text, never markup.
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold")
    rows.add_column()
    for label, value in (
        ("German", entry.german),
        ("English", entry.english),
        ("In translations", entry.preferred or ""),
        ("Also matches", ", ".join(entry.variants)),
        ("From", "" if entry.origin == BUILTIN_ORIGIN else entry.origin),
    ):
        if value:
            rows.add_row(label, Text(value))
    return Panel(
        Group(rows, Text(""), Text(entry.explanation)),
        title=Text.assemble((entry.term, "bold cyan"), " ", (entry.category, "magenta")),
        title_align="left",
        expand=False,
    )


def entry_summary(entry: GlossaryEntry) -> Text:
    """The English expansion (bold) over the explanation: a table cell."""
    summary = Text()
    if entry.english:
        summary.append(entry.english, style="bold")
        summary.append("\n")
    summary.append(entry.explanation)
    return summary
