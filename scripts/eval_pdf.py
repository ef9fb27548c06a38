"""Score the PDF importer + segmenter against the gold sentences of the PDF fixtures.

    .venv/bin/python scripts/eval_pdf.py [NAME ...]     # default: all fixtures

For each fixture prints: sentence F1 (exact text and kind, as a multiset),
sentences that carry header/footer text, words not in the gold vocabulary
(a word left split by a line-end hyphen shows up here), and whether every gold
heading came out as ``kind: "heading"``. The tuning set is ``bericht`` and
``spalten``; ``nachtest`` was built after tuning (the held-out score).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from pdf_fixture_texts import FURNITURE  # noqa: E402

from reader.importers import load_document  # noqa: E402
from reader.segment import all_sentences, segment_document  # noqa: E402

TUNING = ("bericht", "spalten", "liste")
HELD_OUT = ("nachtest", "nachtest2", "nachtest3", "nachtest4", "nachtest5")
_WORD = re.compile(r"\w+(?:[-‐]\w+)*")


@dataclass(frozen=True)
class Score:
    name: str
    precision: float
    recall: float
    f1: float
    furniture: list[str]
    unknown_words: list[str]
    headings_missing: list[str]
    missed: list[str]
    extra: list[str]


def score(name: str) -> Score:
    """The importer's sentences of ``name``.pdf against ``name``.gold.jsonl."""
    gold_path = FIXTURES / f"{name}.gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    document = load_document(str(FIXTURES / f"{name}.pdf"))
    found = [
        {"text": sentence.text, "kind": sentence.kind}
        for paragraph in segment_document(document)
        for sentence in all_sentences([paragraph])
    ]
    gold_set = Counter((g["text"], g["kind"]) for g in gold)
    found_set = Counter((f["text"], f["kind"]) for f in found)
    hits = sum((gold_set & found_set).values())
    precision = hits / max(sum(found_set.values()), 1)
    recall = hits / max(sum(gold_set.values()), 1)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    vocabulary = {w for g in gold for w in _WORD.findall(g["text"])}
    furniture = [
        f["text"] for f in found if any(piece in f["text"] for piece in FURNITURE.get(name, []))
    ]
    unknown = sorted({w for f in found for w in _WORD.findall(f["text"])} - vocabulary)
    headings_missing = [
        g["text"]
        for g in gold
        if g["kind"] == "heading" and (g["text"], "heading") not in found_set
    ]
    return Score(
        name,
        precision,
        recall,
        f1,
        furniture,
        unknown,
        headings_missing,
        missed=[text for text, _ in (gold_set - found_set).elements()],
        extra=[text for text, _ in (found_set - gold_set).elements()],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=[*TUNING, *HELD_OUT])
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed/extra sentences")
    args = parser.parse_args()
    print(
        "| fixture | set | precision | recall | F1 | furniture in sentences "
        "| words not in gold | headings missed |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name in args.names:
        result = score(name)
        kind = "tuning" if name in TUNING else "held out"
        print(
            f"| {name} | {kind} | {result.precision:.3f} | {result.recall:.3f} | "
            f"{result.f1:.3f} | {len(result.furniture)} | {len(result.unknown_words)} | "
            f"{len(result.headings_missing)} |"
        )
        if args.verbose:
            for label, items in (
                ("missed", result.missed),
                ("extra", result.extra),
                ("furniture", result.furniture),
                ("unknown words", result.unknown_words),
            ):
                for item in items:
                    print(f"    {label}: {item}")


if __name__ == "__main__":
    main()
