"""Each PDF repair rule on lines built by hand (no PDF needed)."""

from __future__ import annotations

import pytest

from reader.document import FootnoteRef
from reader.importers.pdf.columns import reading_order
from reader.importers.pdf.footnotes import split_footnotes
from reader.importers.pdf.furniture import is_page_number, remove_furniture
from reader.importers.pdf.headings import HeadingStyles
from reader.importers.pdf.hyphenation import join_lines
from reader.importers.pdf.layout import Line, OutlineEntry, Page
from reader.importers.pdf.paragraphs import PlacedLine, build_blocks


def line(text: str, baseline: float, *, left=50.0, right=350.0, size=10.0, bold=False, markers=()):
    return Line(text, left, right, baseline, size, bold, tuple(markers))


# --- line-end hyphenation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("die Bundes-", "regierung hat", "die Bundesregierung hat"),
        ("die Bundes\u2010", "regierung hat", "die Bundesregierung hat"),
        ("die Bundes\u00ad", "regierung hat", "die Bundesregierung hat"),
        ("das Halbleiter-Förder-", "programm", "das Halbleiter-Förderprogramm"),
        ("Forschungs-", "und Entwicklungsvorhaben", "Forschungs- und Entwicklungsvorhaben"),
        ("Bund-", "oder Länderebene", "Bund- oder Länderebene"),
        ("per E-", "Mail", "per E-Mail"),
        ("die EU\u2010", "Kommission", "die EU-Kommission"),
        ("per E-", "mail", "per E-mail"),
        ("im Jahr 2020-", "2025", "im Jahr 2020-2025"),
        ("Ende.", "Neu", "Ende. Neu"),
        ("minus -", "zwei", "minus - zwei"),
        ("das Programm „..++-", "++++--+.“ gibt", "das Programm „..++-++++--+.“ gibt"),
        ('der Befehl "-', "zur Verfügung", 'der Befehl "- zur Verfügung'),
    ],
)
def test_line_end_hyphen(first: str, second: str, joined: str) -> None:
    assert join_lines(first, second) == joined


# --- page furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["7", "- 7 -", "– 12 –", "Seite 7", "Seite 7 von 20", "7 / 20", "vii"]
)
def test_page_numbers_are_recognised(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["7 Thesen", "2026 war ein Jahr", "Seite an Seite"])
def test_text_is_not_a_page_number(text: str) -> None:
    assert not is_page_number(text)


def _report_page(number: int, body: list[str]) -> Page:
    lines = [line("Arbeitspapier 3/2026 · Verwaltung", 30.0, size=8)]
    lines += [line(text, 80.0 + 14 * i) for i, text in enumerate(body)]
    lines.append(line(str(number), 570.0, left=200, right=206))
    return Page(number, 420.0, 595.0, tuple(lines))


def test_running_header_and_page_numbers_are_removed() -> None:
    bodies = [
        ["Es war", "einmal", "ein Staat"],
        ["Er hatte", "viele", "Ämter"],
        ["Sie", "machten", "Akten"],
    ]
    pages = [_report_page(n, body) for n, body in enumerate(bodies, start=1)]
    assert [[ln.text for ln in page.lines] for page in remove_furniture(pages)] == bodies


def test_a_line_on_one_page_only_is_not_furniture() -> None:
    pages = [_report_page(n, [f"{n}a", f"{n}b", f"{n}c"]) for n in (1, 2, 3)]
    first = pages[0]
    pages[0] = Page(1, first.width, first.height, (line("Titel", 30.0), *first.lines[1:]))
    assert remove_furniture(pages)[0].lines[0].text == "Titel"


# --- footnotes ----------------------------------------------------------------------------


def test_footnote_area_becomes_notes_with_their_labels() -> None:
    body = [line("Ein Satz geht", 100), line("weiter.", 114)]
    notes = [
        line("1. Erste Anmerkung, die", 500, size=7.5),
        line("weitergeht.", 510, size=7.5),
        line("2 Zweite Anmerkung.", 520, size=7.5),
    ]
    kept, found = split_footnotes(body + notes, 10.0, 1, None)
    assert kept == body
    assert [(n.marker, [ln.text for ln in n.lines]) for n in found] == [
        ("1", ["Erste Anmerkung, die", "weitergeht."]),
        ("2", ["Zweite Anmerkung."]),
    ]


def test_note_continued_on_the_next_page_joins_the_previous_note() -> None:
    _, (note,) = split_footnotes([line("1. Anfang der", 500, size=7.5)], 10.0, 1, None)
    kept, more = split_footnotes(
        [line("Text.", 100), line("Anmerkung.", 500, size=7.5)], 10.0, 2, note
    )
    assert [ln.text for ln in kept] == ["Text."]
    assert more == []
    assert [ln.text for ln in note.lines] == ["Anfang der", "Anmerkung."]


def test_small_print_without_a_label_stays_body_text() -> None:
    lines = [line("Text.", 100), line("Quelle: eigene Darstellung", 500, size=7.5)]
    assert split_footnotes(lines, 10.0, 1, None) == (lines, [])


# --- columns --------------------------------------------------------------------------------


def test_two_columns_are_read_column_by_column() -> None:
    title = line("Eine Überschrift über beide Spalten", 40, left=50, right=350)
    left = [line(f"links {i}", 60 + 12 * i, left=50, right=195) for i in range(3)]
    right = [line(f"rechts {i}", 60 + 12 * i, left=205, right=350) for i in range(3)]
    interleaved = [title] + [ln for pair in zip(left, right, strict=True) for ln in pair]
    assert reading_order(interleaved) == [title, *left, *right]


def test_short_lines_in_one_column_keep_their_order() -> None:
    lines = [line("volle Zeile", 60), line("kurz.", 72, right=120), line("volle Zeile", 84)]
    assert reading_order(lines) == lines


# --- headings and paragraphs ----------------------------------------------------------------


def _blocks(lines: list[tuple[Line, int]], outline=()):
    styles = HeadingStyles.find([ln for ln, _ in lines], list(outline))
    flow = [PlacedLine(ln, page, styles.level(ln, page)) for ln, page in lines]
    return build_blocks(flow, [], styles)


BODY = [
    line("Ein ganz normaler Satz in einer Zeile voller Text, die", 100 + 14 * i) for i in range(5)
]


def test_larger_and_bold_lines_are_headings_ranked_by_size() -> None:
    blocks = _blocks(
        [(line("Titel", 40, size=18, bold=True), 1), (line("1. Teil", 70, size=13, bold=True), 1)]
        + [(ln, 1) for ln in BODY]
    )
    assert [(b.kind, b.level) for b in blocks] == [("heading", 1), ("heading", 2), ("paragraph", 0)]


def test_bold_lines_ending_like_running_text_are_no_headings() -> None:
    lines = [(line("Das ist ein fett gesetzter Satz.", 40, bold=True), 1)]
    blocks = _blocks(lines + [(ln, 1) for ln in BODY])
    assert blocks[0].kind == "paragraph"


def test_a_long_run_of_large_lines_is_a_paragraph() -> None:
    lead = [
        (line(f"Ein groß gesetzter Vorspann, Zeile {i}", 40 + 18 * i, size=13), 1) for i in range(5)
    ]
    blocks = _blocks(lead + [(ln, 1) for ln in BODY])
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]


def test_outline_decides_headings_and_levels() -> None:
    outline = [OutlineEntry("Einleitung", 1, 1)]
    blocks = _blocks([(line("Einleitung", 80), 1), *[(ln, 1) for ln in BODY]], outline)
    assert (blocks[0].kind, blocks[0].level, blocks[0].text) == ("heading", 1, "Einleitung")


def test_outline_titles_match_headings_without_their_numbering() -> None:
    outline = [OutlineEntry("Ausgangslage", 2, 1)]
    blocks = _blocks([(line("2.1 Ausgangslage", 80), 1), *[(ln, 1) for ln in BODY]], outline)
    assert (blocks[0].kind, blocks[0].level, blocks[0].text) == ("heading", 2, "2.1 Ausgangslage")


def test_bulleted_lines_become_list_items_with_their_indented_lines() -> None:
    lines = [
        (line("Die Ziele:", 100, right=120), 1),
        (line("• Erstens ein Punkt, der länger ist und in der", 114), 1),
        (line("nächsten Zeile weitergeht.", 128, left=62, right=200), 1),
        (line("• Zweitens.", 142, right=110), 1),
        (line("Danach geht der Text als Absatz weiter.", 156), 1),
    ]
    assert [(b.kind, b.text) for b in _blocks(lines)] == [
        ("paragraph", "Die Ziele:"),
        ("list_item", "Erstens ein Punkt, der länger ist und in der nächsten Zeile weitergeht."),
        ("list_item", "Zweitens."),
        ("paragraph", "Danach geht der Text als Absatz weiter."),
    ]


def test_a_dash_opening_a_line_mid_sentence_is_no_bullet() -> None:
    lines = [
        (line("Das Ergebnis ist eindeutig, aber die Lage", 100), 1),
        (line("– so der Bericht – bleibt schwierig.", 114, right=200), 1),
    ]
    assert [(b.kind, b.text) for b in _blocks(lines)] == [
        (
            "paragraph",
            "Das Ergebnis ist eindeutig, aber die Lage – so der Bericht – bleibt schwierig.",
        )
    ]


def test_sentence_across_a_page_break_stays_one_paragraph() -> None:
    lines = [
        (line("Der Satz beginnt auf einer Seite und geht auf der", 500), 1),
        (line("nächsten weiter.", 60, right=150), 2),
    ]
    (block,) = _blocks(lines)
    assert block.text == "Der Satz beginnt auf einer Seite und geht auf der nächsten weiter."


def test_short_line_ending_a_sentence_ends_the_paragraph() -> None:
    lines = [
        (line("Ein Absatz, der mit einer vollen Zeile beginnt und", 100), 1),
        (line("hier endet.", 114, right=150), 1),
        (line("Ein neuer Absatz beginnt auf der nächsten Zeile", 128), 1),
    ]
    assert [b.text for b in _blocks(lines)] == [
        "Ein Absatz, der mit einer vollen Zeile beginnt und hier endet.",
        "Ein neuer Absatz beginnt auf der nächsten Zeile",
    ]


def test_footnote_calls_keep_their_place_in_joined_lines() -> None:
    lines = [
        (line("Erste Zeile mit einer Fußnote am Ende der Zei-", 100, markers=[]), 1),
        (line("le und einem Ruf hier.", 114, right=200, markers=[FootnoteRef(21, "3")]), 1),
    ]
    (block,) = _blocks(lines)
    assert block.text == "Erste Zeile mit einer Fußnote am Ende der Zeile und einem Ruf hier."
    assert block.footnotes == (FootnoteRef(len(block.text) - 1, "3"),)


def test_a_footer_ending_in_a_labelled_page_number_goes_even_on_one_page() -> None:
    lines = (
        line("Ein Satz im Text, der weitergeht und endet.", 100),
        line("Pflege-Kompass 2026 Seite 1 von 1", 400, size=6),
    )
    (page,) = remove_furniture([Page(1, 300.0, 420.0, lines)])
    assert [ln.text for ln in page.lines] == ["Ein Satz im Text, der weitergeht und endet."]


def test_a_chapter_title_running_on_three_pages_is_furniture() -> None:
    pages = []
    for number in range(1, 11):
        header = "Kapitel 1: Anfang" if number <= 3 else f"Kapitel {number}: Thema {number}"
        body = [line(f"Text {chr(96 + number) * number}", 100 + 14 * i) for i in range(3)]
        pages.append(Page(number, 420.0, 595.0, (line(header, 30, size=8), *body)))
    kept = remove_furniture(pages)
    assert all(not ln.text.startswith("Kapitel 1:") for page in kept[:3] for ln in page.lines)


def test_a_raised_label_opens_a_footnote() -> None:
    note = line("Eine Anmerkung im Stil von LaTeX.", 500, size=7.5, markers=[FootnoteRef(0, "7")])
    _, (found,) = split_footnotes([line("Text.", 100), note], 10.0, 1, None)
    assert (found.marker, found.lines[0].text) == ("7", "Eine Anmerkung im Stil von LaTeX.")


def test_a_lone_small_row_in_the_top_margin_is_a_header() -> None:
    body = [line(f"Zeile {i} des Textes, die weitergeht", 80 + 14 * i) for i in range(4)]
    lines = (line("Pressemitteilung · 12. Mai 2026", 30, size=7), *body)
    (page,) = remove_furniture([Page(1, 420.0, 595.0, lines)])
    assert [ln.text for ln in page.lines] == [ln.text for ln in body]


def test_small_print_close_to_the_text_below_stays() -> None:
    body = [line(f"Zeile {i} des Textes, die weitergeht", 48 + 14 * i) for i in range(4)]
    lines = (line("Kasten: eine kleine Vorbemerkung", 34, size=7), *body)
    (page,) = remove_furniture([Page(1, 420.0, 595.0, lines)])
    assert page.lines == lines


def test_alike_lines_next_to_each_other_on_one_page_are_not_a_running_header() -> None:
    lines = tuple(line(f"Tabelle {i}: Ergebnisse", 40 + 14 * i) for i in range(5))
    (page,) = remove_furniture([Page(1, 420.0, 595.0, lines)])
    assert page.lines == lines


# --- superscript footnote calls -----------------------------------------------------------


def _fragment(text: str, digits: list[tuple[int, float, float]]):
    from reader.importers.pdf.extract import _Fragment

    return _Fragment(text, 50.0, 300.0, 100.0, 10.0, False, digits)


@pytest.mark.parametrize(
    ("size", "baseline", "called"),
    [(6.5, 98.0, True), (6.5, 99.5, False), (10.0, 98.0, False), (10.0, 96.0, True)],
)
def test_raised_digits_become_footnote_calls(size: float, baseline: float, called: bool) -> None:
    from reader.importers.pdf.extract import _line

    result = _line(
        _fragment("gebunden sind.12 Weiter", [(14, size, baseline), (15, size, baseline)])
    )
    if called:
        assert (result.text, result.markers) == ("gebunden sind. Weiter", (FootnoteRef(14, "12"),))
    else:
        assert (result.text, result.markers) == ("gebunden sind.12 Weiter", ())


def test_numbers_on_the_baseline_stay_text() -> None:
    from reader.importers.pdf.extract import _line

    result = _line(_fragment("im Jahr 2024 stieg", [(8 + i, 10.0, 100.0) for i in range(4)]))
    assert (result.text, result.markers) == ("im Jahr 2024 stieg", ())
