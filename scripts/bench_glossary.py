"""Benchmark: annotate a 10,000-sentence book with glossary terms.

Compares, in one run, the matcher reader uses (all spellings folded into one
trie-shaped regex) with a single plain alternation of all spellings and with
a naive loop that runs one regex per spelling. Prints medians of several
rounds; rerun to refresh the figures in README.md.

    .venv/bin/python scripts/bench_glossary.py [--sentences 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.glossary import Glossary, find_definitions, load_glossary
from reader.glossary.matcher import spelling_key
from reader.segment import all_sentences, segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_BEFORE, _AFTER = r"(?<![\w&])", r"(?![\w&])"


def book(size: int) -> list[str]:
    """``size`` seed sentences, repeated and shuffled with a fixed seed."""
    sentences = [
        sentence.text
        for seed in sorted(SEEDS.glob("*.txt"))
        for sentence in all_sentences(segment(seed.read_text(encoding="utf-8")))
    ]
    rng = random.Random(4)
    return [rng.choice(sentences) for _ in range(size)]


def alternation(glossary: Glossary) -> Callable[[str], int]:
    """One regex, spellings longest first, no prefix sharing."""
    forms = sorted(
        {form for entry in glossary.entries for form in entry.forms}, key=len, reverse=True
    )
    body = "|".join(re.escape(spelling_key(form)).replace(r"\ ", r"\s+") for form in forms)
    pattern = re.compile(f"{_BEFORE}(?:{body}){_AFTER}")
    return lambda sentence: sum(1 for _ in pattern.finditer(sentence))


def per_term_loop(glossary: Glossary) -> Callable[[str], int]:
    """One compiled regex per spelling, run one after the other."""
    patterns = [
        re.compile(_BEFORE + re.escape(form) + _AFTER)
        for entry in glossary.entries
        for form in entry.forms
    ]
    return lambda sentence: sum(1 for pattern in patterns for _ in pattern.finditer(sentence))


def median_seconds(function: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    load_seconds = median_seconds(load_glossary, args.rounds)
    glossary = load_glossary()
    sentences = book(args.sentences)
    characters = sum(map(len, sentences))
    print(
        f"book: {len(sentences):,} sentences, {characters:,} characters; "
        f"glossary: {len(glossary)} entries, "
        f"{sum(len(entry.forms) for entry in glossary.entries)} spellings"
    )
    print(f"load_glossary (parse TOML, build index and regex): {load_seconds * 1000:.1f} ms")

    trie_matches = sum(len(glossary.match(sentence)) for sentence in sentences)
    plain = alternation(glossary)
    loop = per_term_loop(glossary)
    assert sum(map(plain, sentences)) == trie_matches, "the alternation disagrees"
    contenders = {
        "trie regex (reader)": lambda: [glossary.match(sentence) for sentence in sentences],
        "one plain alternation": lambda: [plain(sentence) for sentence in sentences],
        "loop, one regex per spelling": lambda: [loop(sentence) for sentence in sentences],
    }
    timings = {name: median_seconds(run, args.rounds) for name, run in contenders.items()}
    reference = timings["trie regex (reader)"]
    print(f"\nannotating the book ({trie_matches:,} matches), median of {args.rounds} rounds:")
    print(f"{'method':<32}{'seconds':>10}{'sentences/s':>14}{'vs reader':>11}")
    for name, seconds in timings.items():
        rate = len(sentences) / seconds
        print(f"{name:<32}{seconds:>10.3f}{rate:>14,.0f}{seconds / reference:>10.1f}×")

    text = "".join(sentences)
    definitions = median_seconds(lambda: find_definitions(text), args.rounds)
    print(f"\nfind_definitions on the whole book: {definitions:.3f} s")
    preferred = median_seconds(
        lambda: [glossary.apply_preferred_terms(sentence, sentence) for sentence in sentences],
        args.rounds,
    )
    print(f"apply_preferred_terms on every sentence: {preferred:.3f} s")


if __name__ == "__main__":
    main()
