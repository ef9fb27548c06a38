"""Repairs for what scraping does to running text.

Scrapers drop the spaces between sentences (`E-Mail.Die`), glue footnote
numbers to sentence ends (`steigern.2Ein`, `entgegenzuwirken.“28 Esper`,
`von 1979.36 Die`), strip list markup (`Japan:Das`), lose spaces after
semicolons (`wurde;Diese`), move a footnote into the middle of a sentence
(`Google.44 zu werdenZwei`) and leave navigation junk
(`…Zwecke“.......................undSehenCarnegie`). Each function handles one
of these at a position the scanner found and reports to :class:`Findings`.
"""

from __future__ import annotations

import re

from reader.lexicon import is_known_word
from reader.segment.abbreviations import (
    CAMEL_CASE_NAMES,
    CLOSED_CLASS_OPENERS,
    NON_FINAL_WORDS,
    SENTENCE_OPENERS,
    begins_sentences,
    is_lowercase_word,
)
from reader.segment.characters import (
    CLOSERS,
    camel_piece_before,
    letters_after,
    skip_space,
    starts_sentence,
)
from reader.segment.findings import Findings

# Footnote numbers run to the low hundreds; four digits behind a stop would be
# a year starting the next sentence, not a footnote.
# Digits that go on with a separator and one or two more digits are a time, a
# decimal or a date opening the next sentence (`Logistik.17.45 Uhr hatte ich
# bestellt`); three more are a thousands group, read as before (`.25.000 $`).
_FOOTNOTE = re.compile(r"[0-9]{1,3}(?![0-9]|[.:,][0-9]{1,2}(?![0-9]))")
_CAPITALISED_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]")
_CAMEL_PIECE = re.compile(r"[A-ZÄÖÜ]?[^\sA-ZÄÖÜ]+")
_ELLIPSES = frozenset({"...", "…"})
# A capitalised word this long is a compound noun, not half of a brand name.
_COMPOUND_LETTERS = 8
# A paragraph of running text, not a heading (`Kapitel 2.3`): this many words.
_RUNNING_TEXT_WORDS = 5


def footnote_after_stop(text: str, close_end: int) -> re.Match[str] | None:
    """The footnote number glued behind a sentence end and its closing quotes
    (`steigern.2Ein`, `Jahrzehnt.16Trotz`, `(1963).34 Diese`, `.“28 Esper`)."""
    return _FOOTNOTE.match(text, close_end)


def place_footnote(
    text: str, stop: tuple[int, int], note: re.Match[str], findings: Findings
) -> None:
    """A footnote number behind a stop: the stop ends the sentence and the
    number becomes its marker — unless lower case follows, in which case the
    scrape moved the footnote (and its full stop) into the middle of the
    sentence: `um Teil von Google.44 zu werden` → `um Teil von Google zu werden.`"""
    findings.footnote(note.start(), note.end(), note.group())
    after = skip_space(text, note.end())
    punctuation = text[stop[0] : stop[1]]
    if after < len(text) and text[after].islower():
        if punctuation in _ELLIPSES:
            return  # `zögerte...3 und ging`: the ellipsis trails off inside the sentence
        findings.displaced_stops.append(stop)
    else:
        findings.cut(note.end(), after)


def number_footnote(text: str, match: re.Match[str], findings: Findings) -> None:
    """`von 1979.36 Die beiden`, `Kantstraße 12.8Das war`: a number ending a
    sentence, its full stop and a footnote number. German writes decimals with a
    comma and groups thousands in threes (`1.979.360`), so after a four-digit
    year the digits are a footnote whenever a sentence can follow. After a
    shorter number (`9.30 Uhr`, `3.5 Prozent`) the digits are a footnote only
    where a sentence evidently follows: a capitalised word glued to them, a
    typical sentence opener after a space (`Kantstraße 12.8 Das war`), or the
    end of a paragraph of running text (`siehe Abschnitt 4.12`)."""
    end = match.end()
    after = skip_space(text, end)
    if len(match.group("number")) == 4:
        if after < len(text) and not starts_sentence(text[after]):
            return
    elif not _short_number_footnote(text, match, after):
        return
    findings.footnote(match.start("marker"), end, match.group("marker"))
    findings.cut(end, after)


def _short_number_footnote(text: str, match: re.Match[str], after: int) -> bool:
    end = match.end()
    if _CAPITALISED_WORD.match(text, end):
        return True
    if len(match.group("marker")) == 3:
        return False  # thousands: `3.000 auf`
    if after >= len(text):
        return len(text[: match.start()].split()) >= _RUNNING_TEXT_WORDS
    opener = letters_after(text, after)
    return after > end and opener[:1].isupper() and opener.lower() in SENTENCE_OPENERS


def glued_seam(text: str, position: int, findings: Findings) -> None:
    """A lower-case letter glued to a capitalised word (`werdenZwei`) lost the
    full stop and space between two sentences — or just the space after an
    article or preposition (`derStaat`). An opening quote may stand between the
    two (`soll»Endlich«`).

    Camel-case names stay whole. A single lower-case letter (`iPhone`, `eBay`)
    is a name; `CHAdeMO` has no lower→upper seam at all. A capitalised first
    half (`YouTube`, `SoftBank`, but also `MeterKritiker`) is a seam where the
    second half is an article, pronoun or conjunction (`BangkokNicht`,
    `AliceJede`: closed classes, never the noun half of a name) or where the
    halves read as a sentence end and a sentence start, see
    :func:`_sentences_meet`."""
    left = camel_piece_before(text, position)
    if len(left) < 2:
        return
    opening = 2 if text.startswith("``", position) else int(text[position] in '"„»')
    right = letters_after(text, position + opening)
    if _is_gender_form(text, position, left, right):
        return
    if left[0].islower():
        # `vorDrittens`: a preposition can be a verb particle ending a sentence
        # (`liegen … vor`), and a capitalised pronoun or adverb starts one.
        if left.lower() in NON_FINAL_WORDS and right.lower() not in CLOSED_CLASS_OPENERS:
            findings.insert(position, " ")
        else:
            findings.cut(position)
        return
    if left + right not in CAMEL_CASE_NAMES and (
        right.lower() in CLOSED_CLASS_OPENERS or _sentences_meet(left, right)
    ):
        findings.cut(position)


def _sentences_meet(left: str, right: str) -> bool:
    """Whether capitalised ``left`` glued to ``right`` is the last word of one
    sentence and the first of the next, rather than one camel-case name.

    Brand names are made of short halves, often English ones that Punkt's
    German vocabulary lacks (`You|Tube`, `Soft|Bank`, `Power|Point`), and
    German writes compounds with an inner capital too (`BahnCard`, `StadtRad`,
    `KulturPass`), so two nouns alone prove nothing. A seam is a sentence
    boundary when the first half is a German word (Punkt knows it, or it is a
    long compound) and the second begins sentences in Punkt's statistics
    (`MeterKritiker`, `AltstadtWie`) or is a word German writes in lower case
    inside a sentence (`BesitzGeöffnet`); or when both halves are long
    compounds (`LandesdatenschutzgesetzesAusleihdaten`)."""
    compound = len(left) >= _COMPOUND_LETTERS
    if compound and len(right) >= _COMPOUND_LETTERS:
        return True
    return (compound or is_known_word(left)) and (
        begins_sentences(right) or is_lowercase_word(right)
    )


def _is_gender_form(text: str, position: int, left: str, right: str) -> bool:
    """`LeserInnen`, `BürgerIn,`: the capital I of German gender-inclusive
    forms, one word. A singular `In` followed by a space is more often the
    preposition starting a sentence a scrape glued on (`AnschlussIn der`)."""
    if right == "Innen":
        return True
    following = text[position + len(right) : position + len(right) + 1]
    return right == "In" and left[0].isupper() and not following.isspace()


def glued_quotation(text: str, end: int, openers: frozenset[int], findings: Findings) -> None:
    """```Meine Uhr ist kaputt''Das Stück`, `"… besteht fort""Staatssekretär`:
    a closing quotation mark (or parenthesis: `(dpa / ap)Kwasniewski`) glued
    to a capitalised word or to the next quotation's opening mark lost the line
    break between a quoted headline or a credit and the next sentence (running
    text puts a space or punctuation there)."""
    if text[end].isalpha() or text.startswith("``", end) or end in openers:
        findings.cut(end)


def emoticon(text: str, end: int, findings: Findings) -> None:
    """`Danke Rosemarie! :-)Dann`, `bleiben :-) Toll, mein Name`: an emoticon
    closes its sentence when a capitalised word glued to it, or one that
    begins sentences, follows (reviews end sentences with them in place of a
    full stop)."""
    after = skip_space(text, end)
    word = letters_after(text, after)
    if after == end or begins_sentences(word) or is_lowercase_word(word):
        findings.cut(end, after)


def lost_list(position: int, findings: Findings) -> None:
    """`sollten die Vereinigten Staaten und Japan:Das Gesamtziel`: a colon glued
    to a capitalised word is where a bulleted list was stripped; the lead-in
    ends there and the next sentence begins."""
    findings.cut(position + 1)


def lost_space(position: int, findings: Findings) -> None:
    """`wurde;Diese`, `machen;und`: a semicolon or comma glued to the next word
    lost its space; it does not end the sentence."""
    findings.insert(position + 1, " ")


def dot_leader(text: str, start: int, end: int, findings: Findings) -> None:
    """A run of six or more dots is page furniture (table-of-contents leaders,
    separators). Glued to a word, its first dot still ends that word's
    sentence (`Zwecke“.......`); after a space it stays in its line
    (`Einleitung ........ 5`). Words glued behind the run without spaces
    (`undSehenCarnegie`) are menu labels, except the last, which begins the
    next sentence; the run and the labels are kept, as a piece of their own."""
    glued_to_word = start > 0 and (text[start - 1].isalnum() or text[start - 1] in CLOSERS)
    if glued_to_word:
        findings.cut(start + 1)
    resume = end
    glued = list(_CAMEL_PIECE.finditer(text, end, _token_end(text, end)))
    if len(glued) > 1 and glued[-1].group()[0].isupper():
        resume = glued[-1].start()
        findings.cut(resume)
    findings.resume_scan = resume


def _token_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position
