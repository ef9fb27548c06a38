"""Word wrapping by terminal cells, as character spans.

The reader wraps every sentence of a document up front (10,000 sentences must
open in well under two seconds), and highlights terms and search matches by
character offset, so wrapping returns ``(start, end)`` spans into the text
rather than new strings.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells

Span = tuple[int, int]

_WORD = re.compile(r"\S+")
# Printable ASCII, Latin-1, Latin Extended, spacing modifiers, general
# punctuation („“ – … ‰) and super/subscripts: one terminal cell each, no
# combining marks, no wide characters.
_ONE_CELL_EACH = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u209f]*"
)


def wrap_spans(text: str, width: int) -> list[Span]:
    """Greedy word wrap of ``text`` into lines at most ``width`` cells wide.

    Returns the ``(start, end)`` character span of each line, without the
    spaces at the break. Words wider than a line are cut. An empty text is one
    empty line, so every sentence occupies at least one row.
    """
    width = max(width, 1)
    # Nearly all text is Latin script, one cell per character: measuring by
    # ``len`` there makes wrapping a 10,000-sentence document several times faster.
    measure = len if _ONE_CELL_EACH.fullmatch(text) else cell_len
    lines: list[Span] = []
    line_start = line_end = line_width = 0
    in_line = False
    for match in _WORD.finditer(text):
        start, end = match.span()
        word_width = measure(match.group())
        if in_line:
            gap = measure(text[line_end:start])
            if line_width + gap + word_width <= width:
                line_end, line_width = end, line_width + gap + word_width
                continue
            lines.append((line_start, line_end))
        if word_width > width:
            # A URL or a compound longer than the column: cut it, keep the
            # remainder open so the next word may follow it on its last line.
            for piece in chop_cells(match.group(), width)[:-1]:
                lines.append((start, start + len(piece)))
                start += len(piece)
            word_width = measure(text[start:end])
        line_start, line_end, line_width, in_line = start, end, word_width, True
    if in_line:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]
