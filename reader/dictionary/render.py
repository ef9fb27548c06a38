"""A lookup result as Rich text, shared by ``reader lookup`` and the reader's popup."""

from __future__ import annotations

from rich.text import Text

from reader.dictionary.lookup import LookupResult


def describe(result: LookupResult) -> Text:
    """How the word was found (form, lemma, compound parts), then each entry."""
    text = Text(result.word, style="bold")
    if result.method == "lemma":
        text.append(f" — form of {result.lemma}", style="dim")
    elif result.method == "compound":
        text.append(f" — compound: {' + '.join(result.parts)}", style="dim")
    elif result.method == "none":
        hint = f"; did you mean {', '.join(result.suggestions)}?" if result.suggestions else ""
        text.append(f"\nno dictionary entry{hint}", style="dim")
    for part in result.found:
        if result.method == "compound":
            text.append(f"\n\n{part.word}", style="bold underline")
        if not part.entries:
            text.append("\n  (no entry)", style="dim")
        for entry in part.entries:
            text.append("\n")
            text.append(entry.german, style="bold")
            text.append(f"\n  {entry.english}")
            if entry.form:
                text.append(f"\n  {entry.form} → {entry.form_english or ''}", style="dim")
    return text
