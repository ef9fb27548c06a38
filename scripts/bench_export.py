"""Benchmark: where the time of a Markdown export goes, and what its safety costs.

For each seed document, with a random-weight model (``tiny`` by default, or
``--model DIR``, e.g. ``models/random-full`` from ``build_random_model.py``):

* the stages of ``reader translate``: segment, translate with an empty cache
  (every sentence through the model), translate again (all cache hits — what
  a re-run after Ctrl-C pays for the finished part), build the document,
  render each layout, write the file;
* atomic writing (temp file + fsync + rename) against a plain ``write_text``;
* how many characters escaping adds: the exporter's selective escaping against
  the obvious alternative of backslash-escaping every ASCII punctuation
  character (both are safe; the raw file stays more readable with fewer).

Medians over ``--repeat`` runs (translation: one run each, it dominates and
is not repeated). Prints Markdown tables.

    python scripts/bench_export.py [--repeat 20] [--model DIR]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_random_model import builder_fingerprint, ensure_random_model  # noqa: E402

from reader.glossary import load_glossary  # noqa: E402
from reader.locations import Locations  # noqa: E402
from reader.segment import all_sentences, segment  # noqa: E402
from reader.source import read_source  # noqa: E402
from reader.translate import EngineOptions, load_engine  # noqa: E402
from reader.views.export.atomic import write_atomic  # noqa: E402
from reader.views.export.batch import translate_paragraphs  # noqa: E402
from reader.views.export.build import DocumentInfo, build_document  # noqa: E402
from reader.views.export.escape import escape_line  # noqa: E402
from reader.views.export.markdown import Layout, render_markdown  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
_ALL_PUNCTUATION = re.compile(r"""([!-/:-@\[-`{-~])""")


def escape_all_punctuation(text: str) -> str:
    """The alternative: a backslash before every ASCII punctuation character."""
    return _ALL_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def median_ms(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def once_ms(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--model", type=Path, help="model directory (default: tiny random)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    model = args.model or ensure_random_model(
        Path(tempfile.gettempdir()) / f"reader-tiny-{builder_fingerprint()}", size="tiny"
    )
    locations = replace(Locations.from_environment(), cache_dir=work / "cache")
    engine = load_engine(EngineOptions(model=str(model), device="cpu", locations=locations))
    glossary = load_glossary()
    print(f"model: {engine.description}; median of {args.repeat} runs unless noted\n")

    stage_rows, write_rows, escape_rows = [], [], []
    for path in SEEDS:
        source = read_source(path)
        paragraphs = segment(source.text)
        sentences = [s.text for s in all_sentences(paragraphs)]
        translate = partial(translate_paragraphs, paragraphs, engine)
        cold_ms, cold = once_ms(translate)
        warm_ms, warm = once_ms(translate)
        assert warm.from_cache == len(sentences), "the second run should be all cache hits"
        info = DocumentInfo(path.name, str(path), engine.description, datetime.now(UTC))
        build = partial(build_document, info, source.text, paragraphs, cold.translations, glossary)
        document = build()
        name = f"{path.name} ({len(sentences)} sentences)"
        stage_rows.append(
            [
                name,
                median_ms(partial(segment, source.text), args.repeat),
                cold_ms,
                warm_ms,
                median_ms(build, args.repeat),
                *(
                    median_ms(partial(render_markdown, document, layout), args.repeat)
                    for layout in Layout
                ),
            ]
        )
        markdown = render_markdown(document, Layout.TABLE)
        target = work / "out.md"
        atomic = median_ms(partial(write_atomic, target, markdown), args.repeat)
        plain = median_ms(partial(target.write_text, markdown, encoding="utf-8"), args.repeat)
        write_rows.append([name, len(markdown.encode()), plain, atomic, atomic / plain])
        texts = sentences + cold.translations
        raw = sum(len(" ".join(text.split())) for text in texts)
        ours = sum(len(escape_line(text)) for text in texts) - raw
        alternative = sum(len(escape_all_punctuation(text)) for text in texts) - raw
        escape_rows.append([name, raw, ours, alternative])

    print(
        "| document | segment ms | translate, empty cache ms | translate, all cached ms "
        "| build ms | render table ms | render interleaved ms | render english ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, *values in stage_rows:
        print(f"| {name} | " + " | ".join(f"{value:.1f}" for value in values) + " |")
    print("\n| document | table layout bytes | plain write ms | atomic write ms | ratio |")
    print("|---|---|---|---|---|")
    for name, size, plain, atomic, ratio in write_rows:
        print(f"| {name} | {size} | {plain:.2f} | {atomic:.2f} | {ratio:.1f}× |")
    print(
        "\n| document | characters of text | added by our escaping "
        "| added by escaping all punctuation |"
    )
    print("|---|---|---|---|")
    for name, raw, ours, alternative in escape_rows:
        print(
            f"| {name} | {raw} | {ours} ({ours / raw:.2%}) "
            f"| {alternative} ({alternative / raw:.2%}) |"
        )
    engine.close()


if __name__ == "__main__":
    main()
