"""The glossary: built-in terms, definitions found in the text, user glossaries,
consistent English terms in translations.

    glossary = load_glossary([Path("my-terms.toml")])
    glossary.match("Die W&T-Zusammenarbeit …")   # [TermMatch(4, 7, "W&T", entry)]
    glossary.lookup("cfius")                     # GlossaryEntry(term="CFIUS", …)
    find_definitions(document)["CFIUS"].long_form
    glossary.apply_preferred_terms(german, english)   # "W&T" → "S&T"
"""

from reader.glossary.definitions import find_definitions
from reader.glossary.document import DocumentTerm, document_terms
from reader.glossary.entry import BUILTIN_ORIGIN, CATEGORIES, Definition, GlossaryEntry, TermMatch
from reader.glossary.glossary import Glossary
from reader.glossary.loader import GlossaryFileError, load_glossary, user_glossary_path

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
    "user_glossary_path",
]
