"""Abbreviations defined in the document itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import find_definitions
from reader.glossary.definitions import is_abbreviation

SEED = Path(__file__).parent.parent / "seeds" / "002_cafa3597cbf732ed.txt"


def long_forms(text: str) -> dict[str, str]:
    return {term: definition.long_form for term, definition in find_definitions(text).items()}


def test_the_seed_article_defines_its_acronyms() -> None:
    found = long_forms(SEED.read_text(encoding="utf-8"))
    assert found == {
        "W&T": "Wissenschaft und Technologie",
        "F&E": "Forschungs- und Entwicklungsstrategien",
        "CFIUS": "Committee on Foreign Investment in the United States",
        "NAFTA": "Nordamerikanische Freihandelsabkommen",
        "ADI": "Direktinvestitionen",
        "KI": "künstliche Intelligenz",
        "5G": "Telekommunikationsnetze der nächsten Generation",
        "IoT": "Internet der Dinge",
        "BIP": "Bruttoinlandsprodukt",
        "JAXA": "Japan Aerospace Exploration Agency",
        "JHLC": "Joint High-Level Committee",
        "JWLC": "Joint Working-Level Committee",
    }


@pytest.mark.parametrize(
    ("text", "term", "long_form"),
    [
        # German long forms, letters inside compounds.
        ("Das Pro-Kopf-Bruttoinlandsprodukt (BIP) ist niedrig.", "BIP", "Bruttoinlandsprodukt"),
        ("in Wissenschaft und Technologie (W&T) hat", "W&T", "Wissenschaft und Technologie"),
        # English long forms, small words skipped.
        ("the Joint High-Level Committee (JHLC) met", "JHLC", "Joint High-Level Committee"),
        # A German name for an English acronym: the noun phrase before it.
        ("und das Internet der Dinge (IoT) erleben", "IoT", "Internet der Dinge"),
        # The other order: ABBR (long form).
        (
            "Die CFIUS (Committee on Foreign Investment in the United States) prüft.",
            "CFIUS",
            "Committee on Foreign Investment in the United States",
        ),
        ("der WTO (Welthandelsorganisation) beigetreten", "WTO", "Welthandelsorganisation"),
    ],
)
def test_definition_patterns(text: str, term: str, long_form: str) -> None:
    definitions = find_definitions(text)
    assert list(definitions) == [term]
    definition = definitions[term]
    assert definition.long_form == long_form
    written = text[definition.start : definition.end]
    assert long_form in written and term in written
    assert written.startswith((term, long_form.split()[0])) and written.endswith(")")


@pytest.mark.parametrize(
    "text",
    [
        "Google (Alphabet) und Apple",  # a name in parentheses, not an abbreviation
        "das Committee on Scientific Dialogue (1961)",  # a year
        "wie zuvor (siehe Abbildung 1).",  # a remark
        "Er sagte (KI) nichts.",  # no long form fits
        "Die Umfrage (ZDF) zeigt",  # letters not in the words before
        "(CFIUS) am Anfang",  # nothing before it
    ],
)
def test_no_false_definitions(text: str) -> None:
    assert find_definitions(text) == {}


def test_the_first_definition_wins() -> None:
    text = "Künstliche Intelligenz (KI) ist wichtig. Kommunikative Infrastruktur (KI) nicht."
    assert long_forms(text) == {"KI": "Künstliche Intelligenz"}


def test_a_definition_does_not_reach_into_the_previous_sentence() -> None:
    text = "Das war Wissenschaft.Und Technologie (W&T) folgt."
    assert long_forms(text) == {}


@pytest.mark.parametrize("word", ["W&T", "IoT", "5G", "G7", "CFIUS", "CHAdeMO", "F&E", "USD"])
def test_abbreviation_shapes(word: str) -> None:
    assert is_abbreviation(word)


@pytest.mark.parametrize("word", ["Alphabet", "1961", "Google", "a", "siehe Abbildung", "&T", "X"])
def test_not_abbreviation_shapes(word: str) -> None:
    assert not is_abbreviation(word)
