"""Quit `reader read` mid-translation many times and report how it ended.

Opens the real reader in tmux on the seed article, waits for the state asked
for, presses q and records the exit status and the time from q to the
process's end (the wrapper in tests/tui/tmux_child.py writes it). Every run
uses --no-cache, so the model is always translating when q arrives.

    python scripts/quit_stress.py                       # 20 runs, full-size random model
    python scripts/quit_stress.py --when loading --runs 5   # q during the int8 conversion
    python scripts/quit_stress.py --root /old/checkout  # the same against another tree

States: ``translating`` (the status bar says "translated N/…": a 4-beam
batch is in flight), ``loading`` (the model is being converted to int8 — a
fresh cache directory each run — in a child process), ``start`` (the German is on
screen, the model not yet asked for).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tui"))
from tmux_pane import Pane  # noqa: E402

SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
WAIT_FOR = {
    "translating": r"translated \d+/\d+",
    "loading": r"loading model",
    "start": r"Melden Sie sich an",
}


def quit_once(root: Path, model: Path, cache: Path, when: str, work: Path) -> tuple[int, float]:
    env = {
        "PYTHONPATH": str(root),
        "READER_STATE_DIR": str(work / "state"),
        "READER_CACHE_DIR": str(cache),
        "HF_HUB_OFFLINE": "1",
    }
    command = [sys.executable, "-m", "reader", "read", str(SEED), "--model", str(model)]
    pane = Pane(work / "record", [*command, "--no-cache"], env)
    try:
        pane.wait_for(WAIT_FOR[when], timeout=300)
        if when == "translating":
            time.sleep(0.5)  # well into the batch
        if when == "loading":
            # The converter's temporary directory: the conversion is under way.
            while not list(cache.glob("ctranslate2/.*-int8.*")):
                time.sleep(0.1)
            time.sleep(1)
        pane.keys("q")
        return pane.wait_exit(timeout=60)
    finally:
        pane.close()


def conversion_finishes(cache: Path, timeout: float = 300) -> bool:
    """Whether an int8 conversion the reader left behind installs its copy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(cache.glob("ctranslate2/*-int8/model.bin")):
            return True
        time.sleep(0.5)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--when", choices=sorted(WAIT_FOR), default="translating")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "random-full")
    parser.add_argument("--root", type=Path, default=ROOT, help="the reader source tree to run")
    args = parser.parse_args(argv)
    if not (args.model / "config.json").is_file():
        print(f"no model in {args.model}: run scripts/build_random_model.py --size full")
        return 2
    statuses: Counter[int] = Counter()
    seconds: list[float] = []
    with tempfile.TemporaryDirectory() as temp:
        shared_cache = Path(temp) / "cache"
        for run in range(args.runs):
            work = Path(temp) / f"run{run}"
            # "loading": a fresh cache each time, so the conversion is under way.
            cache = work / "cache" if args.when == "loading" else shared_cache
            status, took = quit_once(args.root, args.model, cache, args.when, work)
            statuses[status] += 1
            seconds.append(took)
            line = f"run {run + 1:2}: exit status {status:3}, {took:.2f} s after q"
            if args.when == "loading":
                # Also waits for it, so conversions do not pile up.
                line += f"; conversion finished in the background: {conversion_finishes(cache)}"
            print(line, flush=True)
    print(
        f"\n{args.runs} quits ({args.when}, model {args.model.name}, tree {args.root}): "
        f"exit statuses {dict(sorted(statuses.items()))}; "
        f"time to exit median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s"
    )
    return 0 if set(statuses) == {0} else 1


if __name__ == "__main__":
    sys.exit(main())
