"""Two-column pages read column by column.

Lines are taken top to bottom. A run of lines that each stay within one half
of the page, with at least two lines in each half beside each other, is a
two-column region: its left half is read first, then its right half. Lines
that span the middle (titles, single-column text) are read where they stand.
"""

from __future__ import annotations

from reader.importers.pdf.layout import Line

MIN_COLUMN_LINES = 2


def reading_order(lines: list[Line]) -> list[Line]:
    """``lines`` of one page in reading order."""
    if not lines:
        return []
    ordered = sorted(lines, key=lambda line: (line.baseline, line.left))
    middle = (min(line.left for line in lines) + max(line.right for line in lines)) / 2
    tolerance = 0.01 * middle
    result: list[Line] = []
    region: list[Line] = []
    for line in ordered:
        if line.right <= middle + tolerance or line.left >= middle - tolerance:
            region.append(line)
            continue
        result.extend(_region_order(region, middle))
        region = []
        result.append(line)
    result.extend(_region_order(region, middle))
    return result


def _region_order(region: list[Line], middle: float) -> list[Line]:
    left = [line for line in region if line.left < middle]
    right = [line for line in region if line.left >= middle]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return region
    top = max(left[0].baseline, right[0].baseline)
    bottom = min(left[-1].baseline, right[-1].baseline)
    if top > bottom:  # the halves are not beside each other
        return region
    return left + right
