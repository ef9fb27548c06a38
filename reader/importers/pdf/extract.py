"""Lines with their position and font from a PDF's text layer, through pypdfium2.

PDFium gives the page text in content order with a line break wherever the
text jumps; a raised footnote call also makes it break the line, so fragments
on one baseline are merged back into one :class:`Line`. Where PDFium bridged a
wide gap with a space of its own (a header's left and right parts, two
columns side by side), the line is split there. A hyphen PDFium took for a
line-end hyphen comes as U+FFFE with the line break after it dropped (Word,
Distiller, InDesign, LibreOffice and pdfTeX output): it is printed as ``-``
and the line is broken after it again, for the paragraph builder to decide
whether the word is joined. Font sizes are the effective ones (the font size
times the text matrix's scale: Distiller and InDesign set 1-point fonts
scaled up). Characters are mended where the text layer is wrong for a
reader (:mod:`~reader.importers.pdf.characters`): accents drawn apart from
their letters (OT1-encoded LaTeX) are composed, private-use and unmapped
characters become list bullets or go. Only a few characters per line are
asked for their geometry (the line's first letter, its ends, its digits, any
accent), which keeps extraction at a few milliseconds per page.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.document import FootnoteRef
from reader.importers.pdf.characters import (
    NOTHING,
    SPACING_ACCENTS,
    mend_characters,
    text_by_index,
)
from reader.importers.pdf.errors import (
    DamagedPdfError,
    EncryptedPdfError,
    NotAPdfError,
)
from reader.importers.pdf.layout import Cell, Line, OutlineEntry, Page

_SOFT_HYPHEN = "\u00ad"
_SUPERSCRIPT_SIZE = 0.85
"""A digit smaller than this share of the line's size…"""
_SUPERSCRIPT_RISE = 0.15
"""…and raised by more than this share of it is a footnote call; so is a digit
raised by more than :data:`_SUPERSCRIPT_ONLY_RISE` at any size (text rise only)."""
_SUPERSCRIPT_ONLY_RISE = 0.3
_BOLD_WEIGHT = 600
_ITALIC_FLAG = 1 << 6
"""The font descriptor's Italic flag (PDF 32000-1, table 123)."""
_ITALIC_NAME = re.compile(rb"ital|oblique|cmti\d|cmsl\d|-it\b|slanted")
_LINE = re.compile("[^\r\n\ufffe\x02]*[\ufffe\x02]|[^\r\n\ufffe\x02]+")
"""A line of PDFium's text: up to a line break, or up to and with a line-end hyphen."""
_LINE_END_HYPHEN = "\ufffe"
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_WIDE_GAP = 2.0
"""A gap wider than this many font sizes separates two pieces of text on a baseline."""
_SHORT_SPAN = 40
_CELL_GAP = 0.9
"""In a span shorter than :data:`_SHORT_SPAN` characters, pieces this many font
sizes apart are cells (kept in :attr:`Line.cells`; the line stays one)."""
_SIZE_GAP = 0.5
"""A gap of this many font sizes between text of different sizes (a margin note
beside a line) separates them too."""
_LOW_QUOTE = 0.3
"""A ``”`` this many font sizes below the text after it is a lowered ``„``."""
_SAME_SIZE = (0.87, 1.15)
"""Two pieces of text whose sizes' ratio lies outside this range are set in different sizes."""
_MAX_ADVANCE = 0.8
"""No character is wider than this many font sizes (a span wider than its
characters can fill hides a jump)."""
_JUMP_BACK = 0.5
"""A character this many font sizes left of the one before starts new text."""


@dataclass(frozen=True, slots=True)
class PdfContent:
    """Everything the importer uses from a PDF."""

    pages: list[Page]
    outline: list[OutlineEntry]
    title: str | None


@dataclass(slots=True)
class _Fragment:
    text: str
    left: float
    right: float
    baseline: float
    size: float
    bold: bool
    digits: list[tuple[int, float, float]]
    """(offset in text, font size, baseline) of each digit."""
    apart: bool = False
    """Split off the text before it on its baseline (a gap, a jump): never merged back."""
    cells: tuple[Cell, ...] = ()
    italic: bool = False
    low_quote: bool = False
    """Ends in a ``”`` set below its baseline (OT1's ``„`` for the text after it)."""


def read_pdf(data: bytes, name: str, progress: Callable[[int, int], None] | None) -> PdfContent:
    """The pages, outline and title of the PDF ``data``; raises a :class:`PdfError`."""
    # Imported here: plain-text commands never pay for loading PDFium.
    import pypdfium2
    import pypdfium2.raw as raw

    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(name, empty=not data)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError(name) from None
        raise DamagedPdfError(name, _reason(error)) from None
    try:
        total = len(pdf)
        pages = []
        for index in range(total):
            try:
                page = pdf[index]
            except pypdfium2.PdfiumError as error:
                raise DamagedPdfError(name, f"page {index + 1}: {_reason(error)}") from None
            pages.append(_page(page, index + 1, raw))
            page.close()
            if progress is not None:
                progress(index + 1, total)
        return PdfContent(pages, _outline(pdf), _title(pdf))
    finally:
        pdf.close()


def _reason(error: Exception) -> str:
    text = str(error)
    if "(PDFium: " in text:
        text = text.split("(PDFium: ", 1)[1].rstrip(").")
    return text.lower()


def _page(page, number: int, raw) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count else ""
        if len(text) != count:  # characters outside the BMP: two indices each
            text = text_by_index([raw.FPDFText_GetUnicode(textpage, i) for i in range(count)])
        glyphs = _Glyphs(textpage, raw)
        fragments = []
        for line_start, line_end in _line_spans(text):
            for gap_start, gap_end in _split_at_wide_gaps(glyphs, text, line_start, line_end):
                for start, end in _split_at_jumps(glyphs, text, gap_start, gap_end):
                    fragment = _fragment(glyphs, text, start, end, height)
                    if fragment is not None and end - start < _SHORT_SPAN:
                        fragment.cells = _cells(glyphs, text, start, end, fragment)
                    if fragment is not None:
                        fragment.apart = start != line_start
                        fragments.append(fragment)
    finally:
        textpage.close()
    fragments = _low_quotes(_attach_list_markers(fragments))
    return Page(number, width, height, tuple(_merge(fragments)))


def _line_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _LINE.finditer(text)]


def _split_at_wide_gaps(glyphs: _Glyphs, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start:end`` cut at the spaces PDFium generated over wide gaps."""
    spans = []
    index = start
    size = 0.0
    while (index := text.find(" ", index + 1, end - 1)) != -1:
        if not glyphs.generated(index):
            continue
        if not size:
            size = glyphs.font_size(start) or 1.0
        # Measured between letters: a stray OT1 accent beside the space
        # stands over some other letter of the line.
        before, after = _letters_beside(text, index, start, end)
        gap = glyphs.box(after)[0] - glyphs.box(before)[1]
        if gap <= _SIZE_GAP * size:
            continue  # a word space: most spaces end here, after two boxes
        before_size = glyphs.font_size(before) or 1.0
        after_size = glyphs.font_size(after)
        if gap > _WIDE_GAP * before_size or not (
            _SAME_SIZE[0] < after_size / before_size < _SAME_SIZE[1]
        ):
            spans.append((start, after))  # accents before ``after`` stand left of the gap
            start = after
    spans.append((start, end))
    return spans


def _cells(
    glyphs: _Glyphs, text: str, start: int, end: int, fragment: _Fragment
) -> tuple[Cell, ...]:
    """The pieces of a short span set a font size or more apart (table cells), or ``()``.

    Only short spans are looked at: justification stretches the spaces of
    long lines, a table row's cells are short.
    """
    cuts = []
    index = start
    while (index := text.find(" ", index + 1, end - 1)) != -1:
        if not glyphs.generated(index):
            continue
        before, after = _letters_beside(text, index, start, end)
        before_right = glyphs.box(before)[1]
        after_left = glyphs.box(after)[0]
        if after_left - before_right > _CELL_GAP * fragment.size:
            cuts.append((index, before_right, after_left))
    if not cuts:
        return ()
    pieces = []
    left = fragment.left
    position = start
    for index, before_right, after_left in cuts:
        pieces.append(Cell(_cell_text(text[position:index]), left, before_right))
        position, left = index + 1, after_left
    pieces.append(Cell(_cell_text(text[position:end]), left, fragment.right))
    joined = "".join(piece.text for piece in pieces).replace(" ", "")
    if joined != fragment.text.replace(" ", "").replace(_SOFT_HYPHEN, ""):
        return ()  # characters were mended: the pieces would not be the line's text
    return tuple(pieces)


def _cell_text(text: str) -> str:
    return text.replace("\x02", "").replace(NOTHING, "").replace(_LINE_END_HYPHEN, "-").strip()


def _letters_beside(text: str, index: int, start: int, end: int) -> tuple[int, int]:
    """The characters before and after the space at ``index`` that are no accent and no space."""
    before, after = index - 1, index + 1
    # Almost always the space's neighbours themselves: no call then (once per space).
    if text[before] in SPACING_ACCENTS or text[before].isspace():
        before = _skip_accents(text, before, -1, start)
    if text[after] in SPACING_ACCENTS or text[after].isspace():
        after = _skip_accents(text, after, 1, end - 1)
    return before, after


def _skip_accents(text: str, index: int, step: int, limit: int) -> int:
    """The first index from ``index`` on (by ``step``) holding no accent and no space."""
    while index != limit and (text[index] in SPACING_ACCENTS or text[index].isspace()):
        index += step
    return index


def _split_at_jumps(glyphs: _Glyphs, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start:end`` cut where the text jumps back or far ahead without a space.

    PDFium may run a margin note into the line beside it with no space between
    (``wär-Neueme…``, the note ``Neue`` in the margin). Such a span ends left
    of where it starts, or is wider than its characters can fill; only then
    is every character's box looked at.
    """
    if end - start < 2:
        return [(start, end)]
    size = glyphs.font_size(start)
    left = glyphs.box(_skip_accents(text, start, 1, end - 1))[0]
    right = glyphs.box(_skip_accents(text, end - 1, -1, start))[1]
    if left <= right <= left + _MAX_ADVANCE * size * (end - start) + _WIDE_GAP * size:
        return [(start, end)]
    spans = []
    previous_right = glyphs.box(start)[1]
    for index in range(start + 1, end):
        if text[index].isspace() or text[index] in SPACING_ACCENTS:
            continue
        box_left, box_right = glyphs.box(index)[:2]
        if text[index - 1] not in SPACING_ACCENTS and (
            box_left < previous_right - _JUMP_BACK * size
            or box_left > previous_right + _WIDE_GAP * size
        ):
            spans.append((start, index))
            start = index
        previous_right = box_right
    spans.append((start, end))
    return spans


def _fragment(glyphs: _Glyphs, text: str, start: int, end: int, height: float) -> _Fragment | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    letter = _LETTER.search(text, start, end)
    body = letter.start() if letter else start
    baseline = height - glyphs.baseline_y(body)
    size = glyphs.font_size(body)
    # A stray OT1 accent at either end stands over a letter elsewhere in the line.
    left = glyphs.box(_skip_accents(text, start, 1, end - 1))[0]
    right = glyphs.box(_skip_accents(text, end - 1, -1, start))[1]
    piece = mend_characters(text, start, end, glyphs.box)
    if not piece.text.strip(" \x02"):
        return None  # nothing but a soft hyphen
    digits = []
    for match in _DIGIT.finditer(piece.text):
        index = piece.sources[match.start()]
        digits.append((match.start(), glyphs.font_size(index), height - glyphs.baseline_y(index)))
    bold, italic = glyphs.font_style(body)
    low_quote = False
    if piece.text.endswith("”") and len(piece.text) > 1:
        low_quote = (height - glyphs.baseline_y(piece.sources[-1])) - baseline > _LOW_QUOTE * size
    return _Fragment(
        low_quote=low_quote,
        text=piece.text.replace("\x02", _SOFT_HYPHEN).replace(_LINE_END_HYPHEN, "-"),
        left=left,
        right=right,
        baseline=baseline,
        size=size,
        bold=bold,
        italic=italic,
        digits=digits,
    )


class _Glyphs:
    """A text page's glyph geometry, each character asked of PDFium at most once.

    The line splitters and the mender ask for the same characters' boxes and
    sizes (a line's ends, the letters beside a space, an accent's
    neighbours); one ctypes call per character keeps extraction cheap.
    """

    __slots__ = ("_boxes", "_doubles", "_flags", "_matrix", "_name", "_sizes", "raw", "textpage")

    def __init__(self, textpage, raw) -> None:
        # The bare handle: pypdfium2's wrapper would be unwrapped on every call.
        self.textpage = textpage.raw
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self.raw = raw
        self._doubles = tuple(ctypes.c_double() for _ in range(4))
        self._matrix = raw.FS_MATRIX()
        self._boxes: dict[int, tuple[float, float, float, float]] = {}
        self._sizes: dict[int, float] = {}

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of the character's glyph."""
        box = self._boxes.get(index)
        if box is None:
            left, right, bottom, top = self._doubles
            self.raw.FPDFText_GetCharBox(self.textpage, index, left, right, bottom, top)
            box = self._boxes[index] = (left.value, right.value, bottom.value, top.value)
        return box

    def font_size(self, index: int) -> float:
        """The size the character is printed at: its font size times the text matrix's scale.

        Distiller and InDesign set text in a 1-point font scaled by the text
        matrix, so the font size alone is 1.0 for every line of such a PDF.
        """
        size = self._sizes.get(index)
        if size is None:
            size = self._sizes[index] = self._font_size(index)
        return size

    def _font_size(self, index: int) -> float:
        matrix = self._matrix
        size = self.raw.FPDFText_GetFontSize(self.textpage, index)
        if not self.raw.FPDFText_GetMatrix(self.textpage, index, matrix):
            return size
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        return size * scale if scale > 0 else size

    def generated(self, index: int) -> bool:
        """Whether PDFium made the character up (a space over a gap), no glyph drawn."""
        return bool(self.raw.FPDFText_IsGenerated(self.textpage, index))

    def font_style(self, index: int) -> tuple[bool, bool]:
        """(bold, italic) of the character's font, by its weight, name and flags."""
        buffer = self._name
        buffer[0] = 0  # a name longer than the buffer is not written: read as none
        self._flags.value = 0  # nor are the flags of a character without a font
        length = self.raw.FPDFText_GetFontInfo(
            self.textpage, index, buffer, len(buffer), self._flags
        )
        name = buffer.value.lower() if length > 0 else b""
        weight = self.raw.FPDFText_GetFontWeight(self.textpage, index)
        bold = weight >= _BOLD_WEIGHT or b"bold" in name
        italic = bool(self._flags.value & _ITALIC_FLAG) or _ITALIC_NAME.search(name) is not None
        return bold, italic

    def baseline_y(self, index: int) -> float:
        """The y of the character's origin (PDF coordinates)."""
        x, y = self._doubles[0], self._doubles[1]
        self.raw.FPDFText_GetCharOrigin(self.textpage, index, x, y)
        return y.value


_LIST_MARKER = re.compile(r"[•◦▪▫‣■□●○►➢–—*-]|(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]")


def _attach_list_markers(fragments: list[_Fragment]) -> list[_Fragment]:
    """List bullets and numbers (``•``, ``2.``) put before the text they mark.

    Typesetters may draw a list's markers apart from its items (WeasyPrint
    draws them after the page's text); a fragment that is only a bullet or a
    label (``3.``, ``b)``) just left of text on its baseline is such a marker.
    """
    markers = [f for f in fragments if _LIST_MARKER.fullmatch(f.text)]
    if not markers:
        return fragments
    attached: set[int] = set()
    for marker in markers:
        items = [
            f
            for f in fragments
            if f is not marker
            and id(f) not in attached
            and not _LIST_MARKER.fullmatch(f.text)
            and abs(f.baseline - marker.baseline) < 0.2 * f.size
            and 0 <= f.left - marker.right <= 2.5 * f.size
        ]
        if not items:
            continue
        item = min(items, key=lambda f: f.left)
        shift = len(marker.text) + 1
        item.digits = marker.digits + [(o + shift, size, base) for o, size, base in item.digits]
        item.text = f"{marker.text} {item.text}"
        item.left = marker.left
        attached.add(id(marker))
    return [f for f in fragments if id(f) not in attached]


def _low_quotes(fragments: list[_Fragment]) -> list[_Fragment]:
    """A right double quote set below the baseline before text is the German ``„``.

    OT1 fonts have no ``„``: babel builds it from ``”`` lowered, which
    PDFium reads as ``”`` on a line of its own.
    """
    result: list[_Fragment] = []
    for index, fragment in enumerate(fragments):
        following = fragments[index + 1] if index + 1 < len(fragments) else None
        if fragment.low_quote and following is not None and following.left >= fragment.right:
            # ``(z.B. ”`` + ``. . . wird``: the quote opens the text after it.
            fragment.text = fragment.text[:-1].rstrip()
            following.text = "„" + following.text
            following.digits = [(o + 1, size, base) for o, size, base in following.digits]
        if (
            following is not None
            and fragment.text in ("”", "''")
            and fragment.baseline - following.baseline > _LOW_QUOTE * following.size
            and 0 <= following.left - fragment.right <= following.size
        ):
            following.text = "„" + following.text
            following.digits = [(o + 1, size, base) for o, size, base in following.digits]
            following.left = fragment.left
            continue
        result.append(fragment)
    return result


def _merge(fragments: list[_Fragment]) -> list[Line]:
    """Fragments on one baseline (a footnote call broke PDFium's line) as one line each.

    The first fragment of each line is extended in place (no copy: they are the page's own).
    """
    lines: list[Line] = []
    current: _Fragment | None = None
    for fragment in fragments:
        if current is not None and _continues(current, fragment):
            gap = fragment.left - current.right
            joiner = " " if gap > 0.15 * current.size else ""
            if current.text.endswith(_SOFT_HYPHEN):
                # Printed mid-line after all (text on its baseline follows): a hyphen.
                current.text = current.text[:-1] + "-"
            offset = len(current.text) + len(joiner)
            current.digits.extend((o + offset, s, b) for o, s, b in fragment.digits)
            current.text += joiner + fragment.text
            current.right = max(current.right, fragment.right)
            current.cells = ()
            continue
        if current is not None:
            lines.append(_line(current))
        current = fragment
    if current is not None:
        lines.append(_line(current))
    return lines


def _continues(line: _Fragment, fragment: _Fragment) -> bool:
    if fragment.apart:
        return False
    rise = line.baseline - fragment.baseline
    gap = fragment.left - line.right
    if not (
        -0.25 * line.size <= rise <= 0.6 * line.size and -0.5 * line.size <= gap <= 2 * line.size
    ):
        return False
    # Words in another size right beside a line are a note in the margin (a
    # footnote call, a digit, is merged: it has no letters of its own).
    other_size = (
        not _SAME_SIZE[0] < fragment.size / line.size < _SAME_SIZE[1] if line.size else False
    )
    return not (other_size and _letters(fragment.text) >= 3 and _letters(line.text) >= 3)


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _is_superscript(size: float, rise: float, line_size: float) -> bool:
    smaller = size < _SUPERSCRIPT_SIZE * line_size
    return rise > _SUPERSCRIPT_ONLY_RISE * line_size or (
        smaller and rise > _SUPERSCRIPT_RISE * line_size
    )


def _line(fragment: _Fragment) -> Line:
    """The fragment as a line, its superscript digits taken out as footnote calls."""
    raised = sorted(
        offset
        for offset, size, baseline in fragment.digits
        if _is_superscript(size, fragment.baseline - baseline, fragment.size)
    )
    if not raised:
        return Line(
            fragment.text,
            fragment.left,
            fragment.right,
            fragment.baseline,
            fragment.size,
            fragment.bold,
            cells=fragment.cells,
            italic=fragment.italic,
        )
    text = fragment.text
    pieces: list[str] = []
    markers: list[FootnoteRef] = []
    kept = 0
    position = 0
    run_start = None
    for index, offset in enumerate(raised):
        if run_start is None:
            run_start = offset
        if index + 1 < len(raised) and raised[index + 1] == offset + 1:
            continue
        pieces.append(text[kept:run_start])
        position += run_start - kept
        markers.append(FootnoteRef(position, text[run_start : offset + 1]))
        kept = offset + 1
        run_start = None
    pieces.append(text[kept:])
    return Line(
        "".join(pieces),
        fragment.left,
        fragment.right,
        fragment.baseline,
        fragment.size,
        fragment.bold,
        tuple(markers),
        fragment.cells,
        fragment.italic,
    )


def _outline(pdf) -> list[OutlineEntry]:
    entries = []
    for bookmark in pdf.get_toc():
        title = (bookmark.get_title() or "").strip()
        if not title:
            continue
        destination = bookmark.get_dest()
        index = destination.get_index() if destination is not None else None
        page = index + 1 if index is not None and index >= 0 else None
        entries.append(OutlineEntry(title, bookmark.level + 1, page))
    return entries


def _title(pdf) -> str | None:
    title = (pdf.get_metadata_value("Title") or "").strip()
    return title or None
