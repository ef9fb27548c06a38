"""Import speed: a 1 MB web page and a 300-chapter e-book against plain text of the same size.

    python scripts/bench_import.py [--repeat 5] [--chapters 300]

Both documents are generated (nothing big is committed): the page is the
evaluation page's article repeated with fresh footnotes until it is ~1 MB,
menus and sidebars included; the book comes from ``scripts/build_epub.py``.
For each: import → segment (what ``reader segment``/``reader read`` do before
the first screen), against segmenting the imported text saved as plain text
(the same characters, no markup). Medians of ``--repeat`` runs, interleaved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_epub import epub_bytes, generated_book  # noqa: E402

from reader.importers.detect import IMPORTERS  # noqa: E402
from reader.segment import segment, segment_document  # noqa: E402

PAGE = ROOT / "tests" / "fixtures" / "documents" / "analyse.html"


def big_page(target: int = 1_000_000) -> bytes:
    """The evaluation page with its article repeated (and renumbered notes) to ~``target`` bytes."""
    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index("<h2>Ein Netz"), page.index('<section class="footnotes"')
    section = page[start:end]
    parts, notes, number = [], [], 10
    size = len(page.encode())
    while size < target:
        number += 1
        chunk = section.replace("<h2>", f"<h2>{number}. ").replace(
            "Milliarden Euro.", f'Milliarden Euro.<sup><a href="#fn{number}">{number}</a></sup>'
        )
        note = f'<li id="fn{number}"><p>Anmerkung {number} zur Schätzung.</p></li>'
        parts.append(chunk)
        notes.append(note)
        size += len(chunk.encode()) + len(note.encode())
    page = page[:end] + "".join(parts) + page[end:]
    return page.replace("</ol>\n  </section>", "".join(notes) + "</ol>\n  </section>").encode()


def seconds(run: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chapters", type=int, default=300)
    args = parser.parse_args()
    documents = {
        "HTML page": ("html", big_page()),
        f"EPUB, {args.chapters} chapters": ("epub", epub_bytes(generated_book(args.chapters))),
    }
    print(
        "| document | input size | text | sentences | import ms | segment ms | "
        "import + segment ms | plain text of the same size: segment ms | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    IMPORTERS["html"](big_page(20_000), "warm-up.html")  # trafilatura's import, once
    for label, (source_format, data) in documents.items():
        importer = IMPORTERS[source_format]
        document = importer(data, "bench")
        text = document.text
        sentences = sum(len(p.sentences) for p in segment_document(document))
        imports, segments, plains = [], [], []
        for _ in range(args.repeat):  # interleaved, so load changes hit all three alike
            imports.append(seconds(importer, data, "bench"))
            segments.append(seconds(segment_document, document))
            plains.append(seconds(segment, text))
        imported, segmented, plain = (
            statistics.median(imports),
            statistics.median(segments),
            statistics.median(plains),
        )
        print(
            f"| {label} | {len(data) / 1e6:.2f} MB | {len(text) / 1e6:.2f} M chars | "
            f"{sentences} | {imported * 1000:.0f} | {segmented * 1000:.0f} | "
            f"{(imported + segmented) * 1000:.0f} | {plain * 1000:.0f} | "
            f"{(imported + segmented) / plain:.1f}× |"
        )


if __name__ == "__main__":
    main()
