"""Text generators shared by the segmenter's property tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
SEED_TEXT = "\n\n".join(path.read_text(encoding="utf-8") for path in SEEDS)

# Characters the rules look at, so that generated text hits the rules.
INTERESTING = list(
    ".!?;:,„“”\"»«‚‘’'`()[]…-–—/•*@0123456789 \n\n\r\t\u00a0\u200b"
    "ABCabcÄÖÜäöüß¹²³\u0661\U000114d0🙂"
)


@st.composite
def mutated_seed(draw: st.DrawFn, length: int = 800, edits: int = 25) -> str:
    """A piece of a seed document (up to ``length`` characters) with up to
    ``edits`` characters deleted, inserted and replaced."""
    start = draw(st.integers(0, len(SEED_TEXT) - 1))
    piece = list(SEED_TEXT[start : start + draw(st.integers(1, length))])
    for _ in range(draw(st.integers(0, edits))):
        position = draw(st.integers(0, len(piece)))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        character = draw(st.sampled_from(INTERESTING) | st.characters())
        if action == "insert" or not piece:
            piece.insert(position, character)
        elif action == "delete":
            del piece[min(position, len(piece) - 1)]
        else:
            piece[min(position, len(piece) - 1)] = character
    return "".join(piece)
