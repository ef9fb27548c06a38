"""Where every sentence pair sits: wrapped lines and row offsets.

The bilingual view renders line by line (Textual's Line API) and only asks
for the rows on screen, so it needs, for any row of the document, which pair
and which wrapped line of each side lives there. This module keeps the
wrapped lines of each pair and the prefix sums of their heights; a translation
arriving re-wraps one pair and recomputes the sums, never the whole document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from reader.views.tui.wrap import Span, wrap_spans

Mode = Literal["side", "stacked"]

SEPARATOR = " │ "
"""Between the German and the English column in the side-by-side layout."""
STACKED_INDENT = 2
"""The English line of a pair is indented under its German one when stacked."""
SIDE_BY_SIDE_MIN_WIDTH = 90
"""Narrower terminals get the stacked layout: two columns under ~44 cells each
wrap German compounds into a ragged mess."""


def auto_mode(width: int) -> Mode:
    """The layout a terminal ``width`` cells wide gets unless the user chose."""
    return "side" if width >= SIDE_BY_SIDE_MIN_WIDTH else "stacked"


@dataclass(frozen=True, slots=True)
class Row:
    """What one row of the document shows."""

    pair: int | None
    """The sentence pair on this row; ``None`` in the notice block."""
    german: Span | None = None
    """The span of the German text shown on this row, if any."""
    english: Span | None = None
    """The span of the English text (or placeholder) shown on this row, if any."""
    notice: Span | None = None
    """The span of the notice text shown on this row, if any."""


class PairLayout:
    """Wrapped lines and row offsets of all sentence pairs at one width."""

    def __init__(
        self,
        german: Sequence[str],
        paragraph_starts: Sequence[bool],
        width: int = 0,
        mode: Mode = "side",
    ) -> None:
        """Lay out ``german`` at ``width`` cells; ``0`` waits for :meth:`relayout`
        (a widget learns its width only after mounting)."""
        self._german = list(german)
        self._paragraph_starts = list(paragraph_starts)
        self._english: list[str] = [""] * len(german)
        self._notice = ""
        self.width = width
        self.mode: Mode = mode
        self._de: list[list[Span]] = []
        self._en: list[list[Span]] = []
        self._notice_lines: list[Span] = []
        self._offsets: list[int] = [0] * (len(german) + 1)
        if width > 0:
            self.relayout(width, mode)

    # -- geometry -------------------------------------------------------------

    @property
    def german_width(self) -> int:
        if self.mode == "stacked":
            return self.width
        return max((self.width - len(SEPARATOR)) // 2, 1)

    @property
    def english_width(self) -> int:
        if self.mode == "stacked":
            return max(self.width - STACKED_INDENT, 1)
        return max(self.width - len(SEPARATOR) - self.german_width, 1)

    @property
    def english_column(self) -> int:
        """The cell where the English text starts on a row."""
        if self.mode == "stacked":
            return STACKED_INDENT
        return self.german_width + len(SEPARATOR)

    @property
    def laid_out(self) -> bool:
        return self.width > 0

    @property
    def total_rows(self) -> int:
        return self._offsets[-1]

    # -- updates --------------------------------------------------------------

    def relayout(self, width: int, mode: Mode) -> None:
        """Re-wrap everything (the width or the layout mode changed)."""
        self.width, self.mode = max(width, 1), mode
        self._de = _wrap_all(self._german, self.german_width)
        self._en = _wrap_all(self._english, self.english_width)
        self._notice_lines = wrap_spans(self._notice, self.english_width) if self._notice else []
        self._recount()

    def extend(self, german: Sequence[str], paragraph_starts: Sequence[bool], english: str) -> None:
        """Append pairs (the document arrives in parts), each showing ``english`` for now."""
        self._german.extend(german)
        self._paragraph_starts.extend(paragraph_starts)
        self._english.extend([english] * len(german))
        if self.laid_out:
            # The untranslated pairs share one wrapped placeholder (never mutated).
            placeholder = wrap_spans(english, self.english_width)
            self._de.extend(wrap_spans(text, self.german_width) for text in german)
            self._en.extend([placeholder] * len(german))
            self._recount()
        else:
            self._offsets.extend([0] * len(german))  # no rows until laid out

    def set_english(self, updates: Iterable[tuple[int, str]]) -> None:
        """Replace the English text (translation or placeholder) of some pairs."""
        for index, text in updates:
            self._english[index] = text
            if self.laid_out:
                self._en[index] = wrap_spans(text, self.english_width)
        if self.laid_out:
            self._recount()

    def set_notice(self, notice: str) -> None:
        """Show ``notice`` above the first pair, in the English column."""
        self._notice = notice
        if self.laid_out:
            self._notice_lines = wrap_spans(notice, self.english_width) if notice else []
            self._recount()

    def _recount(self) -> None:
        header = len(self._notice_lines) + 1 if self._notice_lines else 0
        heights = map(self._height, range(len(self._german)))
        self._offsets = list(accumulate(heights, initial=header))

    def _height(self, index: int) -> int:
        gap = 1 if index and self._paragraph_starts[index] else 0
        if self.mode == "stacked":
            return gap + len(self._de[index]) + len(self._en[index])
        return gap + max(len(self._de[index]), len(self._en[index]))

    # -- queries --------------------------------------------------------------

    def english_text(self, index: int) -> str:
        """The English text (or placeholder) of pair ``index``."""
        return self._english[index]

    def notice_text(self) -> str:
        return self._notice

    def pair_at(self, row: int) -> int:
        """The pair shown on ``row`` (clamped: rows past the end give the last)."""
        if not self._german:
            return 0
        index = bisect_right(self._offsets, row) - 1
        return min(max(index, 0), len(self._german) - 1)

    def pair_rows(self, index: int) -> tuple[int, int]:
        """The first row of pair ``index``'s text and the row just past it."""
        start = self._offsets[index]
        if index and self._paragraph_starts[index]:
            start += 1
        return start, self._offsets[index + 1]

    def row(self, row: int) -> Row:
        """What ``row`` shows."""
        if row < 0 or row >= self.total_rows:
            return Row(pair=None)
        if row < self._offsets[0]:
            line = self._notice_lines[row] if row < len(self._notice_lines) else None
            return Row(pair=None, notice=line)
        index = self.pair_at(row)
        start, _end = self.pair_rows(index)
        if row < start:
            return Row(pair=index)  # the blank row that separates paragraphs
        line = row - start
        de, en = self._de[index], self._en[index]
        if self.mode == "stacked":
            if line < len(de):
                return Row(pair=index, german=de[line])
            return Row(pair=index, english=en[line - len(de)])
        return Row(
            pair=index,
            german=de[line] if line < len(de) else None,
            english=en[line] if line < len(en) else None,
        )


def _wrap_all(texts: Sequence[str], width: int) -> list[list[Span]]:
    # Untranslated pairs all show the same placeholder: wrap each text once.
    # The span lists are shared, never mutated.
    wrapped: dict[str, list[Span]] = {}
    result = []
    for text in texts:
        spans = wrapped.get(text)
        if spans is None:
            spans = wrapped[text] = wrap_spans(text, width)
        result.append(spans)
    return result
