"""Finding text in both languages of a document."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.views.tui.wrap import Span


def find_spans(text: str, query: str) -> list[Span]:
    """Case-insensitive occurrences of ``query`` in ``text``."""
    if not query:
        return []
    return [match.span() for match in re.finditer(re.escape(query), text, re.IGNORECASE)]


def matching_pairs(
    german: Sequence[str], english: Sequence[str | None], query: str, first: int = 0
) -> list[int]:
    """Indices of the sentence pairs whose German or English contains ``query``
    (numbered from ``first``: the pairs may be the end of a longer list)."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [
        index
        for index, (source, translation) in enumerate(zip(german, english, strict=True), first)
        if pattern.search(source) or (translation and pattern.search(translation))
    ]
