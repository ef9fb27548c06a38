"""Edits of a translation after the model: ``text[start:end]`` replaced.

The glossary makes them (preferred English terms, :mod:`reader.glossary.consistency`);
the word alignment follows them (:func:`reader.translate.alignment.remap_target`).
They live here, in the earlier stage, so that both may import them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """``text[start:end]`` is replaced by ``replacement``."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with ``edits`` (in order, not overlapping) made."""
    parts = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)
