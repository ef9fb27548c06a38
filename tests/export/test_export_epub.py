"""The EPUB export: EPUBCheck on every fixture's book, and its structure read
back with lxml (chapters, nav and NCX, notes, languages, metadata, images)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from export_fixtures import DOCUMENTS, FIXTURES
from lxml import etree

from reader.importers.epub import epub_images
from reader.views.export.document import Layout
from reader.views.export.epub import render_epub

EPUBCHECK = shutil.which("epubcheck")
XHTML = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def epubcheck(book: Path) -> subprocess.CompletedProcess[str]:
    assert EPUBCHECK, "EPUBCheck is missing: apt-get install epubcheck (.ci/run does)"
    # Debian installs the jar itself as /usr/bin/epubcheck: run it with java.
    command = ["java", "-jar", str(Path(EPUBCHECK).resolve()), str(book)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_epubcheck_finds_no_error_and_no_warning_in_any_fixture(translated, tmp_path) -> None:
    # One book per fixture, both layouts spread over them (each run costs a JVM).
    failures = []
    for number, path in enumerate(FIXTURES):
        layout = (Layout.INTERLEAVED, Layout.ENGLISH)[number % 2]
        book = tmp_path / f"{path.stem}-{layout.value}.epub"
        book.write_bytes(render_epub(translated(path), layout))
        result = epubcheck(book)
        summary = re.search(
            r"Messages: (\d+) fatals / (\d+) errors / (\d+) warnings", result.stdout
        )
        if result.returncode != 0 or summary is None or summary.groups() != ("0", "0", "0"):
            failures.append(f"{book.name}:\n{result.stdout}{result.stderr}")
    assert not failures, "\n".join(failures)


def book(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_chapters_nav_ncx_notes_and_languages(translated) -> None:
    document = translated(DOCUMENTS / "roman.epub")
    files = book(render_epub(document, Layout.INTERLEAVED))
    assert next(iter(files)) == "mimetype" and files["mimetype"] == b"application/epub+zip"
    # A chapter per top-level heading, after the title page.
    top = [p for p in document.paragraphs if p.kind == "heading" and p.level == 1]
    chapters = sorted(name for name in files if re.fullmatch(r"OEBPS/chapter-\d+\.xhtml", name))
    assert len(chapters) == len(top) == 3
    nav = etree.fromstring(files["OEBPS/nav.xhtml"])
    links = nav.xpath("//h:nav[@epub:type='toc']//h:a/@href", namespaces=XHTML)
    assert links == ["title.xhtml", *(name.removeprefix("OEBPS/") for name in chapters)]
    ncx = etree.fromstring(files["OEBPS/toc.ncx"])
    sources = ncx.xpath(
        "//n:content/@src", namespaces={"n": "http://www.daisy.org/z3986/2005/ncx/"}
    )
    assert sources == links
    pages = {name.removeprefix("OEBPS/"): etree.fromstring(files[name]) for name in chapters}
    ids = {(name, id_) for name, page in pages.items() for id_ in page.xpath("//@id")}
    references = [
        (name, ref)
        for name, page in pages.items()
        for ref in page.xpath("//h:a[@epub:type='noteref']", namespaces=XHTML)
    ]
    assert len(references) == 3  # roman.epub's three notes, each referenced once
    for name, ref in references:
        target_file, target = ref.get("href").split("#")
        assert (target_file, target) in ids
        aside = pages[target_file].xpath(f"//*[@id='{target}']")[0]
        assert (
            aside.tag == f"{{{XHTML['h']}}}aside"
            and aside.get(f"{{{XHTML['epub']}}}type") == "footnote"
        )
        back = aside.xpath("h:a[@role='doc-backlink']/@href", namespaces=XHTML)[0]
        assert back == f"{name}#{ref.get('id')}"
    # Every block says its language; German and English both, headings included.
    for page in pages.values():
        blocks = page.xpath("//h:p | //h:h2 | //h:h3 | //h:h4", namespaces=XHTML)
        for block in blocks:
            languages = {block.get(XML_LANG)} | {e.get(XML_LANG) for e in block.iter()}
            assert languages - {None} <= {"de", "en"} and languages - {None}
        for heading in page.xpath("//h:h2 | //h:h3", namespaces=XHTML):
            spans = heading.xpath("h:span/@xml:lang", namespaces=XHTML)
            assert spans == ["de", "en"]


def test_metadata_and_a_stable_identifier(translated) -> None:
    document = translated(DOCUMENTS / "roman.epub")
    package = etree.fromstring(book(render_epub(document, Layout.INTERLEAVED))["OEBPS/content.opf"])

    def values(path: str) -> list[str]:
        return package.xpath(f"//{path}/text()", namespaces=OPF)

    assert values("dc:title") == ["Die Werft"]
    assert values("dc:language") == ["de", "en"]
    assert values("dc:source") == ["roman.epub"]
    assert values("dc:contributor") == [document.model]
    assert values("opf:meta[@property='dcterms:modified']") == [
        f"{document.created:%Y-%m-%dT%H:%M:%SZ}"
    ]
    (identifier,) = values("dc:identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    # The same book exported again keeps its identifier; another text gets another.
    later = replace(document, created=document.created.replace(year=2030))
    again = etree.fromstring(book(render_epub(later, Layout.ENGLISH))["OEBPS/content.opf"])
    assert again.xpath("//dc:identifier/text()", namespaces=OPF) == [identifier]
    other = etree.fromstring(
        book(render_epub(replace(document, paragraphs=document.paragraphs[1:]), Layout.ENGLISH))[
            "OEBPS/content.opf"
        ]
    )
    assert other.xpath("//dc:identifier/text()", namespaces=OPF) != [identifier]


@pytest.mark.parametrize(
    ("fixture", "page", "after"),
    [
        ("roman.epub", "OEBPS/title.xhtml", None),  # the cover: before any text
        ("tagebuch.epub", "OEBPS/chapter-1.xhtml", "Schritte"),  # between two days
    ],
)
def test_images_of_an_epub_source_are_carried_over(translated, fixture, page, after) -> None:
    path = DOCUMENTS / fixture
    (source_image,) = epub_images(path.read_bytes(), str(path))
    files = book(render_epub(translated(path), Layout.INTERLEAVED))
    (image,) = etree.fromstring(files[page]).xpath("//h:img", namespaces=XHTML)
    assert files["OEBPS/" + image.get("src")] == source_image.data
    assert image.get("alt") == source_image.alt
    if after is not None:
        previous = image.getparent().getprevious()
        assert "".join(previous.itertext()).startswith(after)
