"""Consistent English terms in translations: ``W&T`` in the output becomes ``S&T``.

A sentence-level MT model often copies a German acronym it has not seen
(`W&T`, `F&E`, `KI`, `BIP`, `ADI`) into the English output. When the source
sentence contains a glossary term with a preferred rendering, every German
spelling of that term left in the translation is replaced by the preferred
one. These are pure string functions: callers decide whether to apply them
(the translation cache always keeps the raw model output).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from reader.glossary.entry import GlossaryEntry
from reader.glossary.matcher import spelling_pattern
from reader.translate.edits import Edit, apply_edits


class PreferredTerms:
    """The preferred renderings of a set of entries, compiled once.

    One regex covers every German spelling of every entry with a preferred
    rendering; :meth:`apply` replaces only the spellings of the entries a
    source sentence actually contains.
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._entries: dict[str, GlossaryEntry] = {}
        for entry in entries:
            if not entry.preferred:
                continue
            for form in entry.forms:
                # A spelling equal to the rendering (`CFIUS`) needs no replacing.
                if form != entry.preferred:
                    self._entries[_fold(form)] = entry
        forms = list(self._entries)
        self._pattern = re.compile(spelling_pattern(forms)) if forms else None

    def apply(self, translation: str, terms: Collection[str]) -> str:
        """``translation`` with the spellings of the entries named in ``terms``
        replaced, whole words only: ``W&T-cooperation`` → ``S&T-cooperation``,
        but ``KIEL`` and ``AKI`` stay."""
        return apply_edits(translation, self.edits(translation, terms))

    def edits(self, translation: str, terms: Collection[str]) -> list[Edit]:
        """The replacements :meth:`apply` makes, in text order (for callers that
        keep character offsets into the translation, such as word alignments)."""
        if self._pattern is None or not terms:
            return []
        found = []
        for match in self._pattern.finditer(translation):
            entry = self._entries[_fold(match.group())]
            if entry.term in terms and entry.preferred and entry.preferred != match.group():
                found.append(Edit(match.start(), match.end(), entry.preferred))
        return found


def _fold(spelling: str) -> str:
    # The pattern matches a lower-case first letter in upper case too and any
    # run of whitespace; fold both so that a match finds its entry.
    spelling = " ".join(spelling.split())
    return spelling[:1].lower() + spelling[1:]
