"""The glossary: built-in terms, definitions found in the text, user glossaries,
consistent English terms in translations.

    glossary = load_glossary([Path("my-terms.toml")])
    glossary.match("Die W&T-Zusammenarbeit …")   # [TermMatch(4, 7, "W&T", entry)]
    glossary.lookup("cfius")                     # GlossaryEntry(term="CFIUS", …)
    find_definitions(document)["CFIUS"].long_form
    glossary.apply_preferred_terms(german, english)   # "W&T" → "S&T"


The names below are imported on first use (the CLI's help needs
``reader.glossary.entry`` only, not the matcher or the TOML loader).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.glossary.definitions import find_definitions
    from reader.glossary.document import DocumentTerm, document_terms
    from reader.glossary.entry import (
        BUILTIN_ORIGIN,
        CATEGORIES,
        Definition,
        GlossaryEntry,
        TermMatch,
    )
    from reader.glossary.glossary import Glossary
    from reader.glossary.loader import GlossaryFileError, load_glossary

_MODULE_OF = {
    "BUILTIN_ORIGIN": "entry",
    "CATEGORIES": "entry",
    "Definition": "entry",
    "DocumentTerm": "document",
    "Glossary": "glossary",
    "GlossaryEntry": "entry",
    "GlossaryFileError": "loader",
    "TermMatch": "entry",
    "document_terms": "document",
    "find_definitions": "definitions",
    "load_glossary": "loader",
}

__all__ = [
    "BUILTIN_ORIGIN",
    "CATEGORIES",
    "Definition",
    "DocumentTerm",
    "Glossary",
    "GlossaryEntry",
    "GlossaryFileError",
    "TermMatch",
    "document_terms",
    "find_definitions",
    "load_glossary",
]


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
