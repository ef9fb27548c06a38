"""Footnotes at the page foot: taken out of the text flow as notes with their labels.

The footnote area is the run of lines at the bottom of a page (below the body
text, furniture already removed) set smaller than the body text; each note in
it starts with its label (``1``, ``1.``, ``2)``, ``*``, or a raised number).
A label raised and set apart from its note's first line (Distiller's and
pdfTeX's ``\textsuperscript``-style labels come as a line of their own) is
put back on that line.
Lines there before the first label continue the previous page's last note.
A number opening a line is a new note's label only when the page's text
calls it or it follows the previous note's number; otherwise it is the
note's text running on (``…lag bei⏎41 Prozent.``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.document import FootnoteRef
from reader.importers.pdf.layout import Line

SMALLER = 0.92
"""A footnote line's font is smaller than this share of the body text's."""
_LABEL = re.compile(r"(\d{1,3}|[*†‡]{1,3})[.)]?(?:\s+|(?=[^\W\d]))")
_LABEL_ONLY = re.compile(r"(\d{1,3}|[*†‡]{1,3})[.)]?")


@dataclass(slots=True)
class Note:
    """One footnote: its label and its lines."""

    marker: str
    lines: list[Line] = field(default_factory=list)
    page: int = 0


def note_label(line: Line) -> tuple[str, str] | None:
    """``(label, rest of the text)`` when ``line`` opens a footnote, else ``None``."""
    if line.markers and line.markers[0].position == 0:
        return line.markers[0].marker, line.text.lstrip()
    match = _LABEL.match(line.text)
    if match is None:
        return None
    return match.group(1), line.text[match.end() :]


def split_footnotes(
    lines: list[Line], body_size: float, page: int, previous: Note | None
) -> tuple[list[Line], list[Note]]:
    """``lines`` (one page) split into body lines and the notes opened on this page.

    Lines that continue ``previous`` (the last note of the page before) are added to it.
    """
    ordered = sorted(lines, key=lambda line: line.baseline)
    start = len(ordered)
    while start > 0 and ordered[start - 1].size < SMALLER * body_size:
        start -= 1
    area = _labels_joined(_by_column(ordered[start:]))
    first_label = next((i for i, line in enumerate(area) if note_label(line)), len(area))
    if not area or (first_label > 0 and previous is None):
        return lines, []
    previous_lines = area[:first_label]
    if previous is not None:
        previous.lines.extend(previous_lines)
    called = {ref.marker for line in ordered[:start] for ref in line.markers}
    notes: list[Note] = []
    for line in area[first_label:]:
        label = note_label(line)
        if label is not None and notes and not _next_label(notes[-1].marker, label[0], called):
            label = None  # a number opening a note's next line (``41 Prozent.``)
        if label is not None:
            marker, text = label
            notes.append(Note(marker, [_without_label(line, text)], page))
        else:
            notes[-1].lines.append(line)
    footnote_lines = {id(line) for line in ordered[start:]}
    return [line for line in lines if id(line) not in footnote_lines], notes


def _labels_joined(area: list[Line]) -> list[Line]:
    """``area`` with each label standing alone beside its note's first line put on that line.

    The label stands left of the line it opens and higher, by less than that
    line's font size (raised, not a line above).
    """
    joined: list[Line] = []
    index = 0
    while index < len(area):
        line = area[index]
        following = area[index + 1] if index + 1 < len(area) else None
        match = _LABEL_ONLY.fullmatch(line.text.strip())
        if (
            match is not None
            and following is not None
            and following.left >= line.right - 0.5
            and 0 < following.baseline - line.baseline < following.size
        ):
            markers = (FootnoteRef(0, match.group(1)), *following.markers)
            joined.append(replace(following, left=line.left, markers=markers))
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def _by_column(area: list[Line]) -> list[Line]:
    """The footnote area's lines, column by column when its notes stand in two columns.

    Two-column LaTeX sets each column's notes at that column's foot: lines
    side by side on one baseline are two columns' notes.
    """
    if len(area) < 2:
        return area
    middle = (min(line.left for line in area) + max(line.right for line in area)) / 2
    left = [line for line in area if line.right <= middle]
    right = [line for line in area if line.left >= middle]
    if not left or not right or len(left) + len(right) < len(area):
        return area
    return left + right


def _next_label(previous: str, label: str, called: set[str]) -> bool:
    """Whether ``label`` can open the note after the one labelled ``previous``.

    A label the page's text calls can; a number otherwise only when it follows
    ``previous`` (notes are numbered in order).
    """
    if label in called or not (previous.isdigit() and label.isdigit()):
        return True
    return int(label) == int(previous) + 1


def _without_label(line: Line, text: str) -> Line:
    removed = len(line.text) - len(text)
    markers = tuple(
        FootnoteRef(ref.position - removed, ref.marker)
        for ref in line.markers
        if ref.position >= removed and ref.position > 0
    )
    return Line(text, line.left, line.right, line.baseline, line.size, line.bold, markers)
