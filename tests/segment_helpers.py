"""What the segmenter tests look at: the sentences' texts and their markers."""

from __future__ import annotations

from reader.segment import all_sentences, segment


def texts(document: str) -> list[str]:
    """The text of every sentence of ``document``, in order."""
    return [sentence.text for sentence in all_sentences(segment(document))]


def markers(document: str) -> list[str]:
    """Every footnote marker removed from ``document``'s sentences, in order."""
    return [
        marker for sentence in all_sentences(segment(document)) for marker in sentence.footnotes
    ]
