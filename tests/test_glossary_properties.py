"""Properties of matching, definitions and preferred terms on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.glossary import Glossary, find_definitions, load_glossary

GLOSSARY: Glossary = load_glossary()

# Text built from glossary spellings, their pieces and the characters that
# decide boundaries, so that near-misses (`KIel`, `W&TX`, `(KI`) are common.
_PIECES = sorted({form for entry in GLOSSARY.entries for form in entry.forms})
_TOKENS = st.one_of(
    st.sampled_from(_PIECES),
    st.sampled_from(["-", "&", " ", "(", ")", ".", "el", "s", "X", "1", "\n", "ä", "und"]),
    st.text(alphabet="KIUSWTF&E-()öa ", max_size=4),
)
TEXT = st.lists(_TOKENS, max_size=25).map("".join)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_matches_are_ordered_whole_words_pointing_into_the_text(text: str) -> None:
    end = 0
    for match in GLOSSARY.match(text):
        assert match.start >= end
        assert text[match.start : match.end] == match.text
        assert GLOSSARY.lookup(match.text) is match.entry
        before = text[match.start - 1] if match.start else " "
        after = text[match.end] if match.end < len(text) else " "
        assert not (before.isalnum() or before in "&_")
        assert not (after.isalnum() or after in "&_")
        end = match.end


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_definitions_point_into_the_text(text: str) -> None:
    for term, definition in find_definitions(text).items():
        written = text[definition.start : definition.end]
        assert term in written
        assert written.endswith(")")
        assert " ".join(written.split()).find(definition.long_form) >= 0


@given(TEXT, TEXT)
@settings(max_examples=300, deadline=None)
def test_preferred_terms_are_idempotent(source: str, translation: str) -> None:
    once = GLOSSARY.apply_preferred_terms(source, translation)
    assert GLOSSARY.apply_preferred_terms(source, once) == once


@pytest.mark.parametrize("size", [1, 10_000])
def test_long_inputs(size: int) -> None:
    text = "Die W&T-Zusammenarbeit (W&T) und KI. " * size
    assert len(GLOSSARY.match(text)) == 3 * size
    assert list(find_definitions(text)) == []  # `(W&T)` right after `W&T-Zusammenarbeit`
