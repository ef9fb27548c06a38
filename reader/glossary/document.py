"""A document's glossary: the terms it uses and the abbreviations it defines."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from reader.glossary.definitions import find_definitions
from reader.glossary.entry import Definition, GlossaryEntry
from reader.glossary.glossary import Glossary


@dataclass(frozen=True, slots=True)
class DocumentTerm:
    """A term of a document: its entry, its in-text definition, how often it occurs."""

    term: str
    """The entry's term, or the abbreviation as the text defines it when no entry has it."""
    entry: GlossaryEntry | None
    definition: Definition | None
    count: int
    """Matches in the document's sentences."""
    first_sentence: int | None
    """Index of the first sentence it occurs in (``None``: only in a definition)."""


def document_terms(glossary: Glossary, text: str, sentences: Iterable[str]) -> list[DocumentTerm]:
    """The glossary terms of ``sentences`` and the definitions of ``text`` (the
    whole document), merged per term, in order of appearance."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    entries: dict[str, GlossaryEntry] = {}
    for index, sentence in enumerate(sentences):
        for match in glossary.match(sentence):
            term = match.entry.term
            counts[term] = counts.get(term, 0) + 1
            first.setdefault(term, index)
            entries[term] = match.entry
    definitions: dict[str, Definition] = {}
    for abbreviation, definition in find_definitions(text).items():
        entry = glossary.lookup(abbreviation)
        if entry is None:
            definitions[abbreviation] = definition
        else:
            definitions.setdefault(entry.term, definition)
            entries[entry.term] = entry
    order = {term: (first.get(term, sys.maxsize), 0) for term in counts}
    for term, definition in definitions.items():
        order.setdefault(term, (sys.maxsize, definition.start))
    return [
        DocumentTerm(
            term=term,
            entry=entries.get(term),
            definition=definitions.get(term),
            count=counts.get(term, 0),
            first_sentence=first.get(term),
        )
        for term in sorted(order, key=order.__getitem__)
    ]
