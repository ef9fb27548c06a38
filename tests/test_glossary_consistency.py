"""Consistent English terms in translations (no model involved)."""

from __future__ import annotations

import pytest

from reader.glossary import Glossary, GlossaryEntry, load_glossary
from reader.glossary.consistency import PreferredTerms


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        (
            "Die Zusammenarbeit in Wissenschaft und Technologie (W&T) stockt.",
            "Cooperation in science and technology (W&T) has stalled.",
            "Cooperation in science and technology (S&T) has stalled.",
        ),
        (
            "der amerikanisch-japanischen W&T-Zusammenarbeit",
            "of the US-Japanese W&T cooperation",
            "of the US-Japanese S&T cooperation",
        ),
        (
            "ihre F&E-Investitionen erhöhen",
            "increase their F&E investments and F&E-spending",
            "increase their R&D investments and R&D-spending",
        ),
        ("zum Aufbau von KI-Systemen", "to build KI systems", "to build AI systems"),
        ("Das BIP ist niedrig.", "The BIP is low.", "The GDP is low."),
        (
            "Direktinvestitionen (ADI) stiegen",
            "direct investment (ADI) rose",
            "direct investment (FDI) rose",
        ),
        ("durch das Plaza-Abkommen", "through the Plaza-Abkommen", "through the Plaza Accord"),
        # Already right: nothing to do.
        ("Das BIP ist niedrig.", "GDP is low.", "GDP is low."),
    ],
)
def test_preferred_terms_replace_copied_german_acronyms(
    glossary: Glossary, source: str, translation: str, expected: str
) -> None:
    assert glossary.apply_preferred_terms(source, translation) == expected


def test_only_terms_of_the_source_sentence_are_replaced(glossary: Glossary) -> None:
    # `KI` is not in the source, so a `KI` in the translation is left alone.
    assert glossary.apply_preferred_terms("Das BIP sinkt.", "KI and BIP") == "KI and GDP"


def test_replacement_respects_word_boundaries(glossary: Glossary) -> None:
    source = "KI-Systeme"
    assert (
        glossary.apply_preferred_terms(source, "KIEL, AKI, Kiel and KI.")
        == "KIEL, AKI, Kiel and AI."
    )


def test_terms_without_a_preferred_rendering_are_left_alone(glossary: Glossary) -> None:
    source = "Die Untersuchungen des CFIUS und die NAFTA"
    translation = "The investigations of CFIUS and NAFTA"
    assert glossary.apply_preferred_terms(source, translation) == translation


def test_preferred_terms_without_a_glossary() -> None:
    entry = GlossaryEntry(
        "W&T", ("Wissenschaft und Technologie",), "", "", "S&T", "Science.", "concept"
    )
    same = GlossaryEntry("CFIUS", (), "", "", "CFIUS", "A committee.", "institution")
    text = "W&T, Wissenschaft und\nTechnologie, wissenschaft und Technologie, CFIUS"
    terms = PreferredTerms([entry, same])
    assert terms.apply(text, {"W&T", "CFIUS"}) == "S&T, S&T, S&T, CFIUS"
    assert terms.apply(text, {"CFIUS"}) == text
    assert PreferredTerms([]).apply("W&T", {"W&T"}) == "W&T"
