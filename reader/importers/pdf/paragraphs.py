"""Lines in reading order → blocks: paragraphs, headings and footnotes.

Consecutive lines form one block unless a larger gap, an indented first line or
a short line ending a sentence says a new paragraph begins, or the heading level
changes. A line opening with a bullet (``•``, ``▪``…; a dash after a line that
ends a sentence or a colon) starts a list item, which runs on over its
indented lines. A page or column break ends a paragraph only when the last line
before it is short and ends a sentence: a sentence continuing on the next page
(across the footnote area, which is taken out first) stays one. Lines are
glued by :func:`~reader.importers.pdf.hyphenation.line_joint`; footnote calls
keep their place in the glued text. Each footnote block follows the block that
first calls it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from reader.document import Block, FootnoteRef
from reader.importers.pdf.footnotes import Note
from reader.importers.pdf.headings import LARGER, HeadingStyles
from reader.importers.pdf.hyphenation import SOFT_HYPHEN, hyphenated_words, line_joint
from reader.importers.pdf.layout import Line
from reader.importers.pdf.regions import CAPTION as _CAPTION
from reader.importers.pdf.regions import Aside, AsideKind, cells

PARAGRAPH_GAP = 1.3
"""A gap larger than this many line pitches starts a new block."""
MAX_HEADING_LINES = 3
"""A longer run of heading-styled lines is a bold or large paragraph (unless in the outline)."""
SENTENCE_WORDS = 5
"""Large or bold text of this many words ending in a full stop is a pull quote, not a heading."""
SHORT_LINE = 2.0
"""A line ending this many font sizes before the text's right edge is short."""
_SENTENCE_END = tuple('.!?:…"“”»«)')
_BULLETS = "•◦▪▫‣■□●○►➢"
_REFERENCE = re.compile(r"\[\d{1,3}\]\s")
_DASH_BULLETS = "–—-*"


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A body line with its page and heading level (0: not a heading)."""

    line: Line
    page: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class PlacedAside:
    """A margin note or table row, and the index in the flow of the line it stands beside."""

    aside: Aside
    page: int
    anchor: int


CELL_SEPARATOR = "  "
"""Between the cells of a table row (kept verbatim, as a ``code`` block)."""


def build_blocks(
    flow: list[PlacedLine],
    notes: list[Note],
    styles: HeadingStyles,
    asides: list[PlacedAside] = (),  # type: ignore[assignment]
) -> list[Block]:
    """The document's blocks: ``flow`` grouped into headings and paragraphs, notes placed.

    Each aside comes before the block holding the line it stands beside: a
    margin note as a paragraph of its own, a table row as a ``code`` block
    (verbatim, no sentences).
    """
    pitch = _line_pitch(flow)
    hyphenated = hyphenated_words(
        [placed.line.text for placed in flow] + [line.text for note in notes for line in note.lines]
    )
    groups: list[list[PlacedLine]] = []
    starts: list[int] = []
    for index, placed in enumerate(flow):
        if groups and _continues(groups[-1], placed, pitch, styles.body_size):
            groups[-1].append(placed)
        else:
            groups.append([placed])
            starts.append(index)
    before: dict[int, list[Block]] = {}
    for placed_aside in asides:
        group = bisect_right(starts, placed_aside.anchor) - 1
        if placed_aside.anchor >= len(flow):
            group = len(groups)
        elif _beside_next_block(placed_aside, flow, starts, group):
            group += 1
        before.setdefault(max(group, 0), []).append(_aside_block(placed_aside, styles))
    body = []
    for index, group in enumerate(groups):
        body.extend(before.pop(index, []))
        body.append(_block(group, styles, hyphenated))
    body.extend(block for blocks in before.values() for block in blocks)
    notes_blocks = [_note_block(note, hyphenated) for note in notes if note.lines]
    return _with_notes(body, notes_blocks)


def caption_after_runover(previous: PlacedLine | None, ordered: list[Line]) -> list[Line]:
    """A page's lines in reading order, a caption opening the page moved past the run-over.

    When the page before ends inside a sentence and this page opens with a
    figure's caption (the figure at the page top), the sentence runs on below
    the caption: the caption's lines go after the paragraph the sentence ends
    (its first line ending a sentence that is short, or followed by an indent
    or a gap), so that the paragraph stays one.
    """
    if (
        previous is None
        or previous.level
        or previous.line.text.rstrip().endswith(_SENTENCE_END)
        or not ordered
        or not _CAPTION.match(ordered[0].text)
    ):
        return ordered
    end = 1
    while end < len(ordered) and _next_line(ordered[end - 1], ordered[end], 1.6):
        end += 1
    if end == len(ordered):
        return ordered
    rest = ordered[end:]
    steps = [
        after.baseline - before.baseline
        for before, after in pairwise(rest)
        if 0 < after.baseline - before.baseline < 3 * before.size
    ]
    pitch = median(steps) / rest[0].size if steps else 1.6
    right = max(line.right for line in rest)
    last = end
    while last < len(ordered):
        line = ordered[last]
        following = ordered[last + 1] if last + 1 < len(ordered) else None
        if line.text.rstrip().endswith(_SENTENCE_END) and (
            following is None
            or line.right < right - SHORT_LINE * line.size
            or following.left > line.left + line.size
            or not _next_line(line, following, 1.3 * pitch)
        ):
            break
        last += 1
    return [*ordered[end : last + 1], *ordered[:end], *ordered[last + 1 :]]


def _next_line(before: Line, after: Line, pitch: float) -> bool:
    """Whether ``after`` is the line right below ``before`` (at most ``pitch`` font sizes down)."""
    return 0 < after.baseline - before.baseline <= pitch * before.size


def _beside_next_block(
    placed: PlacedAside, flow: list[PlacedLine], starts: list[int], group: int
) -> bool:
    """Whether an aside beside a block's last line also stands beside the next block's first.

    A margin note often starts beside the last line of one paragraph and runs
    on beside the next, the one it belongs to (LaTeX's ``\\marginpar`` at a
    paragraph's start).
    """
    following = starts[group + 1] if group + 1 < len(starts) else None
    if following is None or following != placed.anchor + 1:
        return False
    line = flow[following]
    bottom = max(ln.baseline for ln in placed.aside.lines)
    return line.page == placed.page and line.line.baseline <= bottom + 0.5 * line.line.size


def _aside_block(placed: PlacedAside, styles: HeadingStyles) -> Block:
    """A table or figure row as a ``code`` block; a margin note as a paragraph, or a heading.

    A margin note styled like a heading (bold at body size or larger, not a
    sentence) is a side heading.
    """
    lines = placed.aside.lines
    if placed.aside.kind is not AsideKind.MARGIN:
        pieces = (cell.text for line in lines for cell in cells(line))
        text = CELL_SEPARATOR.join(pieces).replace(SOFT_HYPHEN, "-")
        return Block("code", text, page=placed.page)
    text, refs = _joined(list(lines))
    level = styles.level(lines[0], placed.page)
    if level and len(lines) <= MAX_HEADING_LINES and not _sentence_like(text):
        return Block("heading", text, level=level, footnotes=refs, page=placed.page)
    return Block("paragraph", text, footnotes=refs, page=placed.page)


def _line_pitch(flow: list[PlacedLine]) -> float:
    steps = [
        after.line.baseline - before.line.baseline
        for before, after in pairwise(flow)
        if before.page == after.page
        and not before.level
        and 0 < after.line.baseline - before.line.baseline < 2.5 * before.line.size
    ]
    return median(steps) if steps else 0.0


def _continues(
    group: list[PlacedLine], following: PlacedLine, pitch: float, body_size: float
) -> bool:
    previous = group[-1]
    before, after = previous.line, following.line
    if _bullet(after, before) is not None:
        return False
    if _REFERENCE.match(after.text) and before.text.rstrip().endswith(_SENTENCE_END):
        return False  # the next entry of a bibliography
    if _CAPTION.match(after.text):
        return False  # a figure's or table's caption is a block of its own
    if previous.level != following.level:
        # A large or bold sentence over two lines (a pull quote) whose last
        # line ends like a sentence, and so is not heading-like itself.
        if not _same_style(before, after) or before.size < LARGER * body_size:
            return False
        if previous.page != following.page:
            return not before.text.rstrip().endswith(_SENTENCE_END)
        return 0 < after.baseline - before.baseline < 2.0 * before.size
    if not following.level and _bullet(group[0].line, None) is not None:
        if following.page != previous.page or after.baseline <= before.baseline:
            # Over a page or column break the indent cannot be compared: a
            # list item whose line does not end a sentence runs on.
            return not before.text.rstrip().endswith(_SENTENCE_END)
        if len(group) > 1 and abs(after.left - before.left) < 0.5 * after.size:
            return True  # indented like the item's line before it (in a new column, too)
        return after.left > group[0].line.left + 0.5 * after.size
    if following.level:
        step = after.baseline - before.baseline
        return previous.page == following.page and 0 < step < 2.0 * before.size
    right_edge = max(max(placed.line.right for placed in group), after.right)
    short = before.right < right_edge - SHORT_LINE * before.size
    ends_sentence = before.text.rstrip().endswith(_SENTENCE_END)
    if following.page != previous.page or after.baseline <= before.baseline:
        # A caption ends where its figure's or table's page or column does.
        return not (short and ends_sentence) and not _CAPTION.match(group[0].line.text)
    if pitch and after.baseline - before.baseline > PARAGRAPH_GAP * pitch:
        return False
    indented = after.left > min(p.line.left for p in group) + before.size
    return not (ends_sentence and (short or indented))


def _same_style(before: Line, after: Line) -> bool:
    return before.bold == after.bold and abs(before.size - after.size) < 0.02 * before.size


def _bullet(line: Line, before: Line | None) -> int | None:
    """Length of the bullet (and its space) opening ``line``, if it opens a list item."""
    text = line.text
    if len(text) < 3 or not text[1].isspace():
        return None
    dash_allowed = before is None or before.text.rstrip().endswith(_SENTENCE_END)
    if text[0] in _BULLETS or (text[0] in _DASH_BULLETS and dash_allowed):
        return len(text) - len(text[1:].lstrip())
    return None


def _joined(
    lines: list[Line], hyphenated: frozenset[str] = frozenset()
) -> tuple[str, tuple[FootnoteRef, ...]]:
    """The lines as one text; a soft hyphen left at its end (the word went on
    where no line follows) shows as the hyphen it was printed as."""
    text = ""
    refs: list[FootnoteRef] = []
    for line in lines:
        if text:
            joint = line_joint(text, line.text, hyphenated)
            text = text[: len(text) - joint.drop] + joint.separator
        offset = len(text)
        refs.extend(
            FootnoteRef(min(offset + ref.position, offset + len(line.text)), ref.marker)
            for ref in line.markers
        )
        text += line.text
    if text.endswith(SOFT_HYPHEN):
        text = text[:-1] + "-"
    return text, tuple(refs)


def _block(group: list[PlacedLine], styles: HeadingStyles, hyphenated: frozenset[str]) -> Block:
    text, refs = _joined([placed.line for placed in group], hyphenated)
    first = group[0]
    if first.level:
        outline_level = styles.outline_level(text, first.page)
        if outline_level or (len(group) <= MAX_HEADING_LINES and not _sentence_like(text)):
            level = outline_level or first.level
            return Block("heading", text, level=level, footnotes=refs, page=first.page)
    bullet = _bullet(first.line, None)
    if bullet is not None:
        refs = tuple(FootnoteRef(max(r.position - bullet, 0), r.marker) for r in refs)
        return Block("list_item", text[bullet:], footnotes=refs, page=first.page)
    return Block("paragraph", text, footnotes=refs, page=first.page)


def _sentence_like(text: str) -> bool:
    """Whether a heading-styled text is a sentence (a pull quote): several words ending in ``.``."""
    return text.rstrip().endswith((".", "!", "?")) and len(text.split()) >= SENTENCE_WORDS


def _note_block(note: Note, hyphenated: frozenset[str]) -> Block:
    text, refs = _joined(note.lines, hyphenated)
    return Block("footnote", text, marker=note.marker, footnotes=refs, page=note.page)


def _with_notes(body: list[Block], notes: list[Block]) -> list[Block]:
    """``body`` with each note after the first block that calls it; the rest at the end."""
    waiting = list(notes)
    blocks: list[Block] = []
    for block in body:
        blocks.append(block)
        for ref in block.footnotes:
            found = next((note for note in waiting if note.marker == ref.marker), None)
            if found is not None:
                waiting.remove(found)
                blocks.append(found)
    return blocks + waiting
