"""The dictionary on the seed documents: coverage and lookup speed.

For every distinct word of the seed documents (as the alignment and word mode
see words: punctuation stripped; words without a letter skipped) it counts
how many have a dictionary entry

1. as written — the form itself, or a form Ding lists in an entry (plurals,
   verb forms): no morphology of ours;
2. adding the lemma (simplemma);
3. adding compound splitting (Fugen-s/-n…) and hyphenated parts —
   what ``reader lookup`` does;

and times building the index (into a fresh cache directory) and lookups
afterwards (every distinct word, medians and 95th percentiles).

    python scripts/eval_dictionary.py [--dictionary /usr/share/trans/de-en]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_random_model import seed_sentences  # noqa: E402

from reader.dictionary import Dictionary, find_dictionary  # noqa: E402
from reader.dictionary.morphology import lemma  # noqa: E402
from reader.locations import Locations  # noqa: E402
from reader.translate.alignment import word_spans  # noqa: E402


def seed_words() -> list[str]:
    words: dict[str, None] = {}
    for sentence in seed_sentences():
        for start, end in word_spans(sentence):
            word = sentence[start:end]
            if any(char.isalpha() for char in word):
                words.setdefault(word)
    return list(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionary", type=Path, help="Ding file (default: as reader finds it)")
    parser.add_argument("--missing", type=int, default=25, help="how many misses to list")
    args = parser.parse_args()
    path = find_dictionary(args.dictionary, Locations.from_environment())
    words = seed_words()
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        dictionary = Dictionary.open(path, Path(cache))
        built = time.perf_counter() - started
        started = time.perf_counter()
        lemma("Häuser")  # loads simplemma's German data once
        lemma_load = time.perf_counter() - started

        as_written = [w for w in words if dictionary.has_entry(w, morphology=False)]
        with_lemma = [
            w
            for w in words
            if dictionary.has_entry(w, morphology=False)
            or dictionary.has_entry(lemma(w), morphology=False)
        ]
        timings = []
        found = []
        for word in words:
            started = time.perf_counter()
            result = dictionary.lookup(word)
            timings.append(time.perf_counter() - started)
            if result.is_found:
                found.append(word)
        reopened = time.perf_counter()
        Dictionary.open(path, Path(cache)).close()
        reopen = time.perf_counter() - reopened
        dictionary.close()

    total = len(words)
    print(f"dictionary: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{total} distinct words in the seed documents\n")
    print("| lookup | words with an entry | share |")
    print("|---|---:|---:|")
    for label, hits in (
        ("as written (incl. the forms Ding lists)", as_written),
        ("+ lemma (simplemma)", with_lemma),
        ("+ compound splitting (reader lookup)", found),
    ):
        print(f"| {label} | {len(hits)} | {100 * len(hits) / total:.1f}% |")
    ms = sorted(t * 1000 for t in timings)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    print(
        f"\nindex build {built:.1f} s (once per dictionary file); opening the built index "
        f"{1000 * reopen:.1f} ms; simplemma's German data {lemma_load:.1f} s (once per process)"
    )
    print(
        f"lookup after indexing, all {total} words: median {statistics.median(ms):.2f} ms, "
        f"95th percentile {p95:.2f} ms, max {ms[-1]:.1f} ms"
    )
    missing = [w for w in words if w not in set(found)]
    shown = ", ".join(missing[: args.missing])
    print(f"\nnot found ({len(missing)}), first {args.missing}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
