"""Benchmark: how soon ``reader`` starts, prints English, shows English — against the floor.

Uses the full-size random-weight model (``models/random-full``, built if
missing: the real opus-mt-de-en architecture and vocabulary size) and its int8
CTranslate2 copy, made once in a private cache directory. Four parts, all in
one run:

1. **Whole processes**, as a shell runs them, in alternating rounds (every
   command once per round, the same order each round; medians over rounds;
   the ratios are taken pair by pair within a round):

   * ``python -c pass`` — the interpreter's own start;
   * ``reader --help``, ``reader segment`` on two sentences, ``reader glossary CFIUS``;
   * ``reader translate one.txt --fast --no-cache --format jsonl`` (warm int8 copy);
   * the **bare script**: ctranslate2 + sentencepiece only — load the same int8
     copy and SentencePiece model, decode the same sentence greedily with the
     same output cap, print it — the floor for that translation (its output is
     checked to equal reader's);
   * ``reader translate … --quantize none`` — the torch/transformers reference path.

2. **First English in ``reader read``**: the seed article in tmux (160×45,
   private tmux server), warm int8 copy, empty translation cache; seconds from
   launch until the German is on screen, until the first English is (the
   status bar counts ``translated N/…``, N ≥ 1), and until no ``… translating``
   placeholder is left on the screen — default (4 beams) and ``--fast``.

3. **First batch size** (in-process, the same engine, alternating): time to the
   first translated sentence and to the whole first screen (the sentences a
   160×45 reader shows first, prioritised as the reader does) for
   ``first_batch`` = full batches, 1, 2 and 4.

4. **First-ever start**: ``reader translate`` with an empty cache directory,
   so the model is converted to int8 first; its time, the conversion's own
   time and peak memory (the child process), and reader's estimate.

5. **Commands without a model** (``--parts commands``; no model is built):
   ``python -c pass``, ``reader --help``, ``reader segment`` on two
   sentences and on the seed article, ``reader glossary CFIUS``, in
   alternating rounds — with ``--against DIR`` also the same commands run
   from another checkout (e.g. ``git worktree add /tmp/before HEAD~1``), in
   the same rounds, and their ratio round by round.

Random weights run every sentence to the output cap (2 × bucket + 16 tokens),
the worst case; a real model stops sooner.

    python scripts/bench_startup.py [--rounds 7] [--tmux-runs 3] [--batch-rounds 3]
    python scripts/bench_startup.py --parts commands --rounds 21 [--against DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODEL_DIR = ROOT / "models" / "random-full"
SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
SEED_FIRST_WORDS = "Melden Sie sich an, um E-Mails"  # the seed article's first sentence
ONE_SENTENCE = "Die Kommission legte am Montag ihren Bericht über die Zusammenarbeit mit Japan vor."
TWO_SENTENCES = "Das ist ein Satz. Die Kommission tagt im Juli.\n"
SIZE = (160, 45)
TMUX_SOCKET = f"reader-startup-bench-{os.getpid()}"
"""A private tmux server: the benchmark never touches the user's sessions."""

SEGMENT = "reader segment (2 sentences)"
TRANSLATE = "reader translate --fast --no-cache (int8)"
BARE_DEFAULT = "bare ctranslate2 + sentencepiece script (CTranslate2's default threads)"
BARE_ONE_THREAD = "bare script, one thread (reader's layout)"

BARE_SCRIPT = """
import sys
import ctranslate2
import sentencepiece

model_dir, converted, text, cap, threads = sys.argv[1:]
spm = sentencepiece.SentencePieceProcessor(model_file=model_dir + "/source.spm")
translator = ctranslate2.Translator(
    converted, device="cpu", compute_type="int8", intra_threads=int(threads)
)
result = translator.translate_batch(
    [spm.encode(text, out_type=str) + ["</s>"]], beam_size=1, max_decoding_length=int(cap)
)
print(spm.decode(result[0].hypotheses[0]).strip())
"""


# -- whole processes ----------------------------------------------------------


def bench_env(root: Path = ROOT) -> dict[str, str]:
    """The environment of the measured processes: the code of ``root`` (this
    checkout), offline, and bytecode written (an installed package has it;
    PYTHONDONTWRITEBYTECODE would make every run compile reader's modules anew)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPATH": str(root), "HF_HUB_OFFLINE": "1"}


GNU_TIME = Path("/usr/bin/time")


@dataclass(frozen=True)
class Run:
    seconds: float
    """Wall-clock seconds, start to exit."""
    cpu_seconds: float
    """User + system CPU seconds (less disturbed by other work on a shared machine)."""
    peak_mb: float
    stdout: str
    stderr: str


def run_process(argv: Sequence[str], env: dict[str, str], cwd: Path = ROOT) -> Run:
    """Run ``argv`` to the end and measure it.

    The peak is the largest of the process and the children it waited for
    (the int8 conversion runs in one), as GNU time reports it: a child
    started straight from this process would report at least this process's
    own peak (Linux carries it over into ``ru_maxrss`` across fork and exec).
    Without GNU time, no peak or CPU time (``nan``).
    """
    with tempfile.TemporaryDirectory() as scratch:
        usage_file = Path(scratch) / "usage"
        wrapper = [str(GNU_TIME), "-f", "%M %U %S", "-o", str(usage_file)]
        wrapper = wrapper if GNU_TIME.exists() else []
        start = time.perf_counter()
        result = subprocess.run([*wrapper, *argv], capture_output=True, env=env, cwd=cwd)
        seconds = time.perf_counter() - start
        peak_kb, user, system = (
            usage_file.read_text().split()[-3:] if wrapper else ("nan", "nan", "nan")
        )
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    if result.returncode:
        raise SystemExit(f"bench_startup: {' '.join(argv)} failed:\n{stderr}")
    return Run(seconds, float(user) + float(system), float(peak_kb) / 1024, stdout, stderr)


def whole_processes(work: Path, cache: Path, converted: Path, rounds: int, reference: bool) -> None:
    from reader.translate.batching import output_cap
    from reader.translate.tokenizer import SentencePieceTokenizer

    one, two = work / "one.txt", work / "two.txt"
    one.write_text(ONE_SENTENCE + "\n", encoding="utf-8")
    two.write_text(TWO_SENTENCES, encoding="utf-8")
    cap = output_cap(len(SentencePieceTokenizer.from_pretrained(MODEL_DIR).encode(ONE_SENTENCE)))
    py, reader = sys.executable, [sys.executable, "-m", "reader"]
    translate = [*reader, "translate", str(one), "--model", str(MODEL_DIR), "--fast", "--no-cache"]
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "reader --help": [*reader, "--help"],
        SEGMENT: [*reader, "segment", str(two)],
        "reader glossary CFIUS": [*reader, "glossary", "CFIUS"],
        TRANSLATE: [*translate, "--format", "jsonl"],
    }
    bare = [py, "-c", BARE_SCRIPT, str(MODEL_DIR), str(converted), ONE_SENTENCE, str(cap)]
    # CTranslate2's default threads (all cores on one sentence) and reader's
    # layout (a worker has one core, one sentence takes one worker).
    commands[BARE_DEFAULT] = [*bare, "0"]
    commands[BARE_ONE_THREAD] = [*bare, "1"]
    if reference:
        commands["reader translate … --quantize none (torch)"] = [*translate, "--quantize", "none"]
    env = bench_env() | {"READER_CACHE_DIR": str(cache)}
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    outputs = {name: run_process(argv, env).stdout for name, argv in commands.items()}  # warm-up
    reader_text = json.loads(outputs[TRANSLATE])["translation"]
    for name in (BARE_DEFAULT, BARE_ONE_THREAD):
        if outputs[name].strip() != reader_text:
            raise SystemExit(
                f"bench_startup: {name} printed {outputs[name]!r}, reader {reader_text!r}"
            )
    print(
        f"one sentence, {cap} output tokens at most: reader's and the bare scripts' output match\n"
    )
    for _ in range(rounds):
        for name, argv in commands.items():
            runs[name].append(run_process(argv, env))
    print(f"| command (whole process, medians of {rounds} rounds) | seconds | CPU s | peak RSS |")
    print("|---|---:|---:|---:|")
    for name, samples in runs.items():
        wall = statistics.median(r.seconds for r in samples)
        cpu = statistics.median(r.cpu_seconds for r in samples)
        peak = statistics.median(r.peak_mb for r in samples)
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {peak:.0f} MB |")
    # The floor in each round: the faster of the two bare scripts.
    floors = [
        min(a.seconds, b.seconds)
        for a, b in zip(runs[BARE_DEFAULT], runs[BARE_ONE_THREAD], strict=True)
    ]
    ratios = [r.seconds / floor for r, floor in zip(runs[TRANSLATE], floors, strict=True)]
    print(
        f"\nreader translate / the faster bare script, round by round: median "
        f"{statistics.median(ratios):.2f}× (range {min(ratios):.2f}–{max(ratios):.2f}; "
        "target ≤ 1.3×)"
    )
    segment = statistics.median(r.seconds for r in runs[SEGMENT])
    print(f"reader segment: median {segment:.3f} s (target ≤ 0.3 s)\n")


# -- commands without a model --------------------------------------------------


def model_free_commands(work: Path, rounds: int, against: Path | None) -> None:
    two = work / "two.txt"
    two.write_text(TWO_SENTENCES, encoding="utf-8")
    py, reader = sys.executable, [sys.executable, "-m", "reader"]
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "reader --help": [*reader, "--help"],
        SEGMENT: [*reader, "segment", str(two)],
        "reader segment (seed article, 165 sentences)": [*reader, "segment", str(SEED)],
        "reader glossary CFIUS": [*reader, "glossary", "CFIUS"],
    }
    roots = {"this checkout": ROOT} | ({"--against": against} if against else {})
    # Each root's code from its own directory: its `-m reader` is its package.
    runs: dict[tuple[str, str], list[Run]] = {(r, n): [] for r in roots for n in commands}
    for path in roots.values():  # warm-up: writes the bytecode
        for argv in commands.values():
            run_process(argv, bench_env(path), cwd=path)
    for _ in range(rounds):
        for name, argv in commands.items():
            for root, path in roots.items():
                runs[root, name].append(run_process(argv, bench_env(path), cwd=path))
    print(
        f"| command (medians of {rounds} alternating rounds) | "
        + " | ".join(f"{root}: s | CPU s" for root in roots)
        + (" | ratio |" if against else " |")
    )
    print("|---|" + "---:|---:|" * len(roots) + ("---:|" if against else ""))
    for name in commands:
        cells = []
        for root in roots:
            samples = runs[root, name]
            cells.append(f"{statistics.median(r.seconds for r in samples):.3f}")
            cells.append(f"{statistics.median(r.cpu_seconds for r in samples):.3f}")
        if against:
            ratios = [
                a.seconds / b.seconds
                for a, b in zip(runs["this checkout", name], runs["--against", name], strict=True)
            ]
            cells.append(f"{statistics.median(ratios):.2f}×")
        print(f"| {name} | " + " | ".join(cells) + " |")
    segment = statistics.median(r.seconds for r in runs["this checkout", SEGMENT])
    print(f"\nreader segment: median {segment:.3f} s (target ≤ 0.3 s)\n")


# -- reader read in tmux ------------------------------------------------------


def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", TMUX_SOCKET, *args], capture_output=True, text=True, check=False
    )


def reader_read_in_tmux(converted: Path, fast: bool, run: int) -> dict[str, float]:
    """Launch ``reader read`` on the seed; seconds to German, first English, full screen."""
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        (cache / "ctranslate2").mkdir(parents=True)
        # The warm int8 copy, with an empty translation cache beside it.
        (cache / "ctranslate2" / converted.name).symlink_to(converted)
        env = (
            f"PYTHONPATH={ROOT} READER_CACHE_DIR={cache} READER_STATE_DIR={scratch}/state "
            "HF_HUB_OFFLINE=1"
        )
        command = (
            f"cd {ROOT} && env -u PYTHONDONTWRITEBYTECODE {env} {sys.executable} "
            f"-m reader read {SEED} "
            f"--model {MODEL_DIR}{' --fast' if fast else ''}"
        )
        session = f"run-{run}"
        start = time.perf_counter()
        tmux("new-session", "-d", "-s", session, "-x", str(SIZE[0]), "-y", str(SIZE[1]), command)
        marks: dict[str, float] = {}
        try:
            while "full first screen" not in marks:
                pane = tmux("capture-pane", "-p", "-t", session).stdout
                now = time.perf_counter() - start
                if "preparing the model" in pane:
                    raise SystemExit("bench_startup: the int8 copy was not warm")
                if SEED_FIRST_WORDS in pane:
                    marks.setdefault("German on screen", now)
                done = re.search(r"translated (\d+)/", pane)
                if done and int(done.group(1)) > 0:
                    marks.setdefault("first English", now)
                    if "… translating" not in pane:
                        marks["full first screen"] = now
                if now > 300:
                    raise SystemExit(f"bench_startup: the reader stalled; the screen:\n{pane}")
                time.sleep(0.01)
        finally:
            tmux("kill-session", "-t", session)
            time.sleep(0.3)  # the server exits with its last session
    return marks


def first_english(converted: Path, runs: int) -> None:
    if shutil.which("tmux") is None:
        print("tmux is not installed: reader read not measured\n")
        return
    results: dict[str, list[dict[str, float]]] = {"default (4 beams)": [], "--fast": []}
    for run in range(runs):  # alternating
        for label in results:
            marks = reader_read_in_tmux(converted, label == "--fast", run)
            results[label].append(marks)
    print(
        f"| reader read, seed article, {SIZE[0]}×{SIZE[1]} (medians of {runs}) | German | "
        "first English | full first screen |"
    )
    print("|---|---:|---:|---:|")
    for label, runs_marks in results.items():
        cells = [
            f"{statistics.median(m[key] for m in runs_marks):.2f} s"
            for key in ("German on screen", "first English", "full first screen")
        ]
        print(f"| {label} | {' | '.join(cells)} |")
    print()


# -- first batch size ---------------------------------------------------------


def first_screen_indices() -> list[int]:
    """The sentences the reader shows first on the seed article at :data:`SIZE`."""
    from reader.segment import all_sentences, segment
    from reader.translate import EngineOptions
    from reader.views.tui.app import ReaderApp
    from reader.views.tui.bilingual_view import BilingualView

    text = SEED.read_text(encoding="utf-8")
    sentences = list(all_sentences(segment(text)))

    async def visible() -> list[int]:
        with tempfile.TemporaryDirectory() as empty:
            os.environ["READER_STATE_DIR"] = empty
            options = EngineOptions(model=None)
            app = ReaderApp(SEED.name, text, sentences, options=options)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                return list(app.query_one(BilingualView).visible_pairs)

    return asyncio.run(visible())


def first_batch_sizes(cache: Path, rounds: int) -> None:
    from reader.locations import Locations
    from reader.segment import all_sentences, segment
    from reader.translate import EngineOptions, load_engine

    screen = first_screen_indices()
    texts = [s.text for s in all_sentences(segment(SEED.read_text(encoding="utf-8")))]
    variants = (None, 1, 2, 4)
    print(f"first screen at {SIZE[0]}×{SIZE[1]}: {len(screen)} sentences\n")
    print(f"| first batch (medians of {rounds}) | search | first English | full first screen |")
    print("|---|---|---:|---:|")
    for preset in ("quality", "fast"):
        engine = load_engine(
            EngineOptions(
                model=str(MODEL_DIR),
                preset=preset,
                use_cache=False,
                locations=replace(Locations.from_environment(), cache_dir=cache),
            )
        )
        samples: dict[int | None, list[tuple[float, float]]] = {v: [] for v in variants}
        for _ in range(rounds):
            for variant in variants:
                start = time.perf_counter()
                first = None
                waiting = set(screen)
                job = engine.start(texts, priority=screen, first_batch=variant)
                for result in job:
                    first = first or time.perf_counter() - start
                    waiting.discard(result.index)
                    if not waiting:
                        break
                samples[variant].append((first, time.perf_counter() - start))
                job.cancel()
        engine.close()
        for variant in variants:
            label = "full batches" if variant is None else f"{variant} sentence(s), doubling"
            first = statistics.median(s[0] for s in samples[variant])
            full = statistics.median(s[1] for s in samples[variant])
            search = "4 beams" if preset == "quality" else "greedy"
            print(f"| {label} | {search} | {first:.2f} s | {full:.2f} s |")
    print()


# -- first-ever start ---------------------------------------------------------


def first_ever_start(work: Path, runs: int) -> None:
    from reader.translate.backends import conversion_seconds

    one = work / "one.txt"
    env_base = bench_env()
    command = [
        sys.executable,
        "-m",
        "reader",
        "translate",
        str(one),
        "--model",
        str(MODEL_DIR),
        "--fast",
        "--no-cache",
        "--format",
        "jsonl",
    ]
    convert = [
        sys.executable,
        "-c",
        "import sys; from pathlib import Path; "
        "from reader.translate.backends import convert_to_ctranslate2; "
        "convert_to_ctranslate2(Path(sys.argv[1]), Path(sys.argv[2]))",
        str(MODEL_DIR),
    ]
    cold, conversion, peaks = [], [], []
    for run in range(runs):
        cache = work / f"cold-{run}"
        first = run_process(command, env_base | {"READER_CACHE_DIR": str(cache)})
        cold.append(first.seconds)
        converting = run_process([*convert, str(work / f"converted-{run}")], env_base)
        conversion.append(converting.seconds)
        peaks.append(converting.peak_mb)
    print(f"| first-ever start (medians of {runs}) | value |")
    print("|---|---:|")
    print(f"| reader translate, one sentence, empty cache | {statistics.median(cold):.1f} s |")
    print(f"| the int8 conversion alone | {statistics.median(conversion):.1f} s |")
    print(f"| the conversion's peak RSS | {statistics.median(peaks):.0f} MB |")
    print(f"| reader's estimate (conversion_seconds) | ~{conversion_seconds(MODEL_DIR)} s |")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds of whole-process runs")
    parser.add_argument("--tmux-runs", type=int, default=3, help="reader read launches per variant")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds of first-batch runs")
    parser.add_argument("--cold-runs", type=int, default=2, help="first-ever starts")
    parser.add_argument(
        "--reference",
        action="store_true",
        help="also time reader translate --quantize none (torch; slow)",
    )
    parser.add_argument(
        "--parts",
        default="process,tmux,batch,cold",
        help="comma-separated subset of process,tmux,batch,cold,commands",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout whose commands run alternately with this one's (commands part)",
    )
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    print(f"# reader start-up, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}\n")
    if "commands" in parts:
        with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
            model_free_commands(Path(scratch), args.rounds, args.against)
    if not parts & {"process", "tmux", "batch", "cold"}:
        return 0
    # In a child process: a big parent's peak memory would show up in every
    # child's peak figure.
    builder = [sys.executable, str(ROOT / "scripts" / "build_random_model.py"), "--size", "full"]
    subprocess.run(builder, check=True, stdout=subprocess.DEVNULL)
    from reader.locations import Locations
    from reader.translate.backends import convert_to_ctranslate2
    from reader.translate.engine import EngineOptions, plan_engine

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        work = Path(scratch)
        cache = work / "cache"
        locations = replace(Locations.from_environment(), cache_dir=cache)
        converted = plan_engine(
            EngineOptions(model=str(MODEL_DIR), locations=locations)
        ).converted_dir
        converted.parent.mkdir(parents=True)
        convert_to_ctranslate2(MODEL_DIR, converted)
        if "process" in parts:
            whole_processes(work, cache, converted, args.rounds, args.reference)
        if "tmux" in parts:
            first_english(converted, args.tmux_runs)
        if "batch" in parts:
            first_batch_sizes(cache, args.batch_rounds)
        if "cold" in parts:
            (work / "one.txt").write_text(ONE_SENTENCE + "\n", encoding="utf-8")
            first_ever_start(work, args.cold_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
