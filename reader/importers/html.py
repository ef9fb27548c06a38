"""Web pages: the main content (no menus, banners, sidebars, footers), with its structure.

The page is decoded with its declared charset and parsed with lxml; footnote
references become markers and the notes are taken out of the page (they
become footnote blocks at the end); then trafilatura — the best-kept
main-content extractor (Apache-2.0; README: *Extractor evaluation*) —
extracts the article as clean HTML, which :class:`~.markup.BlockWalker` turns
into heading, paragraph, list, quote and code blocks.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

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
)

Extractor = Callable[[_Element], str | None]
"""Main-content extraction: a parsed page in, the article as HTML out (``None``: nothing found)."""

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·-]\s+")
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "form", "menu", "dialog")
_BOILERPLATE_CLASS = re.compile(
    r"cookie|consent|banner|newsletter|menu|navigation|breadcrumb|sidebar|footer|share|related",
    re.IGNORECASE,
)
_CONTAINERS = {"ol", "ul", "section", "div", "aside", "footer", "dl"}


_MOSTLY_BOILERPLATE = 0.1
"""At most this share of the extracted words outside menus and banners: no article."""


class NoMainContentError(InputError):
    """The page has no article text, only navigation and boilerplate."""


def trafilatura_extractor(tree: _Element) -> str | None:
    """The article of ``tree`` as HTML, by trafilatura (headings, lists, quotes, code kept)."""
    import trafilatura  # ~0.3 s to import: only when a page is read

    return trafilatura.extract(
        tree,
        output_format="html",
        include_formatting=True,
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
    notes = mark_notes(tree, note_targets(tree))
    walker = BlockWalker()
    for note in notes.notes.values():
        walker.add_note(note)
    footnotes = walker.blocks
    _remove_notes([note.element for note in notes.notes.values()])
    boilerplate = _boilerplate_words(tree)
    article = extractor(tree)
    if article:
        body = BlockWalker()
        body.walk(parse_markup(article, name))
        blocks = body.blocks
    else:
        blocks = []
    # Extractors fall back to the whole page when they find no article: text
    # that all stands in menus, banners and footers is no main content.
    words = [word for block in blocks if block.kind != "heading" for word in block.text.split()]
    if sum(word not in boilerplate for word in words) <= len(words) * _MOSTLY_BOILERPLATE:
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


def _boilerplate_words(tree: _Element) -> set[str]:
    """The words of the page's navigation, banners, forms, sidebars and footers."""
    words: set[str] = set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        classes = (
            f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
        )
        if local_name(element) in _BOILERPLATE_TAGS or _BOILERPLATE_CLASS.search(classes):
            words.update(element.text_content().split())
    return words


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
