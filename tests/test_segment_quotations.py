"""Quoted speech: one unit while short, balanced pieces when long."""

from __future__ import annotations

import pytest
from segment_helpers import texts

from reader.segment import all_sentences, segment
from reader.segment.quotations import MAX_SENTENCES, MAX_WORDS, find_quotations


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Die Ministerin sagte: „Wir handeln schnell. Keiner bleibt zurück.“ Dann ging sie.",
            [
                "Die Ministerin sagte: „Wir handeln schnell. Keiner bleibt zurück.“",
                "Dann ging sie.",
            ],
            id="german-low-high",
        ),
        pytest.param(
            "»Die neue Lehrerin. Das weiß hier jeder.«, sagte er. Sie lachte.",
            ["»Die neue Lehrerin. Das weiß hier jeder.«, sagte er.", "Sie lachte."],
            id="guillemets-with-trailing-attribution",
        ),
        pytest.param(
            "Er las: «Komm bald. Wir warten.» Dann schlief er.",
            ["Er las: «Komm bald. Wir warten.»", "Dann schlief er."],
            id="swiss-guillemets",
        ),
        pytest.param(
            'Auf dem Zettel stand: "Willkommen! Frühstück gibt es ab sieben." Sie las ihn.',
            ['Auf dem Zettel stand: "Willkommen! Frühstück gibt es ab sieben."', "Sie las ihn."],
            id="straight-quotes",
        ),
        pytest.param(
            "Er flüsterte: ‚Bleib hier. Ich komme gleich.‘ Dann war er weg.",
            ["Er flüsterte: ‚Bleib hier. Ich komme gleich.‘", "Dann war er weg."],
            id="single-low-high",
        ),
        pytest.param(
            "Sie schrieb: “Alles gut. Bis morgen.” Er antwortete nicht.",
            ["Sie schrieb: “Alles gut. Bis morgen.”", "Er antwortete nicht."],
            id="english-curly-quotes",
        ),
        pytest.param(
            "„Wer auf dem Dorf lebt, braucht ein Auto. Wer keins hat, bleibt da“, sagte er.",
            ["„Wer auf dem Dorf lebt, braucht ein Auto. Wer keins hat, bleibt da“, sagte er."],
            id="quote-closing-mid-sentence",
        ),
    ],
)
def test_short_quotation_is_one_unit_with_its_introducing_clause(
    document: str, expected: list[str]
) -> None:
    assert texts(document) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Sie sagte: „Wir handeln schnell.Niemand wird zurückgelassen.“Dann ging sie.",
            [
                "Sie sagte: „Wir handeln schnell. Niemand wird zurückgelassen.“",
                "Dann ging sie.",
            ],
            id="glued",
        ),
        pytest.param(
            "Sie sagte: „Wir handeln schnell.4Niemand wird zurückgelassen.“5Dann ging sie.",
            [
                "Sie sagte: „Wir handeln schnell. Niemand wird zurückgelassen.“",
                "Dann ging sie.",
            ],
            id="glued-footnotes",
        ),
        pytest.param(
            "»Die neue Lehrerin.Das weiß hier jeder.«Marie lachte.",
            ["»Die neue Lehrerin. Das weiß hier jeder.«", "Marie lachte."],
            id="guillemet-closing-before-a-glued-capital",
        ),
        pytest.param(
            'Da stand: "Willkommen!Frühstück ab sieben."Sie las es.',
            ['Da stand: "Willkommen! Frühstück ab sieben."', "Sie las es."],
            id="straight-quote-closing-before-a-glued-capital",
        ),
    ],
)
def test_short_quotation_run_together(document: str, expected: list[str]) -> None:
    assert texts(document) == expected


def test_glued_footnotes_inside_a_joined_quotation_stay_markers() -> None:
    document = "Sie sagte: „Wir handeln schnell.4Niemand wird zurückgelassen.“5Dann ging sie."
    assert [s.footnotes for s in all_sentences(segment(document))] == [("4", "5"), ()]


LONG = (
    "Die Wirtin sagte: „Der Pfarrer lässt grüßen. Er hat gesagt: ‚Ruhen Sie sich aus.‘ "
    "Aber gehen Sie gleich zu ihm. Er wartet nicht gern. Das hat er noch nie getan.“ "
    "Marie nickte."
)


def model_texts(document: str) -> list[str]:
    return [sentence.model_text for sentence in all_sentences(segment(document))]


def test_long_quotation_is_cut_and_shown_as_written() -> None:
    assert texts(LONG) == [
        "Die Wirtin sagte: „Der Pfarrer lässt grüßen.",
        "Er hat gesagt: ‚Ruhen Sie sich aus.‘",
        "Aber gehen Sie gleich zu ihm.",
        "Er wartet nicht gern.",
        "Das hat er noch nie getan.“",
        "Marie nickte.",
    ]


def test_long_quotation_pieces_are_balanced_for_the_model_only() -> None:
    assert model_texts(LONG) == [
        "Die Wirtin sagte: „Der Pfarrer lässt grüßen.“",
        "„Er hat gesagt: ‚Ruhen Sie sich aus.‘“",
        "„Aber gehen Sie gleich zu ihm.“",
        "„Er wartet nicht gern.“",
        "„Das hat er noch nie getan.“",
        "Marie nickte.",
    ]


def test_long_quotation_pieces_keep_spans_on_the_raw_source() -> None:
    sentences = list(all_sentences(segment(LONG)))
    assert LONG[sentences[1].start : sentences[1].end] == "Er hat gesagt: ‚Ruhen Sie sich aus.‘"
    assert LONG[sentences[4].start : sentences[4].end] == "Das hat er noch nie getan.“"


def test_long_quotation_run_together_with_footnotes() -> None:
    document = "»Eins ist klar.Zwei ist mehr.3Drei folgt.Vier kommt.Fünf endet.«Dann nichts."
    assert texts(document) == [
        "»Eins ist klar.",
        "Zwei ist mehr.",
        "Drei folgt.",
        "Vier kommt.",
        "Fünf endet.«",
        "Dann nichts.",
    ]
    assert model_texts(document) == [
        "»Eins ist klar.«",
        "»Zwei ist mehr.«",
        "»Drei folgt.«",
        "»Vier kommt.«",
        "»Fünf endet.«",
        "Dann nichts.",
    ]


def test_limits_are_sentences_and_words_of_the_whole_unit() -> None:
    sentences = " ".join(["Wir handeln."] * MAX_SENTENCES)
    assert len(texts(f"Sie sagte: „{sentences}“")) == 1
    assert len(texts(f"Sie sagte: „{sentences} Jetzt.“")) == MAX_SENTENCES + 1
    words = " ".join(["sehr"] * MAX_WORDS)
    assert len(texts(f"Sie sagte: „Wir handeln {words} schnell. Gut.“")) == 2


def test_two_short_quotations_in_one_sentence_form_one_unit() -> None:
    document = "Er rief „Halt. Stehen bleiben.“ und sie rief „Nein. Niemals.“ Dann Stille."
    assert texts(document) == [
        "Er rief „Halt. Stehen bleiben.“ und sie rief „Nein. Niemals.“",
        "Dann Stille.",
    ]


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("Er sagte: „Wir handeln. Niemand bleibt zurück.", id="never-closed"),
        pytest.param('Das Zoll-Maß 12" ist alt. Es gilt nicht mehr.', id="stray-inch-mark"),
    ],
)
def test_unpaired_marks_change_nothing(document: str) -> None:
    assert len(texts(document)) == 2


def test_pairing_follows_nesting_and_ignores_apostrophes() -> None:
    text = "„Er sagte ‚Geht’s?‘ und ging.“ »Ja«"
    quotations = find_quotations(text)
    assert quotations.pairs == [(0, text.index("“")), (text.index("»"), text.index("«"))]
    assert text.index("‘") in quotations.closers
    assert text.index("’") not in quotations.closers
