"""Front and back matter of a book: the parts that are about the edition, not the text.

A Project Gutenberg header and licence, an imprint, a colophon, a copyright
page: kept (nothing is lost) but marked, so that the reader shows them apart
and does not translate them. Found by what real producers write:

- EPUB 3 structural semantics and DPUB-ARIA roles: ``imprint``, ``colophon``,
  ``copyright-page`` (Standard Ebooks, most publishers);
- Project Gutenberg's ebookmaker: ``id="pg-header"``/``"pg-footer"``, class
  ``pg-boilerplate`` (and the older ``pgheader``/``pgfooter``);
- Project Gutenberg's text markers where there is no markup for them:
  everything up to ``*** START OF THE PROJECT GUTENBERG EBOOK …`` and from
  ``*** END OF THE PROJECT GUTENBERG EBOOK …`` on;
- in a book only (``by_heading``), a page whose first heading is
  ``Impressum``, ``Imprint``, ``Kolophon`` or ``Colophon`` (EPUB 2 books have
  no ``epub:type``) — a web site's imprint page is a page to read, not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

from reader.importers.markup import element_types, local_name

_MATTER_TYPES = frozenset({"imprint", "colophon", "copyright-page"})
_MATTER_IDS = frozenset({"pg-header", "pg-footer"})
_MATTER_CLASSES = frozenset({"pg-boilerplate", "pgheader", "pgfooter"})
_MATTER_HEADINGS = frozenset({"impressum", "imprint", "kolophon", "colophon"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PG_START = re.compile(r"\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK", re.IGNORECASE)
PG_END = re.compile(r"\*\*\*\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK", re.IGNORECASE)


@dataclass
class MatterFinder:
    """Finds the matter of one book's pages, in reading order (the Gutenberg
    footer runs from its marker to the end of the book, across pages)."""

    by_heading: bool = True
    """Whether a page headed ``Impressum`` (…) is matter as a whole: in an
    e-book's spine, yes; a web page, no."""
    in_footer: bool = False

    def find(self, tree: _Element) -> set[_Element]:
        """The elements of ``tree`` (one spine page) that are front or back matter."""
        body = tree.find("body")
        body = body if body is not None else tree
        if self.in_footer or (self.by_heading and _is_matter_page(body)):
            return {body}
        found = {
            element
            for element in body.iter()
            if isinstance(element.tag, str)
            and (
                element_types(element) & _MATTER_TYPES
                or element.get("id") in _MATTER_IDS
                or set((element.get("class") or "").split()) & _MATTER_CLASSES
            )
        }
        found |= self._gutenberg_markers(body)
        return found

    def _gutenberg_markers(self, body: _Element) -> set[_Element]:
        found: set[_Element] = set()
        for element in body.iter():
            if not isinstance(element.tag, str) or len(element):
                continue  # the innermost element holding the marker
            text = element.text or ""
            if PG_START.search(text):
                found |= _up_to(element, body)
            elif PG_END.search(text):
                found |= _from(element, body)
                self.in_footer = True
        return found


def _is_matter_page(body: _Element) -> bool:
    for element in body.iter():
        if isinstance(element.tag, str) and local_name(element) in _HEADINGS:
            words = " ".join(element.itertext()).split()
            return bool(words) and " ".join(words).casefold() in _MATTER_HEADINGS
    return False


def _up_to(marker: _Element, body: _Element) -> set[_Element]:
    """``marker``, its ancestors' earlier siblings and theirs: everything before it."""
    found = {marker}
    element = marker
    while element is not body and element.getparent() is not None:
        found.update(element.itersiblings(preceding=True))
        element = element.getparent()
    return found


def _from(marker: _Element, body: _Element) -> set[_Element]:
    """``marker`` and everything after it in ``body``."""
    found = {marker}
    element = marker
    while element is not body and element.getparent() is not None:
        found.update(element.itersiblings())
        element = element.getparent()
    return found
