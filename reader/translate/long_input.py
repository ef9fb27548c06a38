"""The 512-position guard: split too-long input at clause boundaries, never truncate.

Marian models have 512 positions on each side. A scraped "sentence" can be a
whole page without punctuation; rather than cut it off (losing text silently)
or crash, it is split into pieces the model can take — at a sentence end if
there is one, else a clause boundary, else a space, else anywhere — and the
pieces' translations are joined again with a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Boundaries, best first. Each pattern matches the place to cut (between the
# punctuation and the following space, so pieces keep their punctuation).
_BOUNDARIES = (
    re.compile(r"(?<=[.!?;:])\s+"),  # sentence ends and semicolons
    re.compile(r"(?<=[,)\]–—])\s+|\s+(?=[(\[–—])"),  # commas, brackets, dashes
    re.compile(r"\s+"),  # any space between words
)


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` tokens each.

    ``count_tokens`` is the model's token count of a piece. Text within the
    limit comes back as the only piece; otherwise it is cut at the best
    boundary nearest its middle and both halves are split in turn, so pieces
    end up balanced and every character is kept (apart from the whitespace at
    the cuts).
    """
    if len(text) <= 1 or count_tokens(text) <= limit:
        return [text]
    left, right = _cut(text)
    return split_to_fit(left, count_tokens, limit) + split_to_fit(right, count_tokens, limit)


def _cut(text: str) -> tuple[str, str]:
    middle = len(text) / 2
    for pattern in _BOUNDARIES:
        cuts = [
            match
            for match in pattern.finditer(text)
            if match.start() > 0 and match.end() < len(text)
        ]
        if cuts:
            best = min(cuts, key=lambda match: abs(match.start() - middle))
            return text[: best.start()], text[best.end() :]
    # One enormous "word": cut in the middle (never inside a surrogate pair —
    # Python strings are code points, so any index is safe).
    half = len(text) // 2
    return text[:half], text[half:]
