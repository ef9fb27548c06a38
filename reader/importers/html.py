"""Web pages: the main content (no menus, banners, sidebars, footers), with its structure.

The page is decoded with its declared charset and parsed with lxml; footnote
references become markers and the notes are taken out of the page (they
become footnote blocks at the end); then trafilatura — the best-kept
main-content extractor (Apache-2.0; README: *Extractor evaluation*) —
extracts the article as clean HTML, which :class:`~.markup.BlockWalker` turns
into heading, paragraph, list, quote and code blocks.

A Project Gutenberg HTML book (its ``pg-header``/``pg-footer`` or START/END
markers, :mod:`.matter`) is a book, not an article: it is read whole, its
header and licence as ``matter``, its in-page contents table left out (an
extractor drops a novel's chapter headings and keeps half the header).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.etree import _Element

from reader.document import Block, Document
from reader.errors import InputError
from reader.importers.markup import (
    BlockWalker,
    decode_markup,
    local_name,
    mark_notes,
    note_targets,
    parse_markup,
    remove_element,
    superscripts_as_text,
)
from reader.importers.matter import MatterFinder

Extractor = Callable[[_Element], str | None]
"""Main-content extraction: a parsed page in, the article as HTML out (``None``: nothing found)."""

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·-]\s+")
_CHROME_TAGS = frozenset(["a", "nav", "menu", "footer", "dialog", "button", "label", "option"])
"""Elements whose text is page chrome: links, menus, footers, dialogs, controls.
Not ``header``, ``aside`` or ``form``: real pages wrap whole articles in them
(an ASP.NET page is one ``<form>``; rnz.de puts its article in an ``<aside>``)."""
_CONTAINERS = {"ol", "ul", "section", "div", "aside", "footer", "dl"}

_MIN_ARTICLE_WORDS = 8
"""Fewer words than this outside the page's links and menus: no article.

Decided on what the extractor returned, word by word, against the page as a
whole — never on class names (``no-sidebars``, ``cookies-not-set`` are
wrappers of whole articles on real pages)."""


_WRAPPER_SHARE = 0.5
"""A link, menu or footer with more than this share of the page's text wraps the page."""


class NoMainContentError(InputError):
    """The page has no article text, only navigation and boilerplate."""


def trafilatura_extractor(tree: _Element) -> str | None:
    """The article of ``tree`` as HTML, by trafilatura (headings, lists, quotes, code kept).

    Without formatting: with it, trafilatura 2.3 splits a line after ``<br>``
    that holds emphasis (``Den <em>eigentlichen</em> Abschluss`` became two
    paragraphs, ``Den`` and ``eigentlichenAbschluss``) and drops a paragraph
    that opens with emphasis (utopia.de); reader shows no emphasis anyway.
    Superscripts are written as text before (:func:`superscripts_as_text`)."""
    import trafilatura  # ~0.3 s to import: only when a page is read

    return trafilatura.extract(
        tree,
        output_format="html",
        include_formatting=False,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )


def import_html(
    data: bytes,
    name: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    extractor: Extractor = trafilatura_extractor,
) -> Document:
    """The main content of an HTML page as a document.

    Raises :class:`NoMainContentError` if the page has no article text.
    ``progress`` is not called: a page imports in well under a second.
    """
    text, warning = decode_markup(data, name)
    tree = parse_markup(text, name)
    title = page_title(tree)
    matter = MatterFinder(by_heading=False).find(tree)
    if matter:
        return _book(tree, name, title, matter, warning)
    notes = mark_notes(tree, note_targets(tree))
    walker = BlockWalker()
    for note in notes.notes.values():
        walker.add_note(note)
    footnotes = walker.blocks
    _remove_notes([note.element for note in notes.notes.values()])
    chrome = _chrome_only_words(tree)
    captions = _captions(tree)  # before extracting: extractors clean the tree in place
    superscripts_as_text(tree)
    article = extractor(tree)
    if article:
        body = BlockWalker()
        body.walk(parse_markup(article, name))
        blocks = _with_captions(body.blocks, captions)
    else:
        blocks = []
    # Extractors fall back to the whole page when they find no article: what
    # they return then is link and menu text, no main content.
    words = [word for block in blocks if block.kind != "heading" for word in block.text.split()]
    if sum(word not in chrome for word in words) < _MIN_ARTICLE_WORDS:
        raise NoMainContentError(
            f"{name}: no main text found in this page (only navigation, banners or other "
            "boilerplate); try --from txt to read all of its text"
        )
    if title and not any(block.kind == "heading" for block in blocks[:2]):
        blocks.insert(0, Block("heading", title, level=1))
    return Document(
        name=name,
        format="html",
        blocks=(*blocks, *footnotes),
        title=title,
        warnings=(warning,) if warning else (),
    )


def _book(
    tree: _Element, name: str, title: str | None, matter: set[_Element], warning: str | None
) -> Document:
    """A whole book page: every block in reading order, notes where they stand."""
    for contents in _contents_tables(tree):
        remove_element(contents)
    walker = BlockWalker(mark_notes(tree, note_targets(tree)), matter)
    body = tree.find("body")
    walker.walk(body if body is not None else tree)
    return Document(
        name=name,
        format="html",
        blocks=tuple(walker.blocks),
        title=title,
        warnings=(warning,) if warning else (),
    )


_CONTENTS_SHARE = 0.8
"""As for an EPUB's contents page: this share of an element's lines are links
to the page's own headings."""
_CONTENTS_CONTAINERS = ("table", "ul", "ol", "div", "nav", "section", "p")


def _contents_tables(tree: _Element) -> list[_Element]:
    """The outermost elements whose lines are links to the page's own chapter headings."""
    heading_ids = {
        element.get("id")
        for heading in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")
        for element in (heading, *heading.iterdescendants(), heading.getprevious())
        if element is not None and element.get("id")
    }
    found: list[_Element] = []
    for element in tree.iter(*_CONTENTS_CONTAINERS):
        if any(outer in found for outer in element.iterancestors()):
            continue
        lines = [" ".join(line.split()) for line in element.itertext() if line.strip()]
        entries = {
            " ".join(anchor.text_content().split())
            for anchor in element.iter("a")
            if anchor.get("href", "").removeprefix("#") in heading_ids
        }
        listed = [line for line in lines if line in entries]
        heading = 1  # "Inhalt" above the entries
        if len(set(listed)) >= 3 and len(listed) + heading >= _CONTENTS_SHARE * len(lines):
            found.append(element)
    return found


def page_title(tree: _Element) -> str | None:
    """The page's title: its first ``h1``, else ``<title>`` without the site name."""
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        if text:
            return text
    for element in tree.iter("title"):
        parts = _TITLE_SEPARATORS.split(" ".join(element.text_content().split()))
        longest = max(parts, key=len, default="")
        if longest:
            return longest
    return None


@dataclass(frozen=True, slots=True)
class _Caption:
    blocks: list[Block]
    """The caption's text, as ``caption`` blocks."""
    anchors: list[tuple[str, bool]]
    """The start of the paragraphs after and before the figure, nearest first,
    as blocks hold them, each with whether the figure stands before it."""


_ANCHOR_LENGTH = 60
_ANCHORS = 4
"""Paragraphs looked at on each side of a figure (a teaser or a box between
the figure and the article's text is not in the article)."""


def _captions(tree: _Element) -> list[_Caption]:
    """The page's figure captions, each with the paragraph it stands next to.

    Extractors drop figures (trafilatura keeps no caption); the caption is put
    back beside its paragraph when that paragraph is in the article."""
    captions = []
    for caption in tree.iter("figcaption"):
        walker = BlockWalker()
        walker.walk(caption, "caption")
        if not walker.blocks:
            continue
        anchors = []
        for path, before in (("following::p", True), ("preceding::p", False)):
            paragraphs = caption.xpath(path) if before else reversed(caption.xpath(path))
            found = 0
            for paragraph in paragraphs:
                inside = any(local_name(a) == "figure" for a in paragraph.iterancestors())
                if not inside and (text := _block_text(paragraph)):
                    anchors.append((text[:_ANCHOR_LENGTH], before))
                    found += 1
                    if found == _ANCHORS:
                        break
        captions.append(_Caption(walker.blocks, anchors))
    return captions


def _block_text(element: _Element) -> str:
    walker = BlockWalker()
    walker.walk(element)
    return walker.blocks[0].text if walker.blocks else ""


def _with_captions(blocks: list[Block], captions: list[_Caption]) -> list[Block]:
    """``blocks`` with each caption beside its paragraph, when the article has it."""
    present = {block.text for block in blocks}
    for caption in captions:
        if all(block.text in present for block in caption.blocks):
            continue
        at = next(
            (
                index if before else index + 1
                for anchor, before in caption.anchors
                for index, block in enumerate(blocks)
                if block.kind != "caption" and block.text.startswith(anchor)
            ),
            None,
        )
        if at is not None:
            blocks[at:at] = caption.blocks
            present.update(block.text for block in caption.blocks)
    return blocks


def _chrome_only_words(tree: _Element) -> set[str]:
    """The words that stand only in the page's links, menus, banners, forms and
    footers (by tag), nowhere in its other text.

    A chrome element that holds most of the page's text is a wrapper, not
    chrome: an unclosed ``<nav>`` (fifplay.com) nests the whole page in it."""
    chrome: set[str] = set()
    prose: set[str] = set()
    in_chrome: dict[_Element, bool] = {}
    page_length = _visible_length(tree)
    for element in tree.iter():
        parent = element.getparent()
        outer = in_chrome.get(parent, False) if parent is not None else False
        if not isinstance(element.tag, str) or local_name(element) in ("script", "style"):
            in_chrome[element] = outer
            (chrome if outer else prose).update((element.tail or "").split())
            continue
        inside = in_chrome[element] = outer or (
            local_name(element) in _CHROME_TAGS
            and _visible_length(element) <= _WRAPPER_SHARE * page_length
        )
        (chrome if inside else prose).update((element.text or "").split())
        (chrome if outer else prose).update((element.tail or "").split())
    return chrome - prose


def _visible_length(element: _Element) -> int:
    """The length of ``element``'s text outside scripts and styles."""
    texts = element.xpath(".//text()[not(ancestor::script or ancestor::style)]")
    return sum(len(text) for text in texts)


def _remove_notes(elements: list[_Element]) -> None:
    """Take the notes out of the page, and the lists or sections that only held notes."""
    containers = {parent for element in elements if (parent := element.getparent()) is not None}
    for element in elements:
        remove_element(element)
    # Innermost first: an emptied list can leave its section empty too.
    for container in sorted(containers, key=lambda e: -len(list(e.iterancestors()))):
        while container is not None and local_name(container) in _CONTAINERS:
            if container.getparent() is None or _has_text(container):
                break
            parent = container.getparent()
            remove_element(container)
            container = parent


def _has_text(element: _Element) -> bool:
    """Whether ``element`` holds text other than headings (a "Notes" title)."""
    probe = copy.deepcopy(element)
    for heading in probe.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"):
        remove_element(heading)
    return bool(probe.text_content().strip())
