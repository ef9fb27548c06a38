"""Scheduling work for the model: length buckets, token budgets, priorities.

Sentences are grouped into buckets of similar token length (multiples of
:data:`BUCKET_WIDTH`); a batch only ever holds sentences of one bucket, so
padding stays small and — because the output cap depends on the bucket only —
a sentence gets exactly the same generation settings whether it is translated
alone or with others. Within those rules the queue serves prioritised
sentences first (newest :meth:`WorkQueue.prioritize` call first), then the
rest in document order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

BUCKET_WIDTH = 32
MAX_POSITIONS = 512
MAX_SOURCE_TOKENS = 250
"""Longer input is split (see :mod:`reader.translate.long_input`). Half the
positions, so that even the longest piece's output cap fits in the rest."""


def bucket(n_tokens: int) -> int:
    """The bucket of a source of ``n_tokens``: its length rounded up to a multiple of 32."""
    return -(-max(n_tokens, 1) // BUCKET_WIDTH) * BUCKET_WIDTH


def output_cap(n_tokens: int) -> int:
    """Most tokens generated for a source of ``n_tokens`` (counting ``</s>``).

    Twice the source's bucket plus 16: German→English output is about as
    long as its input, so this only stops runaway generation (repetition
    loops on garbled input), and it stays inside the decoder's 512 positions.
    """
    return min(2 * bucket(n_tokens) + 16, MAX_POSITIONS - 1)


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of source text, tokenized, waiting for the model."""

    key: int
    """Identifies the unit in its queue."""
    order: int
    """Position in document order, for serving unprioritised work."""
    ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BatchLimits:
    max_sentences: int
    max_tokens: int
    """Bound on batch size x padded source length: keeps memory flat for long input."""

    @classmethod
    def for_beams(cls, beams: int, rows: int = 128) -> BatchLimits:
        """Limits for ``rows`` hypotheses decoded at once (sentences x beams).

        On CPU, each decoding step reads the whole output projection (58,101 x
        512 weights); the more rows share that read, the cheaper each row is.
        128 rows measured fastest on 2 cores (scripts/bench_translate.py).
        """
        sentences = max(1, rows // beams)
        return cls(max_sentences=sentences, max_tokens=sentences * MAX_SOURCE_TOKENS // 2)


class WorkQueue:
    """Pending units, handed out as batches. Not thread-safe: the job locks."""

    def __init__(self, units: Iterable[Unit], limits: BatchLimits) -> None:
        self._pending = {unit.key: unit for unit in units}
        self._limits = limits
        self._rank: dict[int, tuple[int, int]] = {}
        self._calls = itertools.count()

    def __len__(self) -> int:
        return len(self._pending)

    def prioritize(self, keys: Iterable[int]) -> None:
        """Serve ``keys`` (in this order) before everything queued so far."""
        call = -next(self._calls)
        for position, key in enumerate(keys):
            self._rank[key] = min(self._rank.get(key, (call, position)), (call, position))

    def next_batch(self, max_sentences: int | None = None) -> list[Unit]:
        """The next batch to translate, in the order results should be reported;
        at most ``max_sentences`` sentences if given (and the limits allow)."""
        if not self._pending:
            return []
        ranked = sorted(
            (self._rank[key], unit) for key, unit in self._pending.items() if key in self._rank
        )
        if ranked:
            candidates = [unit for _, unit in ranked]
        else:
            candidates = sorted(self._pending.values(), key=lambda unit: unit.order)
        size = bucket(len(candidates[0].ids))
        most = min(self._limits.max_sentences, max_sentences or self._limits.max_sentences)
        batch = []
        for unit in candidates:
            if bucket(len(unit.ids)) != size:
                continue
            if len(batch) == most or (len(batch) + 1) * size > max(self._limits.max_tokens, size):
                break
            batch.append(unit)
        for unit in batch:
            del self._pending[unit.key]
        return batch
