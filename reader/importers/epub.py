"""E-books (EPUB 2 and 3): the spine's documents in reading order, chapter by chapter.

Read with the standard library's :mod:`zipfile` and lxml rather than ebooklib
(AGPL-3.0, which an MIT project cannot ship, and which reads every member —
images included — into memory). What the importer does:

- ``META-INF/container.xml`` → the package document (OPF) → the spine;
- chapter titles from the EPUB 3 navigation document, else the NCX (EPUB 2):
  a chapter that does not open with its title gets it as a heading;
- footnote references (``epub:type="noteref"``, ``<sup><a href=…>``) become
  markers, the notes they point to (``<aside epub:type="footnote">``, an
  endnotes chapter) become footnote blocks where they stand; images, the
  navigation document and scripts are skipped;
- front and back matter (a Project Gutenberg header and licence, an imprint,
  a colophon: :mod:`.matter`) is kept as ``matter`` blocks;
- no ZIP bomb: what is decompressed is capped (:data:`MAX_DECOMPRESSED`), and
  a damaged archive, an encrypted (DRM) book or a missing part is one clear error.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree
from lxml.etree import _Element

from reader.document import Block, Document
from reader.errors import InputError
from reader.importers.markup import (
    BlockWalker,
    decode_markup,
    mark_notes,
    normalize_path,
    note_targets,
    parse_markup,
)
from reader.importers.matter import MatterFinder

MAX_DECOMPRESSED = 256 * 1024 * 1024
"""Bytes of text the importer decompresses at most (a big novel is 1–5 MB)."""

_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}
# Font obfuscation (IDPF, Adobe) lists fonts in encryption.xml; that is no DRM.
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


class EpubError(InputError):
    """The file is not a readable EPUB (damaged, encrypted, parts missing)."""


@dataclass(frozen=True, slots=True)
class _Item:
    path: str
    media_type: str
    properties: str


class _Archive:
    """The ZIP container, read member by member within a decompression budget."""

    def __init__(self, data: bytes, name: str, budget: int) -> None:
        self.name = name
        self._budget = budget
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
            raise EpubError(
                f"{name}: not a readable EPUB (the ZIP archive is damaged or truncated)"
            ) from None
        self.paths = set(self._zip.namelist())

    def read(self, path: str) -> bytes:
        if path not in self.paths:
            raise EpubError(f"{self.name}: damaged EPUB: {path} is missing")
        try:
            with self._zip.open(path) as member:
                data = member.read(self._budget + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
            raise EpubError(f"{self.name}: damaged EPUB: cannot read {path} ({error})") from None
        if len(data) > self._budget:
            raise EpubError(
                f"{self.name}: refusing to decompress more than "
                f"{MAX_DECOMPRESSED // (1024 * 1024)} MB of text (a ZIP bomb?)"
            )
        self._budget -= len(data)
        return data

    def xml(self, path: str) -> _Element:
        try:
            root = etree.fromstring(self.read(path), _XML_PARSER)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise EpubError(f"{self.name}: damaged EPUB: {path} is not XML")
        return root


def import_epub(
    data: bytes,
    name: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    max_decompressed: int = MAX_DECOMPRESSED,
) -> Document:
    """The text of an EPUB book, chapter by chapter; ``progress(done, chapters)``
    is called after each spine document."""
    archive = _Archive(data, name, max_decompressed)
    package, items, spine = _package(archive)
    titles = _chapter_titles(archive, package, items)
    pages = [(item.path, _page(archive, item.path)) for item in spine]
    targets: dict[tuple[str, str], str] = {}
    for path, tree in pages:
        for target, marker in note_targets(tree, path).items():
            targets.setdefault(target, marker)
    blocks: list[Block] = []
    chapters = {item.path for item in spine}
    matter = MatterFinder()
    for done, (path, tree) in enumerate(pages, start=1):
        if is_contents_page(tree, path, chapters, set(titles.values())):
            # The book's own table of contents: the reader shows the nav/NCX
            # titles as contents; as body it would be dozens of "sentences".
            if progress is not None:
                progress(done, len(pages))
            continue
        walker = BlockWalker(mark_notes(tree, targets, path), matter.find(tree))
        body = tree.find("body")
        walker.walk(body if body is not None else tree)
        blocks.extend(_with_title(walker.blocks, titles.get(path)))
        if progress is not None:
            progress(done, len(pages))
    if not blocks:
        raise EpubError(f"{name}: this EPUB has no text (only images?)")
    title = _metadata_title(package)
    return Document(name=name, format="epub", blocks=tuple(blocks), title=title)


def _package(archive: _Archive) -> tuple[_Element, dict[str | None, _Item], list[_Item]]:
    """The package document, its manifest by id and the spine's (X)HTML documents."""
    _refuse_drm(archive)
    package_path = _package_path(archive)
    package = archive.xml(package_path)
    base = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    items = {
        item.get("id"): _Item(
            normalize_path(base + _unquote(item.get("href", ""))),
            item.get("media-type", ""),
            item.get("properties", ""),
        )
        for item in _children(package, "manifest", "item")
    }
    spine = [
        items[ref.get("idref")]
        for ref in _children(package, "spine", "itemref")
        if ref.get("idref") in items and items[ref.get("idref")].media_type in _HTML_TYPES
    ]
    if not spine:
        raise EpubError(f"{archive.name}: damaged EPUB: the spine lists no chapters")
    return package, items, spine


_CONTENTS_SHARE = 0.8
"""At least this share of a page's lines are links to the book's chapters or
its nav/NCX titles: the page is a table of contents."""


def is_contents_page(tree: _Element, path: str, chapters: set[str], titles: set[str]) -> bool:
    """Whether a spine page is a table of contents: its lines are links to the
    book's own chapters, or the titles its navigation document lists."""
    body = tree.find("body")
    lines = [
        " ".join(line.split())
        for line in (body if body is not None else tree).itertext()
        if line.strip()
    ]
    if len(lines) < 3:
        return False
    base = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    linked = {
        " ".join(anchor.text_content().split())
        for anchor in tree.iter("a")
        if normalize_path(base + _unquote(anchor.get("href", ""))) in chapters - {path}
    }
    # Distinct entries with words: a notes page's back links (↩) are no entries.
    entries = [
        line
        for line in lines
        if (line in linked or line in titles) and sum(char.isalpha() for char in line) >= 2
    ]
    heading = 1  # "Inhalt" above the entries
    return len(set(entries)) >= 3 and len(entries) + heading >= _CONTENTS_SHARE * len(lines)


def _refuse_drm(archive: _Archive) -> None:
    if "META-INF/rights.xml" in archive.paths:
        raise EpubError(
            f"{archive.name}: this EPUB is DRM-protected (Adobe rights); cannot read it"
        )
    if "META-INF/encryption.xml" not in archive.paths:
        return
    encryption = archive.xml("META-INF/encryption.xml")
    for method in encryption.iter("{*}EncryptionMethod"):
        if method.get("Algorithm") not in _FONT_OBFUSCATION:
            raise EpubError(f"{archive.name}: this EPUB is encrypted (DRM); reader cannot read it")


def _package_path(archive: _Archive) -> str:
    if "META-INF/container.xml" not in archive.paths:
        raise EpubError(
            f"{archive.name}: not an EPUB (a ZIP archive without META-INF/container.xml)"
        )
    for rootfile in archive.xml("META-INF/container.xml").iter("{*}rootfile"):
        path = rootfile.get("full-path")
        if path:
            return normalize_path(_unquote(path))
    raise EpubError(f"{archive.name}: damaged EPUB: container.xml names no package document")


def _children(package: _Element, section: str, tag: str) -> list[_Element]:
    return package.findall(f"{{*}}{section}/{{*}}{tag}")


def _unquote(href: str) -> str:
    """The archive path in an ``href``: no fragment, percent-escapes decoded."""
    return unquote(href.split("#", 1)[0])


def _page(archive: _Archive, path: str) -> _Element:
    text, _ = decode_markup(archive.read(path), f"{archive.name}:{path}")
    return parse_markup(text, f"{archive.name}:{path}")


def _chapter_titles(
    archive: _Archive, package: _Element, items: dict[str | None, _Item]
) -> dict[str, str]:
    """Spine document path → its title in the navigation document or NCX."""
    titles: dict[str, str] = {}
    nav = next((item for item in items.values() if "nav" in item.properties.split()), None)
    if nav is not None and nav.path in archive.paths:
        tree = _page(archive, nav.path)
        for element in tree.iter("nav"):
            kind = element.get("epub:type") or element.get("{http://www.idpf.org/2007/ops}type")
            if kind and "toc" not in kind.split():
                continue
            for anchor in element.iter("a"):
                _add_title(titles, nav.path, anchor.get("href", ""), anchor.text_content())
            if titles:
                return titles
    spine = package.find("{*}spine")
    ncx = items.get(spine.get("toc")) if spine is not None else None
    if ncx is None:
        ncx = next(
            (item for item in items.values() if item.media_type == "application/x-dtbncx+xml"),
            None,
        )
    if ncx is not None and ncx.path in archive.paths:
        for point in archive.xml(ncx.path).iter("{*}navPoint"):
            label = point.find("{*}navLabel/{*}text")
            content = point.find("{*}content")
            if label is not None and content is not None:
                _add_title(titles, ncx.path, content.get("src", ""), label.text or "")
    return titles


def _add_title(titles: dict[str, str], base_path: str, href: str, label: str) -> None:
    label = " ".join(label.split())
    if not label or not href:
        return
    base = base_path.rsplit("/", 1)[0] + "/" if "/" in base_path else ""
    titles.setdefault(normalize_path(base + _unquote(href)), label)


def _with_title(blocks: list[Block], title: str | None) -> list[Block]:
    """The chapter's blocks, opened by its title unless a heading near the start
    says it; front matter (a Gutenberg header) stays before the title, and a page
    of matter only gets none (its title is the matter's own heading)."""
    lead = next((number for number, block in enumerate(blocks) if block.kind != "matter"), None)
    if not title or lead is None:
        return blocks
    wanted = title.casefold()
    for block in blocks[lead : lead + 3]:
        if block.kind == "heading" and (
            block.text.casefold() in wanted or wanted in block.text.casefold()
        ):
            return blocks
    return [*blocks[:lead], Block("heading", title, level=1), *blocks[lead:]]


def _metadata_title(package: _Element) -> str | None:
    element = package.find("{*}metadata/{http://purl.org/dc/elements/1.1/}title")
    if element is None or not (element.text or "").strip():
        return None
    return " ".join(element.text.split())


@dataclass(frozen=True, slots=True)
class EpubImage:
    """An image the book shows (for exports that carry images over)."""

    path: str
    """Its path in the archive."""
    media_type: str
    data: bytes
    alt: str
    after: str | None
    """The text of the last block before it in reading order (``None``: no text yet)."""


_TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "tr"}


def epub_images(
    data: bytes, name: str, *, max_decompressed: int = MAX_DECOMPRESSED
) -> list[EpubImage]:
    """The ``<img>`` images of the spine's documents, in reading order, each once.

    The text import skips images; an EPUB export reads them from here.
    """
    archive = _Archive(data, name, max_decompressed)
    _, items, spine = _package(archive)
    media_types = {item.path: item.media_type for item in items.values()}
    images: dict[str, EpubImage] = {}
    after: str | None = None
    for item in spine:
        if "nav" in item.properties.split():
            continue  # the table of contents: its text is not the book's
        folder = item.path.rsplit("/", 1)[0] + "/" if "/" in item.path else ""
        for element in _page(archive, item.path).iter():
            if not isinstance(element.tag, str):
                continue  # comments, processing instructions
            tag = etree.QName(element).localname
            if tag in _TEXT_BLOCKS:
                text = " ".join("".join(element.itertext()).split())
                after = text or after
            elif tag == "img":
                path = normalize_path(folder + _unquote(element.get("src", "")))
                if path in media_types and path not in images:
                    images[path] = EpubImage(
                        path, media_types[path], archive.read(path), element.get("alt", ""), after
                    )
    return list(images.values())
