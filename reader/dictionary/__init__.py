"""An offline German–English dictionary: Ding's word list, indexed in SQLite,
with lemmas and compound splitting for words it does not list.

    path = find_dictionary(None, locations)   # --dictionary, READER_DICTIONARY, system
    dictionary = Dictionary.open(path, locations.cache_dir)   # indexes on first use
    dictionary.lookup("Nullsummenlandschaft")   # compound: Nullsumme + Landschaft
"""

from reader.dictionary.index import DictionaryIndexError
from reader.dictionary.lookup import (
    INSTALL_HINT,
    Dictionary,
    DictionaryEntry,
    DictionaryNotFoundError,
    LookupResult,
    PartEntries,
    find_dictionary,
)

__all__ = [
    "INSTALL_HINT",
    "Dictionary",
    "DictionaryEntry",
    "DictionaryIndexError",
    "DictionaryNotFoundError",
    "LookupResult",
    "PartEntries",
    "find_dictionary",
]
