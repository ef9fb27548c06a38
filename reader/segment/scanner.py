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

import bisect
import re

from reader.segment import repair
from reader.segment.boundaries import ends_sentence, is_abbreviation_stop
from reader.segment.characters import (
    CLOSERS,
    LOWER,
    UPPER,
    closing_end,
    is_emoji,
    skip_space,
    word_before,
)
from reader.segment.findings import Findings
from reader.segment.quotations import Quotations, find_quotations, keep_quotations_together

_REFERENCES = re.compile(r"(?:\[[0-9]{1,3}\])+")
_PARENTHESES = re.compile(r"[()]")
_PARENTHESIS_REACH = 600
"""Farthest, in characters, a `(` pairs with its `)` (a stray one splits as usual)."""
_IDENTIFIER_SIGNS = frozenset(":/@=_#\\")
_LOOK_BEHIND = 64
_UNIT_SIGNS = frozenset("€$£%‰°")
_EMAIL = re.compile(r"[\w.+-]+(?:[!?][\w.+-]+)*@[\w-]+(?:\.[\w-]*[^\W\d_][\w-]*)+")
_CANDIDATES = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”„«»]*[^\s<>"“”„«».,;:!?)\]])
  | (?P<email>(?<![\w.+!?-])[\w.+-]+(?:[!?][\w.+-]+)*@[\w-]+(?:\.[\w-]*[^\W\d_][\w-]*)+)
  | (?P<numbered>(?<![\d.,])(?P<number>[0-9]{1,4})\.(?P<marker>[0-9]{1,3})(?![\d.,]))
  | (?P<dots>\.{4,})
  | (?P<stop>[.!?…]+)
  | (?P<seam>(?<=[@LOWER@])(?=(?:["„»]|``)?[@UPPER@][@LOWER@]))
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
    keep_parentheses_together(text, findings)
    keep_quotations_together(text, quotations, findings)
    return findings


def _stop(text: str, stop: tuple[int, int], quotations: Quotations, findings: Findings) -> None:
    start, end = stop
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        return  # `Er hat (!) das Geld genommen`: a comment, not a sentence end
    close_end = closing_end(text, end, quotations.openers, quotations.closers)
    note = repair.footnote_after_stop(text, close_end)
    if note and _may_carry_footnote(text, stop):
        repair.place_footnote(text, stop, note, findings)
        return
    close_end = _sentence_tail(text, close_end)
    after = skip_space(text, close_end)
    if ends_sentence(text, stop, close_end, after):
        findings.cut(close_end, after)


def _sentence_tail(text: str, position: int) -> int:
    """Past what still belongs to a sentence after its end: bracketed
    references (`erfolgen.[6] Es`) and emoji (`toll! 😀 Wir`)."""
    reference = _REFERENCES.match(text, position)
    if reference:
        return reference.end()
    emoji = skip_space(text, position)
    if emoji < len(text) and is_emoji(text[emoji]):
        while emoji < len(text) and (
            is_emoji(text[emoji]) or "\U0001f3fb" <= text[emoji] <= "\U0001f3ff"
        ):
            emoji += 1
        return emoji
    return position


def keep_parentheses_together(text: str, findings: Findings) -> None:
    """Parentheses are never split (`(Berlin: S. Fischer, 1915. Neuausgabe
    1920.)`): sentence ends inside a pair of them are dropped, restoring the
    space a scrape lost there. An unclosed `(` or one farther than
    :data:`_PARENTHESIS_REACH` from its `)` splits as usual."""
    pairs = []
    stack: list[int] = []
    for match in _PARENTHESES.finditer(text):
        position = match.start()
        if match.group() == "(":
            stack.append(position)
        elif stack:
            opening = stack.pop()
            if position - opening <= _PARENTHESIS_REACH:
                pairs.append((opening, position))
    if not pairs:
        return
    pairs.sort()
    outermost: list[tuple[int, int]] = []
    for pair in pairs:
        if not outermost or pair[0] > outermost[-1][1]:
            outermost.append(pair)
    openings = [opening for opening, _ in outermost]
    kept = []
    for cut in findings.cuts:
        index = bisect.bisect_left(openings, cut.end) - 1
        if index >= 0 and cut.end <= outermost[index][1]:
            if cut.end == cut.resume:
                findings.insert(cut.end, " ")
        else:
            kept.append(cut)
    findings.cuts = kept


def _may_carry_footnote(text: str, stop: tuple[int, int]) -> bool:
    """Footnote numbers follow a word or a closing quote/parenthesis and a
    single stop or a trailing ellipsis (`wartete lange...5Dann`), never a
    number (`15.01`), an abbreviation (`S.12`, `Nr.5`), an identifier, URL or
    catalogue number (`textgrid:sb4n.0`, `Cod.Pal.germ.848.2`) or a camel-case
    name, where the digits are part of the name (`ProSiebenSat.1`)."""
    start, end = stop
    punctuation = text[start:end]
    several = set(punctuation) <= set("!?") or punctuation == "..."  # `Preise!!66Ich`
    if start == 0 or (end - start != 1 and not several):
        return False
    if _is_identifier(text, start):
        return False
    before = text[start - 1]
    if before in CLOSERS or before in _UNIT_SIGNS:
        return True  # `entgegenzuwirken.“28`, `nur noch 94 €.174`
    if not before.isalpha() or is_abbreviation_stop(text, start):
        return False
    word = word_before(text, start)
    camel_case = any(char.isupper() for char in word[1:]) and any(c.islower() for c in word)
    return not camel_case


def _is_identifier(text: str, start: int) -> bool:
    """Whether the token ending at ``start`` is an identifier rather than a
    word: it contains `:`, `/`, `@`, `=`, `_` (`textgrid:sb4n`, `a/b`), or
    letters and digits mixed (`sb4n`)."""
    begin = start
    while begin > 0 and start - begin < _LOOK_BEHIND and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:start].strip("„“\"»«‚‘’'()[]")
    if not any(char.isalnum() for char in token) or _EMAIL.fullmatch(token):
        return False  # `:-).93`, `an info@beispiel.de.6 oder`: then a footnote
    if any(char in _IDENTIFIER_SIGNS for char in token):
        return True
    word = token.rsplit(".", 1)[-1]
    return any(char.isdigit() for char in word) and any(char.isalpha() for char in word)
