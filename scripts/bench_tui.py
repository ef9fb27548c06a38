"""How fast the reader opens (first paint) and scrolls, small documents and big.

First paint, in a real terminal: ``reader read`` in tmux (a new Python
process, imports, import and segmentation included), polled until the
document's first German words are on screen. Four documents, runs
alternated between them, medians printed with each one's difference to the
seed's (the goal: every document within 0.3 s of the seed):

* the seed (scraped web page, 164 sentences);
* 10,000 sentences (2,000 paragraphs cycling through the clean seed, 2.2 MB);
* the largest fixture book (tests/fixtures/documents/roman.epub);
* a generated 300-chapter EPUB (scripts/build_epub.py book).

Then, headless on the 10,000-sentence document (``App.run_test``, no model):
how long the rest of the document takes to arrive in the background, a page
down (paging + rendering every row), a full re-wrap (layout toggle) and one
translation arriving. The machine is shared: compare within one run.

    .venv/bin/python scripts/bench_tui.py [--sentences 10000] [--runs 5]

``--baseline DIR`` measures the code in DIR too (e.g. ``git archive`` of an
older commit), alternated run by run with this checkout's: on a shared
machine only such pairs are comparable.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.importers import load_document  # noqa: E402
from reader.segment import all_sentences, segment, segment_document  # noqa: E402

CLEAN_SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"
SCRAPED_SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
FIXTURE_BOOK = ROOT / "tests" / "fixtures" / "documents" / "roman.epub"
SIZE = (160, 45)
TMUX_SOCKET = f"reader-bench-{os.getpid()}"
"""A private tmux server: the benchmark never touches the user's sessions."""
GOAL = 0.3
"""Seconds: first paint of any document within this of the seed's."""


def make_document(sentences: int, path: Path) -> None:
    """``sentences`` distinct sentences in paragraphs of five, cycling through the
    clean seed; each carries its number, so no two wrap (or translate) alike."""
    source = [s.text for s in all_sentences(segment(CLEAN_SEED.read_text(encoding="utf-8")))]

    def sentence(number: int) -> str:
        text = source[number % len(source)]
        return f"{text[:-1]} (Abschnitt {number}){text[-1]}"

    paragraphs = [
        " ".join(sentence(start + i) for i in range(min(5, sentences - start)))
        for start in range(0, sentences, 5)
    ]
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")


def first_words(path: Path) -> str:
    """The beginning of the first sentence, as the first screen shows it."""
    first = next(all_sentences(segment_document(load_document(str(path)))))
    return first.text[:30]


def tmux_first_paint(path: Path, words: str, code: Path) -> float:
    """Seconds from starting ``reader read`` (of the checkout ``code``) in tmux
    until ``words`` are on screen."""
    with tempfile.TemporaryDirectory() as state:
        env = (
            f"READER_STATE_DIR={state} READER_MODELS_DIR={state}/none HF_HUB_OFFLINE=1 "
            f"PYTHONPATH={code}"
        )
        command = f"cd {state} && env {env} {sys.executable} -m reader read {path}"
        tmux = ["tmux", "-L", TMUX_SOCKET]
        start = time.perf_counter()
        width, height = (str(cells) for cells in SIZE)
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", "bench", "-x", width, "-y", height, command],
            check=True,
        )
        try:
            while True:
                pane = subprocess.run(
                    [*tmux, "capture-pane", "-p", "-t", "bench"],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                if words in pane:
                    return time.perf_counter() - start
                if time.perf_counter() - start > 60:
                    raise SystemExit(f"bench_tui: the reader never showed {words!r}:\n{pane}")
                time.sleep(0.01)
        finally:
            subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)
            time.sleep(0.3)  # let the server go before the next run


async def headless(path: Path) -> dict[str, float]:
    """The rest of the document arriving in the background, then paging and re-wrap costs."""
    from reader.dictionary.service import DictionaryService
    from reader.glossary import load_glossary
    from reader.translate import EngineOptions
    from reader.views.tui.app import build_reader_app
    from reader.views.tui.bilingual_view import BilingualView
    from reader.views.tui.positions import PositionStore

    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as state:
        os.environ["READER_STATE_DIR"] = state
        os.environ["READER_MODELS_DIR"] = f"{state}/none"
        start = time.perf_counter()
        app = build_reader_app(
            load_document(str(path)),
            options=EngineOptions(),
            glossary=load_glossary(),
            positions=PositionStore(Path(state)),
            dictionary=DictionaryService(None, Path(state)),
        )
        async with app.run_test(size=SIZE) as pilot:
            while not app.reading.complete:
                if time.perf_counter() - start > 60:
                    raise SystemExit("bench_tui: the document never finished loading")
                await pilot.pause(0.01)
            timings["start → whole document segmented and laid out"] = time.perf_counter() - start
            await pilot.pause(0.2)  # let the "no model" notice settle
            view = app.screen.query_one(BilingualView)
            height = view.scrollable_content_region.height

            def page_and_render() -> None:
                view.action_page_down()
                for y in range(height):
                    view.render_line(y)

            timings["page down + render"] = per_call(page_and_render, 200)
            timings["re-wrap all (layout toggle)"] = per_call(view.toggle_mode, 4)
            timings["one translation arrives"] = per_call(
                lambda: view.set_translations([(view.cursor, "A translation " * 8)]), 50
            )
    return timings


def per_call(function: Callable[[], None], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-headless", action="store_true", help="first paint only")
    parser.add_argument("--no-tmux", action="store_true", help="headless figures only")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure alongside")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        raise SystemExit("bench_tui: tmux is not installed")

    with tempfile.TemporaryDirectory() as work:
        big = Path(work) / "big.txt"
        make_document(args.sentences, big)
        book = Path(work) / "book.epub"
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_epub.py"), "book", str(book)],
            check=True,
            capture_output=True,
        )
        documents = {
            "seed (164 sentences)": SCRAPED_SEED,
            f"{args.sentences:,} sentences ({big.stat().st_size / 1e6:.1f} MB)": big,
            "largest fixture book (roman.epub)": FIXTURE_BOOK,
            f"generated 300-chapter EPUB ({book.stat().st_size / 1e6:.1f} MB)": book,
        }
        words = {label: first_words(path) for label, path in documents.items()}
        codes = {"this checkout": ROOT}
        if args.baseline is not None:
            codes["baseline"] = args.baseline.resolve()
        samples = {(code, label): [] for code in codes for label in documents}
        # Alternated: changes in the machine's load hit every document alike.
        for _ in range(0 if args.no_tmux else args.runs):
            for label, path in documents.items():
                for code, checkout in codes.items():
                    samples[code, label].append(tmux_first_paint(path, words[label], checkout))
        print(
            f"reader read, first paint in tmux {SIZE[0]}x{SIZE[1]} "
            f"(process start to the first words on screen), median of {args.runs}:"
        )
        for code, checkout in codes.items():
            if args.no_tmux:
                break
            print(f"{code} ({checkout}):")
            seed = statistics.median(samples[code, next(iter(documents))])
            worst = 0.0
            for label in documents:
                median = statistics.median(samples[code, label])
                worst = max(worst, median - seed)
                print(f"  {label:<45}{ms(median)}   seed {median - seed:+.3f} s")
            verdict = "meets" if worst <= GOAL else "MISSES"
            print(f"  goal: every document within {GOAL} s of the seed: {verdict} ({worst:+.3f} s)")

        if not args.no_headless:
            runs = [asyncio.run(headless(big)) for _ in range(args.runs)]
            print(f"\nheadless, {args.sentences:,} sentences:")
            for key in runs[0]:
                print(f"  {key:<50}{ms(statistics.median(run[key] for run in runs))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
