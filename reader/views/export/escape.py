"""Escaping arbitrary sentence text so it stays literal text in Markdown.

Sentences come from scraped documents and from a translation model, so they
may contain anything: ``|`` would split a table cell, ``*``/``_`` start
emphasis, ``<`` raw HTML, a backtick a code span, and a leading ``#``, ``>``,
``-`` or ``1.`` turns a line into a heading, quote or list. Every Markdown
line the exporter writes from document text goes through :func:`escape_line`.

Only characters that can change the parse are escaped (CommonMark allows a
backslash before any ASCII punctuation), so the raw file stays readable as
plain text: ``S&T`` or ``(BIS)`` are written as they are.
"""

from __future__ import annotations

import re

# Characters that are Markdown syntax wherever they stand:
# \ escapes; ` code spans; * _ emphasis; [ ] links; < HTML and autolinks;
# | GFM table cells; ~ GFM strikethrough; $ GitHub math.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<|~$]")
# `&amp;` and `&#38;` are character references; a bare `&` is harmless.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: ATX heading, block quote, bullet list, setext
# underline / thematic break, ordered list ("1." or "1)").
_LINE_START_BLOCK = re.compile(r"^(?:([#>+=-])|(\d{1,9})([.)]))")
_WHITESPACE = re.compile(r"\s+")


def escape_inline(text: str) -> str:
    """Escape ``text`` for use inside a line (a table cell, link text…).

    Runs of whitespace, line breaks included, become one space: a sentence is
    one line of Markdown, and a line break inside a table cell ends the table.
    """
    return single_line(escape_syntax(text))


def escape_syntax(text: str) -> str:
    """Backslash-escape the Markdown syntax characters in ``text``.

    Whitespace is left alone so pieces of one text can be escaped separately
    (around a link) and joined; pass the result through :func:`single_line`.
    """
    text = _INLINE_SYNTAX.sub(lambda match: "\\" + match.group(), text)
    return _ENTITY.sub("\\&", text)


def single_line(text: str) -> str:
    """Collapse all runs of whitespace, line breaks included, to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def escape_line_start(line: str) -> str:
    """Escape a block marker at the start of an already inline-escaped line."""
    match = _LINE_START_BLOCK.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    digits = match.group(2)
    return f"{digits}\\{line[len(digits) :]}"


def escape_line(text: str) -> str:
    """Escape ``text`` to be written as (the start of) a line of Markdown."""
    return escape_line_start(escape_inline(text))
