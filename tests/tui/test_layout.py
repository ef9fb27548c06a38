"""Where sentence pairs land on screen: wrapping and row bookkeeping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.views.tui.layout import PairLayout, auto_mode
from reader.views.tui.wrap import wrap_spans

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=1, max_size=25)
sentences = st.lists(words, min_size=0, max_size=30).map(" ".join)


@given(text=sentences, width=st.integers(min_value=1, max_value=80))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: int) -> None:
    lines = wrap_spans(text, width)
    assert all(end - start <= width for start, end in lines)
    assert "".join(text[start:end] for start, end in lines).replace(" ", "") == text.replace(
        " ", ""
    )


def test_wrap_breaks_at_spaces() -> None:
    text = "Die Allianz zwischen den USA und Japan"
    assert [text[s:e] for s, e in wrap_spans(text, 16)] == [
        "Die Allianz",
        "zwischen den USA",
        "und Japan",
    ]


@given(
    german=st.lists(sentences, min_size=1, max_size=12),
    english=st.lists(sentences, min_size=12, max_size=12),
    paragraph_breaks=st.lists(st.booleans(), min_size=12, max_size=12),
    width=st.integers(min_value=10, max_value=160),
    mode=st.sampled_from(["side", "stacked"]),
)
def test_every_pair_starts_on_one_row_on_both_sides(
    german: list[str], english: list[str], paragraph_breaks: list[bool], width: int, mode: str
) -> None:
    layout = PairLayout(german, paragraph_breaks[: len(german)], width, mode)  # type: ignore[arg-type]
    layout.set_english(enumerate(english[: len(german)]))
    for index in range(len(german)):
        start, end = layout.pair_rows(index)
        first = layout.row(start)
        assert first.pair == index
        assert first.german == wrap_spans(german[index], layout.german_width)[0]
        if mode == "side":
            assert first.english == wrap_spans(english[index], layout.english_width)[0]
        rows = [layout.row(row) for row in range(start, end)]
        assert all(row.pair == index for row in rows)
    assert layout.total_rows == sum(
        end - start + (1 if index and paragraph_breaks[index] else 0)
        for index in range(len(german))
        for start, end in [layout.pair_rows(index)]
    )


def test_paragraphs_are_separated_by_a_blank_row() -> None:
    layout = PairLayout(["Eins.", "Zwei.", "Drei."], [True, False, True], 100, "side")
    assert [layout.pair_rows(i) for i in range(3)] == [(0, 1), (1, 2), (3, 4)]
    gap = layout.row(2)
    assert gap.pair == 2 and gap.german is None and gap.english is None


def test_a_longer_translation_pushes_later_pairs_down() -> None:
    layout = PairLayout(["Eins.", "Zwei."], [True, False], 30, "side")
    assert layout.pair_rows(1) == (1, 2)
    layout.set_english([(0, "one " * 20)])
    assert layout.pair_rows(1)[0] > 1


def test_stacked_layout_puts_english_under_german() -> None:
    layout = PairLayout(["Eins."], [True], 40, "stacked")
    layout.set_english([(0, "One.")])
    assert layout.row(0).german == (0, 5) and layout.row(0).english is None
    assert layout.row(1).english == (0, 4) and layout.row(1).german is None


def test_notice_comes_first_then_the_text() -> None:
    layout = PairLayout(["Eins."], [True], 100, "side")
    layout.set_notice("no model")
    assert layout.row(0).notice == (0, 8)
    assert layout.pair_at(0) == 0
    assert layout.pair_rows(0)[0] == 2


def test_narrow_terminals_get_the_stacked_layout() -> None:
    assert auto_mode(80) == "stacked"
    assert auto_mode(160) == "side"


def test_wide_characters_count_two_cells() -> None:
    text = "日本語 テキスト と Deutsch"
    lines = wrap_spans(text, 8)
    assert all(cell_len(text[start:end]) <= 8 for start, end in lines)
    assert [text[s:e] for s, e in lines] == ["日本語", "テキスト", "と", "Deutsch"]
