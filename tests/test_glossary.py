"""Term matching, lookup and suggestions on the built-in glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import Glossary, GlossaryEntry, load_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


def terms(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(match.text, match.entry.term) for match in glossary.match(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("der amerikanisch-japanischen W&T-Zusammenarbeit", [("W&T", "W&T")]),
        ("die Zahl der CFIUS-Untersuchungen", [("CFIUS", "CFIUS")]),
        ("zum Aufbau von KI-Systemen", [("KI", "KI")]),
        ("KI-fähigen Cyber-Hacks", [("KI", "KI")]),
        ("in anderen NAFTA-Ländern.", [("NAFTA", "NAFTA")]),
        ("ihre F&E-Investitionen", [("F&E", "F&E")]),
        ("Pro-Kopf-Bruttoinlandsprodukt (BIP)", [("Bruttoinlandsprodukt", "BIP"), ("BIP", "BIP")]),
        ("Künstliche Intelligenz ist", [("Künstliche Intelligenz", "KI")]),
        ("der künstlichen Intelligenz", [("künstlichen Intelligenz", "KI")]),
        ("die Exon-Florio-Änderung", [("Exon-Florio-Änderung", "Exon-Florio")]),
        ("viele Super-301-Klagen", [("Super-301", "Super-301")]),
        ("durch das Plaza-Abkommen auf", [("Plaza-Abkommen", "Plaza-Abkommen")]),
        ("des Kalten Krieges", [("Kalten Krieges", "Kalter Krieg")]),
        # A line break inside a multi-word name still matches.
        (
            "the Committee on Foreign\nInvestment in the United States",
            [
                ("Committee on Foreign\nInvestment in the United States", "CFIUS"),
            ],
        ),
    ],
)
def test_terms_match_in_their_variants_and_compounds(
    glossary: Glossary, text: str, expected: list[tuple[str, str]]
) -> None:
    assert terms(glossary, text) == expected


def test_the_longest_spelling_wins(glossary: Glossary) -> None:
    text = "das US-Japan Cooperative Medical Sciences Program und US-Firmen"
    assert terms(glossary, text) == [
        (
            "US-Japan Cooperative Medical Sciences Program",
            "US-Japan Cooperative Medical Sciences Program",
        ),
        ("US", "US"),
    ]


def test_spans_point_into_the_text(glossary: Glossary) -> None:
    text = "Die Zusammenarbeit in W&T und F&E."
    for match in glossary.match(text):
        assert text[match.start : match.end] == match.text
    assert [(match.start, match.end) for match in glossary.match(text)] == [(22, 25), (30, 33)]


@pytest.mark.parametrize(
    "text",
    [
        "Er wohnt in Kiel und fährt nach Kirgistan.",  # KI inside words
        "Ein USB-Stick und die USAF.",  # US, USA inside words
        "Das IPhone-artige Gerät mit IPv6.",  # IP inside words
        "ki ist klein geschrieben, us auch, ip auch.",  # acronyms are case-sensitive
        "Die AKI-Werte und das ZTEK-Projekt.",  # no match in the middle of a word
        "Der Exon-Floriostraße folgen.",  # nor at the start of a longer word
        "Apples Gewinne und Googles Suche",  # genitive proper names are other words
    ],
)
def test_no_false_positives(glossary: Glossary, text: str) -> None:
    assert terms(glossary, text) == []


@pytest.mark.parametrize(
    "query",
    ["CFIUS", "cfius", "Cfius", " CFIUS ", "Committee on Foreign Investment in the United States"],
)
def test_lookup_is_case_and_space_insensitive(glossary: Glossary, query: str) -> None:
    entry = glossary.lookup(query)
    assert entry is not None and entry.term == "CFIUS"


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("W & T", "W&T"),
        ("w&t", "W&T"),
        ("F & E", "F&E"),
        ("Super 301", "Super-301"),
        ("plaza abkommen", "Plaza-Abkommen"),
        ("Bruttoinlandsprodukt", "BIP"),
        ("gross domestic product", "BIP"),
        ("Vereinten Nationen", "Vereinte Nationen"),
    ],
)
def test_lookup_finds_variants_and_expansions(glossary: Glossary, query: str, term: str) -> None:
    entry = glossary.lookup(query)
    assert entry is not None and entry.term == term


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("cfuis", "CFIUS"),
        ("CIFUS", "CFIUS"),
        ("NAFTO", "NAFTA"),
        ("plaza", "Plaza-Abkommen"),
        ("Sematec", "SEMATECH"),
    ],
)
def test_suggestions_for_typos_and_fragments(glossary: Glossary, query: str, term: str) -> None:
    assert glossary.lookup(query) is None
    assert term in [entry.term for entry in glossary.suggest(query)]


def test_no_suggestions_for_nonsense(glossary: Glossary) -> None:
    assert glossary.suggest("xqzvw") == []
    assert glossary.suggest("") == []


def test_every_builtin_entry_is_complete(glossary: Glossary) -> None:
    assert len(glossary) >= 60
    for entry in glossary.entries:
        assert entry.origin == "built-in"
        assert entry.explanation.endswith((".", ")")), entry.term
        assert 1 <= entry.explanation.count(". ") + 1 <= 3, entry.term
        # Every spelling of an entry finds the entry again, in the text and in lookups.
        for form in entry.forms:
            assert glossary.lookup(form) is entry, form
            assert [match.entry for match in glossary.match(f"({form})")] == [entry], form


def test_categories_filter(glossary: Glossary) -> None:
    laws = glossary.in_category("LAW")
    assert {entry.term for entry in laws} >= {"Exon-Florio", "Super-301"}
    assert all(entry.category == "law" for entry in laws)
    assert "law" in glossary.categories()


def test_an_empty_glossary_matches_nothing() -> None:
    empty = Glossary([])
    assert empty.match("CFIUS und KI") == []
    assert empty.lookup("CFIUS") is None


def test_later_entries_override_earlier_ones() -> None:
    first = GlossaryEntry("KI", (), "", "", "AI", "Artificial intelligence.", "technology")
    second = GlossaryEntry(
        "ki", (), "", "", None, "Overridden.", "concept", origin=str(Path("x.toml"))
    )
    glossary = Glossary([first, second])
    assert len(glossary) == 1
    assert glossary.lookup("KI") is second
