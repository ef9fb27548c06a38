"""Quoted speech: which quotation marks pair up, and what a quotation's unit is.

A quotation that opens and closes in one paragraph is translated as one unit
together with the clause that introduces it (`Die Ministerin sagte: „Wir
handeln schnell. Niemand wird zurückgelassen.“`), as long as that unit stays
short — at most :data:`MAX_SENTENCES` sentences and :data:`MAX_WORDS` words. A
longer quotation is cut at its sentence ends, and each piece's model input
(:attr:`~reader.segment.Sentence.model_text`) gets the marks it lacks
(`„Erster Satz.“` / `„Zweiter Satz.“`), so the translation model always sees a
balanced quotation; the German shown (:attr:`~reader.segment.Sentence.text`)
stays the document's. Pairing runs first, so that the scanner knows which
ambiguous marks (`"`, `»`, `«`, `‘`) close a quotation and which open one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from reader.segment.findings import Cut, Findings

MAX_SENTENCES = 4
"""Longest quotation unit, in sentences, kept whole (introducing clause included)."""
MAX_WORDS = 80
"""Longest quotation unit, in words, kept whole: well inside what the model
translates well, and short enough to read as one row."""

MAX_REACH = 1500
"""Farthest, in characters, a quotation mark may pair with another: a
"quotation" of many sentences is a stray mark (a scrape's leftover, a typo),
not a quotation, and is left alone."""

_MARKS = re.compile("``|''|[„“”‚‘»«\"']")
_CLOSES = {
    "„": ("“", "”"),
    "‚": ("‘",),
    "»": ("«",),
    "«": ("»",),
    '"': ('"',),
    "“": ("”",),
    "``": ("''",),
    "'": ("'",),
}
"""Opening mark → the marks that close it (German „…“ and ‚…‘, »…« and Swiss
«…», "…", English “…”, LaTeX ``…'', '…')."""
_ALWAYS_OPENS = frozenset(("„", "‚", "»", "«", "``"))
_CONTEXTUAL = frozenset(('"', "'"))
"""ASCII marks, whose direction only their neighbours tell."""
_SPACE_BEFORE = re.compile(r"[\s(\[—–-]")
_AFTER_CLOSING = frozenset(",.;:!?)]…-–—")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Quotations:
    """The quotation marks of one paragraph that pair up."""

    pairs: list[tuple[int, int]]
    """``(opening, closing)`` offsets of the outermost pairs, in text order."""
    openers: frozenset[int]
    closers: frozenset[int]
    """Offsets of every paired opening and closing mark (nested ones too)."""


def find_quotations(text: str) -> Quotations:
    """Pair the quotation marks of ``text`` (one paragraph), in one pass.

    A mark that closes the innermost open quotation closes it; `„`, `‚`, `»`,
    `«` and LaTeX ````` otherwise open one, and `“` opens one only where it
    stands before a word and after a space (English style: `er sagte “Ja”`).
    ASCII `"` and `'` take their direction from their neighbours: after a
    word or punctuation and before a space, punctuation or the end they close;
    after a space and before a word they open; between two words (`geht's`)
    an `'` is an apostrophe, and a `"` there does what the open quotation
    needs. Marks that pair with nothing (a stray `"`, a quotation left open
    across paragraphs, an apostrophe) and pairs farther apart than
    :data:`MAX_REACH` are left alone."""
    stack: list[tuple[int, str]] = []
    floor = 0  # stack[:floor] are open marks too far back to pair (amortised O(1))
    pairs: list[tuple[int, int]] = []
    for match in _MARKS.finditer(text):
        mark, position = match.group(), match.start()
        while floor < len(stack) and position - stack[floor][0] > MAX_REACH:
            floor += 1
        if floor == len(stack):
            stack.clear()
            floor = 0
        closes = bool(stack) and mark in _CLOSES[stack[-1][1]]
        if mark in _CONTEXTUAL:
            direction = _direction(text, position, match.end())
            if direction == "opens" or (direction is None and mark == '"' and not closes):
                stack.append((position, mark))
            elif closes:
                pairs.append((stack.pop()[0], position))
        elif closes:
            pairs.append((stack.pop()[0], position))
        elif mark in _ALWAYS_OPENS or (mark == "“" and _opens_english(text, position)):
            stack.append((position, mark))
    pairs.sort()
    outermost: list[tuple[int, int]] = []
    for pair in pairs:
        if not outermost or pair[0] > outermost[-1][1]:
            outermost.append(pair)
    return Quotations(
        outermost,
        frozenset(opening for opening, _ in pairs),
        frozenset(closing for _, closing in pairs),
    )


def _direction(text: str, start: int, end: int) -> str | None:
    """``opens``, ``closes`` or ``None`` (can't tell) for the ASCII mark ``text[start:end]``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in "([—–") and after.isalnum():
        return "opens"
    if not before.isspace() and (after.isspace() or after in _AFTER_CLOSING):
        return "closes"
    return None


def _opens_english(text: str, position: int) -> bool:
    before_ok = position == 0 or _SPACE_BEFORE.match(text, position - 1) is not None
    return before_ok and position + 1 < len(text) and not text[position + 1].isspace()


def _mark_at(text: str, position: int) -> str:
    match = _MARKS.match(text, position)
    return match.group() if match else text[position]


def keep_quotations_together(text: str, quotations: Quotations, findings: Findings) -> None:
    """Remove the sentence ends inside each short quotation (restoring the
    space a scrape lost there); mark those of a long one so that each piece is
    rendered with balanced quotation marks."""
    cuts = sorted(findings.cuts, key=lambda cut: cut.end)
    ends = [cut.end for cut in cuts]
    removed: set[int] = set()
    for opening, closing in quotations.pairs:
        first = bisect.bisect_right(ends, opening)
        stop = bisect.bisect_right(ends, closing)
        inner = range(first, stop)
        if not inner or any(text[cuts[i].end : cuts[i].resume].strip() for i in inner):
            continue  # nothing to join, or junk between the pieces: leave it
        unit = _unit_start(cuts, first, removed)
        end = ends[stop] if stop < len(cuts) else len(text)
        if unit is not None and _is_short(text, unit[0], end, unit[1] + len(inner) + 1):
            for i in inner:
                removed.add(i)
                if cuts[i].end == cuts[i].resume:
                    findings.insert(cuts[i].end, " ")
        else:
            for i in inner:
                cuts[i] = Cut(
                    cuts[i].end, cuts[i].resume, _mark_at(text, closing), _mark_at(text, opening)
                )
    findings.cuts = [cut for i, cut in enumerate(cuts) if i not in removed]


def _unit_start(cuts: list[Cut], first: int, removed: set[int]) -> tuple[int, int] | None:
    """Where the sentence holding the opening mark starts (after the last kept
    cut before it), and how many sentence ends quotations joined before it in
    the same unit. ``None`` when those alone make the unit too long (which
    also bounds this walk)."""
    index = first - 1
    for joined in range(MAX_SENTENCES):
        if index < 0:
            return 0, joined
        if index not in removed:
            return cuts[index].resume, joined
        index -= 1
    return None


def _is_short(text: str, start: int, end: int, sentences: int) -> bool:
    """At most MAX_SENTENCES sentences and MAX_WORDS words in ``text[start:end]``."""
    if sentences > MAX_SENTENCES:
        return False
    words = _WORD.finditer(text, start, end)
    return next(itertools.islice(words, MAX_WORDS, None), None) is None
