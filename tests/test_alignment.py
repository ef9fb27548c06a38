"""Word alignment: piece→word mapping, span arithmetic, and the copy-model oracle."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.glossary import load_glossary
from reader.locations import Locations
from reader.segment import all_sentences, segment
from reader.translate import EngineOptions, load_engine
from reader.translate import engine as engine_module
from reader.translate.alignment import (
    PieceAttention,
    align_words,
    alignment_from_json,
    alignment_to_json,
    offset_alignment,
    piece_words,
    remap_target,
    word_spans,
)
from reader.translate.edits import Edit, apply_edits

ROOT = Path(__file__).resolve().parents[1]
COPY_MODEL = ROOT / "tests" / "models" / "copy-de"


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in word_spans(text)]


def test_words_lose_surrounding_punctuation_but_keep_inner():
    text = "„Peking“ will die W&T-Zusammenarbeit (ZQF) stärken... – z.B. jetzt!"
    expected = ["Peking", "will", "die", "W&T-Zusammenarbeit", "ZQF", "stärken", "z.B", "jetzt"]
    assert words(text) == expected


def test_pieces_map_to_the_word_of_their_first_character():
    text = "Die W&T-Zusammenarbeit wächst."
    spans = word_spans(text)
    pieces = ["▁Die", "▁W", "&", "T", "-", "Zusammen", "arbeit", "▁wächst", ".", "</s>"]
    assert piece_words(pieces, text, spans) == [0, 1, 1, 1, 1, 1, 1, 2, None, None]


def test_align_words_takes_the_most_attended_source_piece_per_target_piece():
    source = "Guten Tag, Welt."
    translation = "Hello world, good day."
    found = PieceAttention(
        source_pieces=("▁Guten", "▁Tag", ",", "▁Welt", ".", "</s>"),
        target_pieces=("▁Hello", "▁world", ",", "▁good", "▁day", ".", "</s>"),
        attention=(
            (0.1, 0.7, 0.0, 0.1, 0.0, 0.1),  # Hello → Tag
            (0.0, 0.0, 0.1, 0.8, 0.0, 0.1),  # world → Welt
            (0.0, 0.0, 0.9, 0.0, 0.0, 0.1),  # , → punctuation: no pair
            (0.8, 0.1, 0.0, 0.0, 0.0, 0.1),  # good → Guten
            (0.0, 0.2, 0.0, 0.0, 0.0, 0.8),  # day → </s> excluded, so Tag
            (0.0, 0.0, 0.0, 0.0, 1.0, 0.0),
            (0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
        ),
    )
    pairs = {
        (source[s0:s1], translation[t0:t1])
        for (s0, s1), (t0, t1) in align_words(source, translation, found)
    }
    assert pairs == {("Tag", "Hello"), ("Welt", "world"), ("Guten", "good"), ("Tag", "day")}


def test_replacements_move_and_resize_target_spans():
    translation = "The W&T cooperation of W&T grows"
    alignment = ((((0, 3), (4, 7))), ((10, 15), (8, 19)), ((20, 23), (23, 26)), ((1, 2), (27, 32)))
    edits = [Edit(4, 7, "science and technology"), Edit(23, 26, "S&T")]
    changed = apply_edits(translation, edits)
    assert changed == "The science and technology cooperation of S&T grows"
    moved = remap_target(alignment, edits)
    assert [changed[t0:t1] for _, (t0, t1) in moved] == [
        "science and technology",
        "cooperation",
        "S&T",
        "grows",
    ]


def test_offsets_and_json_round_trip():
    alignment = (((0, 3), (1, 2)),)
    assert offset_alignment(alignment, 10, 20) == (((10, 13), (21, 22)),)
    assert alignment_from_json(alignment_to_json(alignment)) == alignment
    with pytest.raises(ValueError):
        alignment_from_json({"not": "a list"})


# -- the oracle: a model trained to copy aligns every word with its copy --------


def diagonal(source: str) -> set:
    spans = word_spans(source)
    return {(span, span) for span in spans}


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    # The dot leader and menu labels the segmenter keeps since issue 20
    # (`......undSehen`) were not in the copy model's training sentences.
    return [
        sentence.text
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for sentence in all_sentences(segment(path.read_text(encoding="utf-8")))
        if not sentence.text.startswith("....")
    ]


def copy_model_engine(quantize: str, cache_dir: Path):
    return load_engine(
        EngineOptions(
            model=str(COPY_MODEL),
            device="cpu",
            quantize=quantize,
            use_cache=False,
            locations=replace(Locations.from_environment(), cache_dir=cache_dir),
        )
    )


def test_copy_model_alignment_is_the_diagonal_on_every_seed_sentence(copy_engine, seed_sentences):
    # Every word is linked to its own copy in every sentence. The one-layer
    # model splits one piece's attention in a near-tie in the longest units
    # (the 400-character quotations the segmenter now keeps whole): at most one
    # link in a thousand beyond the diagonal (1 of 5144 on the seeds).
    results = list(copy_engine.start(seed_sentences))
    assert len(results) == len(seed_sentences)
    extra, gold = 0, 0
    for result in results:
        assert result.translation == result.source
        predicted, expected = set(result.alignment), diagonal(result.source)
        assert expected <= predicted, result.source
        extra += len(predicted - expected)
        gold += len(expected)
    assert extra <= gold // 1000


def test_torch_path_aligns_the_same_way(tmp_path, seed_sentences):
    # The same layer and heads read through transformers: every copy exact,
    # and all links but a near-tie (two heads split between two words of one
    # long sentence: 1 of 5144) on the diagonal.
    engine = copy_model_engine("none", tmp_path)
    predicted, gold = set(), set()
    for result in engine.start(seed_sentences):
        assert result.translation == result.source
        predicted |= {(result.index, pair) for pair in result.alignment}
        gold |= {(result.index, pair) for pair in diagonal(result.source)}
    engine.close()
    assert len(predicted - gold) <= len(gold) // 1000
    assert len(gold - predicted) <= len(gold) // 1000


def test_long_input_alignment_is_placed_in_the_whole(copy_engine, monkeypatch):
    # A lower limit stands in for 250 pieces: the copy model copies sentences,
    # not pages.
    monkeypatch.setattr(engine_module, "MAX_SOURCE_TOKENS", 24)
    text = " ".join(["Die Zusammenarbeit zwischen Japan und China wächst seit Jahren."] * 4)
    assert len(copy_engine.parts(text)) > 1
    (result,) = copy_engine.start([text])
    assert result.translation == text
    assert set(result.alignment) == diagonal(text)


def test_preferred_terms_keep_the_spans_on_their_words(copy_engine):
    source = "Die W&T-Zusammenarbeit zwischen den USA und Japan wächst."
    (result,) = copy_engine.start([source])
    glossary = load_glossary([])
    edits = glossary.preferred_term_edits(source, result.translation)
    translation = apply_edits(result.translation, edits)
    pairs = {
        (source[s0:s1], translation[t0:t1])
        for (s0, s1), (t0, t1) in remap_target(result.alignment, edits)
    }
    assert translation == "Die S&T-Zusammenarbeit zwischen den USA und Japan wächst."
    assert ("W&T-Zusammenarbeit", "S&T-Zusammenarbeit") in pairs
    assert ("wächst", "wächst") in pairs
