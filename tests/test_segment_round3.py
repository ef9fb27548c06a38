"""Round 3's error classes (issues 19 and 20), each clean and run together.

The run-together variant is the same text as a scrape glues it: no space
after the sentence end (and, where it makes sense, a footnote glued to it).
"""

from __future__ import annotations

import pytest
from segment_helpers import markers, texts

from reader.segment import segment

CASES = [
    pytest.param(
        ["Er hat (!) das Geld genommen.", "Dann ging er."],
        id="exclamation-in-parentheses",
    ),
    pytest.param(
        ["Ist das (?) wirklich wahr?", "Wir wissen es nicht."], id="question-in-parentheses"
    ),
    pytest.param(
        ["Der Kommandeur des III. Geschwaders kam zurück.", "Alle jubelten."], id="roman-ordinal"
    ),
    pytest.param(["Papst Johannes Paul II. war beliebt.", "Er reiste viel."], id="roman-ordinal-2"),
    pytest.param(
        ["Schreib an hallo!welt@example.com oder an wer?da@example.org, bitte.", "Danke."],
        id="email-with-bang-and-question",
    ),
    pytest.param(["Das ist toll! 😀", "Wir kommen wieder."], id="bang-emoji"),
    pytest.param(["Super Service!👍👍", "Gerne wieder."], id="bang-emojis"),
    pytest.param(["Gut!", "• Noch besser."], id="bang-bullet"),
    pytest.param(["Das steht im ersten Satz.¹", "Noch ein Satz folgt."], id="superscript-note"),
    pytest.param(["So bin’s.", "Dann geht’s weiter."], id="elided-es"),
    pytest.param(["Na, wie geht's.", "Mir geht es gut."], id="elided-es-ascii"),
    pytest.param(["Ich wartete lange ….", "Sobald er kam, ging ich."], id="spaced-ellipsis-stop"),
    pytest.param(
        ["Die FKK-LeserInnen und BürgerInnen kamen.", "Alle LehrerInnen auch."],
        id="binnen-i",
    ),
    pytest.param(["Leser*innen und Leser:innen kamen.", "Alle blieben."], id="gender-star-colon"),
    pytest.param(
        ["Die Zahlung muss rechtzeitig erfolgen.[6]", "Es gibt keine Ausnahme."],
        id="bracketed-reference",
    ),
    pytest.param(
        ["Die Zahlung muss rechtzeitig erfolgen.[6][7]", "Es gibt keine Ausnahme."],
        id="bracketed-references",
    ),
    pytest.param(["Es steht in lfd. Nr. 5 der Liste.", "Das reicht."], id="lfd-nr"),
    pytest.param(
        [
            "Der Roman erschien 1915 (Berlin: S. Fischer, 1915. Neuausgabe 1920. Mit Nachwort).",
            "Er wurde oft gelesen.",
        ],
        id="bibliographic-note-in-parentheses",
    ),
    pytest.param(["Die Kennung textgrid:sb4n.0 steht im Katalog.", "Mehr nicht."], id="identifier"),
]


@pytest.mark.parametrize("sentences", CASES)
def test_clean(sentences: list[str]) -> None:
    assert texts(" ".join(sentences)) == sentences
    assert markers(" ".join(sentences)) == []


@pytest.mark.parametrize("sentences", CASES)
def test_run_together(sentences: list[str]) -> None:
    assert texts("".join(sentences)) == sentences


def test_latex_quote_with_glued_footnote() -> None:
    document = "Er fand sie ``ganz schön dünne''.123 Das Komitee zog sich zurück."
    assert texts(document) == ["Er fand sie ``ganz schön dünne''.", "Das Komitee zog sich zurück."]
    assert markers(document) == ["123"]


def test_latex_quote_with_glued_footnote_without_opening_mark() -> None:
    document = "Die Rede war „ganz schön dünne''.123 Das Komitee zog sich zurück."
    assert texts(document) == ["Die Rede war „ganz schön dünne''.", "Das Komitee zog sich zurück."]
    assert markers(document) == ["123"]


@pytest.mark.parametrize("digit", ["\U000114d0", "\u0661", "\u0967", "\uff11"])
def test_non_ascii_digits_are_never_footnote_markers(digit: str) -> None:
    document = f"Das hat die Sache geführt hat.{digit} Noch ein Satz."
    assert markers(document) == []
    assert digit in "".join(texts(document))


@pytest.mark.parametrize(
    ("document", "sentences"),
    [
        ("Er kam am Montag. 1917", ["Er kam am Montag.", "1917"]),
        ("LEIPZIG. 1917", ["LEIPZIG.", "1917"]),
        ("LEIPZIG. 1917\n\nVerlag von Max Hesse.", ["LEIPZIG.", "1917", "Verlag von Max Hesse."]),
    ],
)
def test_a_number_after_a_sentence_end_stays_in_the_text(document, sentences) -> None:
    assert texts(document) == sentences
    assert markers(document) == []


def test_glued_number_after_a_sentence_end_is_a_footnote() -> None:
    assert markers("Er kam am Montag.3 Dann ging er.") == ["3"]


def test_trailing_blank_lines_do_not_switch_to_blank_line_paragraphs() -> None:
    lines = "Übung Präsens\n1. Ich spiele gern Tennis.\nspielen\nspielt\n2. Karl gibt mir den Ball."
    assert texts(lines + "\n\n\n\n") == texts(lines) == lines.split("\n")
    assert len(segment(lines + "\n\n\n")) == 5


def test_blank_line_mode_keeps_a_credit_line_apart_in_an_unwrapped_block() -> None:
    long = " ".join(["Die Informationen in diesem Buch sind dazu gedacht, es zu ergänzen."] * 3)
    document = (
        f"Titel\n\n{long}\nIllustrationen von Anna Anderson Verfasst von Anna Anderson\n"
        "Urheberrecht © 2014 Instafemmefitness. Alle Rechte vorbehalten\n\nÜber mich"
    )
    found = texts(document)
    assert "Illustrationen von Anna Anderson Verfasst von Anna Anderson" in found
    assert "Urheberrecht © 2014 Instafemmefitness." in found


def test_a_proportional_font_wrap_is_not_read_as_a_sentence_end() -> None:
    # pdftotext output and text copied from a PDF viewer: the lines' character
    # counts vary with the glyphs' widths, so a line may be shorter than the
    # longest by more than the next word and still be wrapping.
    document = (
        "Die Stadtverwaltung hat im vergangenen Jahr mehrere\n"
        "Maßnahmen beschlossen, die den Verkehr in der\n"
        "Innenstadt beruhigen sollen, darunter neue breite Radwege\n"
        "und Tempo-30-Zonen in Wohngebieten.\n\nDann kam."
    )
    assert texts(document) == [
        "Die Stadtverwaltung hat im vergangenen Jahr mehrere Maßnahmen beschlossen, "
        "die den Verkehr in der Innenstadt beruhigen sollen, darunter neue breite Radwege "
        "und Tempo-30-Zonen in Wohngebieten.",
        "Dann kam.",
    ]


def test_a_block_written_one_sentence_per_line_ends_a_sentence_at_every_line() -> None:
    # Most lines end in sentence punctuation: no wrapping made these breaks, so
    # the unpunctuated headline is a sentence of its own, however long it is.
    document = (
        "Neue Radwege und Tempo-30-Zonen für die ganze Innenstadt\n"
        "Die Stadt hat beschlossen, neue Radwege zu bauen.\n"
        "Der Rat stimmte gestern mit großer Mehrheit zu.\n"
        "Im Frühjahr beginnen die Arbeiten.\n\nDann kam."
    )
    assert texts(document) == [
        "Neue Radwege und Tempo-30-Zonen für die ganze Innenstadt",
        "Die Stadt hat beschlossen, neue Radwege zu bauen.",
        "Der Rat stimmte gestern mit großer Mehrheit zu.",
        "Im Frühjahr beginnen die Arbeiten.",
        "Dann kam.",
    ]


def test_hard_wrapped_blank_line_paragraphs_are_still_joined() -> None:
    document = "Er ging langsam die\nStraße hinunter und\nsah sich um.\n\nDann kam."
    assert texts(document) == [
        "Er ging langsam die Straße hinunter und sah sich um.",
        "Dann kam.",
    ]


def test_pdf_line_wrap_with_trailing_space_before_lower_case_is_joined() -> None:
    document = (
        "Schwangere Frauen sollten während der \nersten drei Monate Folsäure nehmen. \n"
        "Folsäure ist auch in Gemüse."
    )
    assert texts(document) == [
        "Schwangere Frauen sollten während der ersten drei Monate Folsäure nehmen.",
        "Folsäure ist auch in Gemüse.",
    ]


def test_singular_in_after_a_space_is_a_glued_sentence_start() -> None:
    assert texts("Es gibt einen CHAdeMO-AnschlussIn der Presse stand es.") == [
        "Es gibt einen CHAdeMO-Anschluss",
        "In der Presse stand es.",
    ]
    assert texts("Jede LehrerIn, jeder Lehrer kam.") == ["Jede LehrerIn, jeder Lehrer kam."]


def test_footnote_after_an_email_address_is_still_a_footnote() -> None:
    # The scrape moved the footnote (and the full stop) into the sentence.
    document = "Fragen per E-Mail an info@beispiel.de.6 oder telefonischDie Antwort kommt."
    assert texts(document) == [
        "Fragen per E-Mail an info@beispiel.de oder telefonisch.",
        "Die Antwort kommt.",
    ]
    assert markers(document) == ["6"]


@pytest.mark.parametrize(
    ("document", "sentences", "notes"),
    [
        (
            "Alles tiptop!!67 Kann ich nur empfehlen.",
            ["Alles tiptop!!", "Kann ich nur empfehlen."],
            ["67"],
        ),
        (
            "Wo soll man anfangen????134Wir waren baff.",
            ["Wo soll man anfangen????", "Wir waren baff."],
            ["134"],
        ),
        (
            "Er freut sich :-).93 Heute lache ich.",
            ["Er freut sich :-).", "Heute lache ich."],
            ["93"],
        ),
        (
            "``Ich hoffe, es klappt.''Das Kölner Team liefert.",
            ["``Ich hoffe, es klappt.''", "Das Kölner Team liefert."],
            [],
        ),
        (
            "Wir prüfen das``Ich bin wählen gegangen.",
            ["Wir prüfen das", "``Ich bin wählen gegangen."],
            [],
        ),
    ],
)
def test_real_review_and_news_damage(document, sentences, notes) -> None:
    assert texts(document) == sentences
    assert markers(document) == notes


@pytest.mark.parametrize(
    ("document", "sentences"),
    [
        (
            "Er war in Salzburg.1538 warnte die Inquisition davor.",
            ["Er war in Salzburg.", "1538 warnte die Inquisition davor."],
        ),
        ("Das war am 15.01.2027 so.", ["Das war am 15.01.2027 so."]),
        ("Er kam um 9.30 Uhr.", ["Er kam um 9.30 Uhr."]),
        (
            "Es ist das höchste Gebäude von BangkokNicht alle waren erfolgreich.",
            ["Es ist das höchste Gebäude von Bangkok", "Nicht alle waren erfolgreich."],
        ),
        ("Sie nutzt YouTube und SoftBank.", ["Sie nutzt YouTube und SoftBank."]),
        ("Sie sangen im Hl. Geist-Chor.", ["Sie sangen im Hl. Geist-Chor."]),
    ],
)
def test_glued_year_and_closed_class_seams(document, sentences) -> None:
    assert texts(document) == sentences
