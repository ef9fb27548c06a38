"""The HTML, EPUB and Markdown importers on documents built for the purpose."""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.document import Block
from reader.errors import InputError
from reader.importers import load_document
from reader.importers.detect import ExtensionMismatchError, detect_format
from reader.importers.epub import EpubError, import_epub
from reader.importers.html import NoMainContentError, import_html
from reader.importers.markdown import import_markdown
from reader.segment import all_sentences, segment_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build_epub = _script("build_epub")
evaluation = _script("eval_documents")

GOLD_DOCUMENTS = sorted(
    path
    for path in FIXTURES.iterdir()
    if path.suffix != ".gold" and path.with_suffix(".gold").exists()
)


@pytest.mark.parametrize("path", GOLD_DOCUMENTS, ids=lambda path: path.name)
def test_gold_sentences_headings_and_no_boilerplate(path: Path) -> None:
    gold = evaluation.read_gold(path.with_suffix(".gold"))
    found = evaluation.sentences_of(load_document(str(path)))
    score = evaluation.score(found, gold)
    assert score.f1 >= 0.95
    assert score.headings_found == score.headings
    assert score.boilerplate == []


def test_committed_epub_fixtures_are_what_the_script_builds() -> None:
    for name, build in build_epub.BOOKS.items():
        assert (FIXTURES / name).read_bytes() == build_epub.epub_bytes(build())


# -- HTML -----------------------------------------------------------------------

ARTICLE = """<html><head><meta charset="{charset}"><title>Seite | Verlag</title></head><body>
<nav><ul><li>Start</li><li>Politik</li></ul></nav>
<article><h1>Grüße aus Köln</h1>
<p>Der Dom steht seit über siebenhundert Jahren am Rhein.<sup><a href="#fn1" id="r1">1</a></sup>
Jedes Jahr kommen &auml;hnlich viele Besucher wie im Vorjahr&nbsp;&ndash; rund sechs Millionen.</p>
<p>Die Bauarbeiten am Dom enden nie, sagen die Kölner gern. Die Dombauhütte beschäftigt heute
fast hundert Menschen aus vielen Berufen.</p>
<ol class="footnotes"><li id="fn1">Fertiggestellt wurde er erst 1880.
<a href="#r1">&#8617;</a></li></ol>
</article><footer>Impressum · Datenschutz</footer></body></html>"""


def test_html_declared_charset_entities_title_and_notes() -> None:
    data = ARTICLE.format(charset="iso-8859-1").encode("cp1252")
    document = import_html(data, "koeln.html")
    kinds = [(block.kind, block.text) for block in document.blocks]
    assert kinds[0] == ("heading", "Grüße aus Köln")
    assert document.title == "Grüße aus Köln"
    body = document.blocks[1]
    assert "ähnlich viele Besucher wie im Vorjahr – rund" in body.text
    assert [ref.marker for ref in body.footnotes] == ["1"]
    assert body.text[: body.footnotes[0].position].endswith("am Rhein.")
    assert kinds[-1] == ("footnote", "Fertiggestellt wurde er erst 1880.")
    assert document.blocks[-1].marker == "1"
    assert not any("Impressum" in text or "Politik" in text for _, text in kinds)
    assert document.warnings == ()


def test_html_references_attach_to_their_sentence() -> None:
    document = import_html(ARTICLE.format(charset="utf-8").encode(), "koeln.html")
    sentences = list(all_sentences(segment_document(document)))
    assert sentences[1].text == "Der Dom steht seit über siebenhundert Jahren am Rhein."
    assert sentences[1].footnotes == ("1",)
    assert sentences[-1].kind == "footnote"
    assert {sentence.section for sentence in sentences} == {"Grüße aus Köln"}


def test_bare_superscripts_after_punctuation_are_notes_others_stay_text() -> None:
    page = (
        "<html><body><article><h1>Fläche</h1><p>Die Fläche beträgt 12 km<sup>2</sup> und "
        "wächst.<sup>3</sup> Das sagen alle Fachleute aus der Region übereinstimmend.</p>"
        "</article></body></html>"
    )
    block = import_html(page.encode(), "f.html").blocks[1]
    assert block.text.startswith("Die Fläche beträgt 12 km² und wächst. Das sagen")
    assert [(ref.position, ref.marker) for ref in block.footnotes] == [(37, "3")]


def test_html_text_after_a_comment_is_kept() -> None:
    # telemedicus.info: a CMS marker comment opens the review's first paragraph;
    # trafilatura drops a comment node with the text behind it.
    page = (
        '<html><body><article><h1>Rezension</h1><div class="body">'
        "<p><!-- s9ymdb:1366 -->Das Internet, ein rechtsfreier Raum? Diese Mär wird mit dem "
        "neuen Buch endgültig ins Reich der Mythen verbannt.</p>"
        "<p>Ein Blick in das Inhaltsverzeichnis zeigt aber: Hier bleiben kaum Fragen offen, "
        "in neun Kapiteln erfasst das Buch alle Rechtsgebiete.</p>"
        "<p>Den Abschluss bildet die angehängte Übersicht der Rechtsprechung, die noch "
        "einmal viele Seiten einnimmt.</p></div></article></body></html>"
    )
    texts = [block.text for block in import_html(page.encode(), "r.html").blocks]
    assert texts[:2] == [
        "Rezension",
        "Das Internet, ein rechtsfreier Raum? Diese Mär wird mit dem neuen Buch endgültig "
        "ins Reich der Mythen verbannt.",
    ]


def test_html_emphasis_after_a_line_break_stays_in_its_line() -> None:
    # telemedicus.info: with formatting, trafilatura split "Den <em>eigentlichen</em>
    # Abschluss" after a <br> into "Den" and "eigentlichenAbschluss".
    page = (
        "<html><body><article><h1>Rezension</h1><section>"
        "Das Internet, ein rechtsfreier Raum? Diese Mär wird mit dem neuen Buch endgültig "
        "ins Reich der Mythen verbannt, das Internetrecht zählt zum Lehrplan.<br>\n<br>\n"
        "Ein Blick in das Inhaltsverzeichnis zeigt aber: Hier bleiben kaum Fragen offen, "
        "in neun Kapiteln erfasst das Buch alle Rechtsgebiete.<br>\n<br>\n"
        "Den <em>eigentlichen </em>Abschluss des Informationsteils bildet die angehängte "
        "Übersicht der Rechtsprechung, die noch einmal viele Seiten einnimmt."
        "</section></article></body></html>"
    )
    texts = [block.text for block in import_html(page.encode(), "r.html").blocks]
    assert texts[-2:] == [
        "Ein Blick in das Inhaltsverzeichnis zeigt aber: Hier bleiben kaum Fragen offen, in "
        "neun Kapiteln erfasst das Buch alle Rechtsgebiete.",
        "Den eigentlichen Abschluss des Informationsteils bildet die angehängte Übersicht "
        "der Rechtsprechung, die noch einmal viele Seiten einnimmt.",
    ]


def test_html_with_no_main_content_is_an_error() -> None:
    page = (
        b"<html><body><nav><a href='/'>Start</a> <a href='/a'>Politik</a></nav>"
        b"<div class='cookie'>Wir nutzen Cookies.</div><footer>Impressum</footer></body></html>"
    )
    with pytest.raises(NoMainContentError, match=re.escape("menu.html: no main text found")):
        import_html(page, "menu.html")


WRAPPED = """<html><head><title>Seite</title></head><body class="{wrapper}">
<nav><a href="/">Start</a> <a href="/p">Politik</a></nav>
<div class="{wrapper}"><article><h1>Der Hafen</h1>
<p>Im Frühjahr liefen mehr Schiffe in den Hafen ein als in jedem Jahr zuvor.
Die Stadt baut deshalb einen dritten Kai am Nordufer des Flusses.</p>
<p>Die Arbeiten sollen im Herbst beginnen und drei Jahre dauern, sagte die Bürgermeisterin.</p>
</article></div><footer>Impressum</footer></body></html>"""


@pytest.mark.parametrize(
    "wrapper", ["no-sidebars", "no-sidebar", "cookies-not-set", "left-sidebar", "footer-top-hidden"]
)
def test_wrapper_class_names_do_not_make_an_article_boilerplate(wrapper: str) -> None:
    # Regression: words under any class *containing* sidebar/cookie/footer
    # counted as boilerplate, and the page was refused.
    document = import_html(WRAPPED.format(wrapper=wrapper).encode(), "hafen.html")
    texts = [block.text for block in document.blocks]
    assert texts[0] == "Der Hafen"
    assert texts[1].startswith("Im Frühjahr liefen mehr Schiffe")
    assert "Impressum" not in " ".join(texts)


def test_an_article_inside_aside_header_or_form_is_read() -> None:
    page = WRAPPED.format(wrapper="x").replace("<article>", "<form><aside><header>")
    page = page.replace("</article>", "</header></aside></form>")
    document = import_html(page.encode(), "hafen.html")
    assert any("dritten Kai" in block.text for block in document.blocks)


def test_an_article_inside_an_unclosed_nav_is_read() -> None:
    # Regression (fifplay.com): an unclosed <nav> nests the whole page in it;
    # its article counted as menu text and the page was refused.
    page = (
        '<html><body><header><nav class="navbar"><a href="/">Start</a>'
        '<div class="container"><main><article><h1>Die Einstellungen</h1>'
        "<p>Die Einstellungen des Spiels lassen sich im Menü anpassen, dort stehen alle "
        "Optionen.</p><p>Die Halbzeit dauert wahlweise vier bis zwanzig Minuten, je nach "
        "Wunsch der Spieler.</p></article></main></div></body></html>"
    )
    texts = [block.text for block in import_html(page.encode(), "s.html").blocks]
    assert texts == [
        "Die Einstellungen",
        "Die Einstellungen des Spiels lassen sich im Menü anpassen, dort stehen alle Optionen.",
        "Die Halbzeit dauert wahlweise vier bis zwanzig Minuten, je nach Wunsch der Spieler.",
    ]


def test_utf8_bytes_win_over_a_stale_latin1_declaration() -> None:
    # Regression: a page saved as UTF-8 that still declares iso-8859-1 came
    # out as mojibake ("fÃ¼r").
    page = ARTICLE.format(charset="iso-8859-1").replace(
        "Vorjahr", "Vorjahr, jetzt für nur 5,99 Euro"
    )
    document = import_html(page.encode("utf-8"), "koeln.html")
    assert document.blocks[0].text == "Grüße aus Köln"
    assert "jetzt für nur 5,99 Euro" in document.blocks[1].text
    assert document.warnings == ()


def test_figure_captions_are_kept_as_captions_beside_their_paragraph() -> None:
    page = """<html><body><nav><a href="/">Start</a></nav><article><h1>Der Hafen</h1>
<p>Im Frühjahr liefen mehr Schiffe in den Hafen ein als in jedem Jahr zuvor, sagt die Stadt.
Die meisten von ihnen brachten Holz aus Skandinavien und Getreide aus dem Baltikum.</p>
<figure><img src="kai.jpg" alt="">
<figcaption>Der neue Kai am Nordufer. (Foto: Stadt)</figcaption></figure>
<p>Die Arbeiten sollen im Herbst beginnen und drei Jahre dauern, sagte die Bürgermeisterin.
Der Bund trägt die Hälfte der Kosten, das Land ein Viertel, die Stadt den Rest.</p>
<p>Anwohner fürchten den Lärm der Baustelle. Die Stadt verspricht, nachts nicht zu bauen,
und will die Lastwagen über die Umgehungsstraße leiten, nicht durch die Altstadt.</p>
</article><footer>Impressum</footer></body></html>"""
    blocks = import_html(page.encode(), "hafen.html").blocks
    assert [block.kind for block in blocks] == [
        "heading",
        "paragraph",
        "caption",
        "paragraph",
        "paragraph",
    ]
    assert blocks[2].text == "Der neue Kai am Nordufer. (Foto: Stadt)"
    sentences = list(all_sentences(segment_document(import_html(page.encode(), "h.html"))))
    assert next(s.text for s in sentences if "Kai" in s.text) == "Der neue Kai am Nordufer."


# -- EPUB -----------------------------------------------------------------------


def _book(**changes) -> bytes:
    book = build_epub.roman()
    for name, value in changes.items():
        setattr(book, name, value)
    return build_epub.epub_bytes(book)


def test_epub_spine_order_titles_notes_and_progress() -> None:
    calls = []
    document = import_epub(_book(), "werft.epub", progress=lambda done, total: calls.append(done))
    headings = [block.text for block in document.blocks if block.kind == "heading"]
    assert headings[0] == "Erstes Kapitel: Der Umzug"
    assert "Inhalt" not in headings  # the navigation document in the spine is skipped
    assert calls == [1, 2, 3, 4, 5]  # nav, cover, three chapters
    assert document.title == "Die Werft"
    notes = [block for block in document.blocks if block.kind == "footnote"]
    assert [note.marker for note in notes] == ["1", "2", "3"]


def test_epub2_chapter_titles_come_from_the_ncx() -> None:
    document = load_document(str(FIXTURES / "chronik.epub"))
    assert document.blocks[0].kind == "heading"
    assert document.blocks[0].text == "1. Die Gründung"


def _encryption(algorithm: str, uri: str) -> bytes:
    """A ``META-INF/encryption.xml`` with one encrypted file."""
    return f"""<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
 xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
<enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
</enc:EncryptedData></encryption>""".encode()


def test_drm_encrypted_epub_is_refused() -> None:
    encryption = _encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/kapitel1.xhtml")
    data = _book(extra={"META-INF/encryption.xml": encryption})
    with pytest.raises(EpubError, match=re.escape("book.epub: this EPUB is encrypted")):
        import_epub(data, "book.epub")


def test_font_obfuscation_is_not_drm() -> None:
    encryption = _encryption("http://www.idpf.org/2008/embedding", "OEBPS/font.otf")
    document = import_epub(_book(extra={"META-INF/encryption.xml": encryption}), "book.epub")
    assert document.blocks


def test_truncated_epub_is_one_clear_error() -> None:
    data = _book()
    with pytest.raises(EpubError, match=re.escape("book.epub: not a readable EPUB")):
        import_epub(data[: len(data) // 2], "book.epub")


def test_a_corrupt_chapter_inside_an_intact_archive_is_named() -> None:
    data = bytearray(_book())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("OEBPS/kapitel2.xhtml")
    start = info.header_offset + 30 + len(info.filename.encode())
    for offset in range(start + 10, start + 30):
        data[offset] ^= 0xFF
    with pytest.raises(
        EpubError, match=re.escape("damaged EPUB: cannot read OEBPS/kapitel2.xhtml")
    ):
        import_epub(bytes(data), "book.epub")


def test_zip_without_container_is_not_an_epub() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    with pytest.raises(EpubError, match=re.escape("without META-INF/container.xml")):
        import_epub(buffer.getvalue(), "x.epub")


def _rewritten(changes: dict[str, bytes | None]) -> bytes:
    """The novel with some members replaced (``None``: left out)."""
    source = zipfile.ZipFile(io.BytesIO(_book()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            data = changes.get(name, source.read(name))
            if data is not None:
                archive.writestr(name, data)
    return buffer.getvalue()


SPINE_WITHOUT_CHAPTERS = b"""<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>
<manifest><item id="i" href="images/bild.png" media-type="image/png"/></manifest>
<spine><itemref idref="i"/></spine></package>"""
CONTAINER_WITHOUT_ROOTFILE = b"""<?xml version="1.0"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles/></container>"""
ONLY_IMAGES = {
    f"OEBPS/{name}": build_epub.xhtml(
        "x", '<p><img src="images/bild.png" alt="Bild"/></p>'
    ).encode()
    for name in ("cover.xhtml", "kapitel1.xhtml", "kapitel2.xhtml", "kapitel3.xhtml")
}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"OEBPS/kapitel2.xhtml": None}, "damaged EPUB: OEBPS/kapitel2.xhtml is missing"),
        ({"OEBPS/content.opf": b"\x00\x01 not xml"}, "damaged EPUB: OEBPS/content.opf is not XML"),
        (
            {"META-INF/container.xml": CONTAINER_WITHOUT_ROOTFILE},
            "damaged EPUB: container.xml names no package document",
        ),
        (
            {"OEBPS/content.opf": SPINE_WITHOUT_CHAPTERS},
            "damaged EPUB: the spine lists no chapters",
        ),
        (ONLY_IMAGES, "this EPUB has no text (only images?)"),
    ],
    ids=["missing chapter", "package not XML", "no rootfile", "empty spine", "only images"],
)
def test_damaged_epub_parts_are_named(changes: dict[str, bytes | None], message: str) -> None:
    with pytest.raises(EpubError, match=re.escape(f"book.epub: {message}")):
        import_epub(_rewritten(changes), "book.epub")


def test_html_with_a_wrong_declared_charset_is_read_with_a_warning() -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><article><p>{}</p></article></body></html>'
    )
    text = "Die Straße führt über die Brücke. Dort stehen die Häuser der Fischer am Ufer."
    document = import_html(page.format(text).encode("cp1252"), "alt.html")
    assert "Stra\ufffde" in document.blocks[-1].text
    assert document.warnings == (
        "alt.html: not valid utf-8 as declared (offset 67); undecodable bytes replaced",
    )


def test_zip_bomb_is_capped() -> None:
    bomb = "<p>" + "A" * 2_000_000 + "</p>"
    book = build_epub.Book("Bombe", [build_epub.Chapter("k.xhtml", "K", bomb)])
    data = build_epub.epub_bytes(book)
    assert len(data) < 50_000
    with pytest.raises(EpubError, match="refusing to decompress"):
        import_epub(data, "bomb.epub", max_decompressed=1_000_000)


# -- Markdown -------------------------------------------------------------------


def test_markdown_code_is_verbatim_and_emphasis_and_links_are_text() -> None:
    source = (
        "# Titel\n\nEin *wichtiger* [Link](http://x.de) und `code_span()`.[^a]\n\n"
        "    eingerückt  = 1\n\n```\n  a = [1, 2]\n```\n\n[^a]: Die Anmerkung.\n"
    )
    document = import_markdown(source.encode(), "n.md")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Titel"),
        ("paragraph", "Ein wichtiger Link und code_span()."),
        ("footnote", "Die Anmerkung."),  # anchored right after the paragraph citing it
        ("code", "eingerückt  = 1"),
        ("code", "  a = [1, 2]"),
    ]
    assert document.blocks[1].footnotes[0].marker == "1"
    assert document.blocks[2].marker == "1"


LAW = FIXTURES / "gesetz.md"
"""Excerpts of StVO, BGB and IfSG from github.com/bundestag/gesetze (German
federal law: public domain, § 5 UrhG), and one self-written line."""


def _law_blocks() -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in load_document(str(LAW)).blocks]


def test_law_list_labels_stay_with_their_items() -> None:
    # Regression: ordered-list numbers were dropped ("1.  die …" → "die …").
    items = [text for kind, text in _law_blocks() if kind == "list_item"]
    assert items[:4] == [
        "1. innerhalb geschlossener Ortschaften für alle Kraftfahrzeuge 50 km/h,",
        "2. außerhalb geschlossener Ortschaften",
        "a)  für",
        "aa) Kraftfahrzeuge mit einer zulässigen Gesamtmasse über 3,5 t bis 7,5 t, "
        "ausgenommen Personenkraftwagen,",
    ]
    assert "1. (weggefallen)" in items


def test_law_indented_sub_items_are_prose_not_code() -> None:
    # Regression: indented "aa)" sub-items became untranslated code.
    assert [text for kind, text in _law_blocks() if kind == "code"] == []


def test_real_indented_code_stays_code() -> None:
    source = "Beispiel:\n\n    def summe(a, b):\n        return a + b\n"
    blocks = import_markdown(source.encode(), "c.md").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Beispiel:"),
        ("code", "def summe(a, b):\n    return a + b"),
    ]


def test_law_line_wrap_hyphens_follow_the_pdf_rule() -> None:
    # Regression: "Paul-⏎Ehrlich-Institut" came out as "Paul- Ehrlich-Institut".
    text = " ".join(text for _, text in _law_blocks())
    assert "das Paul-Ehrlich-Institut auszuschließen" in text
    assert "vorgeschriebene Rollstuhl-Rückhaltesysteme und" in text
    assert "beim Verwaltungsgericht zu erheben" in text
    assert "jeweiligen Leistungs- oder Auslieferungsbezirk" in text  # truncated compound
    assert re.search(r"\w- (?!oder|und)\w", text) is None


def test_law_definition_lists_read_term_colon_definition() -> None:
    # Regression: "Ausfertigungsdatum : 2013-03-06".
    texts = [text for _, text in _law_blocks()]
    assert texts[1:3] == ["Ausfertigungsdatum: 2013-03-06", "Fundstelle: BGBl I: 2013, 367"]
    assert texts[3].endswith("Zuletzt geändert durch: Art. 13 G v. 12.7.2021 I 3091")


def test_law_footnote_stays_anchored_to_its_reference() -> None:
    # Regression: the note gathered at the end, and its reference (a line of
    # its own after the heading) was lost.
    blocks = load_document(str(LAW)).blocks
    at = next(i for i, b in enumerate(blocks) if b.text == "§ 14 Unternehmer")
    assert [ref.marker for ref in blocks[at].footnotes] == ["1"]
    assert blocks[at + 1].kind == "footnote"
    assert blocks[at + 1].marker == "1"
    assert blocks[at + 1].text.startswith("Amtlicher Hinweis:")


# -- detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.html", b"<p>Hallo</p>", "html"),
        ("a.htm", b"<!DOCTYPE html><html></html>", "html"),
        ("a.xhtml", b"<?xml version='1.0'?><html></html>", "html"),
        ("a.md", b"# Titel", "md"),
        ("a.markdown", b"Text", "md"),
        ("a.txt", b"Text", "txt"),
        ("-", b"<!doctype html><html><body></body></html>", "html"),
        ("-", b"PK\x03\x04rest", "epub"),
        ("-", b"Nur Text.", "txt"),
        ("noextension", b"<html><body>x</body></html>", "html"),
    ],
)
def test_format_detection(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("book.epub", b"<!DOCTYPE html><html><body>Hallo</body></html>", "an HTML page"),
        ("book.epub", b"Nur Text.", "not a ZIP archive"),
        ("page.html", b"PK\x03\x04rest", "a ZIP archive"),
        ("notes.txt", b"PK\x03\x04rest", "a ZIP archive"),
    ],
)
def test_an_extension_that_lies_is_refused(name: str, data: bytes, says: str) -> None:
    with pytest.raises(ExtensionMismatchError, match=f"{name}: the extension says .* {says}"):
        detect_format(name, data)


def test_from_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("# Titel\n\nText hier.", encoding="utf-8")
    assert load_document(str(path), "md").blocks[0].kind == "heading"
    assert load_document(str(path)).blocks[0].kind == "text"


def test_binary_html_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary"):
        import_html(b"\x00\x01\x02" * 100, "x.html")


# -- nothing lost: every importer, every fixture --------------------------------

INVARIANT_DOCUMENTS = [
    path for path in sorted(FIXTURES.iterdir()) if path.suffix in (".html", ".epub", ".md")
] + [
    path
    for path in sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))
    # the PDFs with gold are the readable ones (others are refused on purpose)
    if path.with_suffix(".gold.jsonl").exists()
]
PLAIN_TEXT = (
    "Er kam am Montag. 1917 zog er nach Leipzig.\n\nDie Zahl steht am Ende. 1917\n\n"
    "Siehe Nr. 3 und lfd. Nr. 4 (vgl. S. 12 f.).\n"
)


def lost_characters(document) -> str:
    """The non-space characters of the document's text that no sentence holds
    and that are no footnote marker of a neighbouring sentence."""
    sentences = list(all_sentences(segment_document(document)))
    covered = bytearray(len(document.text))
    for sentence in sentences:
        covered[sentence.start : sentence.end] = b"\x01" * (sentence.end - sentence.start)
    markers = {marker for sentence in sentences for marker in sentence.footnotes}
    lost = []
    for found in re.finditer(r"\S+", document.text):
        missing = "".join(
            char for offset, char in enumerate(found.group(), found.start()) if not covered[offset]
        )
        if missing and missing not in markers:
            lost.append(missing)
    return " ".join(lost)


@pytest.mark.parametrize("path", INVARIANT_DOCUMENTS, ids=lambda path: Path(path).name)
def test_every_character_is_in_a_sentence_or_is_a_footnote_marker(path: Path) -> None:
    document = load_document(str(path))
    assert document.text.strip()
    assert lost_characters(document) == ""


def test_plain_text_loses_no_character() -> None:
    document = load_document("-", "txt", stdin=io.BytesIO(PLAIN_TEXT.encode()))
    assert lost_characters(document) == ""


def test_a_contents_page_in_the_spine_is_not_body() -> None:
    # Regression: a book's own contents page came out as body sentences.
    book = build_epub.roman()
    links = "".join(
        f'<p><a href="{chapter.file}">{chapter.title}</a></p>'
        for chapter in book.chapters
        if chapter.title
    )
    contents = build_epub.Chapter("inhalt.xhtml", None, f"<h1>Inhalt</h1>{links}")
    titles_only = build_epub.Chapter(
        "verzeichnis.xhtml",
        None,
        "<h1>Verzeichnis</h1>"
        + "".join(f"<p>{chapter.title}</p>" for chapter in book.chapters if chapter.title),
    )
    book.chapters = [contents, titles_only, *book.chapters]
    document = import_epub(build_epub.epub_bytes(book), "werft.epub")
    texts = [block.text for block in document.blocks]
    assert "Inhalt" not in texts and "Verzeichnis" not in texts
    assert texts.count("Erstes Kapitel: Der Umzug") == 1  # the chapter's own heading
    assert texts == [block.text for block in import_epub(_book(), "werft.epub").blocks]


# -- front and back matter (issue 19) -------------------------------------------

real_epubs = _script("build_real_epubs")


def _tei_book(identifier: str = "textgrid:sb4n.0", first_edition: str = "") -> object:
    chapter = real_epubs.TeiChapter(
        ["Erstes Kapitel"], ["Der Regen hörte nicht auf.", "Am Abend kam der Bote."]
    )
    two = real_epubs.TeiChapter(["Zweites Kapitel"], ["Er kam nicht."])
    three = real_epubs.TeiChapter(["Drittes Kapitel"], ["Es war ein stiller Tag."])
    return real_epubs.TeiBook(
        "Theodor Fontane", "Der Bote", identifier, first_edition, [chapter, two, three]
    )


def _kinds(data: bytes) -> list[tuple[str, str]]:
    document = import_epub(data, "book.epub")
    return [(block.kind, block.text) for block in document.blocks]


def test_gutenberg_header_and_licence_are_matter_and_the_contents_page_is_not_body() -> None:
    blocks = _kinds(real_epubs.epub_bytes(real_epubs.gutenberg_epub3(_tei_book())))
    kinds = [kind for kind, _ in blocks]
    texts = [text for _, text in blocks]
    header_end = texts.index("*** START OF THE PROJECT GUTENBERG EBOOK DER BOTE ***")
    footer = texts.index("*** END OF THE PROJECT GUTENBERG EBOOK DER BOTE ***")
    assert set(kinds[: header_end + 1]) == {"matter"}
    assert texts[0] == "The Project Gutenberg eBook of Der Bote, by Theodor Fontane"
    assert set(kinds[footer:]) == {"matter"}
    assert "THE FULL PROJECT GUTENBERG LICENSE" in texts[footer:]
    assert blocks[header_end + 1 : footer] == [
        ("heading", "Der Bote"),
        ("paragraph", "von"),
        ("paragraph", "Theodor Fontane"),
        ("heading", "Erstes Kapitel"),
        ("paragraph", "Der Regen hörte nicht auf."),
        ("paragraph", "Am Abend kam der Bote."),
        ("heading", "Zweites Kapitel"),
        ("paragraph", "Er kam nicht."),
        ("heading", "Drittes Kapitel"),
        ("paragraph", "Es war ein stiller Tag."),
    ]  # the contents page ("Inhalt", links to both chapters) is not among them


def test_imprint_colophon_and_copyright_page_are_matter() -> None:
    book = _tei_book(first_edition="Erstdruck: Leipzig (Otto Wigand) 1846.")
    blocks = _kinds(real_epubs.epub_bytes(real_epubs.standard_ebooks_epub3(book)))
    matter = [text for kind, text in blocks if kind == "matter"]
    assert matter[0] == "Impressum"
    assert "Kolophon" in matter and "Gemeinfreiheit" in matter
    assert "Gesetzt in Crimson Pro; das Titelbild zeigt einen Birnbaum." in matter
    assert [text for kind, text in blocks if kind == "paragraph"][-1] == "Es war ein stiller Tag."
    assert blocks[-1] == (
        "matter",
        "Die Herausgeber dieses E-Books erheben keinen Anspruch auf Urheberrechte an "
        "ihrer Arbeit; sie widmen sie der Gemeinfreiheit (CC0 1.0).",
    )


def test_an_epub2_page_headed_impressum_is_matter_and_its_notes_stay_notes() -> None:
    book = _tei_book(first_edition="Erstdruck: Leipzig (Otto Wigand) 1846.")
    book.chapters[0].paragraphs[0] = "Der Regen\x001\x00 hörte nicht auf."
    book.chapters[0].notes.append("Es regnete drei Tage.")
    blocks = _kinds(real_epubs.epub_bytes(real_epubs.endnotes_epub2(book, 3)))
    assert blocks[:5] == [
        ("matter", "Impressum"),
        ("matter", "Theodor Fontane: Der Bote."),
        ("matter", "Textgrundlage: TextGrid Repository, textgrid:sb4n.0."),
        ("matter", "Erstdruck: Leipzig (Otto Wigand) 1846."),
        ("heading", "Erstes Kapitel"),
    ]
    assert ("footnote", "Es regnete drei Tage.") in blocks
    assert "matter" not in {kind for kind, _ in blocks[4:]}


def test_gutenberg_text_markers_without_markup_delimit_the_matter() -> None:
    """Older Project Gutenberg books: the header and licence are plain paragraphs;
    the licence runs from the END marker to the end of the book, across files."""
    first = build_epub.Chapter(
        "a.xhtml",
        "Erstes Kapitel",
        "<p>The Project Gutenberg EBook of Der Bote</p>\n"
        "<p>*** START OF THIS PROJECT GUTENBERG EBOOK DER BOTE ***</p>\n"
        "<h1>Erstes Kapitel</h1><p>Der Regen hörte nicht auf.</p>",
    )
    second = build_epub.Chapter(
        "b.xhtml",
        "Ende",
        "<p>Es war ein stiller Tag.</p>\n"
        "<div><p>*** END OF THIS PROJECT GUTENBERG EBOOK DER BOTE ***</p></div>\n"
        "<p>Updated editions will replace the previous one.</p>",
    )
    third = build_epub.Chapter("c.xhtml", None, "<p>Section 1. General Terms of Use</p>")
    book = build_epub.Book("Der Bote", [first, second, third], version=3)
    assert _kinds(build_epub.epub_bytes(book)) == [
        ("matter", "The Project Gutenberg EBook of Der Bote"),
        ("matter", "*** START OF THIS PROJECT GUTENBERG EBOOK DER BOTE ***"),
        ("heading", "Erstes Kapitel"),
        ("paragraph", "Der Regen hörte nicht auf."),
        ("heading", "Ende"),
        ("paragraph", "Es war ein stiller Tag."),
        ("matter", "*** END OF THIS PROJECT GUTENBERG EBOOK DER BOTE ***"),
        ("matter", "Updated editions will replace the previous one."),
        ("matter", "Section 1. General Terms of Use"),
    ]


def test_matter_blocks_become_matter_sentences() -> None:
    document = import_epub(
        real_epubs.epub_bytes(real_epubs.standard_ebooks_epub3(_tei_book())), "book.epub"
    )
    sentences = list(all_sentences(segment_document(document)))
    by_text = {sentence.text: sentence.kind for sentence in sentences}
    assert by_text["Gesetzt in Crimson Pro; das Titelbild zeigt einen Birnbaum."] == "matter"
    assert by_text["Es war ein stiller Tag."] == "sentence"


# -- identifiers and bibliographic notes in real e-books (segmenter: issue 20) ------


def test_a_textgrid_identifier_in_an_imprint_keeps_its_digit() -> None:
    data = real_epubs.epub_bytes(real_epubs.endnotes_epub2(_tei_book("textgrid:sb4n.0"), 2))
    sentences = list(all_sentences(segment_document(import_epub(data, "book.epub"))))
    line = next(s for s in sentences if "TextGrid" in s.text)
    assert (line.text, line.footnotes) == (
        "Textgrundlage: TextGrid Repository, textgrid:sb4n.0.",
        (),
    )


@pytest.mark.xfail(
    strict=True,
    reason="issue 20: the segmenter splits a bibliographic note inside its parentheses",
)
def test_a_bibliographic_note_is_not_split_inside_its_parentheses() -> None:
    note = (
        "Erste Buchausgabe: Freiburg i.Br. (Friedrich Ernst Fehsenfeld) 1898 "
        "(= Karl May's gesammelte Reisererzählungen. Band 26)."
    )
    data = real_epubs.epub_bytes(real_epubs.endnotes_epub2(_tei_book(first_edition=note), 2))
    sentences = list(all_sentences(segment_document(import_epub(data, "book.epub"))))
    assert [s.text for s in sentences if "Buchausgabe" in s.text or "Band 26" in s.text] == [note]


def test_an_identifier_in_parentheses_stays_in_its_sentence() -> None:
    data = real_epubs.epub_bytes(real_epubs.standard_ebooks_epub3(_tei_book("textgrid:n1vv.0")))
    sentences = list(all_sentences(segment_document(import_epub(data, "book.epub"))))
    line = next(s for s in sentences if s.text.startswith("Dieses E-Book"))
    assert line.text.endswith("Repository (textgrid:n1vv.0) beruht.")
    assert line.footnotes == ()


def test_a_gutenberg_html_book_is_read_whole_with_its_header_and_licence_as_matter() -> None:
    page = real_epubs.gutenberg_html(_tei_book()).encode()
    blocks = [(block.kind, block.text) for block in import_html(page, "bote.html").blocks]
    texts = [text for _, text in blocks]
    start = texts.index("*** START OF THE PROJECT GUTENBERG EBOOK DER BOTE ***")
    end = texts.index("*** END OF THE PROJECT GUTENBERG EBOOK DER BOTE ***")
    assert {kind for kind, _ in blocks[: start + 1]} == {"matter"}
    assert {kind for kind, _ in blocks[end:]} == {"matter"}
    assert "THE FULL PROJECT GUTENBERG LICENSE" in texts[end:]
    assert blocks[start + 1 : end] == [
        ("heading", "Der Bote"),
        ("paragraph", "von Theodor Fontane"),
        ("heading", "Erstes Kapitel"),
        ("paragraph", "Der Regen hörte nicht auf."),
        ("paragraph", "Am Abend kam der Bote."),
        ("heading", "Zweites Kapitel"),
        ("paragraph", "Er kam nicht."),
        ("heading", "Drittes Kapitel"),
        ("paragraph", "Es war ein stiller Tag."),
    ]  # the in-page contents table ("Inhalt", links to the chapters) is left out


def test_a_web_sites_imprint_page_is_a_page_to_read_not_book_matter() -> None:
    """Regression: the e-book rule "a page headed Impressum is matter" made a
    web imprint page matter and read it whole, menus and footer included."""
    page = (
        "<html><head><title>Impressum | Agentur</title></head><body>"
        '<nav><a href="/">Start</a> <a href="/team">Team</a> <a href="/kontakt">Kontakt</a></nav>'
        "<main><h1>Impressum</h1>"
        "<p>Angaben gemäß § 5 TMG: Agentur Beispiel GmbH, Hauptstraße 1, 12345 Musterstadt.</p>"
        "<p>Vertreten durch die Geschäftsführerin Anna Beispiel, die auch für den Inhalt "
        "dieser Seite verantwortlich ist und Anfragen gern beantwortet.</p>"
        "<p>Die Agentur ist im Handelsregister des Amtsgerichts Musterstadt eingetragen; "
        "die Umsatzsteuer-Identifikationsnummer steht auf jeder Rechnung.</p></main>"
        "<footer><p>© 2020 Agentur Beispiel</p></footer></body></html>"
    ).encode()
    blocks = import_html(page, "impressum.html").blocks
    assert "matter" not in {block.kind for block in blocks}
    assert blocks[0] == Block("heading", "Impressum", level=1)
    assert not any("© 2020" in block.text for block in blocks)


@pytest.mark.parametrize(
    "layout",
    ["calibre_epub2", "gutenberg_epub3", "standard_ebooks_epub3", "footnotes", "endnotes"],
)
def test_the_real_producer_layouts_pass_epubcheck(layout: str, tmp_path: Path) -> None:
    """The evaluation books are valid EPUBs (Debian's epubcheck: a jar)."""
    book = _tei_book(first_edition="Erstdruck: Leipzig (Otto Wigand) 1846.")
    if layout in ("footnotes", "endnotes"):
        book.chapters[0].paragraphs[0] = "Der Regen\x001\x00 hörte nicht auf."
        book.chapters[0].notes.append("Es regnete drei Tage.")
    build = {
        "footnotes": lambda tei: real_epubs.footnotes_epub3(tei, 3),
        "endnotes": lambda tei: real_epubs.endnotes_epub2(tei, 3),
    }.get(layout) or getattr(real_epubs, layout)
    path = tmp_path / "book.epub"
    path.write_bytes(real_epubs.epub_bytes(build(book)))
    result = subprocess.run(
        ["java", "-jar", "/usr/share/java/epubcheck.jar", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout + result.stderr
