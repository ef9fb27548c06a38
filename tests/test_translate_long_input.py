"""The 512-position guard: where too-long input is split, and that nothing is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.translate.long_input import split_to_fit


def words(text: str) -> int:
    return len(text.split())


def test_text_within_the_limit_is_one_piece():
    assert split_to_fit("Ein kurzer Satz.", words, 10) == ["Ein kurzer Satz."]


def test_sentence_ends_are_preferred_to_commas_and_spaces():
    text = "Eins zwei drei vier, fünf sechs. Sieben acht, neun zehn elf"
    assert split_to_fit(text, words, 8) == [
        "Eins zwei drei vier, fünf sechs.",
        "Sieben acht, neun zehn elf",
    ]


def test_commas_are_preferred_to_spaces():
    text = "eins zwei drei, vier fünf sechs sieben acht"
    assert split_to_fit(text, words, 6) == ["eins zwei drei,", "vier fünf sechs sieben acht"]


def test_unpunctuated_text_is_split_between_words_into_balanced_pieces():
    text = " ".join(f"wort{n}" for n in range(100))
    pieces = split_to_fit(text, words, 30)
    assert all(words(piece) <= 30 for piece in pieces)
    assert " ".join(pieces) == text
    assert min(words(piece) for piece in pieces) >= 15


def test_one_enormous_word_is_cut_without_losing_characters():
    text = "x" * 3000
    pieces = split_to_fit(text, len, 250)
    assert "".join(pieces) == text
    assert all(len(piece) <= 250 for piece in pieces)


@given(st.text(min_size=1, max_size=400), st.integers(min_value=1, max_value=50))
def test_every_piece_fits_and_only_whitespace_at_cuts_is_lost(text, limit):
    pieces = split_to_fit(text, len, limit)
    assert all(len(piece) <= limit for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
