"""One left-to-right pass over a paragraph that finds every candidate site.

A single compiled pattern finds, in text order, the things that can matter:
URLs and e-mail addresses (skipped whole, so their dots never split), numbers
with glued footnotes, runs of sentence punctuation, lower→upper seams, glued
colons and glued semicolons/commas. Each kind is handed to its rule. The pass
is linear in the length of the text. Quotation marks are paired before it (so
that an ambiguous `«` or `"` is known to open or close) and quotations are
given their unit after it (:mod:`reader.segment.quotations`). (Domain labels
of e-mail addresses need a letter, so a footnote glued behind one,
`…@beispiel.de.6 oder`, is not taken for part of the address.)
"""

from __future__ import annotations

import re

from reader.segment import repair
from reader.segment.boundaries import ends_sentence, is_abbreviation_stop
from reader.segment.characters import (
    CLOSERS,
    LOWER,
    UPPER,
    closing_end,
    skip_space,
    word_before,
)
from reader.segment.findings import Findings
from reader.segment.quotations import Quotations, find_quotations, keep_quotations_together

_CANDIDATES = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”„«»]*[^\s<>"“”„«».,;:!?)\]])
  | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]*[^\W\d_][\w-]*)+)
  | (?P<numbered>(?<![\d.,])(?P<number>\d{1,4})\.(?P<marker>\d{1,3})(?![\d.,]))
  | (?P<dots>\.{4,})
  | (?P<stop>[.!?…]+)
  | (?P<seam>(?<=[@LOWER@])(?=["„»]?[@UPPER@][@LOWER@]))
  | (?P<colon>(?<=[@LOWER@]):(?=[@UPPER@][@LOWER@]))
  | (?P<glue>(?<=\w)[;,](?=[^\W\d_]|„))
    """.replace("@LOWER@", LOWER).replace("@UPPER@", UPPER),
    re.VERBOSE,
)


def scan(text: str) -> Findings:
    """Find the sentence ends and repairs in one paragraph of ``text``."""
    findings = Findings()
    quotations = find_quotations(text)
    for match in _CANDIDATES.finditer(text):
        if match.start() < findings.resume_scan:
            continue
        kind = match.lastgroup
        if kind == "numbered":
            repair.number_footnote(text, match, findings)
        elif kind == "dots":
            repair.dot_leader(text, match.start(), match.end(), findings)
        elif kind == "stop":
            _stop(text, match.span(), quotations, findings)
        elif kind == "seam":
            if text[match.start()] != '"' or match.start() in quotations.openers:
                repair.glued_seam(text, match.start(), findings)
        elif kind == "colon":
            repair.lost_list(match.start(), findings)
        elif kind == "glue":
            repair.lost_space(match.start(), findings)
        # url and email: consumed whole, nothing to do.
    keep_quotations_together(text, quotations, findings)
    return findings


def _stop(text: str, stop: tuple[int, int], quotations: Quotations, findings: Findings) -> None:
    close_end = closing_end(text, stop[1], quotations.openers, quotations.closers)
    note = repair.footnote_after_stop(text, close_end)
    if note and _may_carry_footnote(text, stop):
        repair.place_footnote(text, stop, note, findings)
        return
    after = skip_space(text, close_end)
    if ends_sentence(text, stop, close_end, after):
        findings.cut(close_end, after)


def _may_carry_footnote(text: str, stop: tuple[int, int]) -> bool:
    """Footnote numbers follow a word or a closing quote/parenthesis and a
    single stop or a trailing ellipsis (`wartete lange...5Dann`), never a
    number (`15.01`), an abbreviation (`S.12`, `Nr.5`) or a camel-case name,
    where the digits are part of the name (`ProSiebenSat.1`)."""
    start, end = stop
    if start == 0 or (end - start != 1 and text[start:end] != "..."):
        return False
    before = text[start - 1]
    if before in CLOSERS:
        return True
    if not before.isalpha() or is_abbreviation_stop(text, start):
        return False
    word = word_before(text, start)
    camel_case = any(char.isupper() for char in word[1:]) and any(c.islower() for c in word)
    return not camel_case
