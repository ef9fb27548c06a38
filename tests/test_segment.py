"""The segmenter's public behaviour: paragraphs, spans, footnotes, clean text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from segment_helpers import texts

from reader.segment import Paragraph, Sentence, all_sentences, segment


def test_empty_and_blank_documents_have_no_paragraphs() -> None:
    assert segment("") == []
    assert segment(" \n\n \t\n") == []


def test_sentences_carry_span_paragraph_and_index() -> None:
    document = "Erster Satz. Zweiter Satz!\nDritter Satz?"
    paragraphs = segment(document)
    assert [type(p) for p in paragraphs] == [Paragraph, Paragraph]
    sentences = list(all_sentences(paragraphs))
    assert all(isinstance(s, Sentence) for s in sentences)
    assert [(s.paragraph, s.index) for s in sentences] == [(0, 0), (0, 1), (1, 2)]
    assert [document[s.start : s.end] for s in sentences] == [s.text for s in sentences]


def test_span_covers_the_raw_source_of_a_repaired_sentence() -> None:
    document = "Sie wollen den Wohlstand steigern.2Ein erster Schritt folgt."
    first, second = all_sentences(segment(document))
    assert first.text == "Sie wollen den Wohlstand steigern."
    assert document[first.start : first.end] == "Sie wollen den Wohlstand steigern.2"
    assert first.footnotes == ("2",)
    assert document[second.start : second.end] == second.text == "Ein erster Schritt folgt."


def test_each_line_is_a_paragraph_when_the_document_has_no_blank_line() -> None:
    paragraphs = segment("Ein Absatz.\nNoch ein Absatz.\n")
    assert [[s.text for s in p.sentences] for p in paragraphs] == [
        ["Ein Absatz."],
        ["Noch ein Absatz."],
    ]


def test_blank_lines_separate_paragraphs_and_single_breaks_are_wrapping() -> None:
    document = "Dieser Satz ist\numbrochen. Der zweite\nauch.\n\nNeuer Absatz.\n"
    paragraphs = segment(document)
    assert [[s.text for s in p.sentences] for p in paragraphs] == [
        ["Dieser Satz ist umbrochen.", "Der zweite auch."],
        ["Neuer Absatz."],
    ]
    assert document[paragraphs[0].sentences[0].start : paragraphs[0].sentences[0].end] == (
        "Dieser Satz ist\numbrochen."
    )


def test_paragraph_numbers_skip_empty_blocks() -> None:
    paragraphs = segment("Eins.\n\n \n\nZwei.")
    assert [p.index for p in paragraphs] == [0, 1]
    assert [s.paragraph for s in all_sentences(paragraphs)] == [0, 1]


def test_pieces_without_letters_are_kept() -> None:
    paragraphs = segment("Ein Satz.\n* * *\n17\nNoch einer. –")
    assert [[s.text for s in p.sentences] for p in paragraphs] == [
        ["Ein Satz."],
        ["* * *"],
        ["17"],
        ["Noch einer. –"],
    ]


@given(st.text(alphabet=st.sampled_from("aZ .!?;:,„“»«…0123456789\n-@/ßÄ"), max_size=200))
def test_any_text_gives_ordered_in_bounds_spans_and_clean_sentences(document: str) -> None:
    previous_end = 0
    for index, sentence in enumerate(all_sentences(segment(document))):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(document)
        assert sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text
        previous_end = sentence.end


_WORDS = ("haus", "kind", "garten", "wasser", "stadt", "zug", "arbeit", "sonne", "brot", "zeit")
_sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    st.sampled_from(_WORDS),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    st.sampled_from(".!?"),
)


@given(st.lists(_sentence, min_size=1, max_size=8), st.sampled_from([" ", "", "\n\n"]))
def test_well_formed_sentences_come_back_unchanged(sentences: list[str], joint: str) -> None:
    """Spaced, glued (`Haus.Kind`) or in paragraphs: the same sentences."""
    assert texts(joint.join(sentences)) == sentences
