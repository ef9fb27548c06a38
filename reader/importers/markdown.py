"""Markdown notes: markdown-it-py tokens turned into document blocks.

Headings, paragraphs, list items, block quotes and table cells become blocks
of their kind; fenced and indented code becomes a ``code`` block, kept
verbatim and never translated. Footnotes (``[^1]``, the mdit-py-plugins
footnote plugin) become markers and footnote blocks; YAML front matter is
skipped. Inline markup is reduced to its text: emphasis, links (their text,
not the URL), code spans (verbatim), images (left out), inline HTML (left out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.document import Block, BlockKind, Document, FootnoteRef
from reader.source import decode

_CONTAINERS: dict[str, BlockKind] = {
    "list_item_open": "list_item",
    "blockquote_open": "quote",
    "footnote_open": "footnote",
}
_TEXT_BLOCKS = {"heading_open", "paragraph_open", "th_open", "td_open"}


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .enable("strikethrough")
        .use(footnote_plugin)
        .use(front_matter_plugin)
    )


def import_markdown(
    data: bytes, name: str, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """A Markdown file as a document (decoded like plain text).

    ``progress`` is never called: parsing takes milliseconds."""
    source = decode(data, name)
    tokens = _parser().parse(source.text)
    blocks = _Blocks(tokens).run()
    title = next((block.text for block in blocks if block.kind == "heading"), None)
    warnings = (source.warning,) if source.warning else ()
    return Document(name=name, format="md", blocks=tuple(blocks), title=title, warnings=warnings)


class _Blocks:
    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = tokens
        self._labels: dict[int, str] = {}
        for token in tokens:
            if token.type == "footnote_open":
                # Numbered as renderers show them (in order of first reference),
                # not by the label in the source ([^plan]).
                self._labels[token.meta["id"]] = str(token.meta["id"] + 1)

    def run(self) -> list[Block]:
        blocks: list[Block] = []
        context: list[BlockKind] = []
        footnote_texts: list[str] = []
        note_marker: str | None = None
        for position, token in enumerate(self._tokens):
            if token.type in _CONTAINERS:
                context.append(_CONTAINERS[token.type])
                if token.type == "footnote_open":
                    note_marker = self._labels[token.meta["id"]]
                    footnote_texts = []
            elif token.type in ("list_item_close", "blockquote_close"):
                context.pop()
            elif token.type == "footnote_close":
                context.pop()
                text = " ".join(footnote_texts).strip()
                if text:
                    blocks.append(Block("footnote", text, marker=note_marker))
            elif token.type in ("fence", "code_block"):
                text = token.content.rstrip("\n")
                if text.strip():
                    blocks.append(Block("code", text))
            elif token.type in _TEXT_BLOCKS:
                inline = self._tokens[position + 1]
                text, refs = self._inline(inline.children or [])
                if not text:
                    continue
                if context and context[-1] == "footnote":
                    footnote_texts.append(text)
                elif token.type == "heading_open":
                    blocks.append(Block("heading", text, level=int(token.tag[1]), footnotes=refs))
                else:
                    kind: BlockKind = context[-1] if context else "paragraph"
                    blocks.append(Block(kind, text, footnotes=refs))
        return blocks

    def _inline(self, children: Sequence[Token]) -> tuple[str, tuple[FootnoteRef, ...]]:
        parts: list[str] = []
        refs: list[FootnoteRef] = []
        length = 0
        for child in children:
            if child.type == "footnote_ref":
                refs.append(FootnoteRef(length, self._labels.get(child.meta["id"], "?")))
                continue
            if child.type in ("text", "code_inline"):
                piece = child.content
            elif child.type in ("softbreak", "hardbreak"):
                piece = " "
            else:
                continue  # emphasis and link markers, images, inline HTML
            parts.append(piece)
            length += len(piece)
        text = "".join(parts)
        stripped = text.lstrip()
        shift = len(text) - len(stripped)
        text = stripped.rstrip()
        return text, tuple(
            FootnoteRef(min(max(ref.position - shift, 0), len(text)), ref.marker) for ref in refs
        )
