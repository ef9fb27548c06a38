"""The EPUB export: an EPUB 3 book that EPUB 2 readers open too (nav document
and NCX), written with :mod:`zipfile` and string templates (ebooklib is AGPL).

Chapters follow the source: a new chapter file at each heading of the
document's top heading level (one file when it has none), then the glossary.
A title page holds the header (source, model, date). Footnotes are
``epub:type="noteref"`` links to ``footnote`` asides that link back; an EPUB
source's images are carried over, each after the paragraph it followed in
the source (those before any text, such as a cover, on the title page).

The identifier is a UUID made from the document's German text and the
model, so exporting the same book again gives the same identifier (a reader
replaces the old copy instead of showing two).
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from reader.views.export.document import ExportDocument, Layout, TranslatedParagraph
from reader.views.export.xhtml import (
    GLOSSARY_ID,
    BodyWriter,
    Dialect,
    attribute,
    heading_id,
    heading_text,
    note_id,
    reference_id,
    text,
)

CONTENT = "OEBPS"
TITLE_FILE = "title.xhtml"
GLOSSARY_FILE = "glossary.xhtml"
STYLE_FILE = "style.css"
# The media types EPUB 3 readers must support (core media types).
_IMAGE_TYPES = {
    "image/gif": ".gif",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/svg+xml": ".svg",
    "image/webp": ".webp",
}
_NAMESPACE = uuid.UUID("9b5c1a9e-6d0f-4a55-9a3c-2f1f3e0c7d21")

# German and English told apart without colour: the English in italics,
# indented behind a rule; notes smaller; headings keep the English below.
_CSS = """body { margin: 0 0.5em; line-height: 1.45; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; page-break-after: avoid; }
h2 .en, h3 .en, h4 .en, h5 .en, h6 .en { display: block; font-size: 0.8em;
  font-style: italic; font-weight: normal; }
.pair { margin: 0 0 1em 0; }
.pair p { margin: 0; text-indent: 0; }
.pair p.en { font-style: italic; margin: 0.3em 0 0 1em; padding-left: 0.5em;
  border-left: 1px solid; }
p.en { margin: 0 0 0.8em 0; }
aside.note { font-size: 0.9em; margin: 1em 0; border-top: 1px solid; padding-top: 0.3em; }
a.back { text-decoration: none; }
a.term { text-decoration: none; }
abbr { text-decoration: none; border-bottom: 1px dotted; }
dl.header dt, section.glossary dt { font-weight: bold; margin-top: 0.4em; }
dl.header dd, section.glossary dd { margin-left: 1em; }
div.figure { text-align: center; margin: 1em 0; }
div.figure img { max-width: 100%; }
pre { white-space: pre-wrap; font-size: 0.85em; }
"""


@dataclass(frozen=True, slots=True)
class _Image:
    name: str
    """Its path in the new book, under OEBPS/."""
    media_type: str
    data: bytes
    alt: str


@dataclass
class _Chapter:
    file: str
    paragraphs: list[TranslatedParagraph] = field(default_factory=list)
    images: dict[int, list[_Image]] = field(default_factory=dict)
    """Paragraph index → the images that follow it."""

    @property
    def title_paragraph(self) -> TranslatedParagraph | None:
        first = self.paragraphs[0] if self.paragraphs else None
        return first if first is not None and first.kind == "heading" else None


def render_epub(document: ExportDocument, layout: Layout) -> bytes:
    """The book as the bytes of an ``.epub`` file."""
    chapters = _chapters(document.paragraphs)
    opening, images = _place_images(document, chapters)
    files = _locations(document, chapters)
    writer = BodyWriter(
        document,
        layout,
        Dialect(epub=True, words=False, href=lambda target: f"{files[target]}#{target}"),
    )
    languages = ("en",) if layout is Layout.ENGLISH else ("de", "en")
    pages = [(TITLE_FILE, document.title, _title_page(document, writer, opening))]
    for chapter in chapters:
        title = chapter.title_paragraph
        name = heading_text(title, layout) if title is not None else document.title
        pages.append((chapter.file, name, "\n".join(_chapter_body(writer, chapter))))
    glossary = writer.glossary()
    if glossary:
        pages.append((GLOSSARY_FILE, "Glossary", glossary))
    identifier = _identifier(document)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        # The mimetype first and uncompressed: how readers recognise an EPUB.
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        _add(book, "META-INF/container.xml", _CONTAINER)
        _add(book, f"{CONTENT}/{STYLE_FILE}", _CSS)
        for name, title, body in pages:
            _add(book, f"{CONTENT}/{name}", _page(title, body, languages[0]))
        _add(book, f"{CONTENT}/nav.xhtml", _nav(pages, languages[0]))
        _add(book, f"{CONTENT}/toc.ncx", _ncx(pages, identifier, document.title))
        for image in images:
            book.writestr(f"{CONTENT}/{image.name}", image.data, zipfile.ZIP_STORED)
        _add(
            book,
            f"{CONTENT}/content.opf",
            _package(document, identifier, languages, [name for name, _, _ in pages], images),
        )
    return buffer.getvalue()


def _add(book: zipfile.ZipFile, name: str, content: str) -> None:
    book.writestr(name, content, zipfile.ZIP_DEFLATED)


def _chapters(paragraphs: Sequence[TranslatedParagraph]) -> list[_Chapter]:
    """A new chapter at each heading of the top level, unless the chapter so far is empty."""
    levels = [paragraph.level for paragraph in paragraphs if paragraph.kind == "heading"]
    top = min(levels, default=0)
    chapters = [_Chapter("chapter-1.xhtml")]
    for paragraph in paragraphs:
        opens = paragraph.kind == "heading" and paragraph.level == top
        if opens and chapters[-1].paragraphs:
            chapters.append(_Chapter(f"chapter-{len(chapters) + 1}.xhtml"))
        chapters[-1].paragraphs.append(paragraph)
    return chapters


def _locations(document: ExportDocument, chapters: Sequence[_Chapter]) -> dict[str, str]:
    """Element id → the file it is in, for every id a link can point to."""
    files = {note.anchor: GLOSSARY_FILE for note in document.glossary}
    files[GLOSSARY_ID] = GLOSSARY_FILE
    for chapter in chapters:
        for paragraph in chapter.paragraphs:
            files[heading_id(paragraph)] = chapter.file
            if paragraph.note_label:
                files[note_id(paragraph.note_label)] = chapter.file
            for sentence in paragraph.sentences:
                for label in sentence.note_labels:
                    if label is not None:
                        files.setdefault(reference_id(label), chapter.file)
    return files


def _place_images(
    document: ExportDocument, chapters: Sequence[_Chapter]
) -> tuple[list[_Image], list[_Image]]:
    """Put an EPUB source's images after the paragraph each followed; return
    those that come before any text (for the title page) and all of them."""
    if document.source_format != "epub" or not Path(document.source_name).is_file():
        return [], []
    from reader.importers.epub import epub_images

    source = Path(document.source_name)
    found = [
        image
        for image in epub_images(source.read_bytes(), str(source))
        if image.media_type in _IMAGE_TYPES
    ]
    images: list[_Image] = []
    opening: list[_Image] = []
    positions = [(chapter, paragraph) for chapter in chapters for paragraph in chapter.paragraphs]
    cursor = 0
    for number, image in enumerate(found, start=1):
        carried = _Image(
            f"images/image-{number}{_IMAGE_TYPES[image.media_type]}",
            image.media_type,
            image.data,
            image.alt,
        )
        images.append(carried)
        key = _squeeze(image.after or "")[:32]
        place = next(
            (
                index
                for index in range(cursor, len(positions))
                if key and _follows(key, _squeeze(_german(positions[index][1])))
            ),
            None,
        )
        if place is None:
            opening.append(carried)
            continue
        cursor = place
        chapter, paragraph = positions[place]
        chapter.images.setdefault(paragraph.index, []).append(carried)
    return opening, images


def _follows(key: str, paragraph: str) -> bool:
    """Whether the image's preceding text (its first characters, ``key``) is
    this paragraph's: the segmenter may have repaired it, or the importer kept
    only part of it (a table row's first cell)."""
    return key in paragraph or (bool(paragraph) and key.startswith(paragraph))


def _squeeze(value: str) -> str:
    return "".join(value.split()).casefold()


def _german(paragraph: TranslatedParagraph) -> str:
    return " ".join(item.sentence.text for item in paragraph.sentences)


def _chapter_body(writer: BodyWriter, chapter: _Chapter) -> Iterator[str]:
    # Rendered a paragraph run at a time so an image can follow its paragraph.
    start = 0
    for position, paragraph in enumerate(chapter.paragraphs):
        if paragraph.index in chapter.images:
            yield from writer.blocks(chapter.paragraphs[start : position + 1])
            yield from (_figure(image) for image in chapter.images[paragraph.index])
            start = position + 1
    yield from writer.blocks(chapter.paragraphs[start:])


def _figure(image: _Image) -> str:
    return f'<div class="figure"><img src="{image.name}" alt="{attribute(image.alt)}"/></div>'


def _title_page(document: ExportDocument, writer: BodyWriter, images: Sequence[_Image]) -> str:
    figures = "".join(_figure(image) for image in images)
    return f"<h1>{text(document.title)}</h1>\n{writer.header()}\n{figures}"


def _identifier(document: ExportDocument) -> str:
    digest = hashlib.sha256(document.model.encode())
    for item in document.sentences():
        digest.update(b"\0" + item.sentence.text.encode())
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, digest.hexdigest())}"


_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>
"""


def _page(title: str, body: str, language: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{language}" xml:lang="{language}">\n<head><meta charset="utf-8"/>'
        f'<title>{text(title)}</title><link rel="stylesheet" type="text/css" '
        f'href="{STYLE_FILE}"/></head>\n<body>\n{body}\n</body>\n</html>\n'
    )


def _nav(pages: Sequence[tuple[str, str, str]], language: str) -> str:
    items = "".join(f'<li><a href="{name}">{text(title)}</a></li>' for name, title, _ in pages)
    heading = '<h1 lang="en" xml:lang="en">Contents</h1>'
    body = f'<nav epub:type="toc" id="toc">{heading}<ol>{items}</ol></nav>'
    return _page("Contents", body, language)


def _ncx(pages: Sequence[tuple[str, str, str]], identifier: str, title: str) -> str:
    points = "".join(
        f'<navPoint id="nav-{order}" playOrder="{order}"><navLabel><text>{text(name)}</text>'
        f'</navLabel><content src="{file}"/></navPoint>'
        for order, (file, name, _) in enumerate(pages, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        f'<head><meta name="dtb:uid" content="{attribute(identifier)}"/>'
        '<meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" content="0"/>'
        '<meta name="dtb:maxPageNumber" content="0"/></head>\n'
        f"<docTitle><text>{text(title)}</text></docTitle>\n<navMap>{points}</navMap>\n</ncx>\n"
    )


def _package(
    document: ExportDocument,
    identifier: str,
    languages: Sequence[str],
    pages: Sequence[str],
    images: Sequence[_Image],
) -> str:
    created = document.created
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    modified = f"{created.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
    page_ids = {name: re.sub(r"[^A-Za-z0-9]", "-", name.removesuffix(".xhtml")) for name in pages}
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
        f'<item id="style" href="{STYLE_FILE}" media-type="text/css"/>',
        *(
            f'<item id="{page_ids[name]}" href="{name}" media-type="application/xhtml+xml"/>'
            for name in pages
        ),
        *(
            f'<item id="image-{number}" href="{image.name}" media-type="{image.media_type}"/>'
            for number, image in enumerate(images, start=1)
        ),
    ]
    spine = "".join(f'<itemref idref="{page_ids[name]}"/>' for name in pages)
    language_elements = "".join(f"<dc:language>{code}</dc:language>" for code in languages)
    source = "standard input" if document.source_name == "-" else Path(document.source_name).name
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" '
        'xml:lang="en">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="uid">{text(identifier)}</dc:identifier>\n'
        f"<dc:title>{text(document.title)}</dc:title>\n{language_elements}\n"
        f"<dc:source>{text(source)}</dc:source>\n"
        f'<dc:contributor id="translator">{text(document.model)}</dc:contributor>\n'
        '<meta refines="#translator" property="role" scheme="marc:relators">trl</meta>\n'
        "<dc:description>German text with an English machine translation "
        "(reader translate).</dc:description>\n"
        f'<meta property="dcterms:modified">{modified}</meta>\n</metadata>\n'
        f"<manifest>\n{chr(10).join(manifest)}\n</manifest>\n"
        f'<spine toc="ncx">{spine}</spine>\n</package>\n'
    )
