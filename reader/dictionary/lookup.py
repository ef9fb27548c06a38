"""Looking a German word up: the form as written, else its lemma, else its
compound parts; suggestions when nothing is found."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.dictionary.ding import grammar, headword, is_reflexive, parse_line, plain, synonyms
from reader.dictionary.index import DictionaryIndex, FormHit, IndexProgress
from reader.dictionary.morphology import lemma, split_compound
from reader.errors import ReaderError
from reader.locations import DICTIONARY_ENV, Locations

INSTALL_HINT = (
    "install Ding's German–English dictionary (Debian/Ubuntu: sudo apt install trans-de-en), "
    "or download de-en.txt from https://dict.tu-chemnitz.de/ and pass --dictionary FILE "
    f"or set {DICTIONARY_ENV}"
)
MAX_ENTRIES = 6
"""Entries shown per word: Ding has dozens of lines for common words."""


class DictionaryNotFoundError(ReaderError):
    """No dictionary file was given or found."""


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One dictionary line, as found for a word."""

    headword: str
    """The first headword of the line (``Landschaft``)."""
    grammar: tuple[str, ...]
    """Gender / part of speech of the headword (``("f",)``, ``("vt",)``)."""
    german: str
    """The headword sub-entry with its synonyms and labels."""
    english: str
    """Its English equivalents (``;``-separated, with labels such as ``[fig.]``)."""
    form: str | None = None
    """The inflected form that matched, when not the headword (``Landschaften {pl}``)."""
    form_english: str | None = None
    """That form's English (``landscapes``)."""

    def to_json(self) -> dict[str, object]:
        return {
            "headword": self.headword,
            "grammar": list(self.grammar),
            "german": self.german,
            "english": [part for part in synonyms(self.english)],
            "form": self.form,
            "form_english": self.form_english,
        }


@dataclass(frozen=True, slots=True)
class PartEntries:
    """The entries for one word looked up (the word, its lemma, or a compound part)."""

    word: str
    entries: tuple[DictionaryEntry, ...]


@dataclass(frozen=True, slots=True)
class LookupResult:
    word: str
    method: str
    """``form`` (the word as written or a form the dictionary lists), ``lemma``,
    ``compound`` or ``none``."""
    found: tuple[PartEntries, ...] = ()
    """One item, or one per compound part."""
    lemma: str | None = None
    parts: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = field(default=())

    @property
    def is_found(self) -> bool:
        return bool(self.found)

    def to_json(self) -> dict[str, object]:
        return {
            "word": self.word,
            "method": self.method,
            "lemma": self.lemma,
            "parts": list(self.parts),
            "found": [
                {"word": part.word, "entries": [entry.to_json() for entry in part.entries]}
                for part in self.found
            ],
            "suggestions": list(self.suggestions),
        }


def find_dictionary(option: Path | None, locations: Locations) -> Path:
    """``--dictionary`` → ``READER_DICTIONARY`` → the system's Ding file."""
    given = option or locations.dictionary
    if given is not None:
        given = given.expanduser()
        if not given.is_file():
            raise DictionaryNotFoundError(f"dictionary {given} not found; {INSTALL_HINT}")
        return given
    for candidate in locations.system_dictionaries:
        if candidate.is_file():
            return candidate
    raise DictionaryNotFoundError(f"no dictionary found; {INSTALL_HINT}")


class Dictionary:
    """Lookups in one indexed dictionary file. Thread-confined: one per thread."""

    def __init__(self, index: DictionaryIndex) -> None:
        self._index = index
        self._known = lru_cache(maxsize=65536)(index.has)

    @classmethod
    def open(cls, path: Path, cache_dir: Path, progress: IndexProgress | None = None) -> Dictionary:
        return cls(DictionaryIndex.open(path, cache_dir, progress))

    @property
    def source(self) -> Path:
        return self._index.source

    def lookup(self, word: str) -> LookupResult:
        """The entries for ``word``: see the module docstring."""
        word = word.strip()
        entries = self.entries(word)
        if entries:
            return LookupResult(word, "form", (PartEntries(word, entries),))
        base = lemma(word)
        if base != word and (entries := self.entries(base)):
            return LookupResult(word, "lemma", (PartEntries(base, entries),), lemma=base)
        parts = self._parts(word)
        if parts:
            found = tuple(PartEntries(part, self.entries(part)) for part in parts)
            return LookupResult(word, "compound", found, parts=tuple(parts))
        return LookupResult(word, "none", suggestions=tuple(self.suggestions(word)))

    def _parts(self, word: str) -> list[str] | None:
        """Compound parts with entries: hyphenated parts (``W&T-Zusammenarbeit``)
        each as found, or a closed compound split (see :mod:`.morphology`)."""
        pieces = [piece for piece in word.split("-") if piece]
        if len(pieces) > 1:
            parts = []
            for piece in pieces:
                if self._known(piece) or self._known(lemma(piece)):
                    parts.append(piece)
                else:
                    parts.extend(split_compound(piece, self._known) or [piece])
            return [self._spelling(part) for part in parts]
        split = split_compound(word, self._known)
        return [self._spelling(part) for part in split] if split else None

    def _spelling(self, word: str) -> str:
        """``word`` as the dictionary spells it (``landschaft`` → ``Landschaft``)."""
        hits = self._index.hits(word)
        exact = [hit.form for hit in hits if hit.form == word]
        return exact[0] if exact else (hits[0].form if hits else word)

    def has_entry(self, word: str, morphology: bool = True) -> bool:
        """Whether :meth:`lookup` finds something (``morphology=False``: only
        the word as written or a form the dictionary lists)."""
        if self._known(word):
            return True
        if not morphology:
            return False
        return self._known(lemma(word)) or split_compound(word, self._known) is not None

    def entries(self, word: str) -> tuple[DictionaryEntry, ...]:
        """The lines giving ``word`` as headword or form, best first."""
        found = [(hit, entry) for hit in self._index.hits(word) if (entry := _entry(hit))]
        # Lines headed by the word first, the spelling as written before
        # others (``Arm`` the noun before ``arm``), plain verbs before
        # reflexive ones (``melden`` before ``sich melden``), headwords before
        # inflected forms, then shorter (more basic) lines.
        found.sort(
            key=lambda item: (
                item[1].headword.casefold() != word.casefold(),
                item[0].form != word,
                is_reflexive(item[1].german),
                item[0].sub > 0,
                len(item[0].line),
            )
        )
        return tuple(entry for _, entry in found[:MAX_ENTRIES])

    def suggestions(self, word: str, count: int = 5) -> list[str]:
        """Headwords spelled like ``word`` (for "did you mean …")."""
        candidates = self._index.forms_starting(word[:2]) if len(word) >= 2 else []
        base = lemma(word)
        if base[:2] != word[:2]:
            candidates += self._index.forms_starting(base[:2])
        return difflib.get_close_matches(word, list(dict.fromkeys(candidates)), count, 0.75)

    def close(self) -> None:
        self._index.close()


def _entry(hit: FormHit) -> DictionaryEntry | None:
    parsed = parse_line(hit.line)
    if parsed is None:
        return None
    head = synonyms(parsed.german[0])
    english = parsed.english[0] if parsed.english else ""
    form = form_english = None
    if hit.sub > 0:
        form = parsed.german[hit.sub]
        form_english = parsed.english[hit.sub] if hit.sub < len(parsed.english) else None
    return DictionaryEntry(
        headword=headword(head[0]) if head else plain(parsed.german[0]),
        grammar=grammar(head[0]) if head else (),
        german=parsed.german[0],
        english=english,
        form=form,
        form_english=form_english,
    )
