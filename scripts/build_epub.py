# ruff: noqa: E501 - the fixture books are XHTML written out as it would be in a book
"""Build EPUB files with the standard library's zipfile: test fixtures and benchmarks.

    python scripts/build_epub.py fixtures            # the committed fixtures in tests/fixtures/documents/
    python scripts/build_epub.py book OUT.epub --chapters 300   # a big generated book (speed)

The fixture books are written by hand here (German text of our own), so they
are reproducible byte for byte: every ZIP entry gets a fixed date.
"""

from __future__ import annotations

import argparse
import io
import random
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
# A 1×1 transparent PNG: books have images, and the importer must skip them.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@dataclass
class Chapter:
    file: str
    """File name inside the book (``kapitel1.xhtml``)."""
    title: str | None
    """The title in the navigation document/NCX (``None``: not listed)."""
    body: str
    """The XHTML of the ``<body>`` element's content."""


@dataclass
class Book:
    title: str
    chapters: list[Chapter]
    version: int = 3
    """3: a navigation document (and ``epub:type`` notes); 2: an NCX only."""
    nav_in_spine: bool = False
    extra: dict[str, bytes] = field(default_factory=dict)
    """More files, by path in the archive (``META-INF/encryption.xml``…)."""


def xhtml(title: str, body: str, version: int = 3) -> str:
    namespace = ' xmlns:epub="http://www.idpf.org/2007/ops"' if version == 3 else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"{namespace} lang="de">\n'
        f"<head><title>{escape(title)}</title></head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def epub_bytes(book: Book) -> bytes:
    """The EPUB archive of ``book``."""
    chapters = [
        (
            f"OEBPS/{chapter.file}",
            xhtml(chapter.title or book.title, chapter.body, book.version).encode(),
        )
        for chapter in book.chapters
    ]
    return zip_epub(
        _opf(book),
        _ncx(book),
        _nav(book) if book.version == 3 else None,
        [("OEBPS/images/bild.png", PNG), *chapters, *book.extra.items()],
    )


def zip_epub(opf: str, ncx: str, nav: str | None, files: Iterable[tuple[str, bytes]]) -> bytes:
    """An EPUB archive: the stored mimetype, the container, the package
    document, the NCX, the EPUB 3 nav document (``None`` for EPUB 2), then
    ``files`` (path in the archive, bytes) in order, all with one date so that
    a rebuild is byte-identical."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        add_entry(archive, "mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        add_entry(archive, "META-INF/container.xml", CONTAINER_XML.encode())
        add_entry(archive, "OEBPS/content.opf", opf.encode())
        add_entry(archive, "OEBPS/toc.ncx", ncx.encode())
        if nav is not None:
            add_entry(archive, "OEBPS/nav.xhtml", nav.encode())
        for path, data in files:
            add_entry(archive, path, data)
    return buffer.getvalue()


def add_entry(archive: zipfile.ZipFile, path: str, data: bytes, method: int = zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(path, date_time=ZIP_DATE)
    info.compress_type = method
    archive.writestr(info, data)


CONTAINER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _opf(book: Book) -> str:
    items = [
        '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
        '<item id="bild" href="images/bild.png" media-type="image/png"/>',
    ]
    spine = []
    if book.version == 3:
        items.append(
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        )
        if book.nav_in_spine:
            spine.append('<itemref idref="nav"/>')
    for number, chapter in enumerate(book.chapters):
        items.append(
            f'<item id="c{number}" href="{quote(chapter.file)}" media-type="application/xhtml+xml"/>'
        )
        spine.append(f'<itemref idref="c{number}"/>')
    newline = "\n    "
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{book.version}.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
    <dc:title>{escape(book.title)}</dc:title>
    <dc:language>de</dc:language>
  </metadata>
  <manifest>
    {newline.join(items)}
  </manifest>
  <spine toc="ncx">
    {newline.join(spine)}
  </spine>
</package>
"""


def _ncx(book: Book) -> str:
    points = [
        f'<navPoint id="p{number}" playOrder="{number + 1}"><navLabel><text>'
        f'{escape(chapter.title)}</text></navLabel><content src="{quote(chapter.file)}"/></navPoint>'
        for number, chapter in enumerate(book.chapters)
        if chapter.title
    ]
    newline = "\n    "
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:00000000-0000-4000-8000-000000000000"/></head>
  <docTitle><text>{escape(book.title)}</text></docTitle>
  <navMap>
    {newline.join(points)}
  </navMap>
</ncx>
"""


def _nav(book: Book) -> str:
    items = "\n".join(
        f'<li><a href="{quote(chapter.file)}">{escape(chapter.title)}</a></li>'
        for chapter in book.chapters
        if chapter.title
    )
    body = f'<nav epub:type="toc" id="toc"><h1>Inhalt</h1><ol>\n{items}\n</ol></nav>'
    return xhtml("Inhalt", body)


# -- the fixtures ---------------------------------------------------------------


def roman() -> Book:
    """EPUB 3: nav document (also in the spine), footnote asides, an image, a cover page."""
    cover = Chapter(
        "cover.xhtml", None, '<div class="cover"><img src="images/bild.png" alt="Umschlag"/></div>'
    )
    one = Chapter(
        "kapitel1.xhtml",
        "Erstes Kapitel: Der Umzug",
        """<section epub:type="chapter">
<h1>Erstes Kapitel: Der Umzug</h1>
<p>Im Frühjahr zog Marta von Leipzig nach Rostock.<a epub:type="noteref" href="#n1">1</a> Sie hatte die Stadt nur einmal gesehen, an einem grauen Tag im November.</p>
<p>Die neue Wohnung lag im vierten Stock&#160;eines alten Speichers. Von der Küche aus sah man die Warnow und die Kräne des Hafens.</p>
<figure><img src="images/bild.png" alt="Blick auf den Hafen"/></figure>
<p>„Hier bleibe ich“, sagte sie zu ihrer Schwester am Telefon. Die Schwester lachte nur.</p>
<aside epub:type="footnote" id="n1"><p>Leipzig war bis dahin ihr einziger Wohnort gewesen.</p></aside>
</section>""",
    )
    two = Chapter(
        "kapitel2.xhtml",
        "Zweites Kapitel: Die Werft",
        """<section epub:type="chapter">
<h1>Zweites Kapitel: Die Werft</h1>
<p>Ihre Stelle trat sie am ersten Montag im April an. Die Werft baute keine Schiffe mehr, sondern reparierte Fähren und Forschungsboote.<a epub:type="noteref" href="#n2">2</a></p>
<h2>Der Meister</h2>
<p>Der Meister hieß Bernd Kowalski und arbeitete seit vierzig Jahren dort. Er zeigte ihr jede Halle und jedes Dock.</p>
<blockquote><p>Wer hier anfängt, bleibt meistens bis zur Rente.</p></blockquote>
<p>Marta glaubte ihm kein Wort. Trotzdem schrieb sie den Satz in ihr Notizbuch.<a epub:type="noteref" href="#n3">3</a></p>
<aside epub:type="footnote" id="n2"><p>Der Schiffbau endete dort im Jahr 2012.</p></aside>
<aside epub:type="footnote" id="n3"><p>Das Notizbuch ist heute im Stadtarchiv. Es enthält über zweihundert Einträge.</p></aside>
</section>""",
    )
    three = Chapter(
        "kapitel3.xhtml",
        "Drittes Kapitel: Sturm",
        """<h1>Drittes Kapitel: Sturm</h1>
<p>Im Oktober kam der erste Herbststurm. Die Fähren blieben zwei Tage im Hafen.</p>
<ul><li>Die Stromversorgung fiel für sechs Stunden aus.</li><li>Ein Kran stürzte auf das Dach der Halle drei.</li></ul>
<p>Am dritten Tag war alles vorbei. Marta ging früh nach Hause und schlief bis zum Abend.</p>""",
    )
    return Book("Die Werft", [cover, one, two, three], version=3, nav_in_spine=True)


def chronik() -> Book:
    """EPUB 2: NCX only, chapters without a heading of their own, endnotes in a file."""
    one = Chapter(
        "text1.xhtml",
        "1. Die Gründung",
        """<p>Der Verein wurde im Jahr 1897 von elf Handwerkern gegründet.<a href="anmerkungen.xhtml#a1" id="r1"><sup>1</sup></a> Sie trafen sich jeden Donnerstag im Gasthaus am Markt.</p>
<p>Schon nach einem Jahr hatte der Verein über hundert Mitglieder. Die Satzung verbot politische Debatten ausdrücklich.<a href="anmerkungen.xhtml#a2" id="r2"><sup>2</sup></a></p>""",
    )
    two = Chapter(
        "text2.xhtml",
        "2. Die Kriegsjahre",
        """<p>Während des Ersten Weltkriegs ruhte das Vereinsleben fast vollständig. Viele Mitglieder kehrten nicht zurück.</p>
<p>Erst 1921 fand wieder eine Versammlung statt.<a href="anmerkungen.xhtml#a3" id="r3"><sup>3</sup></a> Dort wählten die Mitglieder einen neuen Vorstand.</p>""",
    )
    notes = Chapter(
        "anmerkungen.xhtml",
        "Anmerkungen",
        """<h2>Anmerkungen</h2>
<p id="a1"><a href="text1.xhtml#r1">1</a> Die Gründungsurkunde ist verloren.</p>
<p id="a2"><a href="text1.xhtml#r2">2</a> Paragraf 4 der Satzung von 1898.</p>
<p id="a3"><a href="text2.xhtml#r3">3</a> Protokollbuch, Band II, Seite 12.</p>""",
    )
    return Book("Chronik des Handwerkervereins", [one, two, notes], version=2)


def tagebuch() -> Book:
    """Held out (written after the importers were tuned): EPUB 3, chapters in a
    folder with a space in a file name, ``h2`` chapter titles with sections,
    endnotes in their own file (``epub:type="endnote"`` list items with back
    links), a table, an image-only page."""
    one = Chapter(
        "text/tag 1.xhtml",
        "Montag",
        """<h2>Montag</h2>
<p>Heute habe ich mit dem Tagebuch angefangen. Die Ärztin hatte es mir empfohlen.<sup><a epub:type="noteref" href="anmerkungen.xhtml#en1" id="ref1">1</a></sup></p>
<h3>Am Abend</h3>
<p>Am Abend war ich noch am See. Das Wasser war ganz ruhig, und niemand war da.</p>
<table><tr><td>Schritte</td><td>8200</td></tr></table>""",
    )
    picture = Chapter(
        "text/bild.xhtml", None, '<p><img src="../images/bild.png" alt="Der See"/></p>'
    )
    two = Chapter(
        "text/tag 2.xhtml",
        "Dienstag",
        """<section><h2>Dienstag</h2>
<p>Der Regen hörte den ganzen Tag nicht auf. Ich las das Buch von Anna Seghers zu Ende.<sup><a epub:type="noteref" href="anmerkungen.xhtml#en2" id="ref2">2</a></sup></p>
<blockquote><p>„Wir fühlen alle, wie tief die äußeren Mächte in den Menschen hineingreifen.“</p></blockquote>
<p>Der Satz ging mir lange nach.</p></section>""",
    )
    notes = Chapter(
        "text/anmerkungen.xhtml",
        "Anmerkungen",
        """<section epub:type="endnotes"><h2>Anmerkungen</h2><ol>
<li epub:type="endnote" id="en1"><p>Frau Dr. Berger, bei der Untersuchung im März. <a href="tag%201.xhtml#ref1">↩</a></p></li>
<li epub:type="endnote" id="en2"><p>Es war „Das siebte Kreuz“. <a href="tag%202.xhtml#ref2">↩</a></p></li>
</ol></section>""",
    )
    return Book("Ein Jahr am See", [one, picture, two, notes], version=3)


BOOKS = {"roman.epub": roman, "chronik.epub": chronik, "tagebuch.epub": tagebuch}


def generated_book(chapters: int, seed: int = 1) -> Book:
    """A big book for speed measurements: ``chapters`` chapters of varied German prose."""
    rng = random.Random(seed)
    words = [
        "Der",
        "Hafen",
        "die",
        "Stadt",
        "das",
        "Schiff",
        "ein",
        "Kran",
        "im",
        "Norden",
        "nach",
        "Hamburg",
        "mit",
        "der",
        "Fähre",
        "am",
        "Morgen",
        "bei",
        "Sturm",
        "ohne",
        "Strom",
        "die",
        "Werft",
        "der",
        "Meister",
        "das",
        "Archiv",
        "im",
        "Jahr",
        "neue",
        "Pläne",
        "für",
        "den",
        "Senat",
        "zwischen",
        "Elbe",
        "und",
        "Ostsee",
    ]
    result = []
    for number in range(1, chapters + 1):
        paragraphs = []
        for _ in range(8):
            sentences = [
                " ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize() + "."
                for _ in range(rng.randint(3, 6))
            ]
            paragraphs.append(f"<p>{' '.join(sentences)}</p>")
        body = f"<h1>Kapitel {number}</h1>\n" + "\n".join(paragraphs)
        result.append(Chapter(f"k{number}.xhtml", f"Kapitel {number}", body))
    return Book("Generiertes Buch", result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fixtures", help="write the committed EPUB fixtures")
    big = commands.add_parser("book", help="write a generated book")
    big.add_argument("output", type=Path)
    big.add_argument("--chapters", type=int, default=300)
    args = parser.parse_args()
    if args.command == "fixtures":
        for name, build in BOOKS.items():
            (FIXTURES / name).write_bytes(epub_bytes(build()))
            print(f"wrote {FIXTURES / name}")
    else:
        args.output.write_bytes(epub_bytes(generated_book(args.chapters)))
        print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
