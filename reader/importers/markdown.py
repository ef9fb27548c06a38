"""Markdown notes: markdown-it-py tokens turned into document blocks.

Headings, paragraphs, list items, block quotes and table cells become blocks
of their kind. An ordered list item keeps its label (``1.``, ``2)``) at the
start of its text: laws cite "Nr. 3". Fenced code becomes a ``code`` block,
kept verbatim and never translated; indented code only when it does not read
as prose — indented sub-items (``aa)`` under ``a)``) and list continuations
are text. Soft line breaks after a hyphen are joined with the PDF importer's
hyphenation rule (``Verwaltungs-⏎gericht`` → ``Verwaltungsgericht``,
``Paul-⏎Ehrlich-Institut`` keeps its hyphen). Definition lists read as
``term: definition``. Footnotes (``[^1]``, the mdit-py-plugins footnote
plugin) become markers and footnote blocks, each right after the block that
first cites it; YAML front matter is skipped. Inline markup is reduced to its
text: emphasis, links (their text, not the URL), code spans (verbatim),
images (left out), inline HTML (left out).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.document import Block, BlockKind, Document, FootnoteRef
from reader.importers.pdf.hyphenation import line_joint
from reader.source import decode

_CONTAINERS: dict[str, BlockKind] = {
    "list_item_open": "list_item",
    "blockquote_open": "quote",
    "footnote_open": "footnote",
    "dd_open": "paragraph",
}
_CLOSERS = {"list_item_close", "blockquote_close", "dd_close"}
_CODE_SIGNS = re.compile(r"[{}<>=$\\|`]|[a-z_]\(|^\s*(?://|#|/\*|--)")
"""Signs of program text on a line. Not ``;`` or parentheses: law texts end
items with ``;``, join clauses with it and cite ``(weggefallen)``."""
_LIST_MARKER = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)]|[a-z]{1,3}\))\s")
_LAZY_DEFINITION = re.compile(r"^\s*:\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
_TEXT_BLOCKS = {"heading_open", "paragraph_open", "th_open", "td_open"}


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .enable("strikethrough")
        .use(footnote_plugin)
        .use(front_matter_plugin)
        .use(deflist_plugin)
    )


def reads_as_prose(code: str) -> bool:
    """Whether indented "code" is text: its lines are words and punctuation,
    without the signs of program text (braces, ``=``, ``;``, calls, comments)."""
    code = _IMAGE.sub("", code)  # an indented image is markup, not code
    lines = [line for line in code.splitlines() if line.strip()]
    if not any(char.isalnum() for char in code):
        return True
    signs = sum(bool(_CODE_SIGNS.search(line)) for line in lines)
    if signs * 5 > len(lines):
        return False
    # Words, or a Markdown list (a table of figures written as items).
    letters = sum(len(word) for word in _WORD.findall(code))
    visible = sum(not char.isspace() for char in code)
    items = sum(bool(_LIST_MARKER.match(line)) for line in lines)
    return letters >= 0.6 * visible or items * 2 >= len(lines)


def import_markdown(
    data: bytes, name: str, *, progress: Callable[[int, int], None] | None = None
) -> Document:
    """A Markdown file as a document (decoded like plain text).

    ``progress`` is never called: parsing takes milliseconds."""
    source = decode(data, name)
    blocks = _Blocks(_parser().parse(source.text)).run()
    title = next((block.text for block in blocks if block.kind == "heading"), None)
    warnings = (source.warning,) if source.warning else ()
    return Document(name=name, format="md", blocks=tuple(blocks), title=title, warnings=warnings)


class _Blocks:
    def __init__(self, tokens: Sequence[Token], labels: dict[int, str] | None = None) -> None:
        self._tokens = tokens
        self._labels: dict[int, str] = dict(labels or {})
        for token in tokens:
            if token.type == "footnote_open":
                # Numbered as renderers show them (in order of first reference),
                # not by the label in the source ([^plan]).
                self._labels[token.meta["id"]] = str(token.meta["id"] + 1)

    def run(self, context: Sequence[BlockKind] = ()) -> list[Block]:
        blocks: list[Block] = []
        notes: dict[str, Block] = {}
        stack: list[BlockKind] = list(context)
        footnote_texts: list[str] = []
        note_marker: str | None = None
        label: str | None = None
        term: str | None = None
        for position, token in enumerate(self._tokens):
            if token.type in _CONTAINERS:
                stack.append(_CONTAINERS[token.type])
                if token.type == "footnote_open":
                    note_marker = self._labels[token.meta["id"]]
                    footnote_texts = []
                elif token.type == "list_item_open" and token.info:
                    label = f"{token.info}{token.markup}"  # 1. / 2) of an ordered list
            elif token.type in _CLOSERS:
                stack.pop()
                term = None if token.type == "dd_close" else term
            elif token.type == "footnote_close":
                stack.pop()
                text = " ".join(footnote_texts).strip()
                if text and note_marker is not None:
                    notes[note_marker] = Block("footnote", text, marker=note_marker)
            elif token.type == "dt_open":
                term, _ = self._inline(self._tokens[position + 1].children or [])
            elif token.type == "fence" or (
                token.type == "code_block" and not reads_as_prose(token.content)
            ):
                text = token.content.rstrip("\n")
                if text.strip():
                    blocks.append(Block("code", text))
            elif token.type == "code_block":
                # Indented text inside a list (an ``aa)`` under ``a)``): prose.
                inner = _parser().parse(textwrap.dedent(token.content))
                blocks.extend(_Blocks(inner, self._labels).run(stack[-1:]))
            elif token.type in _TEXT_BLOCKS:
                inline = self._tokens[position + 1]
                text, refs = self._inline(inline.children or [])
                if not text:
                    if refs and blocks:
                        # A line holding only a reference (the laws put ``[^id]``
                        # after the paragraph): it cites the paragraph before.
                        last = blocks[-1]
                        end = tuple(FootnoteRef(len(last.text), ref.marker) for ref in refs)
                        blocks[-1] = replace(last, footnotes=(*last.footnotes, *end))
                    continue
                if stack and stack[-1] == "footnote":
                    footnote_texts.append(text)
                    continue
                if label is not None:
                    text, refs = _prefixed(f"{label} ", text, refs)
                    label = None
                if term is not None:
                    text, refs = _prefixed(f"{term}: ", text, refs)
                    term = None
                if token.type == "heading_open":
                    blocks.append(Block("heading", text, level=int(token.tag[1]), footnotes=refs))
                else:
                    kind: BlockKind = stack[-1] if stack else "paragraph"
                    blocks.append(Block(kind, text, footnotes=refs))
        return _anchored(blocks, notes)

    def _inline(self, children: Sequence[Token]) -> tuple[str, tuple[FootnoteRef, ...]]:
        parts: list[str] = []
        refs: list[FootnoteRef] = []
        length = 0
        pending_break = False
        for child in children:
            if child.type == "footnote_ref":
                refs.append(FootnoteRef(length, self._labels.get(child.meta["id"], "?")))
                continue
            if child.type in ("softbreak", "hardbreak"):
                pending_break = True
                continue
            if child.type not in ("text", "code_inline"):
                continue  # emphasis and link markers, images, inline HTML
            piece = child.content
            if pending_break and (definition := _LAZY_DEFINITION.match(piece)):
                # ``Term⏎:   definition`` that the definition-list rule did not
                # take (a term line continuing a paragraph): ``Term: definition``.
                pending_break = False
                piece = ": " + piece[definition.end() :]
            if pending_break:
                pending_break = False
                # A line that ends in a hyphen: the PDF importer's rule decides
                # between a word broken at the line end and a real hyphen.
                joint = line_joint("".join(parts), piece.lstrip())
                if joint.drop:
                    dropped = "".join(parts)[: length - joint.drop]
                    parts, length = [dropped], len(dropped)
                piece = joint.separator + piece.lstrip()
            parts.append(piece)
            length += len(piece)
        text = "".join(parts)
        stripped = text.lstrip()
        shift = len(text) - len(stripped)
        text = stripped.rstrip()
        return text, tuple(
            FootnoteRef(min(max(ref.position - shift, 0), len(text)), ref.marker) for ref in refs
        )


def _prefixed(
    prefix: str, text: str, refs: tuple[FootnoteRef, ...]
) -> tuple[str, tuple[FootnoteRef, ...]]:
    """``text`` after ``prefix`` (a list label, a defined term), references shifted."""
    shifted = tuple(FootnoteRef(ref.position + len(prefix), ref.marker) for ref in refs)
    return prefix + text, shifted


def _anchored(blocks: list[Block], notes: dict[str, Block]) -> list[Block]:
    """The footnotes placed right after the block that first cites them (after
    the whole list when a list item cites them: a note must not split a list);
    the ones nobody cites at the end."""
    placed: list[Block] = []
    pending: list[Block] = []
    for number, block in enumerate(blocks):
        placed.append(block)
        pending.extend(
            note for ref in block.footnotes if (note := notes.pop(ref.marker, None)) is not None
        )
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        in_list = following is not None and following.kind == block.kind == "list_item"
        if pending and not in_list:
            placed.extend(pending)
            pending = []
    return [*placed, *pending, *notes.values()]
