"""Read exported Markdown back with a real CommonMark parser (markdown-it-py).

The tests never look at the Markdown text itself: they parse it and compare
the structure a renderer would show — blocks, table cells, the plain text of
each sentence — with the document that was exported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    # GitHub-flavoured: tables, strikethrough, autolinks.
    "gfm": MarkdownIt("gfm-like"),
}

FOOTNOTE_OPEN, FOOTNOTE_CLOSE = "<sup>", "</sup>"
_ANCHOR = re.compile(r'<a id="([^"]+)">')


@dataclass
class Inline:
    """What a reader sees in one line of inline content."""

    text: str
    """The visible text, footnote markers left out."""
    footnotes: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    """``(link text, href)`` pairs."""
    anchors: list[str] = field(default_factory=list)
    """``<a id>`` targets."""
    markup: set[str] = field(default_factory=set)
    """Token types other than text, links, footnotes and anchors (emphasis,
    code, other HTML): hostile text must never produce any."""


@dataclass
class Block:
    kind: str
    """``heading``, ``paragraph``, ``quote``, ``rule``, ``list`` or ``table``."""
    lines: list[Inline] = field(default_factory=list)
    """A heading/paragraph/quote: one entry; a list: one per item."""
    rows: list[list[Inline]] = field(default_factory=list)
    """A table: header row first."""
    level: int = 0


def parse_blocks(markdown: str, parser: str) -> list[Block]:
    """The top-level blocks of ``markdown`` as ``parser`` sees them."""
    tokens = PARSERS[parser].parse(markdown)
    blocks: list[Block] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        end = _closing(tokens, position)
        inner = tokens[position : end + 1]
        inlines = [_inline(item) for item in inner if item.type == "inline"]
        if token.type == "heading_open":
            blocks.append(Block("heading", inlines, level=int(token.tag[1])))
        elif token.type == "paragraph_open":
            blocks.append(Block("paragraph", inlines))
        elif token.type == "blockquote_open":
            blocks.append(Block("quote", inlines))
        elif token.type == "hr":
            blocks.append(Block("rule"))
        elif token.type == "bullet_list_open":
            blocks.append(Block("list", inlines))
        elif token.type == "table_open":
            blocks.append(Block("table", rows=_rows(inner)))
        else:
            blocks.append(Block(token.type, inlines))
        position = end + 1
    return blocks


def _closing(tokens: list[Token], start: int) -> int:
    """Index of the token that closes the block opened at ``start``."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    raise AssertionError("unbalanced tokens")


def _rows(tokens: list[Token]) -> list[list[Inline]]:
    rows: list[list[Inline]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(_inline(token))
    return rows


def _inline(token: Token) -> Inline:
    result = Inline(text="")
    text: list[str] = []
    footnote: list[str] | None = None
    href = ""
    link_text: list[str] = []
    for child in token.children or []:
        if child.type == "html_inline" and child.content == FOOTNOTE_OPEN:
            footnote = []
        elif child.type == "html_inline" and child.content == FOOTNOTE_CLOSE:
            result.footnotes.append("".join(footnote or []))
            footnote = None
        elif child.type == "html_inline" and _ANCHOR.fullmatch(child.content):
            result.anchors.append(_ANCHOR.fullmatch(child.content).group(1))
        elif child.type == "html_inline" and child.content == "</a>":
            pass
        elif child.type in ("text", "softbreak"):
            content = child.content if child.type == "text" else " "
            if footnote is not None:
                footnote.append(content)
            else:
                text.append(content)
                link_text.append(content)
        elif child.type == "link_open":
            href = str(child.attrs["href"])
            link_text = []
        elif child.type == "link_close":
            result.links.append(("".join(link_text), href))
        else:
            result.markup.add(child.type)
    result.text = "".join(text)
    return result


def normalise(text: str) -> str:
    """A sentence as the export shows it: whitespace runs become one space."""
    return " ".join(text.split())
