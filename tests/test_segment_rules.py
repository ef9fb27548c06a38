"""One case (at least) per segmentation rule, named after the rule."""

from __future__ import annotations

import pytest
from segment_helpers import texts

from reader.segment import all_sentences, segment


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


def test_junk_run_is_kept_apart_and_never_merged_into_a_sentence() -> None:
    document = (
        "Das Abkommen gilt für „friedliche Zwecke“.......................undSehen"
        "Carnegie nimmt keine Positionen ein."
    )
    sentences = list(all_sentences(segment(document)))
    assert [s.text for s in sentences] == [
        "Das Abkommen gilt für „friedliche Zwecke“.",
        "......................undSehen",
        "Carnegie nimmt keine Positionen ein.",
    ]
    assert document[sentences[2].start :].startswith("Carnegie")


def test_dot_leaders_after_a_space_stay_in_their_line() -> None:
    assert texts("Einleitung ........ 5\nHauptteil ........ 9") == [
        "Einleitung ........ 5",
        "Hauptteil ........ 9",
    ]


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


# --- round 2: German the first round never saw (issue 15) -----------------------


@pytest.mark.parametrize(
    ("document", "expected", "markers"),
    [
        pytest.param(
            "Die Sitzung wurde verschoben.7Prof. Dr. Jens Hoffmann leitet sie.",
            ["Die Sitzung wurde verschoben.", "Prof. Dr. Jens Hoffmann leitet sie."],
            [("7",), ()],
            id="title-after-a-glued-footnote",
        ),
        pytest.param(
            "Die Sitzung wurde verschoben.Prof. Dr. Jens Hoffmann leitet sie.",
            ["Die Sitzung wurde verschoben.", "Prof. Dr. Jens Hoffmann leitet sie."],
            [(), ()],
            id="title-glued-to-a-sentence",
        ),
        pytest.param(
            "Die Sitzung wurde verschoben.7 Prof. Dr. Jens Hoffmann leitet sie.",
            ["Die Sitzung wurde verschoben.", "Prof. Dr. Jens Hoffmann leitet sie."],
            [("7",), ()],
            id="title-after-a-footnote-and-space",
        ),
    ],
)
def test_title_abbreviation_opening_a_sentence(
    document: str, expected: list[str], markers: list[tuple[str, ...]]
) -> None:
    assert texts(document) == expected
    assert footnotes(document) == markers


@pytest.mark.parametrize(
    ("document", "expected", "markers"),
    [
        pytest.param(
            "Er wartete lange...5Dann kam der Bus.",
            ["Er wartete lange...", "Dann kam der Bus."],
            [("5",), ()],
            id="dots-footnote-capital",
        ),
        pytest.param(
            "Er wartete lange…5 Dann kam der Bus.",
            ["Er wartete lange…", "Dann kam der Bus."],
            [("5",), ()],
            id="ellipsis-character-footnote-space",
        ),
        pytest.param(
            "Er wartete...5 und dann kam der Bus.",
            ["Er wartete... und dann kam der Bus."],
            [("5",)],
            id="before-lower-case-no-split",
        ),
    ],
)
def test_ellipsis_with_a_glued_footnote(
    document: str, expected: list[str], markers: list[tuple[str, ...]]
) -> None:
    assert texts(document) == expected
    assert footnotes(document) == markers


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Die Messe liegt in Halle Nr. 7. Der Eingang ist im Norden.",
            ["Die Messe liegt in Halle Nr. 7.", "Der Eingang ist im Norden."],
            id="nr",
        ),
        pytest.param(
            "Das steht bei Müller auf S. 12. Müller irrt aber.",
            ["Das steht bei Müller auf S. 12.", "Müller irrt aber."],
            id="s-before-a-name",
        ),
        pytest.param(
            "Das regelt § 3 Abs. 2. Näheres folgt später.",
            ["Das regelt § 3 Abs. 2.", "Näheres folgt später."],
            id="abs",
        ),
        pytest.param(
            "Das folgt aus Art. 12. Dort steht es.",
            ["Das folgt aus Art. 12.", "Dort steht es."],
            id="art",
        ),
        pytest.param(
            "Das regelt § 5. Wer klagt, verliert.",
            ["Das regelt § 5.", "Wer klagt, verliert."],
            id="paragraph-sign",
        ),
        pytest.param(
            "Näheres regelt Anlage 1 Nr. 3. (4) Die Bibliothek kann das.",
            ["Näheres regelt Anlage 1 Nr. 3.", "(4) Die Bibliothek kann das."],
            id="before-a-numbered-item",
        ),
        pytest.param(
            "Die Messe liegt in Halle Nr. 7.Der Eingang ist im Norden.",
            ["Die Messe liegt in Halle Nr. 7.", "Der Eingang ist im Norden."],
            id="run-together",
        ),
        pytest.param(
            "Die Messe liegt in Halle Nr. 7.3Der Eingang ist im Norden.",
            ["Die Messe liegt in Halle Nr. 7.", "Der Eingang ist im Norden."],
            id="run-together-with-footnote",
        ),
    ],
)
def test_reference_number_closing_a_sentence(document: str, expected: list[str]) -> None:
    assert texts(document) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Das steht bei Müller, S. 81 f. Die Kritik folgt.",
            ["Das steht bei Müller, S. 81 f.", "Die Kritik folgt."],
            id="f-before-an-opener",
        ),
        pytest.param(
            "Zur Kritik siehe Müller, S. 81 f.8",
            ["Zur Kritik siehe Müller, S. 81 f."],
            id="f-with-a-footnote-at-paragraph-end",
        ),
        pytest.param(
            "Zur Kritik an diesem Begriff siehe unten, Abschnitt 4.12",
            ["Zur Kritik an diesem Begriff siehe unten, Abschnitt 4."],
            id="footnote-after-a-short-number-at-paragraph-end",
        ),
        pytest.param(
            "Sie wohnt in der Kantstraße 12.8 Das war schön.",
            ["Sie wohnt in der Kantstraße 12.", "Das war schön."],
            id="footnote-after-a-short-number-before-an-opener",
        ),
        pytest.param(
            "Sie wohnt in der Kantstraße 12. Dort war es schön.",
            ["Sie wohnt in der Kantstraße 12.", "Dort war es schön."],
            id="number-before-an-adverb",
        ),
        pytest.param(
            "Es regierte Karl V. Er war Kaiser.",
            ["Es regierte Karl V.", "Er war Kaiser."],
            id="one-letter-roman-numeral",
        ),
        pytest.param(
            "Es regierte Ludwig XIV. Er baute Versailles.",
            ["Es regierte Ludwig XIV.", "Er baute Versailles."],
            id="roman-numeral",
        ),
        pytest.param(
            "Es regierte Ludwig XIV.3Er baute Versailles.",
            ["Es regierte Ludwig XIV.", "Er baute Versailles."],
            id="roman-numeral-run-together",
        ),
    ],
)
def test_numbers_and_page_ranges_ending_sentences(document: str, expected: list[str]) -> None:
    assert texts(document) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Studie von Schmitz et al. (2015) ist einschlägig.",
        "Rechtsgrundlage ist Art. 6 Abs. 1 lit. e DSGVO.",
        "Das war zum 2. Mal so, am 3. Oktober.",
        "Die Bevölkerung sank von ca. 3.000 Einwohnern auf 900.",
        "Kapitel 2.3",
        "Sie kam zum 3. Teil der Reihe.",
        "Ludwig XIV. regierte lange.",
        "Das Buch erschien bei C. H. Beck in München.",
        "Er liegt in Halle Nr. 7 am Eingang.",
        "Mit der BahnCard und dem StadtRad geht es gut.",
        "Die Firma nutzt LinkedIn, InterCity und PricewaterhouseCoopers.",
    ],
)
def test_still_no_sentence_end_inside(sentence: str) -> None:
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            "Die Führung beginnt in der AltstadtWie lange sie dauert, ist offen.",
            ["Die Führung beginnt in der Altstadt", "Wie lange sie dauert, ist offen."],
            id="compound-before-an-opener",
        ),
        pytest.param(
            "Es gilt § 3 des LandesdatenschutzgesetzesAusleihdaten werden gelöscht.",
            ["Es gilt § 3 des Landesdatenschutzgesetzes", "Ausleihdaten werden gelöscht."],
            id="two-compounds",
        ),
        pytest.param(
            "Briefe und Möbel aus seinem BesitzGeöffnet ist es dienstags.",
            ["Briefe und Möbel aus seinem Besitz", "Geöffnet ist es dienstags."],
            id="noun-before-a-lower-case-word",
        ),
        pytest.param(
            "Arbeiten zur Rolle der Herkunftssprachen liegen vorDrittens wird gefragt.",
            ["Arbeiten zur Rolle der Herkunftssprachen liegen vor", "Drittens wird gefragt."],
            id="verb-particle-before-an-adverb",
        ),
        pytest.param(
            "Kinder lesen später besser lesenYılmaz spricht von Transfer.",
            ["Kinder lesen später besser lesen", "Yılmaz spricht von Transfer."],
            id="non-german-capital",
        ),
        pytest.param(
            'Die Wirtin sah sie zweifelnd an"Nach dem Frühstück?", fragte sie.',
            ["Die Wirtin sah sie zweifelnd an", '"Nach dem Frühstück?", fragte sie.'],
            id="before-an-opening-straight-quote",
        ),
    ],
)
def test_more_glued_seams(document: str, expected: list[str]) -> None:
    assert texts(document) == expected
