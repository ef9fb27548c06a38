"""Assembling the export document: preferred terms, appendix, term spans."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.glossary import load_glossary
from reader.segment import all_sentences, segment
from reader.translate.document import TranslatedSentence
from reader.views.export.build import DocumentInfo, build_document
from reader.views.export.stream import deliver

TEXT = (
    "Die Zusammenarbeit in Wissenschaft und Technologie (W&T) wächst.\n"
    "Das Zentrum für Quantenforschung (ZQF) forscht zur W&T-Politik und zu KI.\n"
)
TRANSLATIONS = [
    "Cooperation in science and technology (W&T) is growing.",
    "The ZQF researches W&T policy and KI.",
]
INFO = DocumentInfo("t", "t.txt", "model", datetime(2026, 1, 1, tzinfo=UTC))


def delivered(text: str, translations: list[str], preferred_terms: bool = True):
    glossary = load_glossary()
    sentences = all_sentences(segment(text))
    return [
        deliver(
            TranslatedSentence(sentence, translation, False), glossary if preferred_terms else None
        )
        for sentence, translation in zip(sentences, translations, strict=True)
    ]


def build(preferred_terms: bool):
    paragraphs = segment(TEXT)
    assert [s.text for p in paragraphs for s in p.sentences] == TEXT.splitlines()
    return build_document(
        INFO, TEXT, paragraphs, delivered(TEXT, TRANSLATIONS, preferred_terms), load_glossary()
    )


@pytest.mark.parametrize(
    ("preferred_terms", "expected"),
    [
        (
            True,
            [
                "Cooperation in science and technology (S&T) is growing.",
                "The ZQF researches S&T policy and AI.",
            ],
        ),
        (False, TRANSLATIONS),
    ],
)
def test_preferred_english_terms_can_be_switched_off(preferred_terms, expected) -> None:
    document = build(preferred_terms)
    assert [item.translation for item in document.sentences()] == expected


def test_appendix_lists_glossary_entries_and_in_text_definitions_sorted() -> None:
    notes = {note.term: note for note in build(True).glossary}
    assert list(notes) == ["KI", "W&T", "ZQF"]
    assert notes["W&T"].anchor == "glossary-w-t"
    assert notes["W&T"].expansion == "Wissenschaft und Technologie (science and technology)"
    # The text's own definition says nothing new about W&T…
    assert notes["W&T"].defined_as is None
    # …but is all there is about ZQF.
    assert notes["ZQF"].defined_as == "Zentrum für Quantenforschung"
    assert notes["ZQF"].expansion is None


def test_terms_are_found_in_german_and_in_the_english_renderings() -> None:
    first, second = build(True).sentences()
    german = [first.sentence.text[s.start : s.end] for s in first.source_terms]
    assert german == ["Wissenschaft und Technologie", "W&T"]
    english = [second.translation[s.start : s.end] for s in second.translation_terms]
    assert english == ["ZQF", "S&T", "AI"]
    assert [s.anchor for s in second.translation_terms] == [
        "glossary-zqf",
        "glossary-w-t",
        "glossary-ki",
    ]


def test_expansions_that_repeat_the_term_are_left_out() -> None:
    text = "Die Global Times berichtet über das Memorandum of Understanding.\n"
    document = build_document(INFO, text, segment(text), delivered(text, ["x"]), load_glossary())
    notes = {note.term: note for note in document.glossary}
    assert notes["Global Times"].expansion is None
    assert notes["Memorandum of Understanding"].expansion == "Absichtserklärung"
