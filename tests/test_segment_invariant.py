"""Nothing invented, nothing lost: the segmenter's invariant, on any text and
on every fixture of every format.

A sentence's text is its source span with only the defined repairs:
whitespace restored or normalised, footnote-marker digits removed (and listed
in ``footnotes``), a full stop (or the `!`/`?` that ended the sentence) moved
back to the end. No character is added
or dropped; spans never overlap; every non-space character of the document
lies in some span or is a listed marker.

Hypothesis runs a fixed, derandomised profile (``segment-ci``, the default,
what CI runs) or a longer random one for local runs::

    READER_SEGMENT_PROFILE=segment-long .venv/bin/python -m pytest tests/test_segment_invariant.py
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from segment_strategies import INTERESTING, SEEDS, mutated_seed

from reader.importers import load_document
from reader.segment import Paragraph, Sentence, all_sentences, segment, segment_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = (
    sorted(
        path
        for folder in (
            ROOT / "tests" / "fixtures" / "documents",
            ROOT / "tests" / "fixtures" / "pdf",
        )
        for path in folder.iterdir()
        if path.suffix in {".html", ".epub", ".md", ".pdf", ".txt"}
    )
    + SEEDS
)
UNREADABLE = {"scan.pdf", "verschluesselt.pdf", "zufall.pdf", "abgeschnitten.pdf"}
"""PDF fixtures that exist to be refused (no text layer, encrypted, not a PDF, truncated)."""

settings.register_profile(
    "segment-ci",
    derandomize=True,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "segment-long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile(os.environ.get("READER_SEGMENT_PROFILE", "segment-ci"))

_WORDS = """
Der die das Er kam am Montag Satz Noch z B usw Nr S III Geschwaders LeserInnen
Leser*innen bin’s erfolgen Es Das kostet Euro Die Werkstatt ist gut
https://example.org/a.b max@beispiel.de textgrid:sb4n.0 lfd Nr 1917 12 3
"""
GERMAN_WORDS = tuple(_WORDS.split())


def check_sentence(source: str, sentence: Sentence) -> None:
    """``sentence.text`` is ``source`` (its span) with only the defined repairs."""
    text = sentence.text
    assert text and text == text.strip(), repr(text)
    if sentence.kind != "code":  # code is verbatim, its whitespace too
        assert "  " not in text and not any(c.isspace() and c != " " for c in text), repr(text)
    assert all(marker.isascii() and marker.isdigit() for marker in sentence.footnotes)
    kept = "".join(source.split())
    shown = "".join(text.split())
    removed = Counter(kept) - Counter(shown)
    added = Counter(shown) - Counter(kept)
    assert not added, f"invented {added} in {text!r} from {source!r}"
    # Markers an importer took out of the text are listed but not in the span.
    lost = removed - Counter("".join(sentence.footnotes))
    assert not lost, f"lost {lost} in {text!r} from {source!r}"
    # Order is kept, except a sentence end (`.`, `!`, `?`, `!!`) moved back
    # to the end from where a mid-sentence footnote took it.
    end = len(shown) - len(shown.rstrip(".!?"))
    assert any(_is_subsequence(shown[: len(shown) - cut], kept) for cut in range(end + 1)), (
        f"reordered {text!r} from {source!r}"
    )


def _is_subsequence(short: str, long: str) -> bool:
    characters = iter(long)
    return all(char in characters for char in short)


def check_document(text: str, paragraphs: list[Paragraph]) -> None:
    """Every sentence keeps its span's text; spans are ordered, never overlap
    and cover every non-space character of ``text``."""
    sentences = list(all_sentences(paragraphs))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    position = 0
    for sentence in sentences:
        assert position <= sentence.start < sentence.end <= len(text), sentence
        gap = text[position : sentence.start]
        assert not gap.strip(), f"lost {gap.strip()!r} before {sentence.text!r}"
        check_sentence(text[sentence.start : sentence.end], sentence)
        position = sentence.end
    assert not text[position:].strip(), f"lost {text[position:].strip()!r} at the end"


def check(text: str) -> None:
    check_document(text, segment(text))


@PROFILE
@given(st.text(max_size=400))
def test_any_unicode_text(text: str) -> None:
    check(text)


@PROFILE
@given(st.lists(st.sampled_from(INTERESTING), max_size=300).map("".join))
def test_text_made_of_the_rules_own_characters(text: str) -> None:
    check(text)


@st.composite
def german_like(draw: st.DrawFn) -> str:
    """Words, punctuation and spacing drawn from what German text and its scrapes have."""
    pieces = draw(
        st.lists(
            st.sampled_from(GERMAN_WORDS)
            | st.sampled_from(INTERESTING)
            | st.sampled_from([". ", "! ", "? ", ".“ ", "\n\n", "\n", "''", "``", ".[6] "]),
            max_size=120,
        )
    )
    return "".join(piece + draw(st.sampled_from(["", " ", ""])) for piece in pieces)


@PROFILE
@given(german_like())
def test_german_like_text(text: str) -> None:
    check(text)


SENTENCES = st.lists(
    st.sampled_from(["Eins.", "Die Werkstatt ist gut!", "Wer kommt?", "Er kam am Montag."]),
    min_size=1,
    max_size=7,
).map(" ".join)
QUOTES = st.sampled_from(["„", "“", '"', "»", "«", "‚", "‘", "'", "``", "''", ""])


@PROFILE
@given(st.lists(st.tuples(QUOTES, SENTENCES, QUOTES), max_size=6))
def test_quoted_speech_and_stray_quotes(parts: list[tuple[str, str, str]]) -> None:
    """Long quotations, stray and unbalanced marks: the German shown never
    gains a quotation mark."""
    check(" ".join(opening + sentences + closing for opening, sentences, closing in parts))


@PROFILE
@given(mutated_seed())
def test_mutated_seed_text(text: str) -> None:
    check(text)


@pytest.mark.parametrize("path", [p for p in FIXTURES if p.name not in UNREADABLE], ids=str)
def test_every_fixture_through_its_importer(path: Path) -> None:
    document = load_document(str(path))
    check_document(document.text, segment_document(document))


@pytest.mark.parametrize(
    ("text", "sentences", "footnotes"),
    [
        ("Er kam am Montag. 1917", ["Er kam am Montag.", "1917"], []),
        ("LEIPZIG. 1917", ["LEIPZIG.", "1917"], []),
        ("Er kam am Montag.3 Dann ging er.", ["Er kam am Montag.", "Dann ging er."], ["3"]),
        (
            "Zwecke“.......................undSehenCarnegie nimmt teil.",
            ["Zwecke“.", "......................undSehen", "Carnegie nimmt teil."],
            [],
        ),
        ("So war es. ***", ["So war es. ***"], []),
        (
            'Das kostet 99 Euro." Die Werkstatt ist gut. Die Preise sind gut. Der Service ist gut.',
            [
                'Das kostet 99 Euro."',
                "Die Werkstatt ist gut.",
                "Die Preise sind gut.",
                "Der Service ist gut.",
            ],
            [],
        ),
        (
            "Sie sagte: „Eins. Zwei. Drei. Vier. Fünf. Sechs.“ Gut.",
            ["Sie sagte: „Eins.", "Zwei.", "Drei.", "Vier.", "Fünf.", "Sechs.“", "Gut."],
            [],
        ),
        ("um Teil von Google.44 zu werden!", ["um Teil von Google. zu werden!"], ["44"]),
    ],
)
def test_nothing_is_lost(text: str, sentences: list[str], footnotes: list[str]) -> None:
    found = list(all_sentences(segment(text)))
    assert [s.text for s in found] == sentences
    assert [m for s in found for m in s.footnotes] == footnotes
    check(text)
