"""Is this ``.``, ``!``, ``?`` or ``…`` the end of a sentence?

Each rule is one function answering for one reason; :func:`ends_sentence`
asks them in order. ``stop`` is the span of the punctuation run, ``after`` the
first non-space position behind it (and behind any closing quotes).
"""

from __future__ import annotations

import re

from reader.segment.abbreviations import (
    CLOSED_CLASS_OPENERS,
    LIST_ENDINGS,
    PAGE_RANGES,
    REFERENCE_ABBREVIATIONS,
    SENTENCE_FINAL_ABBREVIATIONS,
    SENTENCE_OPENERS,
    is_abbreviation,
)
from reader.segment.characters import is_elision, letters_after, starts_sentence, word_before

_GLUED_YEAR = re.compile(r"[12][0-9]{3}(?= [^\W\d_])")
_ROMAN_LETTERS = frozenset("IVX")
_ROMAN_NUMERAL = frozenset("IVXLCDM")
_LOOK_BACK = 16
"""How far back, in characters, :func:`follows_reference` looks."""


def ends_sentence(text: str, stop: tuple[int, int], close_end: int, after: int) -> bool:
    """Whether the punctuation ``text[stop[0]:stop[1]]`` (followed by closing
    quotes up to ``close_end``) ends a sentence whose successor starts at ``after``."""
    if after >= len(text):
        return True
    start, end = stop
    punctuation = text[start:end]
    glued = after == close_end
    following = text[after]
    if not starts_sentence(following):
        # Lower case, a hyphen or a comma follows: `usw. dominieren`,
        # `„Peking ...kombiniert`, `heise.de`.
        return False
    if glued and following.isdigit() and not starts_with_glued_year(text, start, after):
        return False  # `15.01.2027`, `9.30 Uhr`
    if "." not in punctuation:
        return True  # `!` or `?` before an upper-case letter.
    if punctuation == "….":
        return True  # `Ich wartete …. Sobald`: a full stop after the ellipsis
    if punctuation != ".":
        return is_trailing_ellipsis(text, start)
    word = word_before(text, start)
    if not word or is_elision(text, start - len(word)):
        return True  # `Zwecke“. Die`, `(1963). Die`, `So bin’s. Dann`
    if is_list_number(text, start, word):
        return False
    if is_roman_ordinal(word, letters_after(text, after)):
        return False
    if is_ordinal(word, glued, letters_after(text, after)) and not follows_reference(
        text, start - len(word)
    ):
        return False
    if is_page_range(text, start, word):
        return closes_with_abbreviation(text, word, after)
    if is_initial(word):
        return is_regnal_number(word, letters_after(text, after))
    if is_abbreviation(word):
        return closes_with_abbreviation(text, word, after)
    return not (glued and is_dotted_acronym(word, text, after))


def starts_with_glued_year(text: str, start: int, after: int) -> bool:
    """`Salzburg.1538 warnte die Inquisition`: a word, a full stop and a year
    glued to it, then a word — a sentence that opens with its year, run
    together (footnote numbers stop at three digits)."""
    if text[start] != "." or not _GLUED_YEAR.match(text, after):
        return False
    word = word_before(text, start)
    return len(word) > 1 and word.isalpha() and not is_abbreviation(word)


def is_trailing_ellipsis(text: str, start: int) -> bool:
    """An ellipsis glued to its word trails off a sentence (`Wort… Dann`); one
    standing apart marks an omission inside a quote (`„Peking ... kombiniert`)."""
    return start > 0 and not text[start - 1].isspace()


def is_list_number(text: str, start: int, word: str) -> bool:
    """`2. Die Methode` at the start of a line numbers a list item or heading."""
    word_start = start - len(word)
    return word.isdigit() and (word_start == 0 or text[word_start - 1] == "\n")


def is_ordinal(word: str, glued: bool, next_word: str) -> bool:
    """`am 3. Oktober`, `an 73. Stelle`, `3. 10. 2027`: a number of up to three
    digits followed by a full stop and a space is an ordinal in German — unless
    a typical sentence opener follows (`in der Kantstraße 12. Das war …`).
    Years (four digits) end sentences: `seit 2015. Die`."""
    if not word.isdigit() or len(word) > 3 or glued:
        return False
    return next_word.lower() not in SENTENCE_OPENERS


def follows_reference(text: str, word_start: int) -> bool:
    """Whether the number starting at ``word_start`` is a reference label:
    behind `Nr.`, `S.`, `Abs.`, `Art.` & co. or a `§` (`Nr. 7`, `§ 5`)."""
    position = word_start
    while position > 0 and text[position - 1].isspace() and word_start - position < _LOOK_BACK:
        position -= 1
    if position > 0 and text[position - 1] == "§":
        return True
    if position == 0 or text[position - 1] != ".":
        return False
    return word_before(text, position - 1).lower() in REFERENCE_ABBREVIATIONS


def is_page_range(text: str, start: int, word: str) -> bool:
    """`S. 12 f.`, `S. 12 ff.`: the page-range abbreviation behind a number
    (a lone `f.` elsewhere is an initial)."""
    if word.lower() not in PAGE_RANGES:
        return False
    number_end = start - len(word)
    while number_end > 0 and text[number_end - 1] == " ":
        number_end -= 1
    return number_end > 0 and text[number_end - 1].isdigit()


def is_roman_ordinal(word: str, next_word: str) -> bool:
    """`des III. Geschwaders`, `Johannes Paul II. Papst`: a Roman numeral of two
    or more letters with a full stop is an ordinal — unless a pronoun or an
    article follows (`Karl III. Er regierte`). One letter is an initial or
    regnal number, see :func:`is_regnal_number`."""
    if len(word) < 2 or not all(letter in _ROMAN_NUMERAL for letter in word):
        return False
    return next_word.lower() not in CLOSED_CLASS_OPENERS


def is_regnal_number(word: str, next_word: str) -> bool:
    """`Karl V. Er regierte`: a one-letter Roman numeral ends the sentence when
    a pronoun or article follows, which never follows an initial (`John F.
    Kennedy`, `C. H. Beck`)."""
    return word in _ROMAN_LETTERS and next_word.lower() in CLOSED_CLASS_OPENERS


def is_initial(word: str) -> bool:
    """`John F. Kennedy`, `C. H. Beck`, the last letter of `z. B.`, `d. h.`,
    `u. a.`, and initialisms written with dots (`U.S.A.`, `z.B.`)."""
    return all(len(part) == 1 and part.isalpha() for part in word.split("."))


def closes_with_abbreviation(text: str, word: str, after: int) -> bool:
    """Most abbreviations never end a sentence (`Dr.`, `vgl.`, `bzw.`, `Nr.`).
    `usw.` and `etc.` close lists, and a list that ends in mid-sentence is
    followed by a verb or a lower-case word (`Satelliten usw. dominieren`), so a
    capital after them starts a sentence. `ff.` and `v. Chr.` end one only
    before a typical sentence opener (`S. 12 ff. Die …`)."""
    word = word.lower()
    if word in LIST_ENDINGS:
        return True
    if word not in SENTENCE_FINAL_ABBREVIATIONS:
        return False
    return letters_after(text, after).lower() in SENTENCE_OPENERS


def is_dotted_acronym(word: str, text: str, after: int) -> bool:
    """`ASP.NET`: capitals on both sides of a dot with no space are one name."""
    following = letters_after(text, after)
    return word.isupper() and len(following) > 1 and following.isupper()


def is_abbreviation_stop(text: str, start: int) -> bool:
    """Whether the full stop at ``start`` closes an initial or an abbreviation
    that cannot end a sentence (so digits behind it are no footnote: `S.12`)."""
    word = word_before(text, start)
    if not word or word.lower() in LIST_ENDINGS or is_page_range(text, start, word):
        return False
    return is_initial(word) or is_abbreviation(word)
