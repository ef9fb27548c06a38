"""Scheduling: length buckets, the output cap, batch limits and priorities."""

from __future__ import annotations

from reader.translate.batching import (
    MAX_POSITIONS,
    MAX_SOURCE_TOKENS,
    BatchLimits,
    Unit,
    WorkQueue,
    bucket,
    output_cap,
)


def unit(key: int, length: int) -> Unit:
    return Unit(key=key, order=key, ids=tuple(range(length)))


def keys(batch: list[Unit]) -> list[int]:
    return [u.key for u in batch]


def test_output_cap_is_twice_the_bucket_plus_16_within_the_positions():
    assert output_cap(1) == output_cap(32) == 2 * 32 + 16
    assert output_cap(33) == 2 * 64 + 16
    assert output_cap(MAX_SOURCE_TOKENS) < MAX_POSITIONS
    assert output_cap(10_000) == MAX_POSITIONS - 1


def test_a_batch_holds_one_bucket_in_document_order():
    queue = WorkQueue([unit(0, 5), unit(1, 40), unit(2, 30), unit(3, 50)], BatchLimits(32, 10_000))
    assert keys(queue.next_batch()) == [0, 2]
    assert keys(queue.next_batch()) == [1, 3]
    assert queue.next_batch() == []
    assert bucket(5) == bucket(30) != bucket(40) == bucket(50)


def test_batches_respect_the_sentence_and_token_limits():
    queue = WorkQueue([unit(k, 30) for k in range(10)], BatchLimits(4, 10_000))
    assert [len(queue.next_batch()) for _ in range(3)] == [4, 4, 2]
    queue = WorkQueue([unit(k, 30) for k in range(10)], BatchLimits(32, 100))
    assert len(queue.next_batch()) == 3  # 3 x 32 padded tokens fit in 100


def test_a_source_longer_than_the_token_budget_still_gets_a_batch():
    queue = WorkQueue([unit(0, 250)], BatchLimits(32, 100))
    assert keys(queue.next_batch()) == [0]


def test_priorities_first_newest_call_first_then_document_order():
    queue = WorkQueue([unit(k, 10) for k in range(6)], BatchLimits(2, 10_000))
    queue.prioritize([4, 5])
    queue.prioritize([3])
    assert keys(queue.next_batch()) == [3, 4]
    assert keys(queue.next_batch()) == [5]
    assert keys(queue.next_batch()) == [0, 1]
    assert len(queue) == 1
    assert keys(queue.next_batch()) == [2]


def test_prioritised_units_of_another_bucket_wait_for_their_own_batch():
    queue = WorkQueue([unit(0, 10), unit(1, 100), unit(2, 10)], BatchLimits(8, 10_000))
    queue.prioritize([1, 2])
    assert keys(queue.next_batch()) == [1]
    assert keys(queue.next_batch()) == [2]
    assert keys(queue.next_batch()) == [0]


def test_a_smaller_batch_when_asked_the_limits_still_apply():
    queue = WorkQueue(
        [unit(k, 10) for k in range(10)], BatchLimits(max_sentences=4, max_tokens=10_000)
    )
    assert keys(queue.next_batch(2)) == [0, 1]
    assert keys(queue.next_batch(8)) == [2, 3, 4, 5]  # never above max_sentences
    assert keys(queue.next_batch()) == [6, 7, 8, 9]
