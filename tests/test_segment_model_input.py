"""Quotation balancing reaches the translation model only: the model is given
:attr:`Sentence.model_text`, the reader and the export show :attr:`Sentence.text`.

The copy model (``tests/models/copy-de``) translates every input into itself,
so what it returns is exactly what it was given."""

from __future__ import annotations

from reader.segment import all_sentences, segment
from reader.translate.alignment import word_spans
from reader.translate.document import translate_document

# Seed sentences, which the copy model copies exactly (its training set).
PIECES = [
    "Japans Industrie könnte von guten Beziehungen profitieren.",
    "Nirgends gibt es mehr als in China.",
    "Das ist für japanische Unternehmen sicherlich interessant.",
    "Nirgends gibt es mehr als in China.",
    "Japans Industrie könnte von guten Beziehungen profitieren.",
]
LONG = "„" + " ".join(PIECES) + "“"


def test_the_model_gets_balanced_pieces_and_the_text_stays_the_documents(copy_engine):
    results = list(translate_document(segment(LONG), copy_engine))
    assert [r.sentence.text for r in results] == [
        "„" + PIECES[0],
        *PIECES[1:-1],
        PIECES[-1] + "“",
    ]
    assert [r.translation for r in results] == [f"„{piece}“" for piece in PIECES]


def test_alignments_point_into_the_shown_text(copy_engine):
    for result in translate_document(segment(LONG), copy_engine):
        text, shift = result.sentence.text, len(result.sentence.opens)
        assert result.alignment
        for (s0, s1), (t0, t1) in result.alignment:
            assert (s0, s1) in word_spans(text)
            assert text[s0:s1] == result.translation[t0:t1]
            assert (t0 - shift, t1 - shift) == (s0, s1)


def test_a_stray_quote_adds_nothing_anywhere():
    document = 'Das kostet 99 Euro." Die Werkstatt ist gut. Die Preise sind gut. Der Service auch.'
    sentences = list(all_sentences(segment(document)))
    assert [s.model_text for s in sentences] == [s.text for s in sentences]
