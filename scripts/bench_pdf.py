"""PDF libraries and the importer compared: text quality and speed per page.

    .venv/bin/python scripts/bench_pdf.py [--pages 300] [--slow-pages 30] [--repeat 3]
                                          [--typeset]

Quality: each library's own plain-text extraction of the fixtures, segmented
by reader's segmenter, against the gold sentences (F1 as in eval_pdf.py); and
reader's importer (pypdfium2 + layout repairs). Speed: a long report made by
repeating the fixtures' pages (pypdf) to ``--pages`` pages — or, with
``--typeset``, a dense A4 report (10 pt, footnotes, running header) typeset by
WeasyPrint from the fixture texts repeated; the pure-Python libraries
(pdfminer.six, pypdf) are timed on its first ``--slow-pages`` pages.
Medians of ``--repeat`` runs, seconds per page in milliseconds.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
sys.path.insert(0, str(ROOT))

from reader.importers.cache import DocumentCache  # noqa: E402
from reader.importers.pdf import import_pdf  # noqa: E402
from reader.segment import all_sentences, segment, segment_document  # noqa: E402

NAMES = ("bericht", "spalten", "nachtest")


def pdfium_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    texts = []
    for page in pdf:
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return "\n".join(texts)


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def importer_sentences(data: bytes) -> list[tuple[str, str]]:
    document = import_pdf(data, "bench.pdf")
    return [(s.text, s.kind) for s in all_sentences(segment_document(document))]


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pypdfium2 get_text_range": pdfium_text,
    "pdfminer.six extract_text": pdfminer_text,
    "pypdf extract_text": pypdf_text,
}


def _joined_lines(text: str) -> str:
    """Every line break a space: what is left is hyphenation, furniture and notes."""
    return " ".join(text.split())


def f1(found: list[str], gold: list[str]) -> float:
    hits = sum((Counter(found) & Counter(gold)).values())
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def quality() -> None:
    print("| extraction | " + " | ".join(f"{name} F1" for name in NAMES) + " |")
    print("|---|" + "---:|" * len(NAMES))
    golds = {
        name: [
            json.loads(line)["text"]
            for line in (FIXTURES / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        for name in NAMES
    }
    datas = {name: (FIXTURES / f"{name}.pdf").read_bytes() for name in NAMES}
    for label, extract in EXTRACTORS.items():
        texts = {name: extract(datas[name]) for name in NAMES}
        for variant, prepare in (("", str), (", lines joined", _joined_lines)):
            scores = []
            for name in NAMES:
                sentences = [s.text for s in all_sentences(segment(prepare(texts[name])))]
                scores.append(f1(sentences, golds[name]))
            row = " | ".join(f"{s:.3f}" for s in scores)
            print(f"| {label}{variant} + segmenter | {row} |")
    scores = [f1([t for t, _ in importer_sentences(datas[n])], golds[n]) for n in NAMES]
    print(
        "| **reader's importer** (pypdfium2 + layout) | "
        + " | ".join(f"{s:.3f}" for s in scores)
        + " |"
    )


def typeset_report(pages: int) -> bytes:
    """A dense A4 report of about ``pages`` pages typeset by WeasyPrint."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_pdf_fixtures import render
    from pdf_fixture_texts import BERICHT, NACHTEST

    css = """
@page { size: A4; margin: 20mm;
  @top-center { content: "Langer Bericht"; font-size: 8pt; }
  @bottom-center { content: counter(page); font-size: 8pt; } }
body { font-family: "DejaVu Serif"; font-size: 10pt; line-height: 1.3; }
.fn { font-size: 8pt; }
"""
    one = render(BERICHT + NACHTEST, css)
    import pypdfium2

    per_copy = len(pypdfium2.PdfDocument(one))
    return render((BERICHT + NACHTEST) * max(1, round(pages / per_copy)), css)


def long_report(pages: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    sources = [PdfReader(FIXTURES / f"{name}.pdf") for name in NAMES]
    while len(writer.pages) < pages:
        for reader in sources:
            for page in reader.pages:
                if len(writer.pages) < pages:
                    writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def timed(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(pages: int, slow_pages: int, repeat: int, typeset: bool) -> None:
    from pypdf import PdfReader, PdfWriter

    data = typeset_report(pages) if typeset else long_report(pages)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    while len(writer.pages) > slow_pages:
        writer.remove_page(len(writer.pages) - 1)
    out = io.BytesIO()
    writer.write(out)
    small = out.getvalue()
    pages = len(PdfReader(io.BytesIO(data)).pages)
    kind = "typeset A4" if typeset else "fixture pages repeated"
    print(f"\nlong report ({kind}): {pages} pages, {len(data) / 1e6:.1f} MB\n")
    print("| what | pages | seconds | ms per page |")
    print("|---|---:|---:|---:|")
    rows = [
        ("pypdfium2 get_text_range", pages, lambda: pdfium_text(data)),
        ("**reader's importer** (pypdfium2 + layout)", pages, lambda: import_pdf(data, "r.pdf")),
        ("importer + segmentation", pages, lambda: segment_document(import_pdf(data, "r.pdf"))),
        ("pdfminer.six extract_text", slow_pages, lambda: pdfminer_text(small)),
        ("pypdf extract_text", slow_pages, lambda: pypdf_text(small)),
    ]
    with tempfile.TemporaryDirectory() as directory:
        cache = DocumentCache(Path(directory))
        cache.store(data, "pdf", import_pdf(data, "r.pdf"))
        rows.append(
            (
                "cached document loaded (content hash + JSON)",
                pages,
                lambda: cache.load(data, "pdf", "r.pdf"),
            )
        )
        for label, count, function in rows:
            seconds = timed(function, repeat)
            print(f"| {label} | {count} | {seconds:.2f} | {1000 * seconds / count:.1f} |")


def producers(repeat: int, public: Path | None) -> None:
    """Import time per page of each real-producer PDF (and the public ones in ``public``)."""
    import pypdfium2

    paths = sorted((FIXTURES / "producers").glob("*.pdf"))
    if public is not None:
        paths += sorted(public.glob("*.pdf"))
    print("\n| PDF | producer | pages | ms per page (median) |")
    print("|---|---|---:|---:|")
    for path in paths:
        data = path.read_bytes()
        pdf = pypdfium2.PdfDocument(data)
        count, producer = len(pdf), pdf.get_metadata_value("Producer") or "?"
        pdf.close()
        seconds = timed(lambda data=data: import_pdf(data, "r.pdf"), repeat)
        print(f"| {path.stem} | {producer} | {count} | {1000 * seconds / count:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--slow-pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--typeset", action="store_true", help="a dense A4 report (WeasyPrint)")
    parser.add_argument(
        "--producers", action="store_true", help="only the per-producer import times"
    )
    parser.add_argument("--public", type=Path, help="also time the PDFs in this directory")
    args = parser.parse_args()
    if args.producers:
        producers(args.repeat, args.public)
        return
    quality()
    speed(args.pages, args.slow_pages, args.repeat, args.typeset)


if __name__ == "__main__":
    main()
