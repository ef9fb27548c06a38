"""Word alignment from the model's own cross-attention.

Method (Garg et al. 2019, "Jointly Learning to Align and Translate with
Transformer Models", §3): the decoder's encoder-attention of the
*penultimate* layer, averaged over all its heads; each target piece is
aligned to the source piece it attends to most (``argmax``), the source
``</s>`` excluded. Garg et al. found that layer, averaged over heads, the
best unsupervised choice for a 6-layer Transformer (the last layer attends
to what helps predict the *next* word; the lower layers are still building
context). CTranslate2 returns exactly that average when the converted model
names the layer and ``alignment_heads = 0`` (all heads; its default is the
first head of the last layer) — see :mod:`.backends`. The attention row of a
target piece is that of the decoding step that *produced* it. Shift-Att
(Chen et al. 2020) reads the step where the piece is the decoder's *input*
instead, which helps on some layers of trained models but needs the layer
chosen on gold alignments we do not have; on the copy model (a decoder that
looks at the piece it is copying) it would be off by one.

Pieces are then mapped back to words: a *word* is a run of non-space
characters with leading and trailing punctuation removed (``„Peking`` →
``Peking``, ``wächst.`` → ``wächst``, ``W&T-Zusammenarbeit`` stays whole);
a piece belongs to the word its first non-space character falls in. Word
pairs are reported as character spans into the source sentence and the
translation, never including spaces or the punctuation around a word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.translate.edits import Edit

Span = tuple[int, int]
"""``[start, end)`` character offsets."""
WordPair = tuple[Span, Span]
"""A source word's span and the span of a target word aligned to it."""
Alignment = tuple[WordPair, ...]

WORD_MARK = "▁"
"""SentencePiece's word-boundary marker."""
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,;:!?()[]{}<>„“”\"'‚‘’»«…–—-/*|#•·"


def word_spans(text: str) -> list[Span]:
    """The words of ``text`` as character spans (see the module docstring)."""
    spans = []
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        while start < end and text[start] in _EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCTUATION:
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def piece_words(pieces: Sequence[str], text: str, words: Sequence[Span]) -> list[int | None]:
    """For each SentencePiece piece of ``text``, the index into ``words`` of
    the word it belongs to (``None``: punctuation, spaces, special tokens).

    Pieces and text are matched by counting non-space characters, so the
    tokenizer's normalisation (quotes, spacing) shifts nothing as long as it
    keeps the number of characters, and a mismatch stays local.
    """
    # Position of each non-space character of the text, and its word.
    word_of_char: list[int | None] = []
    starts = [start for start, _ in words]
    for position, char in enumerate(text):
        if char.isspace():
            continue
        index = bisect.bisect_right(starts, position) - 1
        inside = index >= 0 and words[index][0] <= position < words[index][1]
        word_of_char.append(index if inside else None)
    result: list[int | None] = []
    cursor = 0
    for piece in pieces:
        if piece.startswith("<") and piece.endswith(">"):  # </s>, <unk>, <pad>
            result.append(None if piece != "<unk>" else _first_word(word_of_char, cursor, 1))
            cursor += piece == "<unk>"
            continue
        length = len(piece.replace(WORD_MARK, "").replace(" ", ""))
        result.append(_first_word(word_of_char, cursor, length))
        cursor += length
    return result


def _first_word(word_of_char: list[int | None], start: int, length: int) -> int | None:
    for index in word_of_char[start : start + length]:
        if index is not None:
            return index
    return None


@dataclass(frozen=True, slots=True)
class PieceAttention:
    """What a backend returns for one translation when asked for attention."""

    source_pieces: tuple[str, ...]
    target_pieces: tuple[str, ...]
    attention: tuple[tuple[float, ...], ...]
    """One row per target piece: its weights over the source pieces."""


def align_words(source: str, translation: str, found: PieceAttention) -> Alignment:
    """The word alignment of ``source`` and its ``translation`` (character spans)."""
    source_words = word_spans(source)
    target_words = word_spans(translation)
    source_of = piece_words(found.source_pieces, source, source_words)
    target_of = piece_words(found.target_pieces, translation, target_words)
    usable = [index for index, word in enumerate(source_of) if word is not None]
    pairs: set[tuple[int, int]] = set()
    for row, target_word in zip(found.attention, target_of, strict=False):
        if target_word is None or not usable:
            continue
        best = max(usable, key=lambda column: row[column] if column < len(row) else -1.0)
        source_word = source_of[best]
        assert source_word is not None
        pairs.add((source_word, target_word))
    return tuple((source_words[s], target_words[t]) for s, t in sorted(pairs))


def offset_alignment(alignment: Iterable[WordPair], source: int, target: int) -> Alignment:
    """``alignment`` with its spans moved by ``source`` and ``target`` characters
    (a piece of a long sentence, placed in the whole)."""
    return tuple(
        ((s0 + source, s1 + source), (t0 + target, t1 + target)) for (s0, s1), (t0, t1) in alignment
    )


def remap_target(alignment: Iterable[WordPair], edits: Sequence[Edit]) -> Alignment:
    """``alignment`` after ``edits`` (sorted, non-overlapping) were applied to
    the translation: spans after an edit move, a span touching an edit grows
    or shrinks to cover the replacement (``W&T`` → ``S&T``)."""
    if not edits:
        return tuple(alignment)

    def moved_start(position: int) -> int:
        delta = 0
        for edit in edits:
            if position < edit.start:
                break
            if position < edit.end:  # inside: the replacement's start
                return edit.start + delta
            delta += len(edit.replacement) - (edit.end - edit.start)
        return position + delta

    def moved_end(position: int) -> int:
        delta = 0
        for edit in edits:
            if position <= edit.start:
                break
            if position <= edit.end:  # inside: the replacement's end
                return edit.start + delta + len(edit.replacement)
            delta += len(edit.replacement) - (edit.end - edit.start)
        return position + delta

    return tuple((source, (moved_start(t0), moved_end(t1))) for source, (t0, t1) in alignment)


def alignment_to_json(alignment: Alignment) -> list[list[list[int]]]:
    """``[[[s_start, s_end], [t_start, t_end]], …]`` for JSON output and the cache."""
    return [[list(source), list(target)] for source, target in alignment]


def alignment_from_json(data: object) -> Alignment:
    """The inverse of :func:`alignment_to_json`; raises ``ValueError`` on a bad shape."""
    if not isinstance(data, list):
        raise ValueError("an alignment is a list")
    pairs = []
    for item in data:
        (s0, s1), (t0, t1) = item
        pairs.append(((int(s0), int(s1)), (int(t0), int(t1))))
    return tuple(pairs)
