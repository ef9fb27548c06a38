# ruff: noqa: E501 - producers' boilerplate is written out as they print it
"""Build real public-domain German EPUBs from ELTeC-deu TEI, laid out as real producers do.

    python scripts/build_real_epubs.py ELTEC OUT_DIR

``ELTEC`` is a checkout of github.com/COST-ELTeC/ELTeC-deu (or its git
directory: files are then read with ``git show HEAD:…``). The novels are in
the public domain; ELTeC's markup is CC BY 4.0, so the books are built here,
not committed: the gold in tests/fixtures/documents/books/ was written from
the TEI before the importer was tuned on any of them. Each layout copies a
real producer's:

- ``grete-minde.epub`` — EPUB 2, NCX only (calibre conversion): split files
  ``index_split_NNN.html``, a cover page, ``<h2>``/``<h3>`` chapter titles;
- ``mathilde-moehring.epub`` — EPUB 3 as Project Gutenberg's ebookmaker lays
  it out: ``<section class="pg-boilerplate pgheader" id="pg-header">`` in the
  first file, a contents page (links to the chapters) in the spine, chapter
  files, ``pg-footer`` with the licence in the last;
- ``unterm-birnbaum.epub`` — EPUB 3 as Standard Ebooks lays it out: title
  page, ``epub:type="frontmatter imprint"``, one file per chapter,
  ``backmatter colophon`` and ``backmatter copyright-page``;
- ``am-jenseits.epub`` — EPUB 3, chapters 1–3 of Karl May's *Am Jenseits*
  with its footnotes as ``<aside epub:type="footnote">`` after each chapter;
- ``regulatoren.epub`` — EPUB 2, chapters 1–12 of Gerstäcker's *Die
  Regulatoren in Arkansas*, notes as endnotes in ``notes.html`` (calibre's
  ``<sup><a href=…>`` references and back links), an imprint page with the
  TextGrid identifier and the bibliographic note;
- ``unterm-birnbaum.html`` — Project Gutenberg's one-page HTML edition of the
  same novel (pg-header, an in-page contents table, pg-footer).

Tuning set: grete-minde, mathilde-moehring, am-jenseits; reporting set:
unterm-birnbaum, regulatoren (never tuned on).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from lxml import etree

# The zip layout, the container file and the cover image are build_epub.py's.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_epub import PNG, zip_epub

_TEI = "{http://www.tei-c.org/ns/1.0}"
_MODIFIED = "2026-01-01T00:00:00Z"


# -- TEI ------------------------------------------------------------------------


@dataclass
class TeiChapter:
    titles: list[str]
    paragraphs: list[str]
    """XHTML of each paragraph; a footnote reference is ``\\x00N\\x00``."""
    notes: list[str] = field(default_factory=list)
    """The notes' texts, in reference order (reference N is ``notes[N-1]``)."""


@dataclass
class TeiBook:
    author: str
    title: str
    identifier: str
    """The TextGrid URI the text comes from (``textgrid:n1mm.0``)."""
    first_edition: str
    chapters: list[TeiChapter]


def _text(element) -> str:
    """The element's words; a ``resp`` ("editor") is a role, not text."""
    return " ".join("".join(_words(element)).split())


def _words(element) -> list[str]:
    pieces = [] if etree.QName(element).localname == "resp" else [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            pieces.extend(_words(child))
        pieces.append(child.tail or "")
    return pieces


def _inline(element, chapter: TeiChapter) -> str:
    """The XHTML of a TEI paragraph or line: ``hi`` in italics, ``lb`` a line
    break, ``note`` a numbered reference (its text goes to the chapter's notes)."""
    parts = [escape(element.text or "")]
    for child in element:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "note":
            chapter.notes.append(_text(child))
            parts.append(f"\x00{len(chapter.notes)}\x00")
        elif tag == "hi":
            parts.append(f"<i>{_inline(child, chapter)}</i>")
        elif tag == "lb":
            parts.append("<br/>")
        elif tag != "pb":
            parts.append(_inline(child, chapter))
        parts.append(escape(child.tail or ""))
    return " ".join("".join(parts).split())


def read_tei(data: bytes) -> TeiBook:
    root = etree.fromstring(data)
    header = root.find(f"{_TEI}teiHeader")
    title = _text(header.find(f".//{_TEI}titleStmt/{_TEI}title")).split(" : ")[0]
    author = _text(header.find(f".//{_TEI}titleStmt/{_TEI}author"))
    author = author.split(" (")[0]
    if ", " in author:
        last, first = author.split(", ", 1)
        author = f"{first} {last}"
    identifier = next(
        (
            value
            for element in header.iter()
            if isinstance(element.tag, str)
            for value in (element.get("target", ""), element.text or "")
            if value.strip().startswith("textgrid:")
        ),
        "",
    ).strip()
    first = header.find(f".//{_TEI}bibl[@type='firstEdition']")
    note = header.find(f".//{_TEI}bibl[@type='print_source']/{_TEI}note")
    first_edition = (
        _text(first if first is not None else note)
        if (first is not None or note is not None)
        else ""
    )
    chapters: list[TeiChapter] = []
    pending: list[str] = []
    body = root.find(f".//{_TEI}body")
    for div in body.iter(f"{_TEI}div"):
        if div.get("type") != "chapter" or div.find(f".//{_TEI}div[@type='chapter']") is not None:
            continue
        chapter = TeiChapter(list(pending), [])
        for element in div.iter(f"{_TEI}head", f"{_TEI}p", f"{_TEI}l"):
            xhtml = _inline(element, chapter)
            if not xhtml:
                continue
            if etree.QName(element).localname != "head":
                chapter.paragraphs.append(xhtml)
            elif chapter.paragraphs:  # a heading inside the chapter
                chapter.paragraphs.append(f"<h3>{xhtml}</h3>")
            else:
                chapter.titles.append(_text(element))
        if not chapter.paragraphs:  # "Erstes Kapitel" on a page of its own
            pending = chapter.titles
            continue
        pending = []
        chapters.append(chapter)
    return TeiBook(author, title, identifier, first_edition, chapters)


# -- EPUB -------------------------------------------------------------------------


@dataclass
class Page:
    file: str
    body: str
    toc: str | None = None
    """Its entry in the table of contents (``None``: not listed)."""
    properties: str = ""


@dataclass
class Epub:
    title: str
    author: str
    pages: list[Page]
    version: int
    uid: str


def _xhtml(title: str, body: str, version: int, body_type: str = "") -> str:
    ns = (
        ' xmlns:epub="http://www.idpf.org/2007/ops"'
        ' epub:prefix="z3998: http://www.daisy.org/z3998/2012/vocab/structure/"'
        if version == 3
        else ""
    )
    doctype = "<!DOCTYPE html>\n" if version == 3 else ""
    body_type = f' epub:type="{body_type}"' if body_type and version == 3 else ""
    lang = ' xml:lang="de" lang="de"' if version == 3 else ' xml:lang="de"'
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}'
        f'<html xmlns="http://www.w3.org/1999/xhtml"{ns}{lang}>\n'
        f"<head><title>{escape(title)}</title></head>\n<body{body_type}>\n{body}\n</body>\n</html>\n"
    )


def epub_bytes(book: Epub) -> bytes:
    return zip_epub(
        _opf(book),
        _ncx(book),
        _nav(book) if book.version == 3 else None,
        [
            ("OEBPS/cover.png", PNG),
            *((f"OEBPS/{page.file}", page.body.encode()) for page in book.pages),
        ],
    )


def _opf(book: Epub) -> str:
    items = [
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
        '<item id="cover-image" href="cover.png" media-type="image/png"'
        + (' properties="cover-image"/>' if book.version == 3 else "/>"),
    ]
    if book.version == 3:
        items.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
    spine = []
    for number, page in enumerate(book.pages):
        properties = f' properties="{page.properties}"' if page.properties else ""
        items.append(
            f'<item id="p{number}" href="{page.file}" media-type="application/xhtml+xml"{properties}/>'
        )
        spine.append(f'<itemref idref="p{number}"/>')
    modified = (
        f'\n    <meta property="dcterms:modified">{_MODIFIED}</meta>' if book.version == 3 else ""
    )
    cover = '\n    <meta name="cover" content="cover-image"/>'
    newline = "\n    "
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{book.version}.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="id">{book.uid}</dc:identifier>
    <dc:title>{escape(book.title)}</dc:title>
    <dc:creator>{escape(book.author)}</dc:creator>
    <dc:language>de</dc:language>{modified}{cover}
  </metadata>
  <manifest>
    {newline.join(items)}
  </manifest>
  <spine toc="ncx">
    {newline.join(spine)}
  </spine>
</package>
"""


def _ncx(book: Epub) -> str:
    entries = [page for page in book.pages if page.toc]
    points = "\n    ".join(
        f'<navPoint id="n{number}" playOrder="{number + 1}"><navLabel><text>{escape(page.toc)}</text>'
        f'</navLabel><content src="{page.file}"/></navPoint>'
        for number, page in enumerate(entries)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="{book.uid}"/><meta name="dtb:depth" content="1"/>
  <meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>
  <docTitle><text>{escape(book.title)}</text></docTitle>
  <navMap>
    {points}
  </navMap>
</ncx>
"""


def _nav(book: Epub) -> str:
    items = "\n".join(
        f'<li><a href="{page.file}">{escape(page.toc)}</a></li>' for page in book.pages if page.toc
    )
    body = f'<nav epub:type="toc" id="toc"><h2>Inhalt</h2><ol>\n{items}\n</ol></nav>'
    return _xhtml("Inhalt", body, 3)


# -- chapters as each producer writes them -------------------------------------------


def _paragraphs(chapter: TeiChapter, reference) -> str:
    out = []
    for paragraph in chapter.paragraphs:
        pieces = paragraph.split("\x00")
        for index in range(1, len(pieces), 2):
            pieces[index] = reference(int(pieces[index]))
        text = "".join(pieces)
        out.append(text if text.startswith("<h3>") else f"<p>{text}</p>")
    return "\n".join(out)


def _no_notes(number: int) -> str:
    raise ValueError(f"this layout has no notes (reference {number})")


def calibre_epub2(tei: TeiBook) -> Epub:
    """calibre's conversion: index_split files, h2 chapter titles, NCX only."""
    pages = [
        Page(
            "titlepage.xhtml", _xhtml("Cover", '<div><img src="cover.png" alt="cover"/></div>', 2)
        ),
    ]
    for number, chapter in enumerate(tei.chapters):
        first, *rest = chapter.titles
        heads = f'<h2 class="calibre3">{escape(first)}</h2>' + "".join(
            f'<h3 class="calibre4">{escape(title)}</h3>' for title in rest
        )
        body = f'<div class="calibre1">{heads}\n{_paragraphs(chapter, _no_notes)}</div>'
        pages.append(
            Page(
                f"index_split_{number:03}.html",
                _xhtml(tei.title, body, 2),
                ". ".join(chapter.titles),
            )
        )
    return Epub(tei.title, tei.author, pages, 2, "calibre:grete-minde")


def _pg_contents(tei: TeiBook, files: list[str]) -> str:
    rows = "\n".join(
        f'<tr><td><a class="pginternal" href="{file}#chap{number:02}">{escape(" ".join(chapter.titles))}</a></td></tr>'
        for number, (chapter, file) in enumerate(zip(tei.chapters, files, strict=True), start=1)
    )
    return f'<div class="chapter">\n<h2>Inhalt</h2>\n<table class="toc">\n{rows}\n</table>\n</div>'


PG_HEADER = """<section class="pg-boilerplate pgheader" id="pg-header" lang="en" xml:lang="en">
<h2 id="pg-header-heading" title="">The Project Gutenberg eBook of {title}, by {author}</h2>
<div>This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever. You may copy it, give it away or re-use it under the terms
of the Project Gutenberg License included with this ebook or online
at <a class="reference external" href="https://www.gutenberg.org">www.gutenberg.org</a>. If you are not located in the United States,
you will have to check the laws of the country where you are located
before using this eBook.</div>
<div class="container" id="pg-machine-header"><p><strong>Title</strong>: {title}</p>
<p><strong>Author</strong>: {author}</p>
<p><strong>Release date</strong>: January 1, 2026 [eBook #99999]</p>
<p><strong>Language</strong>: German</p>
<p><strong>Credits</strong>: Produced from the ELTeC edition ({identifier})</p></div>
<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK {upper} ***</span></div>
</section>"""

PG_FOOTER = """<section class="pg-boilerplate pgfooter" id="pg-footer" lang="en" xml:lang="en">
<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK {upper} ***</span></div>
<div class="agate">Updated editions will replace the previous one—the old editions will
be renamed.</div>
<div>Creating the works from print editions not protected by U.S. copyright
law means that no one owns a United States copyright in these works,
so the Foundation (and you!) can copy and distribute it in the United
States without permission and without paying copyright
royalties.</div>
<div class="agate">START: FULL LICENSE</div>
<div class="secthead">THE FULL PROJECT GUTENBERG LICENSE</div>
<div class="secthead">PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK</div>
<div>To protect the Project Gutenberg™ mission of promoting the free
distribution of electronic works, by using or distributing this work
(or any other work associated in any way with the phrase “Project
Gutenberg”), you agree to comply with all the terms of the Full
Project Gutenberg™ License available with this file or online at
www.gutenberg.org/license.</div>
<div class="secthead">Section 1. General Terms of Use and Redistributing Project Gutenberg™ electronic works</div>
<div>1.A. By reading or using any part of this Project Gutenberg™
electronic work, you indicate that you have read, understand, agree to
and accept all the terms of this license and intellectual property
(trademark/copyright) agreement.</div>
<div>Most people start at our website which has the main PG search
facility: <a class="reference external" href="https://www.gutenberg.org">www.gutenberg.org</a>.</div>
<div>This website includes information about Project Gutenberg™,
including how to make donations to the Project Gutenberg Literary
Archive Foundation, how to help produce our new eBooks, and how to
subscribe to our email newsletter to hear about new eBooks.</div>
</section>"""


def gutenberg_epub3(tei: TeiBook) -> Epub:
    """Project Gutenberg's ebookmaker layout: pg-header, a contents page, chapters, pg-footer."""
    upper = tei.title.upper()
    values = {
        "title": escape(tei.title),
        "author": escape(tei.author),
        "identifier": tei.identifier,
        "upper": escape(upper),
    }
    files = [f"{99999}-h-{number}.htm.xhtml" for number in range(2, len(tei.chapters) + 2)]
    front = (
        PG_HEADER.format(**values)
        + f'\n<h1>{escape(tei.title)}</h1>\n<p class="center">von</p>\n<p class="center">{escape(tei.author)}</p>'
    )
    pages = [
        Page("99999-h-0.htm.xhtml", _xhtml(tei.title, front, 3), tei.title),
        Page("99999-h-1.htm.xhtml", _xhtml(tei.title, _pg_contents(tei, files), 3)),
    ]
    for number, (chapter, file) in enumerate(zip(tei.chapters, files, strict=True), start=1):
        heading = "<br/>".join(escape(title) for title in chapter.titles)
        body = f'<div class="chapter">\n<h2><a id="chap{number:02}"></a>{heading}</h2>\n{_paragraphs(chapter, _no_notes)}\n</div>'
        if number == len(tei.chapters):
            body += "\n" + PG_FOOTER.format(**values)
        pages.append(Page(file, _xhtml(tei.title, body, 3), " ".join(chapter.titles)))
    return Epub(tei.title, tei.author, pages, 3, "http://www.gutenberg.org/99999")


def gutenberg_html(tei: TeiBook) -> str:
    """Project Gutenberg's HTML edition: one page, pg-header, an in-page contents
    table linking to the chapters' anchors, the chapters, pg-footer."""
    upper = tei.title.upper()
    values = {
        "title": escape(tei.title),
        "author": escape(tei.author),
        "identifier": tei.identifier,
        "upper": escape(upper),
    }
    rows = "\n".join(
        f'<tr><td><a class="pginternal" href="#chap{number:02}">{escape(" ".join(chapter.titles))}</a></td></tr>'
        for number, chapter in enumerate(tei.chapters, start=1)
    )
    chapters = "\n".join(
        f'<div class="chapter">\n<h2><a id="chap{number:02}"></a>{"<br/>".join(escape(t) for t in chapter.titles)}</h2>\n'
        f"{_paragraphs(chapter, _no_notes)}\n</div>"
        for number, chapter in enumerate(tei.chapters, start=1)
    )
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8"/>'
        f"<title>{values['title']} | Project Gutenberg</title></head>\n<body>\n"
        + PG_HEADER.format(**values)
        + f'\n<h1>{values["title"]}</h1>\n<p class="center">von {values["author"]}</p>\n'
        + f'<div class="chapter">\n<h2>Inhalt</h2>\n<table class="toc">\n{rows}\n</table>\n</div>\n'
        + chapters
        + "\n"
        + PG_FOOTER.format(**values)
        + "\n</body>\n</html>\n"
    )


def _roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


def standard_ebooks_epub3(tei: TeiBook) -> Epub:
    """Standard Ebooks' layout: titlepage, imprint, chapter-N, colophon, uncopyright."""

    def page(file: str, body: str, toc: str | None, body_type: str) -> Page:
        return Page(file, _xhtml(toc or tei.title, body, 3, body_type), toc)

    imprint = f"""<section id="imprint" epub:type="imprint">
<h2 epub:type="title">Impressum</h2>
<p>Dieses E-Book ist aus der ELTeC-Ausgabe des Romans entstanden, die auf dem digitalen Text der TextGrid Repository ({tei.identifier}) beruht.</p>
<p>Der Text ist gemeinfrei; die Auszeichnung steht unter der Lizenz Creative Commons Attribution 4.0 (CC BY 4.0).</p>
</section>"""
    colophon = f"""<section id="colophon" epub:type="colophon">
<h2 epub:type="title">Kolophon</h2>
<p><i>{escape(tei.title)}</i> wurde von {escape(tei.author)} geschrieben. {escape(tei.first_edition)}</p>
<p>Gesetzt in Crimson Pro; das Titelbild zeigt einen Birnbaum.</p>
<p>Die erste Ausgabe dieses E-Books erschien am 1. Januar 2026.</p>
</section>"""
    uncopyright = """<section id="uncopyright" epub:type="copyright-page">
<h2 epub:type="title">Gemeinfreiheit</h2>
<p>Die Herausgeber dieses E-Books erheben keinen Anspruch auf Urheberrechte an ihrer Arbeit; sie widmen sie der Gemeinfreiheit (CC0 1.0).</p>
</section>"""
    pages = [
        page(
            "titlepage.xhtml",
            f'<section id="titlepage" epub:type="titlepage"><h1 epub:type="title">{escape(tei.title)}</h1><p>von <b epub:type="z3998:personal-name">{escape(tei.author)}</b>.</p></section>',
            "Titelseite",
            "frontmatter",
        ),
        page("imprint.xhtml", imprint, "Impressum", "frontmatter"),
    ]
    for number, chapter in enumerate(tei.chapters, start=1):
        title = chapter.titles[0] if chapter.titles else _roman(number)
        body = f'<section id="chapter-{number}" epub:type="chapter">\n<h2 epub:type="title">{escape(title)}</h2>\n{_paragraphs(chapter, _no_notes)}\n</section>'
        pages.append(page(f"chapter-{number}.xhtml", body, title, "bodymatter z3998:fiction"))
    pages.append(page("colophon.xhtml", colophon, "Kolophon", "backmatter"))
    pages.append(page("uncopyright.xhtml", uncopyright, "Gemeinfreiheit", "backmatter"))
    return Epub(
        tei.title,
        tei.author,
        pages,
        3,
        "url:https://standardebooks.org/ebooks/theodor-fontane/unterm-birnbaum",
    )


def _imprint(tei: TeiBook) -> str:
    """An imprint page as German e-book shops print it: source, identifier, first edition."""
    return f"""<h2>Impressum</h2>
<p>{escape(tei.author)}: {escape(tei.title)}.</p>
<p>Textgrundlage: TextGrid Repository, {tei.identifier}.</p>
<p>{escape(tei.first_edition)}</p>"""


def footnotes_epub3(tei: TeiBook, chapters: int) -> Epub:
    """EPUB 3 with each chapter's notes as footnote asides after it, an imprint first."""
    imprint = f'<section epub:type="imprint">{_imprint(tei)}</section>'
    pages = [Page("impressum.xhtml", _xhtml("Impressum", imprint, 3, "frontmatter"), "Impressum")]
    for number, chapter in enumerate(tei.chapters[:chapters], start=1):

        def reference(note: int, number=number) -> str:
            return f'<a epub:type="noteref" href="#fn{number}-{note}" id="ref{number}-{note}">{note}</a>'

        notes = "\n".join(
            f'<aside epub:type="footnote" id="fn{number}-{note}"><p>{escape(text)}</p></aside>'
            for note, text in enumerate(chapter.notes, start=1)
        )
        heads = "".join(f"<h2>{escape(title)}</h2>" for title in chapter.titles)
        body = f'<section epub:type="chapter">\n{heads}\n{_paragraphs(chapter, reference)}\n{notes}\n</section>'
        pages.append(
            Page(f"kapitel{number}.xhtml", _xhtml(tei.title, body, 3), " – ".join(chapter.titles))
        )
    return Epub(tei.title, tei.author, pages, 3, "urn:uuid:6f1f2a4e-0000-4000-8000-000000000054")


def endnotes_epub2(tei: TeiBook, chapters: int) -> Epub:
    """EPUB 2 with every note numbered through the book in an endnotes file, and an imprint page."""
    imprint = f'<div class="impressum">{_imprint(tei)}</div>'
    pages = [Page("impressum.html", _xhtml("Impressum", imprint, 2), "Impressum")]
    endnotes: list[str] = []
    for number, chapter in enumerate(tei.chapters[:chapters], start=1):
        base = len(endnotes)

        def reference(note: int, base=base) -> str:
            label = base + note
            return f'<sup><a href="notes.html#n{label}" id="r{label}">{label}</a></sup>'

        endnotes.extend(chapter.notes)
        heads = "".join(f"<h2>{escape(title)}</h2>" for title in chapter.titles)
        pages.append(
            Page(
                f"chapter{number}.html",
                _xhtml(tei.title, f"{heads}\n{_paragraphs(chapter, reference)}", 2),
                chapter.titles[-1],
            )
        )
    lines = "\n".join(
        f'<p id="n{label}"><a href="{_chapter_of(tei, chapters, label)}#r{label}">{label}</a> {escape(text)}</p>'
        for label, text in enumerate(endnotes, start=1)
    )
    pages.append(
        Page(
            "notes.html", _xhtml("Anmerkungen", f"<h2>Anmerkungen</h2>\n{lines}", 2), "Anmerkungen"
        )
    )
    return Epub(tei.title, tei.author, pages, 2, "urn:uuid:6f1f2a4e-0000-4000-8000-000000000016")


def _chapter_of(tei: TeiBook, chapters: int, label: int) -> str:
    seen = 0
    for number, chapter in enumerate(tei.chapters[:chapters], start=1):
        seen += len(chapter.notes)
        if label <= seen:
            return f"chapter{number}.html"
    raise ValueError(label)


BOOKS = {
    "grete-minde.epub": ("level1/DEU046.xml", calibre_epub2),
    "mathilde-moehring.epub": ("level1/DEU088.xml", gutenberg_epub3),
    "am-jenseits.epub": ("Orig/DEU054.xml", lambda tei: footnotes_epub3(tei, 3)),
    "unterm-birnbaum.epub": ("level1/DEU051.xml", standard_ebooks_epub3),
    "regulatoren.epub": ("Orig/DEU016.xml", lambda tei: endnotes_epub2(tei, 12)),
}
HTML_BOOKS = {"unterm-birnbaum.html": ("level1/DEU051.xml", gutenberg_html)}
"""Reporting set: never tuned on."""
TUNING = ("grete-minde.epub", "mathilde-moehring.epub", "am-jenseits.epub")
REPORTING = ("unterm-birnbaum.epub", "regulatoren.epub")


def _read(eltec: Path, path: str) -> bytes:
    if (eltec / path).exists():
        return (eltec / path).read_bytes()
    return subprocess.run(
        ["git", "--git-dir", str(eltec), "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("eltec", type=Path, help="ELTeC-deu checkout or git directory")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (path, layout) in BOOKS.items():
        book = layout(read_tei(_read(args.eltec, path)))
        (args.out / name).write_bytes(epub_bytes(book))
        print(f"{args.out / name}: {len(book.pages)} spine documents", file=sys.stderr)
    for name, (path, layout) in HTML_BOOKS.items():
        (args.out / name).write_text(layout(read_tei(_read(args.eltec, path))), encoding="utf-8")
        print(f"{args.out / name}: one page", file=sys.stderr)


if __name__ == "__main__":
    main()
