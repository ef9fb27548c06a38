"""Word mode's state: which German word of the current sentence is selected,
and which English words the model aligned with it."""

from __future__ import annotations

from dataclasses import dataclass

from reader.translate.alignment import Alignment, Span, word_spans


@dataclass(frozen=True, slots=True)
class WordFocus:
    """The selected German word of sentence ``index`` and its English words."""

    index: int
    word: Span
    english: tuple[Span, ...]


class WordCursor:
    """A cursor over the words of one sentence (pure state, no widget)."""

    def __init__(self) -> None:
        self.active = False
        self.index = 0
        """The sentence."""
        self.position = 0
        """The word within it."""
        self._words: list[Span] = []

    def enter(self, index: int, german: str, position: int = 0) -> bool:
        """Start on word ``position`` of sentence ``index``; ``False`` if it has no words."""
        self._words = word_spans(german)
        if not self._words:
            self.active = False
            return False
        self.active = True
        self.index = index
        self.position = min(max(position, 0), len(self._words) - 1)
        return True

    def leave(self) -> None:
        self.active = False

    def move(self, step: int) -> None:
        if self._words:
            self.position = min(max(self.position + step, 0), len(self._words) - 1)

    def word_at(self, german: str, offset: int) -> int | None:
        """The word of ``german`` under character ``offset``, if any."""
        for position, (start, end) in enumerate(word_spans(german)):
            if start <= offset < end:
                return position
        return None

    def focus(self, alignment: Alignment | None) -> WordFocus | None:
        """The selected word and, from ``alignment``, its English words."""
        if not self.active or not self._words:
            return None
        word = self._words[self.position]
        english = tuple(sorted({target for source, target in alignment or () if source == word}))
        return WordFocus(self.index, word, english)
