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
from collections.abc import Iterable

from reader.glossary.entry import GlossaryEntry
from reader.glossary.matcher import spelling_pattern


def preferred_replacements(entries: Iterable[GlossaryEntry]) -> dict[str, str]:
    """German spelling → preferred English rendering, for entries that have one.

    A spelling equal to the preferred rendering (``CFIUS`` → ``CFIUS``) is left
    out: there is nothing to replace.
    """
    replacements: dict[str, str] = {}
    for entry in entries:
        if not entry.preferred:
            continue
        for form in entry.forms:
            if form != entry.preferred:
                replacements[form] = entry.preferred
    return replacements


def prefer_terms(translation: str, replacements: dict[str, str]) -> str:
    """``translation`` with each whole-word spelling in ``replacements`` replaced.

    Compounds keep their tail: ``W&T-cooperation`` → ``S&T-cooperation``;
    ``KIEL`` or ``AKI`` are left alone.
    """
    if not replacements:
        return translation
    pattern = re.compile(spelling_pattern(replacements))
    lookup = {_fold(form): preferred for form, preferred in replacements.items()}
    return pattern.sub(lambda found: lookup[_fold(found.group())], translation)


def _fold(spelling: str) -> str:
    # The pattern matches a lower-case first letter in upper case too and any
    # run of whitespace; fold both so the match finds its replacement.
    spelling = " ".join(spelling.split())
    return spelling[:1].lower() + spelling[1:]
