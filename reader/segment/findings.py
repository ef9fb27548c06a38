"""What the boundary and repair rules report about a paragraph.

Rules never rewrite the text: they record cuts (sentence ends), edits
(insertions and deletions applied when a sentence's clean text is rendered)
and footnote markers, all as offsets into the paragraph. That keeps every
sentence's span pointing at the untouched source.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cut:
    """The sentence before ends at ``end``; the next one starts at ``resume``.

    Anything between the two (whitespace, a junk run) belongs to no sentence.
    A cut inside a long quotation carries the marks that balance the pieces:
    ``closes`` ends the sentence before, ``opens`` starts the one after.
    """

    end: int
    resume: int
    closes: str = ""
    opens: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` in the clean text."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote number found at ``position`` and removed from the text."""

    position: int
    marker: str


@dataclass(slots=True)
class Findings:
    """Everything the rules found in one paragraph, in text order."""

    cuts: list[Cut] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    displaced_stops: list[tuple[int, int]] = field(default_factory=list)
    """Sentence ends a mid-sentence footnote carried away (``Google.44 zu
    werden``): the sentence containing one gets it back at its end."""
    resume_scan: int = 0
    """Rules that consume text (junk runs) move this past it."""

    def cut(self, end: int, resume: int | None = None) -> None:
        self.cuts.append(Cut(end, end if resume is None else resume))

    def delete(self, start: int, end: int) -> None:
        self.edits.append(Edit(start, end))

    def insert(self, position: int, text: str) -> None:
        self.edits.append(Edit(position, position, text))

    def footnote(self, start: int, end: int, marker: str) -> None:
        """Record footnote ``marker`` at ``text[start:end]`` and drop it from the text."""
        self.footnotes.append(Footnote(start, marker))
        self.delete(start, end)
