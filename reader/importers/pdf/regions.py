"""Text beside the flow: margin notes and side headings, and table rows.

The body's edges are the outermost left and right of the page's long lines
(at least :data:`LONG_LINE` characters). A short line wholly outside them —
in the left or the right margin — is a margin note or side heading
(``\\marginpar``, an InDesign side heading, a LibreOffice frame in the
margin); margin lines one below the other form one note. A row (lines on one
baseline, or one short line with gaps of a font size: its cells) of two or
more short pieces set apart is a table row when the row above or below it is
one too, in the same size, and shares a column with it (a cell edge in
line); a table's rows are read one by one, verbatim, never as sentences.
Text drawn in a figure (a chart's labels and values) is set smaller than the
body: when a page holds :data:`FIGURE_LINES` or more short lines below
:data:`FIGURE_SIZE` of its body size (captions excepted), they are the
figure's, read row by row verbatim like a table's — never glued into the
sentence running around the figure. All are taken out before the columns
are ordered, and the paragraph builder puts each before the block it stands
beside.

Pages with fewer than :data:`MIN_LONG_LINES` long lines have no reliable
edges, and pages where more than :data:`MAX_ASIDE_SHARE` of the lines would
be taken out as margin notes or table rows send contradictory signals:
nothing of those is taken out there (plain reading order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from statistics import median

from reader.importers.pdf.layout import Cell, Line

LONG_LINE = 30
"""A line of this many characters or more is body text (edges are measured on them)."""
MIN_LONG_LINES = 3
MARGIN_NOTE = 40
"""A margin note's line has fewer characters than this."""
OUTSIDE = 0.3
"""A margin line stands this many font sizes outside the body's edges."""
MAX_ASIDE_SHARE = 0.5
"""A page whose margin notes and table rows would be more than this share of
its lines is read in plain order (nothing taken out)."""
TABLE_CELL = 0.45
"""A table cell is narrower than this share of the body's width."""
BESIDE = 3.0
"""A line at most this many font sizes away horizontally stands beside an aside."""
FULL_LINE = 0.75
"""A line wider than this share of the typical long line fills its column."""
ROW_STEP = 2.5
"""Two table rows are at most this many font sizes apart."""
ALIGNED = 1.0
"""Cells of two rows whose edges are this many font sizes apart or less share a column."""
FIGURE_SIZE = 0.8
"""A figure's labels are set smaller than this share of the page's body size…"""
FIGURE_LINES = 6
"""…and a page holds this many such short lines or more."""
CAPTION = re.compile(
    r"(?:Abbildung|Abb\.|Tabelle|Tab\.|Grafik|Diagramm|Figure|Fig\.|Table|Listing)"
    r"\s+[A-Z]?\d+(?:[.-]\d+)*\s*[:.–-]\s"
)
"""A figure's or table's caption (``Abbildung 3: …``): a sentence, never a label."""
_ROW = 0.3
"""Lines whose baselines differ by less than this many font sizes are one row."""


class AsideKind(Enum):
    MARGIN = "margin"
    TABLE_ROW = "table_row"
    FIGURE_ROW = "figure_row"


@dataclass(frozen=True, slots=True)
class Aside:
    """Lines beside the flow: a margin note (its lines), a table row or a figure's row (cells)."""

    kind: AsideKind
    lines: tuple[Line, ...]

    @property
    def top(self) -> float:
        return min(line.baseline for line in self.lines)


def split_asides(lines: list[Line]) -> tuple[list[Line], list[Aside]]:
    """``lines`` (one page's body) without their margin notes and table rows, and those."""
    long = [line for line in lines if len(line.text) >= LONG_LINE]
    if len(long) < MIN_LONG_LINES:
        return lines, []
    left = min(line.left for line in long)
    right = max(line.right for line in long)
    margin = [line for line in lines if _in_margin(line, left, right)]
    taken = {id(line) for line in margin}
    asides = [
        Aside(AsideKind.MARGIN, tuple(group))
        for side in (True, False)
        for group in _notes([line for line in margin if (line.left > right) is side])
    ]
    figure = _figure_rows([line for line in lines if id(line) not in taken], long)
    in_figure = {id(line) for row in figure for line in row}
    column = median(line.right - line.left for line in long)
    rest = [line for line in lines if id(line) not in taken and id(line) not in in_figure]
    for row in _table_rows(rest, right - left, column):
        taken.update(id(line) for line in row)
        asides.append(Aside(AsideKind.TABLE_ROW, tuple(sorted(row, key=lambda ln: ln.left))))
    if len(taken) > MAX_ASIDE_SHARE * len(lines):
        # More beside the flow than in it: the signals contradict each other
        # (a form, a page of small boxes); plain reading order.
        asides, taken = [], set()
    asides += [Aside(AsideKind.FIGURE_ROW, tuple(row)) for row in figure]
    taken |= in_figure
    return [line for line in lines if id(line) not in taken], asides


def _figure_rows(lines: list[Line], long: list[Line]) -> list[list[Line]]:
    """The rows of a figure's labels on the page, left to right, or ``[]``."""
    body = median(line.size for line in long)
    small = [
        line
        for line in lines
        if line.size < FIGURE_SIZE * body
        and len(line.text) < MARGIN_NOTE
        and not CAPTION.match(line.text)
    ]
    if len(small) < FIGURE_LINES:
        return []
    rows: list[list[Line]] = []
    for line in sorted(small, key=lambda ln: ln.baseline):
        if rows and line.baseline - rows[-1][0].baseline < _ROW * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.left) for row in rows]


def _in_margin(line: Line, left: float, right: float) -> bool:
    if len(line.text) >= MARGIN_NOTE:
        return False
    outside = OUTSIDE * line.size
    return line.right < left - outside or line.left > right + outside


def _notes(margin: list[Line]) -> list[list[Line]]:
    """Lines of one margin grouped into notes: each line close below the one before."""
    groups: list[list[Line]] = []
    for line in sorted(margin, key=lambda ln: ln.baseline):
        if groups:
            last = groups[-1][-1]
            step = line.baseline - last.baseline
            if 0 < step < 1.8 * max(line.size, last.size):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _table_rows(lines: list[Line], width: float, column: float) -> list[list[Line]]:
    """Rows of table cells: short pieces on one baseline, two or more, in line with a neighbour.

    Long lines on the same baseline (the other column's text) are left out of
    the row; a line that fills its column (``column`` wide: a justified line
    with stretched spaces) is no row of cells.
    """
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.baseline):
        if rows and line.baseline - rows[-1][0].baseline < _ROW * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    short = [
        [
            line
            for line in row
            if line.right - line.left < TABLE_CELL * width
            and not (line.cells and line.right - line.left > FULL_LINE * column)
        ]
        for row in rows
    ]
    pieces = [[cell for line in row for cell in cells(line)] for row in short]
    candidate = [
        len(row_cells) >= 2
        and all(cell.right - cell.left < TABLE_CELL * width for cell in row_cells)
        for row_cells in pieces
    ]
    size = max((line.size for line in lines), default=0.0)

    found = [index for index, is_candidate in enumerate(candidate) if is_candidate]

    def table(position: int) -> bool:
        # The nearest candidate rows above and below, even with the other
        # column's lines between (a heading there sits between two rows).
        index = found[position]
        return any(
            0 <= other < len(found)
            and abs(short[found[other]][0].baseline - short[index][0].baseline)
            < ROW_STEP * short[index][0].size
            and _same_size(short[index], short[found[other]])
            and _aligned(pieces[index], pieces[found[other]], size)
            for other in (position - 1, position + 1)
        )

    return [short[index] for position, index in enumerate(found) if table(position)]


def _same_size(row: list[Line], other: list[Line]) -> bool:
    """Whether two rows are set in one size (a table's rows are; a heading and its text are not)."""
    return abs(row[0].size - other[0].size) <= 0.05 * row[0].size


def cells(line: Line) -> tuple[Cell, ...]:
    """The pieces of ``line``: its cells, or the whole line as one."""
    return line.cells or (Cell(line.text, line.left, line.right),)


def _aligned(row: list[Cell], other: list[Cell], size: float) -> bool:
    """Whether two rows share a column: a cell after the first starts or ends where one does."""
    edges = [edge for cell in row[1:] for edge in (cell.left, cell.right)]
    others = [edge for cell in other[1:] for edge in (cell.left, cell.right)]
    return any(abs(a - b) < ALIGNED * size for a in edges for b in others)


def anchor(aside: Aside, ordered: list[Line]) -> int:
    """Index in ``ordered`` (the page's body in reading order) of the line ``aside`` stands beside.

    The first line at or below the aside's top that stands beside it (shares
    its horizontal extent, like a table in its column, or stands within
    :data:`BESIDE` font sizes of it, like the text beside a margin note), else
    the nearest one; ``len(ordered)`` when none is below it.
    """
    top = aside.top - 0.5 * aside.lines[0].size
    left = min(line.left for line in aside.lines)
    right = max(line.right for line in aside.lines)
    best: tuple[float, float, int] | None = None
    for index, line in enumerate(ordered):
        if line.baseline < top:
            continue
        distance = max(line.left - right, left - line.right, 0.0)
        beside = distance <= BESIDE * line.size
        key = (0.0 if beside else distance, line.baseline, index)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else len(ordered)
