"""Word alignment on the copy model: alignment error rate against the diagonal.

The copy model (``tests/models/copy-de``, ``scripts/build_copy_model.py``)
translates German into itself, so the gold alignment of every seed sentence
is known: each word with its own copy (all links "sure"). AER (Och & Ney
2003) = 1 − (|A∩S| + |A∩P|) / (|A| + |S|), with P = S here. Both engines are
measured: CTranslate2 int8 (the CPU default) and torch fp32.

    python scripts/eval_alignment.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_random_model import seed_sentences  # noqa: E402

from reader.locations import Locations  # noqa: E402
from reader.translate import EngineOptions, load_engine  # noqa: E402
from reader.translate.alignment import word_spans  # noqa: E402

COPY_MODEL = ROOT / "tests" / "models" / "copy-de"


def alignment_error_rate(predicted: set, sure: set, possible: set | None = None) -> float:
    possible = sure if possible is None else possible | sure
    if not predicted and not sure:
        return 0.0
    return 1 - (len(predicted & sure) + len(predicted & possible)) / (len(predicted) + len(sure))


def main() -> int:
    sentences = seed_sentences()
    print(f"{len(sentences)} seed sentences, copy model {COPY_MODEL.relative_to(ROOT)}\n")
    print("| engine | sentences copied exactly | links predicted | gold links | AER | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as cache:
        for label, quantize in (("CTranslate2 int8", None), ("torch fp32", "none")):
            engine = load_engine(
                EngineOptions(
                    model=str(COPY_MODEL),
                    device="cpu",
                    quantize=quantize,
                    use_cache=False,
                    locations=replace(Locations.from_environment(), cache_dir=Path(cache)),
                )
            )
            started = time.perf_counter()
            results = list(engine.start(sentences))
            seconds = time.perf_counter() - started
            predicted: set = set()
            gold: set = set()
            exact = 0
            for result in results:
                exact += result.translation == result.source
                predicted |= {(result.index, pair) for pair in result.alignment or ()}
                gold |= {(result.index, (span, span)) for span in word_spans(result.source)}
            aer = alignment_error_rate(predicted, gold)
            print(
                f"| {label} | {exact}/{len(results)} | {len(predicted)} | {len(gold)} "
                f"| {aer:.4f} | {seconds:.1f} |"
            )
            engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
