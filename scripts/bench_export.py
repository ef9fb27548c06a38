"""Benchmark: where the time of an export goes, what its safety costs, and
what writing HTML or EPUB instead of Markdown adds.

For each seed document, with a random-weight model (``tiny`` by default, or
``--model DIR``, e.g. ``models/random-full`` from ``build_random_model.py``):

* the stages of ``reader translate``: segment, translate with an empty cache
  (every sentence through the model), translate again (all cache hits — what
  a re-run after Ctrl-C pays for the finished part), build the document,
  render each layout, write the file;
* atomic writing (temp file + fsync + rename) against a plain ``write_text``;
* how many characters escaping adds: the exporter's selective escaping against
  the obvious alternative of backslash-escaping every ASCII punctuation
  character (both are safe; the raw file stays more readable with fewer);
* the formats: a full export to Markdown, HTML and EPUB — in-process
  (import, segment, translate without a cache, build, render, atomic write)
  and as a whole ``reader translate --no-cache`` process — the three
  alternated in rotating order for ``--rounds`` rounds; medians, and what
  HTML and EPUB add to the Markdown export; and the same measured in pairs
  (one translation, then all three writers: ``--paired-rounds``), which a
  loaded machine's noise does not swamp.

Medians over ``--repeat`` runs (translation: one run each, it dominates and
is not repeated). Prints Markdown tables.

    python scripts/bench_export.py [--repeat 20] [--rounds 7] [--paired-rounds 15]
        [--seed NAME] [--model DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
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
from reader.importers import load_document  # noqa: E402
from reader.locations import Locations  # noqa: E402
from reader.segment import all_sentences, segment  # noqa: E402
from reader.source import read_source  # noqa: E402
from reader.translate import EngineOptions, load_engine  # noqa: E402
from reader.views.export.atomic import write_atomic  # noqa: E402
from reader.views.export.build import DocumentInfo, build_document  # noqa: E402
from reader.views.export.document import Layout  # noqa: E402
from reader.views.export.escape import escape_line  # noqa: E402
from reader.views.export.markdown import render_markdown  # noqa: E402
from reader.views.export.run import ExportSettings, translate_source  # noqa: E402
from reader.views.export.stream import translate_paragraphs  # noqa: E402
from reader.views.export.writers import EPUB, HTML, MARKDOWN, DocumentWriter  # noqa: E402

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
    parser.add_argument("--rounds", type=int, default=7, help="alternated full-export rounds")
    parser.add_argument("--paired-rounds", type=int, default=15)
    parser.add_argument(
        "--seed", default="", help="only the seed documents whose name contains this"
    )
    parser.add_argument("--model", type=Path, help="model directory (default: tiny random)")
    args = parser.parse_args()
    seeds = [path for path in SEEDS if args.seed in path.name]

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    model = args.model or ensure_random_model(
        Path(tempfile.gettempdir()) / f"reader-tiny-{builder_fingerprint()}", size="tiny"
    )
    locations = replace(Locations.from_environment(), cache_dir=work / "cache")
    engine = load_engine(EngineOptions(model=str(model), device="cpu", locations=locations))
    glossary = load_glossary()
    print(f"model: {engine.description}; median of {args.repeat} runs unless noted\n")

    stage_rows, write_rows, escape_rows = [], [], []
    for path in seeds:
        source = read_source(path)
        paragraphs = segment(source.text)
        sentences = [s.text for s in all_sentences(paragraphs)]
        translate = partial(translate_paragraphs, paragraphs, engine)
        cold_ms, cold = once_ms(translate)
        warm_ms, warm = once_ms(translate)
        assert warm.from_cache == len(sentences), "the second run should be all cache hits"
        info = DocumentInfo(path.name, str(path), engine.description, datetime.now(UTC))
        build = partial(build_document, info, source.text, paragraphs, cold.sentences, glossary)
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
                *(
                    median_ms(partial(writer.render, document, writer.layouts[0]), args.repeat)
                    for writer in (HTML, EPUB)
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
        "| build ms | render table ms | render interleaved ms | render english ms "
        "| render html (table) ms | render epub (interleaved) ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
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
    paired_overhead(seeds, model, work, args.paired_rounds)
    format_overhead(seeds, model, work, args.rounds)


def in_process_export(path: Path, writer: DocumentWriter, model: Path, work: Path) -> float:
    """Seconds for one export of ``path`` as ``reader translate`` does it, once
    the model is loaded: import, segment, translate (no cache: every sentence
    through the model, as on a first run), build, render, atomic write."""
    engine = load_engine(
        EngineOptions(
            model=str(model),
            device="cpu",
            use_cache=False,
            locations=replace(Locations.from_environment(), cache_dir=work / "none"),
        )
    )
    try:
        start = time.perf_counter()
        document, _ = translate_source(
            load_document(str(path)), engine, load_glossary(), ExportSettings()
        )
        write_atomic(work / f"out{writer.suffix}", writer.render(document, writer.layouts[0]))
        return time.perf_counter() - start
    finally:
        engine.close()


def process_export(path: Path, writer: DocumentWriter, model: Path, work: Path) -> float:
    """Seconds for the whole ``reader translate FILE -o out.EXT --no-cache`` process."""
    command = [sys.executable, "-m", "reader", "translate", str(path), "--no-cache"]
    command += ["--device", "cpu", "-o", str(work / f"out{writer.suffix}")]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "READER_MODEL": str(model)}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment, timeout=600)
    return time.perf_counter() - start


def format_overhead(seeds: list[Path], model: Path, work: Path, rounds: int) -> None:
    """Full exports to each format, the formats alternated in rotating order
    (so none always runs first or last); medians of ``rounds``."""
    writers = [MARKDOWN, HTML, EPUB]
    print(
        "\n| document | export | markdown s | html s | epub s | html adds | epub adds |"
        "\n|---|---|---:|---:|---:|---:|---:|"
    )
    for path in seeds:
        for label, export in (
            ("in-process", in_process_export),
            ("`reader translate` process", process_export),
        ):
            times: dict[str, list[float]] = {writer.name: [] for writer in writers}
            for round_ in range(rounds):
                for writer in writers[round_ % 3 :] + writers[: round_ % 3]:
                    times[writer.name].append(export(path, writer, model, work))
            medians = {name: statistics.median(values) for name, values in times.items()}
            base = medians["markdown"]
            print(
                f"| {path.name} | {label} | {base:.3f} | {medians['html']:.3f} "
                f"| {medians['epub']:.3f} | {(medians['html'] - base) / base:+.1%} "
                f"| {(medians['epub'] - base) / base:+.1%} |"
            )
    print(f"(medians of {rounds} alternated rounds, one export per format per round)")


def paired_overhead(seeds: list[Path], model: Path, work: Path, rounds: int) -> None:
    """What each writer adds, measured in pairs: each round translates once
    (no cache) and then renders and writes all three formats (rotating order);
    the ratio is (writer − Markdown writer) / (pipeline + Markdown writer), the
    full Markdown export, and its median is taken over rounds. The machine's
    noise in the translation cancels out, which alternating whole runs on a
    loaded machine cannot achieve."""
    writers = [MARKDOWN, HTML, EPUB]
    print(
        "\n| document | full markdown export s | markdown writer ms | html writer ms "
        "| epub writer ms | html adds | epub adds |\n|---|---:|---:|---:|---:|---:|---:|"
    )
    for path in seeds:
        full, writer_ms = [], {writer.name: [] for writer in writers}
        ratios: dict[str, list[float]] = {"html": [], "epub": []}
        for round_ in range(rounds):
            engine = load_engine(
                EngineOptions(
                    model=str(model),
                    device="cpu",
                    use_cache=False,
                    locations=replace(Locations.from_environment(), cache_dir=work / "none"),
                )
            )
            start = time.perf_counter()
            document, _ = translate_source(
                load_document(str(path)), engine, load_glossary(), ExportSettings()
            )
            pipeline = time.perf_counter() - start
            engine.close()
            spent = {}
            for writer in writers[round_ % 3 :] + writers[: round_ % 3]:
                start = time.perf_counter()
                write_atomic(
                    work / f"out{writer.suffix}", writer.render(document, writer.layouts[0])
                )
                spent[writer.name] = time.perf_counter() - start
                writer_ms[writer.name].append(spent[writer.name] * 1000)
            base = pipeline + spent["markdown"]
            full.append(base)
            for name in ratios:
                ratios[name].append((spent[name] - spent["markdown"]) / base)
        median = statistics.median
        print(
            f"| {path.name} | {median(full):.3f} | {median(writer_ms['markdown']):.1f} "
            f"| {median(writer_ms['html']):.1f} | {median(writer_ms['epub']):.1f} "
            f"| {median(ratios['html']):+.2%} | {median(ratios['epub']):+.2%} |"
        )
    print(f"(medians of {rounds} rounds; writer = render + atomic write)")


if __name__ == "__main__":
    main()
