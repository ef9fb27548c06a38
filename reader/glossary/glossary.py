"""A set of glossary entries: lookup, fuzzy suggestions, matching, preferred terms."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from reader.glossary.consistency import PreferredTerms
from reader.glossary.entry import GlossaryEntry, TermMatch
from reader.glossary.matcher import TermMatcher
from reader.translate.alignment import Alignment, remap_target
from reader.translate.edits import Edit, apply_edits

_IGNORED_IN_LOOKUP = re.compile(r"[\s\-‐‑–.·_'’]+")


def lookup_key(text: str) -> str:
    """The form a query and a spelling are compared in: ``W & T`` → ``w&t``,
    ``Super 301`` → ``super301``, ``U.S.`` → ``us``."""
    return _IGNORED_IN_LOOKUP.sub("", text).casefold()


class Glossary:
    """An immutable set of entries, one per term (later entries override earlier ones)."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        by_term: dict[str, GlossaryEntry] = {}
        for entry in entries:
            by_term[lookup_key(entry.term)] = entry
        self._entries = tuple(sorted(by_term.values(), key=lambda entry: entry.term.casefold()))
        self._index = _lookup_index(self._entries)
        self._matcher = TermMatcher(self._entries)
        self._preferred = PreferredTerms(self._entries)

    @property
    def entries(self) -> tuple[GlossaryEntry, ...]:
        """All entries, sorted by term."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def categories(self) -> list[str]:
        """The categories in use, sorted."""
        return sorted({entry.category for entry in self._entries})

    def lookup(self, query: str) -> GlossaryEntry | None:
        """The entry for ``query``: a term, a variant or an expansion, ignoring
        case, spaces, hyphens and dots (``cfius``, ``W & T``, ``Plaza Abkommen``)."""
        return self._index.get(lookup_key(query))

    def suggest(self, query: str, limit: int = 5) -> list[GlossaryEntry]:
        """Entries whose spellings resemble ``query``, best first (for typos like ``cfuis``)."""
        key = lookup_key(query)
        if not key:
            return []
        close = difflib.get_close_matches(key, self._index, n=limit * 4, cutoff=0.6)
        # A fragment of a long name (`plaza`, `foreign investment`) is a good hint too.
        containing = [known for known in self._index if len(key) >= 3 and key in known]
        suggestions: list[GlossaryEntry] = []
        for known in [*close, *containing]:
            entry = self._index[known]
            if entry not in suggestions:
                suggestions.append(entry)
        return suggestions[:limit]

    def match(self, text: str) -> list[TermMatch]:
        """The terms in ``text`` with their spans, left to right (see :mod:`.matcher`)."""
        return self._matcher.match(text)

    def apply_preferred_terms(self, source: str, translation: str) -> str:
        """``translation`` with the preferred English rendering of each term of
        ``source`` (``W&T`` → ``S&T``); see :mod:`.consistency`."""
        terms = {match.entry.term for match in self.match(source)}
        return self._preferred.apply(translation, terms)

    def preferred_term_edits(self, source: str, translation: str) -> list[Edit]:
        """The replacements :meth:`apply_preferred_terms` makes, in text order."""
        terms = {match.entry.term for match in self.match(source)}
        return self._preferred.edits(translation, terms)

    def with_preferred_terms(
        self, source: str, translation: str, alignment: Alignment | None
    ) -> tuple[str, Alignment | None]:
        """:meth:`apply_preferred_terms` on a model translation, its word
        alignment's English spans moved to match (``None`` stays ``None``).
        The translation cache keeps raw model output; every view delivers it
        through here."""
        edits = self.preferred_term_edits(source, translation)
        if alignment is not None:
            alignment = remap_target(alignment, edits)
        return apply_edits(translation, edits), alignment

    def in_category(self, category: str) -> list[GlossaryEntry]:
        """The entries of ``category`` (case-insensitive)."""
        return [entry for entry in self._entries if entry.category == category.casefold()]


def _lookup_index(entries: Sequence[GlossaryEntry]) -> dict[str, GlossaryEntry]:
    # Weakest first, so that a term beats a variant and a variant beats an
    # expansion when two entries share a spelling.
    index: dict[str, GlossaryEntry] = {}
    for entry in entries:
        for expansion in (entry.german, entry.english):
            if expansion:
                index[lookup_key(expansion)] = entry
    for entry in entries:
        for variant in entry.variants:
            index[lookup_key(variant)] = entry
    for entry in entries:
        index[lookup_key(entry.term)] = entry
    return index
