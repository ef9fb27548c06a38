"""The HTML page read back with lxml: self-contained, languages, table of
contents, notes and glossary terms, in every layout (the browser test,
test_export_html_browser.py, checks the behaviour)."""

from __future__ import annotations

import pytest
from export_fixtures import DOCUMENTS, FIXTURES
from lxml import html

from reader.views.export.document import Layout
from reader.views.export.html import render_html

SEED = FIXTURES[0]


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("fixture", [SEED, DOCUMENTS / "roman.epub"], ids=["seed", "roman"])
def test_the_page_is_self_contained_and_every_link_resolves(translated, fixture, layout) -> None:
    document = translated(fixture)
    page = html.fromstring(render_html(document, layout))
    assert page.get("lang") == ("en" if layout is Layout.ENGLISH else "de")
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and policy[0].startswith("default-src 'none'")
    # Nothing to fetch: no external stylesheet, script, image or frame.
    assert page.xpath("//link | //script[@src] | //img | //iframe | //object") == []
    ids = set(page.xpath("//@id"))
    links = page.xpath("//a/@href")
    assert links and all(link.startswith("#") and link[1:] in ids for link in links)
    # Every paragraph and heading says its language.
    for block in page.xpath("//main//p | //main//h2 | //main//h3 | //main//h4 | //aside"):
        languages = {element.get("lang") for element in block.iter()} - {None}
        assert languages and languages <= {"de", "en"}
    headings = [p for p in document.paragraphs if p.kind == "heading"]
    assert len(page.xpath("//nav[@class='toc']//a")) == len(headings) + bool(document.glossary)
    # German and English of each sentence, each exactly once on its side.
    sides = ["en"] if layout is Layout.ENGLISH else ["de", "en"]
    for side in sides:
        indices = page.xpath(f"//*[contains(@class, '{side}')]//span[@data-s]/@data-s")
        expected = [
            str(item.sentence.index)
            for item in document.sentences()
            if (item.translation if side == "en" else item.sentence.text)
        ]
        assert sorted(indices, key=int) == expected


def test_glossary_terms_carry_their_entry_and_the_first_use_links_it(translated) -> None:
    document = translated(SEED)
    assert document.glossary
    page = html.fromstring(render_html(document, Layout.TABLE))
    notes = {note.term: note for note in document.glossary}
    abbreviations = page.xpath("//main//abbr")
    assert abbreviations
    for abbr in abbreviations:
        term, _, description = abbr.get("title").partition(": ")
        assert notes[term].description == description
    first_uses = [href[1:] for href in page.xpath("//main//a[@class='term']/@href")]
    assert len(first_uses) == len(set(first_uses))
    entries = page.xpath("//section[@class='glossary']/dl/dt/@id")
    assert set(first_uses) <= set(entries) == {note.anchor for note in document.glossary}


def test_notes_link_to_their_aside_and_back(translated) -> None:
    page = html.fromstring(render_html(translated(DOCUMENTS / "roman.epub"), Layout.INTERLEAVED))
    references = page.xpath("//a[@class='noteref']")
    assert len(references) == 3
    for reference in references:
        (aside,) = page.xpath(f"//aside[@id='{reference.get('href')[1:]}']")
        assert aside.get("role") == "doc-footnote"
        assert aside.xpath("a[@role='doc-backlink']/@href") == [f"#{reference.get('id')}"]
