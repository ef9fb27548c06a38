"""The PDF rules of round 2, each on its own: character-level repairs, asides, footnotes.

Character rules are tested on hand-given glyph boxes and on small PDFs
written here byte by byte (a 1-point font scaled by the text matrix, as
Distiller and InDesign write it; a private-use bullet through a ToUnicode
map, as Word writes Symbol bullets); layout rules on the real-producer
fixtures (tests/fixtures/pdf/producers, built by
scripts/build_pdf_producers.py with LibreOffice, pdfLaTeX and pandoc).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.importers.pdf import import_pdf
from reader.importers.pdf.characters import mend_characters
from reader.importers.pdf.extract import read_pdf
from reader.importers.pdf.footnotes import split_footnotes
from reader.importers.pdf.headings import HeadingStyles, normalized_title
from reader.importers.pdf.hyphenation import join_lines
from reader.importers.pdf.layout import Cell, Line
from reader.importers.pdf.paragraphs import (
    PlacedAside,
    PlacedLine,
    build_blocks,
    caption_after_runover,
)
from reader.importers.pdf.regions import AsideKind, anchor, split_asides
from reader.segment import all_sentences, segment_document

PRODUCERS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "producers"


def line(text: str, baseline: float, *, left=50.0, right=350.0, size=10.0, bold=False, markers=()):
    return Line(text, left, right, baseline, size, bold, tuple(markers))


def _document(name: str):
    return import_pdf((PRODUCERS / f"{name}.pdf").read_bytes(), f"{name}.pdf")


def _sentences(name: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in all_sentences(segment_document(_document(name)))]


# --- characters: accents, private-use and unmapped characters ---------------------------


def _boxes(layout: dict[int, tuple[float, float, float, float]]):
    return lambda index: layout[index]


def test_a_stray_ot1_accent_is_composed_with_the_letter_under_it() -> None:
    # "Innenst ¨ ¨adte": the first ¨ stands over the u of an earlier word,
    # the second over the a; PDFium put both, with spaces, after "Innenst".
    text = "kuhlen Innenst ¨ ¨adte"
    boxes = {i: (10.0 * i, 10.0 * i + 9, 0.0, 7.0) for i in range(len(text))}
    boxes[1] = (10.0, 19.0, 0.0, 5.0)  # u
    boxes[15] = (11.0, 17.0, 8.0, 9.0)  # ¨ over the u
    boxes[14] = boxes[16] = (139.5, 139.5, 0.0, 0.0)  # generated spaces
    boxes[17] = (141.0, 147.0, 8.0, 9.0)  # ¨ over the a
    boxes[18] = (140.0, 149.0, 0.0, 5.0)  # a, right after the t
    piece = mend_characters(text, 0, len(text), _boxes(boxes))
    assert piece.text == "kühlen Innenstädte"
    assert len(piece.sources) == len(piece.text)


def test_a_spacing_accent_over_no_letter_stays() -> None:
    text = "a ^ b"
    boxes = {0: (0.0, 5.0, 0.0, 5.0), 1: (5.0, 5.0, 0, 0), 2: (20.0, 25.0, 4.0, 9.0)}
    boxes |= {3: (25.0, 25.0, 0, 0), 4: (40.0, 45.0, 0.0, 7.0)}
    assert mend_characters(text, 0, len(text), _boxes(boxes)).text == "a ^ b"


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("\uf0b7 Erster Punkt", "• Erster Punkt"),  # Word's Symbol bullet
        ("\x88 Erster Punkt", "• Erster Punkt"),  # a Type 3 bullet without Unicode
        ("Wort\uf0e0 mit Pfeil", "Wort mit Pfeil"),  # elsewhere: dropped
        ("Ende\ue000", "Ende"),
    ],
)
def test_private_use_and_unmapped_characters_are_bullets_or_dropped(text: str, mended: str) -> None:
    piece = mend_characters(text, 0, len(text), lambda index: (0.0, 0.0, 0.0, 0.0))
    assert piece.text == mended


def test_plain_text_is_passed_through_without_asking_for_boxes() -> None:
    def no_boxes(index: int):
        raise AssertionError("no glyph box needed")

    piece = mend_characters("Straßenbäume kühlen", 0, 19, no_boxes)
    assert piece.text == "Straßenbäume kühlen"


# --- PDFs written here: the text matrix's scale and a private-use bullet ------------------


def _pdf(content: bytes, to_unicode: bytes | None = None) -> bytes:
    """A one-page A5 PDF with Helvetica as /F1 and ``content`` as its page stream."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    font += b" /ToUnicode 5 0 R >>" if to_unicode else b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R"
        b" /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode or b""), to_unicode or b""),
        font,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_font_size_is_the_size_times_the_text_matrix_scale() -> None:
    # Distiller and InDesign: a 1-point font scaled to 10 and 18 points by Tm.
    content = (
        b"BT /F1 1 Tf 18 0 0 18 40 520 Tm (Eine \xdcberschrift) Tj ET\n"
        b"BT /F1 1 Tf 10 0 0 10 40 490 Tm (Inzwischen nutzen eine Milliarde Menschen) Tj ET\n"
        b"BT /F1 1 Tf 10 0 0 10 40 478 Tm (weltweit Facebook. In unserem Alltag ist) Tj ET\n"
    )
    pdf = read_pdf(_pdf(content), "skaliert.pdf", None)
    sizes = [round(ln.size, 1) for ln in pdf.pages[0].lines]
    assert sizes == [18.0, 10.0, 10.0]
    blocks = import_pdf(_pdf(content), "skaliert.pdf").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Eine Überschrift"),
        (
            "paragraph",
            "Inzwischen nutzen eine Milliarde Menschen weltweit Facebook. In unserem Alltag ist",
        ),
    ]


def test_a_private_use_bullet_from_a_to_unicode_map_becomes_a_list_item() -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfchar <B7> <F0B7> endbfchar\n"
        b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = (
        b"BT /F1 10 Tf 40 500 Td (Folgendes gilt:) Tj ET\n"
        b"BT /F1 10 Tf 40 486 Td (\xb7) Tj ET\n"
        b"BT /F1 10 Tf 52 486 Td (Alle Daten bleiben lokal.) Tj ET\n"
    )
    blocks = import_pdf(_pdf(content, cmap), "word.pdf").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Folgendes gilt:"),
        ("list_item", "Alle Daten bleiben lokal."),
    ]


# --- line-end hyphens as PDFium reports them (U+FFFE, line break dropped) ------------------


def test_line_end_hyphens_are_joined_on_libreoffice_output() -> None:
    texts = [text for text, _ in _sentences("lo-probe")]
    joined = " ".join(texts)
    assert "\ufffe" not in joined
    assert "abgestorbene Linden" in joined  # abge-⏎storbene: joined
    assert "Versuchspflanzungen" in joined
    assert "zwischen zwei- und viertausend Euro" in joined  # a truncated compound: kept


def test_ot1_accents_are_composed_in_a_pdflatex_document() -> None:
    texts = " ".join(text for text, _ in _sentences("ot1-probe"))
    assert "¨" not in texts
    assert "Straßenbäume kühlen die Innenstädte" in texts
    assert "Südosteuropa." in texts


# --- asides: margin notes and tables -------------------------------------------------------


def test_a_margin_note_is_a_block_of_its_own_before_its_paragraph() -> None:
    blocks = [(b.kind, b.text) for b in _document("ot1-bibliothek").blocks]
    index = blocks.index(("paragraph", "Offene Bibliothek"))
    assert blocks[index + 1][1].startswith("Der Zugang erfolgt in der Regel")


def test_margin_lines_are_taken_out_of_the_body() -> None:
    body = [line(f"Eine lange Zeile des Fließtextes, Nummer {i}", 100 + 12 * i) for i in range(4)]
    note = [
        line("Randnotiz", 112, left=360, right=400, size=8),
        line("zwei", 121, left=360, right=380, size=8),
    ]
    kept, asides = split_asides(body + note)
    assert kept == body
    assert [(a.kind, [ln.text for ln in a.lines]) for a in asides] == [
        (AsideKind.MARGIN, ["Randnotiz", "zwei"])
    ]


def test_table_rows_are_verbatim_units_and_the_caption_a_sentence() -> None:
    blocks = [(b.kind, b.text) for b in _document("lo-probe").blocks]
    assert ("code", "Zerr-Eiche  412") in blocks
    assert ("paragraph", "Tabelle 1: Pflanzungen nach Baumart") in blocks
    assert not any("412" in text for kind, text in blocks if kind != "code")


def test_two_short_pieces_on_one_row_alone_are_no_table() -> None:
    body = [line(f"Eine lange Zeile des Fließtextes, Nummer {i}", 100 + 12 * i) for i in range(4)]
    row = [line("links", 160, right=90), line("rechts", 160, left=300)]
    kept, asides = split_asides(body + row)
    assert asides == [] and kept == body + row


# --- footnotes --------------------------------------------------------------------------------


def test_a_number_opening_a_notes_second_line_is_no_new_note() -> None:
    lines = [
        line("Text mit Verweis", 100, markers=[]),
        line("2 Die Befragung wurde durchgeführt. Die Rücklaufquote lag bei", 400, size=8),
        line("41 Prozent.", 410, size=8),
    ]
    body, notes = split_footnotes(lines, 10.0, 1, None)
    assert [ln.text for ln in body] == ["Text mit Verweis"]
    assert [(n.marker, [ln.text for ln in n.lines]) for n in notes] == [
        ("2", ["Die Befragung wurde durchgeführt. Die Rücklaufquote lag bei", "41 Prozent."])
    ]


def test_two_column_footnotes_are_read_column_by_column() -> None:
    sentences = _sentences("t1-speicher")
    assert ("Mit Kraft-Wärme-Kopplung steigt der Wert deutlich.", "footnote") in sentences
    assert (
        "Eigene Auswertung von Herstellerangaben und Ausschreibungsergebnissen.",
        "footnote",
    ) in sentences
    notes = [b for b in _document("t1-speicher").blocks if b.kind == "footnote"]
    calls = {ref.marker for b in _document("t1-speicher").blocks for ref in b.footnotes}
    assert notes and {note.marker for note in notes} <= calls  # linked to their calls


def test_footnotes_of_a_libreoffice_document_are_linked_blocks() -> None:
    blocks = _document("lo-bericht").blocks
    note = next(b for b in blocks if b.kind == "footnote" and "Rücklaufquote" in b.text)
    assert note.text.endswith("Die Rücklaufquote lag bei 41 Prozent.")
    caller = next(b for b in blocks if any(r.marker == note.marker for r in b.footnotes))
    assert blocks.index(caller) < blocks.index(note)


# --- headings and paragraphs ---------------------------------------------------------------


def _blocks(lines: list[Line], outline=()):
    styles = HeadingStyles.find(lines, list(outline))
    flow = [PlacedLine(ln, 1, styles.level(ln, 1)) for ln in lines]
    return [(b.kind, b.text) for b in build_blocks(flow, [], styles)]


BODY = [
    line("Ein ganz normaler Satz in einer Zeile voller Text, die", 300 + 14 * i) for i in range(5)
]


def test_a_pull_quote_over_two_lines_is_one_paragraph_not_a_heading() -> None:
    quote = [
        line("Eine Bibliothek ist der einzige Ort in der", 100, size=12),
        line("Stadt, an dem niemand etwas kaufen muss.", 115, size=12),
    ]
    assert _blocks(quote + BODY)[0] == (
        "paragraph",
        "Eine Bibliothek ist der einzige Ort in der Stadt, an dem niemand etwas kaufen muss.",
    )


def test_a_large_line_ending_in_a_comma_is_no_heading() -> None:
    assert _blocks([line("Eine Bibliothek ist der einzige Ort,", 100, size=12), *BODY])[0][0] == (
        "paragraph"
    )


def test_bibliography_entries_are_blocks_of_their_own() -> None:
    entries = [
        line("[1] ECO, Umberto: Wie man eine Abschlußarbeit schreibt.", 100),
        line("13. Aufl. Heidelberg : C. F. Müller, 2010. – 270 S.", 112, left=60),
        line("[2] STENGEL, Oliver: Vorsicht, Denkfehler! Berlin, 2005.", 124),
    ]
    assert [kind for kind, _ in _blocks(entries + BODY)][:2] == ["paragraph", "paragraph"]


def test_outline_titles_match_headings_numbered_with_letters() -> None:
    assert normalized_title("A. Überblick") == "überblick"
    assert normalized_title("IV. ZITATE UND QUELLENANGABEN") == "zitate und quellenangaben"


def test_a_line_broken_after_a_slash_joins_without_a_space() -> None:
    assert join_lines("(http://www.smits-net.de/", "arbeiten.html)") == (
        "(http://www.smits-net.de/arbeiten.html)"
    )
    assert join_lines("Ende /", "Anfang") == "Ende / Anfang"


def test_a_range_broken_after_its_dash_joins_without_a_space() -> None:
    assert join_lines("Arbeitshilfe, S. 11–", "12.") == "Arbeitshilfe, S. 11–12."
    assert join_lines("Kjift –", "mitnichten!") == "Kjift – mitnichten!"


def test_a_page_with_more_asides_than_flow_is_read_in_plain_order() -> None:
    body = [line(f"Eine lange Zeile des Fließtextes, Nummer {i}", 100 + 12 * i) for i in range(3)]
    cells = [
        piece
        for row in range(4)
        for piece in (
            line(f"Feld {row}", 200 + 12 * row, right=90),
            line(f"Wert {row}", 200 + 12 * row, left=300),
        )
    ]
    kept, asides = split_asides(body + cells)
    assert asides == [] and kept == body + cells


def _row(texts_edges: list[tuple[str, float, float]], baseline: float, size=10.0) -> Line:
    """One short line whose pieces stand apart (cells), as extract.py gives them."""
    pieces = tuple(Cell(text, left, right) for text, left, right in texts_edges)
    text = " ".join(piece.text for piece in pieces)
    return Line(text, pieces[0].left, pieces[-1].right, baseline, size, cells=pieces)


BODY_LINES = [
    line(f"Eine lange Zeile des Fließtextes, Nummer {i}, reicht bis an den Rand", 100 + 12 * i)
    for i in range(4)
]


def test_rows_of_cells_beside_the_other_columns_text_are_a_table() -> None:
    # pdfLaTeX's tabular in the right column, the left column's text on its baselines.
    left_column = [
        line(f"Text der linken Spalte {i}, lang genug", 200 + 12 * i, right=190) for i in range(3)
    ]
    cells_ = [
        _row([("Baumart", 210, 250), ("Anzahl", 270, 300)], 200),
        _row([("Zerr-Eiche", 210, 257), ("412", 285, 300)], 212),
        _row([("Hopfenbuche", 210, 265), ("280", 285, 300)], 224),
    ]
    kept, asides = split_asides(BODY_LINES + left_column + cells_)
    assert kept == BODY_LINES + left_column
    assert [[c.text for ln in a.lines for c in ln.cells] for a in asides] == [
        ["Baumart", "Anzahl"],
        ["Zerr-Eiche", "412"],
        ["Hopfenbuche", "280"],
    ]


def test_justified_lines_with_wide_spaces_are_no_table() -> None:
    stretched = [
        _row([("Künstliche Intelligenz", 50, 170), ("wird die Justiz", 185, 350)], 160),
        _row([("kann Richterinnen", 50, 150), ("und Richter", 185, 350)], 172),
    ]
    kept, asides = split_asides(BODY_LINES + stretched)
    assert asides == [] and kept == BODY_LINES + stretched


def test_a_heading_and_a_line_below_it_in_another_size_are_no_table() -> None:
    heading = _row([("2.1", 50, 70), ("Bilder", 90, 130)], 160, size=14)
    below = _row([("1.4", 50, 68), ("Bilder", 90, 126)], 180, size=12)
    _, asides = split_asides([*BODY_LINES, heading, below])
    assert asides == []


def test_table_rows_with_the_other_columns_heading_between_them() -> None:
    rows = [
        line("Batterie", 182, left=313, right=348),
        line("90 %", 182, left=426, right=447),
        line("Kurzzeitspeicher", 191, left=74, right=172, size=12),
        line("Pumpspeicher", 194, left=313, right=374),
        line("80 %", 194, left=426, right=447),
    ]
    columns = [
        line(
            f"Eine Zeile der rechten Spalte, Nummer {i}, bis zum Rand",
            60 + 12 * i,
            left=282,
            right=480,
        )
        for i in range(3)
    ] + [
        line(
            f"Eine Zeile der linken Spalte, Nummer {i}, bis zum Rand",
            60 + 12 * i,
            left=74,
            right=270,
        )
        for i in range(3)
    ]
    _, asides = split_asides(columns + rows)
    assert [[ln.text for ln in a.lines] for a in asides] == [
        ["Batterie", "90 %"],
        ["Pumpspeicher", "80 %"],
    ]


def test_a_bold_side_heading_in_the_margin_is_a_heading() -> None:
    body = [
        line(
            f"Ein ganz normaler Satz in einer Zeile voller Text, Nummer {i}",
            100 + 12 * i,
            left=150,
            right=450,
        )
        for i in range(6)
    ]
    side = line("Ergebnisse", 100, left=40, right=110, bold=True)
    note = line("siehe Anhang", 136, left=40, right=110, size=8)
    styles = HeadingStyles.find([*body, side, note], [])
    flow = [PlacedLine(ln, 1, styles.level(ln, 1)) for ln in body]
    kept, asides = split_asides([*body, side, note])
    assert kept == body
    placed = [PlacedAside(aside, 1, anchor(aside, body)) for aside in asides]
    blocks = [(b.kind, b.text) for b in build_blocks(flow, [], styles, placed)]
    assert blocks[0] == ("heading", "Ergebnisse")
    assert ("paragraph", "siehe Anhang") in blocks


@pytest.mark.parametrize("label", ["45 %", "2.000 €", "Q1/2024", "1990–2020"])
def test_large_chart_labels_are_no_headings(label: str) -> None:
    assert _blocks([line(label, 100, size=14), *BODY])[0] == ("paragraph", label)


def test_a_numbered_heading_with_a_short_title_is_a_heading() -> None:
    assert _blocks([line("1.1.1 TEX", 100, size=14), *BODY])[0] == ("heading", "1.1.1 TEX")


def test_a_soft_hyphen_printed_inside_a_line_is_a_hyphen() -> None:
    text = "Bedien\x02oberfläche und\x02"
    piece = mend_characters(text, 0, len(text), lambda index: (0, 0, 0, 0))
    assert piece.text == "Bedien-oberfläche und\x02"  # the last one: a line-end hyphen
    assert len(piece.sources) == len(piece.text)


def test_a_soft_hyphen_ending_a_block_shows_as_a_hyphen() -> None:
    assert _blocks([line("Silbentrennmu\u00ad", 100)]) == [("paragraph", "Silbentrennmu-")]


def test_a_lowered_right_quote_before_text_is_a_german_opening_quote() -> None:
    # OT1 babel: \glqq is a ” lowered to the baseline.
    content = (
        b"BT /F1 10 Tf 40 500 Td (Schreiben Sie im Passiv \\(z.B.) Tj ET\n"
        b"BT /F1 10 Tf 172 494 Td (\x94) Tj ET\n"
        b"BT /F1 10 Tf 178 500 Td (. . . wird untersucht\x93\\).) Tj ET\n"
    )
    lines = read_pdf(_pdf(content), "ot1.pdf", None).pages[0].lines
    assert [ln.text for ln in lines] == ["Schreiben Sie im Passiv (z.B. „. . . wird untersucht“)."]


def test_a_list_item_runs_on_over_a_column_break() -> None:
    lines = [
        line("• Problem und Lösungsansatz: Falls das Kapitel nicht", 700, left=314, right=554),
        line("für die Problembeschreibung ausgereicht hat,", 712, left=324, right=554),
        line("kann hier das Problem analysiert", 59, left=61, right=292),
        line("werden.", 71, left=61, right=120),
        line("• Implementierung: Hier können Aspekte stehen.", 83, left=51, right=292),
    ]
    assert _blocks(lines) == [
        (
            "list_item",
            "Problem und Lösungsansatz: Falls das Kapitel nicht für die Problembeschreibung "
            "ausgereicht hat, kann hier das Problem analysiert werden.",
        ),
        ("list_item", "Implementierung: Hier können Aspekte stehen."),
    ]


def test_ligature_characters_are_spelt_out() -> None:
    text = "Die \ufb01nanzielle Au\ufb02age und Sto\ufb00e"
    piece = mend_characters(text, 0, len(text), lambda index: (0, 0, 0, 0))
    assert piece.text == "Die finanzielle Auflage und Stoffe"
    assert len(piece.sources) == len(piece.text)


def test_an_ieee_section_in_capitals_at_body_size_is_a_heading_without_an_outline() -> None:
    lines = [line("II. FORM, STIL, SPRACHE UND UMFANG", 90, left=120, right=280), *BODY]
    assert _blocks(lines)[0] == ("heading", "II. FORM, STIL, SPRACHE UND UMFANG")
    assert _blocks([line("II. Teil der Aufzählung, klein", 90), *BODY])[0][0] == "paragraph"


def test_an_italic_lettered_subsection_is_a_heading_without_an_outline() -> None:
    heading = Line("C. Minimales Beispiel zur Parallelisierung", 50, 250, 90, 10.0, italic=True)
    assert _blocks([heading, *BODY])[0] == ("heading", heading.text)
    upright = Line("C. Minimales Beispiel zur Parallelisierung", 50, 250, 90, 10.0)
    assert _blocks([upright, *BODY])[0][0] == "paragraph"


# --- round 2, reporting set: Word's mathematical letters, raised labels apart -----------------


def test_a_character_outside_the_bmp_is_one_character_and_a_math_letter_its_letter() -> None:
    # Word writes the italic alpha of its equation editor as U+1D6FC (a UTF-16 pair).
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <24> <D835DEFC> <25> <D83DDE00> endbfchar\n"
        b"1 beginbfrange <20> <23> <0020> endbfrange\n"
        b"1 beginbfrange <26> <7E> <0026> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 10 Tf 40 500 Td (Die Diffusivit\xe4t $ ist klein %.) Tj ET\n"
    blocks = import_pdf(_pdf(content, cmap), "word-formel.pdf").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Die Diffusivität α ist klein \U0001f600.")
    ]


def test_a_raised_footnote_label_set_apart_from_its_note_opens_the_note() -> None:
    # Distiller (Word) and pdfTeX: the page-foot label is its own text object, raised.
    content = (
        b"BT /F1 10 Tf 40 500 Td (Fast alle Jugendlichen haben einen Zugang.) Tj ET\n"
        b"BT /F1 6 Tf 236 504 Td (1) Tj ET\n"
        b"BT /F1 10 Tf 40 486 Td (Das ist seit Jahren so.) Tj ET\n"
        b"BT /F1 6 Tf 40 83 Td (1) Tj ET\n"
        b"BT /F1 8 Tf 46 80 Td (Die Frage wurde 2012 ge\xe4ndert.) Tj ET\n"
    )
    blocks = import_pdf(_pdf(content), "distiller.pdf").blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Fast alle Jugendlichen haben einen Zugang. Das ist seit Jahren so."),
        ("footnote", "Die Frage wurde 2012 geändert."),
    ]
    assert blocks[1].marker == "1"
    assert [ref.marker for ref in blocks[0].footnotes] == ["1"]


def test_a_charts_small_labels_are_figure_rows_out_of_the_flow() -> None:
    body = [
        line(f"Ein langer Satz des Fließtextes läuft hier weiter, Zeile {n}", 100 + 14 * n)
        for n in range(4)
    ]
    labels = [
        line("388.660", 200, left=60, right=90, size=6),
        line("AfD", 200, left=100, right=115, size=7),
        line("252.606", 212, left=60, right=90, size=6),
        line("Die Linke", 212, left=100, right=130, size=7),
        line("0", 224, left=60, right=64, size=7),
        line("100.000", 224, left=100, right=125, size=7),
        line("Abbildung 1: Likes der Parteien", 240, size=7),
    ]
    kept, asides = split_asides(body + labels)
    assert [ln.text for ln in kept] == [ln.text for ln in body] + [
        "Abbildung 1: Likes der Parteien"
    ]
    assert [(a.kind, [ln.text for ln in a.lines]) for a in asides] == [
        (AsideKind.FIGURE_ROW, ["388.660", "AfD"]),
        (AsideKind.FIGURE_ROW, ["252.606", "Die Linke"]),
        (AsideKind.FIGURE_ROW, ["0", "100.000"]),
    ]


def test_a_sentence_run_over_a_figure_caption_at_the_page_top_stays_one_paragraph() -> None:
    previous = PlacedLine(line("Ein Blindtext sollte möglichst viele", 700), 4)
    page = [
        line("Abbildung 1.1: Übersicht der Likes und Beiträge der Parteien.", 100, left=70),
        line("Auswertungszeitraum 2017", 112, left=120),
        line("verschiedene Buchstaben enthalten. Er muss keinen Sinn", 150),
        line("ergeben.", 168, right=90),
        line("Dies ist ein neuer Absatz mit mehr Text darin als sonst", 186, left=62),
    ]
    ordered = caption_after_runover(previous, page)
    assert [ln.text for ln in ordered] == [
        "verschiedene Buchstaben enthalten. Er muss keinen Sinn",
        "ergeben.",
        "Abbildung 1.1: Übersicht der Likes und Beiträge der Parteien.",
        "Auswertungszeitraum 2017",
        "Dies ist ein neuer Absatz mit mehr Text darin als sonst",
    ]
    assert caption_after_runover(PlacedLine(line("Ein ganzer Satz.", 700), 4), page) == page


def test_a_caption_with_a_bold_label_is_no_heading() -> None:
    lines = [line("Abbildung 2: Aufbau des Modells", 100, bold=True)] + [
        line("Ein langer Satz des Fließtextes läuft hier weiter.", 120 + 14 * n) for n in range(5)
    ]
    assert HeadingStyles.find(lines, []).level(lines[0], 1) == 0


def test_a_word_the_document_prints_with_its_hyphen_keeps_it_at_a_line_end() -> None:
    lines = [
        line("Aus dieser Logik wird die fittest-function gefolgert.", 100),
        line("Das erfolgt so lange, bis die Kriterien der fittest-", 120),
        line("function erfüllt sind, und die Laufzeit-", 134),
        line("messung endet.", 148),
    ]
    assert _blocks(lines)[-1][1] == (
        "Das erfolgt so lange, bis die Kriterien der fittest-function erfüllt sind,"
        " und die Laufzeitmessung endet."
    )
