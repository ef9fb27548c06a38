"""Property tests of the segmenter: on any text it never raises and its
sentences keep their promises (spans in bounds, clean text, digit markers)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from segment_strategies import INTERESTING, mutated_seed

from reader.segment import all_sentences, segment


def check(text: str) -> None:
    paragraphs = segment(text)
    sentences = list(all_sentences(paragraphs))
    for number, sentence in enumerate(sentences):
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert sentence.text and sentence.text == sentence.text.strip()
        assert all(marker.isascii() and marker.isdigit() for marker in sentence.footnotes)
        assert sentence.index == number
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    starts = [sentence.start for sentence in sentences]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed(length=600, edits=20))
def test_mutated_seed_text(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(INTERESTING), max_size=300).map("".join))
def test_text_made_of_the_rules_own_characters(text: str) -> None:
    check(text)


def test_runs_of_parentheses_and_open_quotes() -> None:
    # Thousands of pairs, unclosed `(` and open `„` in one paragraph (their
    # cost is measured by scripts/eval_segment.py; here: the result).
    text = "Er sagte (Nr. 5. Dann) so. " * 2000 + "„" * 5000 + "Eins. Zwei (drei. " * 2000
    sentences = list(all_sentences(segment(text)))
    assert sentences[0].text == "Er sagte (Nr. 5. Dann) so."
    assert sentences[-1].text == "Zwei (drei."
