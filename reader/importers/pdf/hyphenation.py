"""Gluing two lines of a paragraph: line-end hyphenation undone, real hyphens kept.

A line that ends in a hyphen after a letter was broken either inside a word by
the typesetter (``Bundes-⏎regierung``) or at a hyphen the word really has
(``E-⏎Mail``, ``EU-⏎Kommission``), or it is a truncated compound before a
conjunction (``Forschungs-⏎und Entwicklungs…``). German capitalises the part
after a real hyphen and never the part after a break inside a word, so a capital
keeps the hyphen; before lower case the German word statistics the segmenter
already uses (Punkt's German vocabulary) decide between ``Email``-style
joining and ``E-mail``-style keeping, and joining wins when neither form is
known — typesetters break far more words than they find hyphens to break at —
unless the document itself prints the word with its hyphen inside a line
(``fittest-function`` elsewhere on the page: ``fittest-⏎function`` keeps it).
A soft hyphen (U+00AD) always goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.lexicon import is_known_word

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010\u2011"
"""Hyphen-minus, hyphen (what typesetters print at automatic breaks), non-breaking hyphen."""

DASHES = "\u2013\u2012"
"""En dash and figure dash (ranges: ``11–12``)."""

_CONJUNCTIONS = frozenset(
    {"und", "oder", "bzw", "sowie", "noch", "wie", "bis", "als", "beziehungsweise"}
)
_LAST_PIECE = re.compile(r"(\w+)$")
_FIRST_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"(?=\b([^\W\d_]+-[^\W\d_]+)\b)")


@dataclass(frozen=True, slots=True)
class Joint:
    """How two lines meet: drop ``drop`` characters from the first, then ``separator``."""

    drop: int
    separator: str


SPACE = Joint(0, " ")


def hyphenated_words(lines: Iterable[str]) -> frozenset[str]:
    """Words printed with a hyphen inside a line (``fittest-function``), lower-cased."""
    return frozenset(
        word.lower() for line in lines for word in _HYPHENATED.findall(line.rstrip("-\u2010"))
    )


def line_joint(previous: str, following: str, hyphenated: frozenset[str] = frozenset()) -> Joint:
    """How the line ``previous`` continues with the line ``following``.

    ``hyphenated``: the document's words printed with a hyphen inside a line.
    """
    if not previous or not following:
        return SPACE
    last = previous[-1]
    if last == SOFT_HYPHEN:
        return Joint(1, "")
    if last == "/" and len(previous) > 1 and not previous[-2].isspace():
        return Joint(0, "")  # a URL or ``und/oder`` broken after its slash
    if last in DASHES and len(previous) > 1 and previous[-2].isdigit() and following[0].isdigit():
        return Joint(0, "")  # a range broken after its dash: ``S. 11–⏎12``
    if last not in HYPHENS or len(previous) < 2 or previous[-2].isspace():
        return SPACE
    if not previous[-2].isalnum():
        if following[0].isalnum() or following[0].isspace():
            return SPACE  # ``der Befehl "-⏎zur Verfügung``
        return Joint(0, "")  # a hyphen inside a token of signs (``..++-⏎++++``): no word break
    word = _FIRST_WORD.match(following)
    if word is None:
        return Joint(0, "")
    head = word.group()
    if head.lower() in _CONJUNCTIONS:
        return Joint(0 if last == "-" else 1, " " if last == "-" else "- ")
    if not head[0].islower():
        return Joint(1, "-") if last != "-" else Joint(0, "")
    piece = _LAST_PIECE.search(previous[:-1])
    stem = piece.group(1) if piece else ""
    if f"{stem}-{head}".lower() in hyphenated or (
        not is_known_word(stem + head) and is_known_word(f"{stem}-{head}")
    ):
        return Joint(1, "-") if last != "-" else Joint(0, "")
    return Joint(1, "")


def join_lines(previous: str, following: str) -> str:
    """``previous`` and ``following`` as one text (see :func:`line_joint`)."""
    joint = line_joint(previous, following)
    return previous[: len(previous) - joint.drop] + joint.separator + following
