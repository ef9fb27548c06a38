"""Which footnote each reference points to, in a segmented document.

A sentence carries the markers of the notes it references (``("1",)``); a
footnote paragraph carries its own marker. Markers repeat in books (every
chapter counts from 1, in chapter notes or in one endnotes chapter), so the
k-th reference to marker ``m`` is linked to the k-th note marked ``m`` — or to
the last one, when a note is referenced more than once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.segment.sentence import Paragraph

NoteLinks = dict[tuple[int, str], int]
"""``(sentence index, marker)`` → index of the footnote paragraph it refers to."""


def link_notes(paragraphs: Sequence[Paragraph]) -> NoteLinks:
    """Resolve every footnote reference that has a note in ``paragraphs``."""
    notes: dict[str, list[int]] = {}
    for paragraph in paragraphs:
        if paragraph.kind == "footnote" and paragraph.marker:
            notes.setdefault(paragraph.marker, []).append(paragraph.index)
    links: NoteLinks = {}
    if not notes:
        return links
    seen: Counter[str] = Counter()
    for paragraph in paragraphs:
        if paragraph.kind == "footnote":
            continue
        for sentence in paragraph.sentences:
            for marker in sentence.footnotes:
                candidates = notes.get(marker)
                if candidates:
                    links[(sentence.index, marker)] = candidates[
                        min(seen[marker], len(candidates) - 1)
                    ]
                    seen[marker] += 1
    return links
