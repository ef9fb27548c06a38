"""One case (at least) per segmentation rule, named after the rule."""

from __future__ import annotations

import pytest

from reader.segment import all_sentences, segment


def texts(document: str) -> list[str]:
    return [sentence.text for sentence in all_sentences(segment(document))]


def footnotes(document: str) -> list[tuple[str, ...]]:
    return [sentence.footnotes for sentence in all_sentences(segment(document))]


# --- scrape repairs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Einzelheiten finden Sie in Ihrer E-Mail.Die Allianz wächst.",
            ["Einzelheiten finden Sie in Ihrer E-Mail.", "Die Allianz wächst."],
            id="glued-full-stop",
        ),
        pytest.param(
            "Melden Sie sich an, um E-Mails zu erhalten!Einzelheiten folgen.",
            ["Melden Sie sich an, um E-Mails zu erhalten!", "Einzelheiten folgen."],
            id="glued-exclamation",
        ),
        pytest.param(
            "Konnten sie überstehen?Zum Teil lag es daran.",
            ["Konnten sie überstehen?", "Zum Teil lag es daran."],
            id="glued-question",
        ),
        pytest.param(
            "Er sagte: „Wir ersetzen den Markt.“Um das zu zeigen, kam er.",
            ["Er sagte: „Wir ersetzen den Markt.“", "Um das zu zeigen, kam er."],
            id="glued-after-closing-quote",
        ),
        pytest.param(
            "Sie kam sofort.»Endlich«, sagte er.",
            ["Sie kam sofort.", "»Endlich«, sagte er."],
            id="guillemet-glued-to-a-word-opens-the-next-sentence",
        ),
    ],
)
def test_missing_space_after_sentence_end(document: str, expected: list[str]) -> None:
    assert texts(document) == expected


@pytest.mark.parametrize(
    ("document", "expected", "markers"),
    [
        pytest.param(
            "Den Wohlstand steigern.2Ein erster Schritt folgt.",
            ["Den Wohlstand steigern.", "Ein erster Schritt folgt."],
            [("2",), ()],
            id="glued-to-next-sentence",
        ),
        pytest.param(
            "Diplomatische Koordinierung.1 Die Zusammenarbeit folgt.",
            ["Diplomatische Koordinierung.", "Die Zusammenarbeit folgt."],
            [("1",), ()],
            id="followed-by-space",
        ),
        pytest.param(
            "Um unseren Stärken entgegenzuwirken.“28 Esper betont das.",
            ["Um unseren Stärken entgegenzuwirken.“", "Esper betont das."],
            [("28",), ()],
            id="after-closing-quote",
        ),
        pytest.param(
            "Das Cooperative Science Program (1963).34 Diese Rahmenwerke halfen.",
            ["Das Cooperative Science Program (1963).", "Diese Rahmenwerke halfen."],
            [("34",), ()],
            id="after-parenthesis",
        ),
        pytest.param(
            "Die Gruppe für den Weltraum von 1979.36 Die beiden Foren folgten.",
            ["Die Gruppe für den Weltraum von 1979.", "Die beiden Foren folgten."],
            [("36",), ()],
            id="after-a-year",
        ),
        pytest.param(
            "Das Büro liegt in der Kantstraße 12.8Das war schnell.",
            ["Das Büro liegt in der Kantstraße 12.", "Das war schnell."],
            [("8",), ()],
            id="after-a-short-number-glued-to-a-capital",
        ),
        pytest.param(
            "Gefragt ist stabiles WLAN.3 Bücher werden gelesen.",
            ["Gefragt ist stabiles WLAN.", "Bücher werden gelesen."],
            [("3",), ()],
            id="after-an-acronym",
        ),
        pytest.param(
            "Es wurde ein Teil des Jahrzehnts.16",
            ["Es wurde ein Teil des Jahrzehnts."],
            [("16",)],
            id="at-paragraph-end",
        ),
    ],
)
def test_footnote_numbers_become_markers(
    document: str, expected: list[str], markers: list[tuple[str, ...]]
) -> None:
    assert texts(document) == expected
    assert footnotes(document) == markers


def test_footnote_moved_into_the_sentence_takes_its_full_stop_to_the_end() -> None:
    document = (
        "Ein Team verließ den Wettbewerb, um Teil von Google.44 zu werdenZwei Komitees "
        "überwachen das."
    )
    assert texts(document) == [
        "Ein Team verließ den Wettbewerb, um Teil von Google zu werden.",
        "Zwei Komitees überwachen das.",
    ]
    assert footnotes(document) == [("44",), ()]


def test_digits_after_an_abbreviation_are_no_footnote() -> None:
    assert texts("Siehe S.12 im Anhang und Nr.5 dort.") == ["Siehe S.12 im Anhang und Nr.5 dort."]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Sie wollen Teil davon werdenZwei Komitees folgen.",
            ["Sie wollen Teil davon werden", "Zwei Komitees folgen."],
            id="lower-to-upper-seam",
        ),
        pytest.param(
            "Die Stadt erhielt 1000 Euro pro MeterKritiker halten das für teuer.",
            ["Die Stadt erhielt 1000 Euro pro Meter", "Kritiker halten das für teuer."],
            id="noun-to-sentence-start-seam",
        ),
        pytest.param(
            "Er kam sofortDie Tür ging auf.",
            ["Er kam sofort", "Die Tür ging auf."],
            id="seam-before-opener",
        ),
        pytest.param(
            "Sie wartete lange„Endlich“, sagte sie.",
            ["Sie wartete lange", "„Endlich“, sagte sie."],
            id="seam-before-opening-quote",
        ),
        pytest.param(
            "Das regelt derStaat mit derRegierung.",
            ["Das regelt der Staat mit der Regierung."],
            id="lost-space-after-article-is-no-seam",
        ),
    ],
)
def test_glued_seams(document: str, expected: list[str]) -> None:
    assert texts(document) == expected


@pytest.mark.parametrize(
    "name", ["YouTube", "eBay", "SoftBank", "CHAdeMO", "iPhone", "PowerPoint", "ProSieben"]
)
def test_camel_case_names_stay_whole(name: str) -> None:
    sentence = f"Die Firma nutzt {name} für ihre Werbung."
    assert texts(sentence) == [sentence]


def test_colon_glued_to_a_capital_is_a_lost_list() -> None:
    assert texts("Dafür sollten die USA und Japan:Das Gesamtziel ist klar.") == [
        "Dafür sollten die USA und Japan:",
        "Das Gesamtziel ist klar.",
    ]


def test_colon_with_a_space_does_not_split() -> None:
    sentence = "Er sagte: Das ist gut."
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Es wurde 1988 verabschiedet;Diese Maßnahme gab Befugnisse.",
            "Es wurde 1988 verabschiedet; Diese Maßnahme gab Befugnisse.",
            id="semicolon",
        ),
        pytest.param(
            "Geräte interoperabler machen;und Verbesserungen vorantreiben.",
            "Geräte interoperabler machen; und Verbesserungen vorantreiben.",
            id="semicolon-lowercase",
        ),
        pytest.param("Äpfel,Birnen und Pflaumen.", "Äpfel, Birnen und Pflaumen.", id="comma"),
        pytest.param("Es kostet 3,5 Millionen.", "Es kostet 3,5 Millionen.", id="decimal-comma"),
    ],
)
def test_lost_space_after_semicolon_or_comma_is_restored(document: str, expected: str) -> None:
    assert texts(document) == [expected]


def test_junk_run_is_dropped_and_never_merged_into_a_sentence() -> None:
    document = (
        "Das Abkommen gilt für „friedliche Zwecke“.......................undSehen"
        "Carnegie nimmt keine Positionen ein."
    )
    sentences = list(all_sentences(segment(document)))
    assert [s.text for s in sentences] == [
        "Das Abkommen gilt für „friedliche Zwecke“.",
        "Carnegie nimmt keine Positionen ein.",
    ]
    assert document[sentences[1].start :].startswith("Carnegie")


def test_dot_leaders_after_a_space_are_dropped_entirely() -> None:
    assert texts("Einleitung ........ 5\nHauptteil ........ 9") == ["Einleitung", "Hauptteil"]


def test_copyright_line_glued_to_a_sentence_is_its_own_sentence() -> None:
    assert texts("Wir helfen gern.© 2022 Carnegie Endowment.") == [
        "Wir helfen gern.",
        "© 2022 Carnegie Endowment.",
    ]


# --- places that are not sentence ends ----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Das gilt z. B. für Äpfel.",
        "Das gilt z.B. für Äpfel.",
        "Das gilt bspw. für Birnen.",
        "Gefördert wurde es u. a. vom Land.",
        "Schüler bzw. Studierende zahlen nichts.",
        "Es kostet ca. 5 Euro.",
        "Die Leiterin, Dr. Anna Berger, spricht.",
        "Prof. Müller begleitet die Planung.",
        "Das Haus Nr. 7 liegt am Markt.",
        "Siehe S. 12 im Anhang.",
        "Das zeigt die Studie (vgl. S. 12 ff.) sehr klar.",
        "Es kostet 12 Mrd. Euro im Jahr.",
        "Es kostet 4,5 Mio. Euro.",
        "Es sind 2.500 Bände, d. h. fast alle.",
        "Filme, Spiele usw. stehen im Erdgeschoss.",
        "Das Treffen ist am 3. Oktober in Peking.",
        "China liegt an 73. Stelle hinter Botswana.",
        "Die Frist endet am 15.01.2027 um Mitternacht.",
        "Wir öffnen ab 9.30 Uhr.",
        "Das war im 19. Jahrhundert.",
        "John F. Kennedy war Präsident.",
        "Das Buch erschien bei C. H. Beck in München.",
        "Er sagte: „Peking ...kombiniert direkte Investitionen.“",
        "Er sagte: „Peking ... kombiniert direkte Investitionen.“",
        "Mehr steht unter www.beispiel-seite.de/info im Netz.",
        "Mehr steht unter https://example.org/a.b?c=D im Netz.",
        "Schreiben Sie an info@beispiel.de oder rufen Sie an.",
        "Der Wert stieg auf 3.5 Prozent.",
        "Die Software läuft auf ASP.NET Core.",
        "Das ist schön.“, sagte sie.",
        "„Wie bitte?“ fragte er.",
        "Der Sender ProSiebenSat.1 zeigt das.",
        "2. Die Methode",
    ],
)
def test_no_sentence_end_inside(sentence: str) -> None:
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Es ging um Halbleiter, Satelliten usw. Das war zu viel.",
            ["Es ging um Halbleiter, Satelliten usw.", "Das war zu viel."],
            id="list-ending-abbreviation-before-a-capital",
        ),
        pytest.param(
            "Es ging um Schlaglöcher, Baustellen usw. Yilmaz hörte zu.",
            ["Es ging um Schlaglöcher, Baustellen usw.", "Yilmaz hörte zu."],
            id="list-ending-before-a-name",
        ),
        pytest.param(
            "Das steht auf S. 12 ff. Die Forschung ist sich einig.",
            ["Das steht auf S. 12 ff.", "Die Forschung ist sich einig."],
            id="ff-before-an-opener",
        ),
        pytest.param(
            "Das Büro liegt in der Kantstraße 12. Das war schnell.",
            ["Das Büro liegt in der Kantstraße 12.", "Das war schnell."],
            id="number-before-an-opener",
        ),
        pytest.param(
            "Das gilt seit 2015. Die Regeln sind streng.",
            ["Das gilt seit 2015.", "Die Regeln sind streng."],
            id="year",
        ),
        pytest.param(
            "Er zögerte… Dann ging er.",
            ["Er zögerte…", "Dann ging er."],
            id="trailing-ellipsis",
        ),
        pytest.param(
            "Es stieg stark. 2019 war es anders.",
            ["Es stieg stark.", "2019 war es anders."],
            id="before-a-number",
        ),
        pytest.param(
            "Der Laden ist zu. (Siehe unten.)",
            ["Der Laden ist zu.", "(Siehe unten.)"],
            id="before-a-parenthesis",
        ),
        pytest.param(
            'Er sagte: "Gut." Dann ging er.',
            ['Er sagte: "Gut."', "Dann ging er."],
            id="after-a-closing-ascii-quote",
        ),
        pytest.param(
            "Er kam.«Endlich», sagte sie.",
            ["Er kam.", "«Endlich», sagte sie."],
            id="swiss-guillemet-glued-to-a-word-opens-the-next-sentence",
        ),
        pytest.param(
            "Mehr unter www.beispiel.de. Danach geht es weiter.",
            ["Mehr unter www.beispiel.de.", "Danach geht es weiter."],
            id="after-a-url",
        ),
    ],
)
def test_sentence_ends(document: str, expected: list[str]) -> None:
    assert texts(document) == expected
