"""Benchmark: translation speed and peak memory of the engine against the alternatives.

Builds (or reuses) the full-size random-weight model (``models/random-full``,
the real opus-mt-de-en architecture; compute cost does not depend on the
weights), takes the seed documents' sentences and measures, each variant in
its own subprocess (so peak RSS is the variant's own):

* ``naive``        — ``MarianMTModel.generate`` once per sentence, 4 beams (on a subset: slow)
* ``naive-greedy`` — the same, greedy
* ``engine``       — ``reader``'s engine, default settings (quality preset, 4 beams)
* ``engine-fast``  — the ``--fast`` preset (greedy)
* ``engine-fp32``  — the engine with ``--quantize none`` (batched torch fp32, 4 beams)
* ``ct2``          — plain CTranslate2 int8 ``translate_batch`` over all sentences, 4 beams,
  with CTranslate2's default thread layout (one worker using every core)
* ``ct2-greedy``   — the same, greedy
* ``ct2-workers``, ``ct2-workers-greedy`` — plain CTranslate2 again, with the
  engine's thread layout (two single-threaded workers) and all sentences in one
  call, sorted by length by CTranslate2 itself: the ceiling for a whole
  document, which the engine trades for incremental, on-screen-first results

Random weights never emit ``</s>`` at a natural place, so every variant
generates exactly ``--tokens`` (default 40) output tokens per sentence: the
same work for all. Then it runs ``reader translate`` on the seed article with
the full-size model (real output cap, no cache) for the peak RSS of a whole
CPU export. Prints a Markdown table; run it a few times and quote medians.

    python scripts/bench_translate.py [--repeat 3] [--naive-subset 12] [--tokens 40]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_random_model import ensure_random_model, seed_sentences  # noqa: E402

MODEL_DIR = ROOT / "models" / "random-full"
SEED_DOCUMENT = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
VARIANTS = (
    "naive",
    "naive-greedy",
    "engine",
    "engine-noalign",
    "engine-fast",
    "engine-fast-noalign",
    "engine-fp32",
    "ct2",
    "ct2-greedy",
    "ct2-workers",
    "ct2-workers-greedy",
)
SUBSET_VARIANTS = {"naive", "naive-greedy"}
BASELINE = {"engine": "naive", "engine-fp32": "naive", "ct2": "naive", "ct2-workers": "naive"} | {
    "engine-noalign": "naive",
    "engine-fast": "naive-greedy",
    "engine-fast-noalign": "naive-greedy",
    "ct2-greedy": "naive-greedy",
    "ct2-workers-greedy": "naive-greedy",
}


def run_variant(variant: str, sentences: list[str], tokens: int, cache_dir: Path) -> dict:
    """Translate ``sentences`` with ``variant``; return its timing (in this process)."""
    beams = 1 if "greedy" in variant or "fast" in variant else 4
    if variant.startswith("naive"):
        translate = _naive(beams, tokens)
    elif variant.startswith("ct2"):
        translate = _plain_ctranslate2(beams, tokens, cache_dir, "workers" in variant)
    else:
        translate = _engine(variant, tokens, cache_dir)
    translate(sentences[:2])  # warm-up: first-call allocations, thread pools
    start, cpu_start = time.perf_counter(), time.process_time()
    outputs = translate(sentences)
    seconds = time.perf_counter() - start
    return {
        "variant": variant,
        "sentences": len(sentences),
        "seconds": seconds,
        # CPU time is less sensitive than wall time to other processes on a shared machine.
        "cpu_seconds": time.process_time() - cpu_start,
        "output_chars": sum(len(o) for o in outputs),
        "peak_rss_mb": peak_rss_mb(os.getpid()),
    }


def peak_rss_mb(pid: int) -> float:
    """The high-water mark of a process's resident memory (VmHWM), in MB.

    Not ``getrusage``'s ``ru_maxrss``: Linux carries that over from the
    parent across fork and exec, so a child of a big process reports the
    parent's peak.
    """
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _naive(beams: int, tokens: int):
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(MODEL_DIR)
    model = MarianMTModel.from_pretrained(MODEL_DIR).eval()

    def translate(sentences: list[str]) -> list[str]:
        outputs = []
        for sentence in sentences:
            with torch.inference_mode():
                ids = model.generate(
                    **tokenizer(sentence, return_tensors="pt"),
                    num_beams=beams,
                    max_length=None,
                    max_new_tokens=tokens,
                    min_new_tokens=tokens,
                )
            outputs.append(tokenizer.decode(ids[0], skip_special_tokens=True))
        return outputs

    return translate


def _plain_ctranslate2(beams: int, tokens: int, cache_dir: Path, engine_threads: bool):
    import ctranslate2
    from transformers import MarianTokenizer

    from reader.translate.backends import convert_to_ctranslate2, ctranslate2_workers
    from reader.translate.device import cpu_threads

    tokenizer = MarianTokenizer.from_pretrained(MODEL_DIR)
    converted = convert_to_ctranslate2(MODEL_DIR, cache_dir / "plain-ct2-int8")
    # CTranslate2's default: one worker using every core.
    workers, threads = ctranslate2_workers(cpu_threads()) if engine_threads else (1, cpu_threads())
    translator = ctranslate2.Translator(
        str(converted),
        device="cpu",
        compute_type="int8",
        intra_threads=threads,
        inter_threads=workers,
    )

    def translate(sentences: list[str]) -> list[str]:
        batch = [tokenizer.convert_ids_to_tokens(tokenizer(s).input_ids) for s in sentences]
        results = translator.translate_batch(
            batch,
            beam_size=beams,
            max_batch_size=32,
            max_decoding_length=tokens,
            min_decoding_length=tokens,
        )
        return [tokenizer.convert_tokens_to_string(r.hypotheses[0]) for r in results]

    return translate


def _engine(variant: str, tokens: int, cache_dir: Path):
    from reader.locations import Locations
    from reader.translate import EngineOptions
    from reader.translate.engine import load_engine

    options = EngineOptions(
        model=str(MODEL_DIR),
        device="cpu",
        preset="fast" if variant.startswith("engine-fast") else "quality",
        quantize="none" if variant == "engine-fp32" else None,
        use_cache=False,
        locations=replace(Locations.from_environment(), cache_dir=cache_dir),
        # Word alignments (cross-attention) on, as in use; off to measure their cost.
        alignments=not variant.endswith("noalign"),
    )
    engine = load_engine(options, fixed_output_tokens=tokens)
    return engine.translate


def measure_export(cache_dir: Path) -> dict:
    """Peak RSS and time of ``reader translate`` (the Markdown export) of the seed article.

    ``cache_dir`` decides whether the int8 conversion is already there (steady
    state) or happens in this run (the first run after a download).
    """
    env = os.environ | {"READER_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "reader", "translate", str(SEED_DOCUMENT), "--no-cache"]
    command += ["--model", str(MODEL_DIR), "--device", "cpu"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        peak = 0.0
        while child.poll() is None:
            # VmHWM only grows: the last reading before exit is the peak, give
            # or take what the last 50 ms added.
            with contextlib.suppress(OSError, StopIteration):
                peak = peak_rss_mb(child.pid)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        if child.returncode:
            err.seek(0)
            raise SystemExit(f"reader translate failed:\n{err.read().decode()}")
    return {"seconds": seconds, "peak_rss_mb": peak}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant (median)")
    parser.add_argument("--naive-subset", type=int, default=12, help="sentences for naive loops")
    parser.add_argument("--tokens", type=int, default=40, help="output tokens per sentence")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated")
    parser.add_argument("--skip-export", action="store_true", help="skip the export timing")
    parser.add_argument("--variant", help=argparse.SUPPRESS)  # internal: run one, print JSON
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    sentences = seed_sentences()
    if args.variant:
        subset = sentences[: args.naive_subset] if args.variant in SUBSET_VARIANTS else sentences
        print(json.dumps(run_variant(args.variant, subset, args.tokens, args.cache_dir)))
        return 0

    ensure_random_model(MODEL_DIR, size="full")
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        cache_dir = Path(tmp)
        runs: dict[str, list[dict]] = {}
        for repeat in range(args.repeat):
            for variant in args.variants.split(","):
                command = [sys.executable, __file__, "--variant", variant]
                command += ["--naive-subset", str(args.naive_subset), "--tokens", str(args.tokens)]
                command += ["--cache-dir", str(cache_dir)]
                output = subprocess.run(command, capture_output=True, text=True, check=False)
                if output.returncode:
                    raise SystemExit(f"{variant} failed:\n{output.stderr}")
                result = json.loads(output.stdout.splitlines()[-1])
                runs.setdefault(variant, []).append(result)
                rate = result["sentences"] / result["seconds"]
                print(f"  run {repeat + 1} {variant}: {rate:.2f} sentences/s", file=sys.stderr)
        if not args.skip_export:
            first = measure_export(cache_dir / "fresh")
            steady = measure_export(cache_dir / "fresh")

    _print_table(runs, args, len(sentences))
    if args.skip_export:
        return 0
    print(
        f"\n`reader translate {SEED_DOCUMENT.relative_to(ROOT)}` (Markdown export, "
        "full-size model, CPU, default settings, real output cap, no translation cache):"
    )
    for label, run in (("first run (converts to int8)", first), ("later runs", steady)):
        print(f"- {label}: {run['seconds']:.1f} s, peak RSS {run['peak_rss_mb']:.0f} MB")
    return 0


def _print_table(runs: dict[str, list[dict]], args, total: int) -> None:
    rates = {
        variant: statistics.median(r["sentences"] / r["seconds"] for r in results)
        for variant, results in runs.items()
    }
    print(
        f"\n{total} seed sentences ({args.naive_subset} for the naive loops), "
        f"{args.tokens} output tokens each, {os.cpu_count()} CPU cores, "
        f"median of {args.repeat} run(s)\n"
    )
    print(
        "| variant | beams | sentences/s | vs naive | vs CTranslate2 int8 "
        "| vs CTranslate2, 2 workers | CPU s per 100 sentences | peak RSS |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for variant, results in runs.items():
        beams = 1 if "greedy" in variant or "fast" in variant else 4
        base = BASELINE.get(variant)
        versus_naive = f"{rates[variant] / rates[base]:.1f}×" if base in rates else "1.0×"
        search = "-greedy" if beams == 1 else ""
        versus_ct2, versus_workers = (
            f"{rates[variant] / rates[other]:.2f}×" if other in rates else "–"
            for other in (f"ct2{search}", f"ct2-workers{search}")
        )
        rss = statistics.median(r["peak_rss_mb"] for r in results)
        cpu = statistics.median(100 * r["cpu_seconds"] / r["sentences"] for r in results)
        print(
            f"| {variant} | {beams} | {rates[variant]:.1f} | {versus_naive} | {versus_ct2} "
            f"| {versus_workers} | {cpu:.1f} | {rss:.0f} MB |"
        )
    for aligned in ("engine", "engine-fast"):
        if aligned in rates and f"{aligned}-noalign" in rates:
            cost = 1 - rates[aligned] / rates[f"{aligned}-noalign"]
            print(f"\nword alignments cost {aligned}: {100 * cost:.1f}% of throughput")


if __name__ == "__main__":
    sys.exit(main())
