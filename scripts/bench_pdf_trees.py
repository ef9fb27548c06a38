"""PDF import speed of two source trees compared, per fixture PDF (ms per page).

    .venv/bin/python scripts/bench_pdf_trees.py OLD_TREE NEW_TREE [--rounds 11] [--repeat 7]

Each round imports every readable PDF under ``tests/fixtures/pdf`` ``--repeat``
times in a fresh process per tree (``PYTHONPATH=TREE``), the trees' order
swapped every round; printed are the medians over rounds of the per-process
medians, wall clock and process CPU time (the steadier one on a loaded
machine), and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"
UNREADABLE = {"abgeschnitten", "scan", "verschluesselt", "zufall"}
"""Fixtures that are error cases: nothing to time."""


def child(repeat: int, paths: list[str]) -> None:
    """Time the importer of the tree on ``PYTHONPATH``; print JSON {path: [wall, cpu, pages]}."""
    import pypdfium2

    from reader.importers.pdf import import_pdf

    result = {}
    for path in paths:
        data = Path(path).read_bytes()
        pdf = pypdfium2.PdfDocument(data)
        pages = len(pdf)
        pdf.close()
        import_pdf(data, "r.pdf")
        wall, cpu = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            import_pdf(data, "r.pdf")
            cpu.append(time.process_time() - cpu_started)
            wall.append(time.perf_counter() - started)
        result[path] = [statistics.median(wall), statistics.median(cpu), pages]
    print(json.dumps(result))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        # Run as a script, not with -c: sys.path then starts with scripts/, so
        # ``reader`` comes from PYTHONPATH, never from the current directory.
        child(int(sys.argv[2]), sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    paths = sorted(str(p) for p in FIXTURES.rglob("*.pdf") if p.stem not in UNREADABLE)
    trees = [args.old.resolve(), args.new.resolve()]
    times: dict[Path, dict[str, list[list[float]]]] = {t: {p: [] for p in paths} for t in trees}
    pages: dict[str, int] = {}
    loads = [os.getloadavg()]
    for round_ in range(args.rounds):
        for tree in trees if round_ % 2 == 0 else trees[::-1]:
            command = [sys.executable, __file__, "--child", str(args.repeat), *paths]
            env = dict(os.environ, PYTHONPATH=str(tree))
            output = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            for path, (wall, cpu, count) in json.loads(output.stdout).items():
                times[tree][path].append([wall, cpu])
                pages[path] = count
    loads.append(os.getloadavg())
    print("load average (1, 5, 15 min) before:", loads[0], "after:", loads[1])
    print("\n| PDF | pages | old wall | new wall | old CPU | new CPU | CPU new/old |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        figures = [
            1000 * statistics.median(run[kind] for run in times[tree][path]) / pages[path]
            for kind in (0, 1)
            for tree in trees
        ]
        name = str(Path(path).relative_to(FIXTURES))
        cells = " | ".join(f"{figure:.1f}" for figure in figures)
        print(f"| {name} | {pages[path]} | {cells} | {figures[3] / figures[2]:.2f} |")


if __name__ == "__main__":
    main()
