"""HTML and XHTML to document blocks: shared by the HTML and EPUB importers.

Three steps, each a function here:

- :func:`decode_markup` decodes the bytes with the charset the file declares
  (BOM, ``<meta charset>``, the XML declaration), as a browser would;
- :func:`mark_notes` finds footnote references (``<sup><a href="#fn1">``,
  ``epub:type="noteref"``, ``role="doc-noteref"``) and the notes they point to:
  each reference is replaced by a marker in the text (private-use characters
  that survive any extractor), each note becomes a :class:`Note`;
- :class:`BlockWalker` turns an element tree into blocks: ``h1``–``h6`` are
  headings, ``li`` list items, ``blockquote`` quotes, ``pre`` code, every other
  run of text a paragraph; images, scripts, forms and ``nav`` are skipped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from reader.document import Block, BlockKind, FootnoteRef
from reader.errors import InputError
from reader.source import decode

NOTE_OPEN, NOTE_CLOSE = "\ue000", "\ue001"
"""A footnote reference inside text: ``NOTE_OPEN + marker + NOTE_CLOSE``."""

_NOTE_IN_TEXT = re.compile(f"{NOTE_OPEN}([^{NOTE_CLOSE}]*){NOTE_CLOSE}")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# WHATWG: these labels mean windows-1252 in every browser.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}
_NOTE_LABEL = re.compile(
    r"^[\[(]?\s*([0-9]{1,4}|[*†‡§¶]{1,3}|[a-z]|[ivxlc]{1,6})\s*[\])]?\.?$", re.IGNORECASE
)
_SUPERSCRIPT = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
_AFTER_PUNCTUATION = set(".,;:!?“”\"'’)»«")
_NOTE_HINT = re.compile(r"fn|note|anm|fussnote|fußnote|endnote", re.IGNORECASE)
_BACKLINK_TEXT = {"↩", "↩︎", "↑", "^", "⤴", "zurück", "back"}
_NOTE_TYPES = {"footnote", "endnote", "rearnote", "note"}

_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "img",
        "svg",
        "picture",
        "video",
        "audio",
        "iframe",
        "object",
        "embed",
        "button",
        "form",
        "input",
        "select",
        "textarea",
        "label",
        "canvas",
        "map",
        "area",
        "source",
        "track",
    ]
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_CONTEXT: dict[str, BlockKind] = {"li": "list_item", "dd": "list_item", "blockquote": "quote"}
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "body",
        "html",
        "header",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "blockquote",
        "pre",
        "hr",
        "address",
        "center",
        "details",
        "summary",
        "hgroup",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)


def decode_markup(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of an HTML/XHTML file and a warning if its charset was guessed.

    A BOM wins; then bytes that are valid UTF-8 with non-ASCII text are UTF-8
    whatever the page declares (a page saved as UTF-8 keeps its stale
    ``<meta charset=iso-8859-1>``, and Latin-1 text is practically never valid
    UTF-8); then the declared charset (``<meta charset>``, the XML
    declaration); without one, UTF-8, else cp1252 with a warning.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), None
    if not data.isascii():
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        label = (declared.group(1) or declared.group(2)).decode("ascii").lower()
        label = "cp1252" if label in _WINDOWS_1252 else label
        try:
            codecs.lookup(label)
        except LookupError:
            pass
        else:
            try:
                return data.decode(label), None
            except UnicodeDecodeError as error:
                warning = (
                    f"{name}: not valid {label} as declared (offset {error.start}); "
                    "undecodable bytes replaced"
                )
                return data.decode(label, errors="replace"), warning
    source = decode(data, name)
    return source.text, source.warning


def parse_markup(text: str, name: str) -> _Element:
    """An lxml HTML tree of ``text`` (XHTML too: ``epub:type`` stays an attribute).

    Comments and processing instructions are left out by the parser, which
    keeps the text after them: trafilatura drops a comment node together with
    its tail, so a paragraph that follows a ``<!-- … -->`` (CMS markers such as
    ``<!-- s9ymdb:1366 -->``) was lost from the article."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError) as error:
        raise InputError(f"{name}: cannot parse the HTML ({error})") from None


def local_name(element: _Element) -> str:
    """The tag without namespace or prefix, lower case (``''`` for comments)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def element_types(element: _Element) -> set[str]:
    """The element's ``epub:type`` tokens and its DPUB-ARIA role (``doc-`` dropped)."""
    value = element.get("epub:type") or element.get("{http://www.idpf.org/2007/ops}type") or ""
    role = (element.get("role") or "").removeprefix("doc-")
    return {*value.split(), role} - {""}


@dataclass
class Note:
    """A footnote or endnote found in a page."""

    element: _Element
    marker: str


@dataclass
class NoteIndex:
    """References marked in the text, and the notes found, by element."""

    notes: dict[_Element, Note] = field(default_factory=dict)
    reference_ids: set[str] = field(default_factory=set)
    """Ids of the reference elements (a note's back link points to one)."""


def note_targets(tree: _Element, document: str = "") -> dict[tuple[str, str], str]:
    """``(document, id)`` → marker for every footnote reference in ``tree``.

    ``document`` is the path of the page the tree came from (EPUB); a
    reference's ``href`` is resolved against it.
    """
    targets: dict[tuple[str, str], str] = {}
    for anchor in tree.iter("a"):
        label = _reference_label(anchor)
        if label is None:
            continue
        targets.setdefault(_resolve(anchor.get("href", ""), document), label)
    return targets


def mark_notes(
    tree: _Element, targets: dict[tuple[str, str], str], document: str = ""
) -> NoteIndex:
    """Replace each footnote reference in ``tree`` by a marker in the text and
    find the notes: elements that ``targets`` point to, and footnote asides."""
    index = NoteIndex()
    for element in list(tree.iter()):
        identifier = element.get("id")
        if identifier is None or not isinstance(element.tag, str):
            continue
        marker = targets.get((document, identifier))
        if marker is not None and local_name(element) not in ("a", "sup", "span"):
            index.notes[element] = Note(element, marker)
    for element in list(tree.iter()):
        if element in index.notes or not isinstance(element.tag, str):
            continue
        if (
            element_types(element) & _NOTE_TYPES
            and local_name(element) not in ("a", "sup", "span")
            and not any(ancestor in index.notes for ancestor in element.iterancestors())
        ):
            index.notes[element] = Note(element, _leading_label(element) or "*")
    for anchor in list(tree.iter("a")):
        label = _reference_label(anchor)
        if label is None or any(ancestor in index.notes for ancestor in anchor.iterancestors()):
            continue
        holder = anchor
        parent = anchor.getparent()
        if parent is not None and local_name(parent) == "sup" and len(parent) == 1:
            holder = parent  # <sup><a>1</a></sup>: the whole superscript is the reference
        for element in (holder, anchor):
            if element.get("id"):
                index.reference_ids.add(element.get("id"))
        _replace_with_text(holder, f"{NOTE_OPEN}{label}{NOTE_CLOSE}")
    for sup in list(tree.iter("sup")):
        label = _bare_reference_label(sup)
        if label is not None:
            _replace_with_text(sup, f"{NOTE_OPEN}{label}{NOTE_CLOSE}")
    for note in index.notes.values():
        _remove_back_links(note, index.reference_ids)
    return index


def superscripts_as_text(tree: _Element) -> None:
    """Write each remaining plain superscript (``km<sup>2</sup>``, no note
    reference) as Unicode superscript text, as :class:`BlockWalker` shows it.

    For an extractor run without formatting: it drops the ``<sup>`` tag and
    would leave ``km2``."""
    for sup in list(tree.iter("sup")):
        if not len(sup):
            _replace_with_text(sup, (sup.text or "").translate(_SUPERSCRIPT))


def _bare_reference_label(sup: _Element) -> str | None:
    """The label of a footnote reference without a link: ``Text.<sup>3</sup>``.

    Only right after punctuation: ``km<sup>2</sup>`` is a unit, not a note.
    """
    if len(sup) or any(local_name(a) == "sup" for a in sup.iterancestors()):
        return None
    found = _NOTE_LABEL.match((sup.text or "").strip())
    if found is None or (not found.group(1).isdigit() and found.group(1) not in "*†‡"):
        return None
    previous = sup.getprevious()
    before = (previous.tail if previous is not None else sup.getparent().text) or ""
    if previous is not None and not before:
        before = previous.text_content()
    return found.group(1) if before.rstrip()[-1:] in _AFTER_PUNCTUATION else None


def _reference_label(anchor: _Element) -> str | None:
    """The note label if ``anchor`` is a footnote reference, else ``None``."""
    href = anchor.get("href") or ""
    if "#" not in href:
        return None
    text = anchor.text_content().strip()
    found = _NOTE_LABEL.match(text)
    if found is None:
        return None
    parent = anchor.getparent()
    in_sup = parent is not None and local_name(parent) == "sup"
    in_sup = in_sup or anchor.find(".//sup") is not None
    declared = "noteref" in element_types(anchor)
    hinted = bool(_NOTE_HINT.search(href.split("#", 1)[1] + " " + (anchor.get("class") or "")))
    if declared or in_sup or (hinted and "back" not in (anchor.get("class") or "")):
        return found.group(1)
    return None


def _resolve(href: str, document: str) -> tuple[str, str]:
    path, fragment = urldefrag(href)
    if not path:
        return document, unquote(fragment)
    base = document.rsplit("/", 1)[0] + "/" if "/" in document else ""
    return normalize_path(base + unquote(path)), unquote(fragment)


def normalize_path(path: str) -> str:
    """``OEBPS/text/../a.xhtml`` → ``OEBPS/a.xhtml`` (ZIP paths are POSIX-like)."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _leading_label(element: _Element) -> str | None:
    first = element.text_content().strip().split(maxsplit=1)
    found = _NOTE_LABEL.match(first[0]) if first else None
    return found.group(1) if found else None


def _remove_back_links(note: Note, reference_ids: set[str]) -> None:
    """Drop the links from a note back to its reference (``↩``, a leading ``1``)."""
    for anchor in list(note.element.iter("a")):
        _, fragment = urldefrag(anchor.get("href") or "")
        text = anchor.text_content().strip()
        back = (
            fragment in reference_ids
            or "backlink" in element_types(anchor)
            or "back" in (anchor.get("class") or "")
            or text.lower() in _BACKLINK_TEXT
        )
        if back:
            _replace_with_text(anchor, "")


def _replace_with_text(element: _Element, text: str) -> None:
    """Remove ``element`` from the tree, leaving ``text`` (and its tail) in its place."""
    parent = element.getparent()
    if parent is None:
        return
    joined = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def remove_element(element: _Element) -> None:
    """Remove ``element`` but keep the text that follows it."""
    _replace_with_text(element, "")


class _Inline:
    """Text collected for one block: whitespace collapsed, note markers taken out."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.space = False
        self.refs: list[FootnoteRef] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        position = 0
        for found in _NOTE_IN_TEXT.finditer(text):
            self._add_words(text[position : found.start()])
            if found.group(1):
                self.refs.append(FootnoteRef(self.length, found.group(1)))
            position = found.end()
        self._add_words(text[position:])

    def _add_words(self, text: str) -> None:
        words = text.translate(_INVISIBLE).split()
        if not words:
            self.space = self.space or bool(text)
            return
        self.space = self.space or text[0].isspace()
        for word in words:
            if self.space and self.length:
                self.parts.append(" ")
                self.length += 1
            self.parts.append(word)
            self.length += len(word)
            self.space = True
        self.space = text[-1].isspace()

    def take(self) -> tuple[str, tuple[FootnoteRef, ...]]:
        text, refs = "".join(self.parts), tuple(self.refs)
        self.__init__()
        return text, refs


class BlockWalker:
    """Collects the blocks of element trees, in document order."""

    def __init__(self, notes: NoteIndex | None = None, matter: set[_Element] | None = None) -> None:
        self.blocks: list[Block] = []
        self._notes = notes.notes if notes else {}
        self._matter = matter or set()
        """Elements whose blocks are front or back matter (:mod:`.matter`)."""

    def walk(self, element: _Element, kind: BlockKind = "paragraph") -> None:
        """Add the blocks of ``element`` (loose text in it becomes ``kind`` blocks)."""
        start = len(self.blocks)
        self._walk(element, kind)
        self._mark_matter(element, start)

    def _mark_matter(self, element: _Element, start: int) -> None:
        """The blocks from ``start`` on are matter if ``element`` is; a note
        stays a note, and its reference stays with the matter's text."""
        if element in self._matter:
            self.blocks[start:] = [
                block
                if block.kind in ("footnote", "matter")
                else Block("matter", block.text, footnotes=block.footnotes, page=block.page)
                for block in self.blocks[start:]
            ]

    def _walk(self, element: _Element, kind: BlockKind) -> None:
        buffer = _Inline()
        buffer.add(element.text)
        for child in element:
            tag = local_name(child)
            if child in self._notes:
                self._flush(buffer, kind)
                self.add_note(self._notes[child])
            elif tag in _SKIPPED or not tag:
                pass
            elif tag in _BLOCK_TAGS:
                self._flush(buffer, kind)
                self._block(child, tag, kind)
            elif tag == "br":
                buffer.add(" ")
            else:
                self._inline(child, buffer)
            buffer.add(child.tail)
        self._flush(buffer, kind)

    def _block(self, element: _Element, tag: str, kind: BlockKind) -> None:
        start = len(self.blocks)
        if tag in _HEADINGS:
            buffer = _Inline()
            self._inline(element, buffer)
            self._flush(buffer, "heading", _HEADINGS[tag])
        elif tag == "pre":
            text = element.text_content().strip("\n")
            if text.strip():
                self.blocks.append(Block("code", text))
        elif tag != "hr":
            self.walk(element, _CONTEXT.get(tag, kind))
        self._mark_matter(element, start)

    def _inline(self, element: _Element, buffer: _Inline) -> None:
        if local_name(element) == "sup" and not len(element):
            # A superscript that is no note reference (km², 10³) keeps its look.
            buffer.add((element.text or "").translate(_SUPERSCRIPT))
            return
        buffer.add(element.text)
        for child in element:
            tag = local_name(child)
            if tag == "br":
                buffer.add(" ")
            elif tag and tag not in _SKIPPED:
                self._inline(child, buffer)
            buffer.add(child.tail)

    def add_note(self, note: Note) -> None:
        """Add ``note`` as one footnote block (its paragraphs joined)."""
        inner = BlockWalker()
        inner.walk(note.element)
        text = " ".join(block.text for block in inner.blocks if block.kind != "code")
        label = _NOTE_LABEL.match(text.split(maxsplit=1)[0]) if text else None
        if label is not None and label.group(1) == note.marker:
            text = text.split(maxsplit=1)[1] if " " in text else ""
        if text:
            self.blocks.append(Block("footnote", text, marker=note.marker))

    def _flush(self, buffer: _Inline, kind: BlockKind, level: int = 0) -> None:
        text, refs = buffer.take()
        if text:
            self.blocks.append(Block(kind, text, level=level, footnotes=refs))
