"""Build the PDF test fixtures with a real typesetter (WeasyPrint) and their gold.

    .venv/bin/python scripts/build_pdf_fixtures.py [--out tests/fixtures/pdf]

Writes, from the German texts in ``pdf_fixture_texts.py``:

- ``bericht.pdf`` — A5, justified, ``hyphens: auto`` (lang="de"), a running
  header, page numbers, footnotes at the page foot (``float: footnote``),
  sentences across page breaks; tuning set.
- ``spalten.pdf`` — the same features plus one page set in two columns;
  tuning set.
- ``nachtest.pdf`` — built with the others, first scored after tuning, in another style
  (sans-serif, header left and right, ``– N –`` footers, a two-column
  appendix): the held-out set.
- ``*.gold.jsonl`` — the gold sentences (text, kind) of each.
- ``liste.pdf`` (a bulleted list) and ``teilscan.pdf`` (it, then a scanned page);
- the bad PDFs: ``verschluesselt.pdf`` (password), ``abgeschnitten.pdf``
  (truncated), ``zufall.pdf`` (random bytes), ``scan.pdf`` (a page image, no
  text layer).

Needs the dev extra (weasyprint, pypdf) and Pango (Debian: libpango-1.0-0,
libpangoft2-1.0-0).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
from pathlib import Path

import pypdfium2
import weasyprint
from pypdf import PdfReader, PdfWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_fixture_texts import (
    BERICHT,
    LISTE,
    NACHTEST,
    NACHTEST2,
    NACHTEST3,
    NACHTEST4,
    NACHTEST5,
    SPALTEN,
    Block,
    blocks_html,
    gold_sentences,
)

ROOT = Path(__file__).resolve().parents[1]

_COMMON_CSS = """
html { hyphens: auto; }
p { text-align: justify; margin: 0 0 0.6em 0; }
.fn { float: footnote; }
::footnote-call { font-size: 65%; vertical-align: super; line-height: 0; }
.columns { columns: 2; column-gap: 1.2em; break-before: page; break-after: page; }
"""

STYLES = {
    "bericht": """
@page { size: A5; margin: 22mm 18mm 20mm 18mm;
  @top-center { content: "Arbeitspapier 3/2026 · Digitale Verwaltung"; font-size: 8pt; }
  @bottom-center { content: counter(page); font-size: 9pt; }
  @footnote { border-top: 0.5pt solid black; padding-top: 2pt; } }
body { font-family: "DejaVu Serif"; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 17pt; } h2 { font-size: 12.5pt; }
.fn { font-size: 7.5pt; }
""",
    "spalten": """
@page { size: A5; margin: 20mm 16mm 20mm 16mm;
  @top-right { content: "Kurzgutachten Verkehr"; font-size: 8pt; }
  @bottom-right { content: "Seite " counter(page); font-size: 8pt; } }
body { font-family: "DejaVu Serif"; font-size: 10.5pt; line-height: 1.3; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; }
.fn { font-size: 8pt; }
""",
    "nachtest": """
@page { size: 150mm 200mm; margin: 18mm 15mm 18mm 15mm;
  @top-left { content: "Stellungnahme Wohnen"; font-size: 7.5pt; }
  @top-right { content: "Mai 2026"; font-size: 7.5pt; }
  @bottom-center { content: "– " counter(page) " –"; font-size: 8pt; } }
body { font-family: "DejaVu Sans"; font-size: 9.5pt; line-height: 1.4; }
h1 { font-size: 15pt; } h2 { font-size: 11pt; }
.fn { font-size: 7pt; }
""",
    "nachtest2": """
@page { size: A6; margin: 14mm 10mm 16mm 10mm;
  @bottom-left { content: "Pflege-Kompass 2026"; font-size: 6pt; }
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-size: 6pt; } }
body { font-family: "DejaVu Serif"; font-size: 8pt; line-height: 1.3; }
h1 { font-size: 13pt; } h3 { font-size: 8pt; font-weight: bold; margin: 0.8em 0 0.3em; }
.fn { font-size: 6pt; }
""",
    "nachtest3": """
@page { size: letter; margin: 25mm 30mm 25mm 30mm;
  @top-left { content: string(chapter); font-size: 8pt; font-style: italic; }
  @top-right { content: "Wärmeplanung 2026 · " counter(page); font-size: 8pt; } }
h2 { string-set: chapter content(); }
body { font-family: "DejaVu Sans"; font-size: 11pt; line-height: 1.45; }
p { margin: 0; text-indent: 1.5em; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin: 1em 0 0.4em; }
h3 { font-size: 11pt; font-weight: bold; margin: 0.8em 0 0.2em; }
ul { margin: 0.3em 0; }
.fn { font-size: 8.5pt; text-indent: 0; }
""",
    "nachtest4": """
@page { size: A5; margin: 20mm 14mm 20mm 14mm;
  @top-center { content: "Zeitschrift für Rechtspolitik · Heft 2/2026"; font-size: 7pt; }
  @bottom-right { content: counter(page); font-size: 8pt; } }
body { font-family: "DejaVu Serif"; font-size: 9pt; line-height: 1.35; }
h1 { font-size: 15pt; text-align: center; } h2 { font-size: 10pt; }
.twocolumn { columns: 2; column-gap: 1.5em; }
p { hyphens: auto; }
.fn { font-size: 7pt; }
""",
    "nachtest5": """
@page { size: A6; margin: 15mm 11mm 15mm 11mm;
  @bottom-center { content: counter(page); font-size: 7pt; } }
@page :right { @top-right { content: "Kurzstudie Mobilität · Stand Juni"; font-size: 6pt; } }
body { font-family: "DejaVu Sans"; font-size: 8pt; line-height: 1.35; }
p { text-align: left; hyphens: auto; }
h1 { font-size: 13pt; } h2 { font-size: 10pt; } h3 { font-size: 8pt; font-weight: bold; }
.fn { font-size: 6pt; text-align: left; }
::footnote-marker { vertical-align: super; font-size: 70%; content: counter(footnote); }
""",
    "liste": """
@page { size: A6; margin: 12mm 10mm; }
body { font-family: "DejaVu Serif"; font-size: 9pt; line-height: 1.3; }
""",
}

DOCUMENTS: dict[str, list[Block]] = {
    "bericht": BERICHT,
    "spalten": SPALTEN,
    "nachtest": NACHTEST,
    "nachtest2": NACHTEST2,
    "nachtest3": NACHTEST3,
    "nachtest4": NACHTEST4,
    "nachtest5": NACHTEST5,
    "liste": LISTE,
}


def render(blocks: list[Block], css: str) -> bytes:
    """A PDF of ``blocks`` typeset by WeasyPrint."""
    html = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><style>'
        f"{_COMMON_CSS}{css}</style></head><body>{blocks_html(blocks)}</body></html>"
    )
    return weasyprint.HTML(string=html).write_pdf()


def encrypted(pdf: bytes) -> bytes:
    """``pdf`` protected with a user password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="geheim", owner_password="geheim", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned(pdf: bytes, directory: Path) -> bytes:
    """The first page of ``pdf`` as an image in a PDF: no text layer, like a scan."""
    image = directory / "scan-page.png"
    page = pypdfium2.PdfDocument(pdf)[0]
    page.render(scale=1).to_pil().convert("L").save(image)
    html = (
        "<html><style>@page { size: A5; margin: 0 } img { width: 100% }</style>"
        f'<body><img src="{image.as_uri()}"></body></html>'
    )
    try:
        return weasyprint.HTML(string=html).write_pdf()
    finally:
        image.unlink()


def with_scanned_page(pdf: bytes, directory: Path) -> bytes:
    """``pdf`` followed by a scanned page (an image of its own first page)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.append(PdfReader(io.BytesIO(scanned(pdf, directory))))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "pdf")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help="build only these documents (and no bad PDFs)"
    )
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    rendered = {}
    for name, blocks in DOCUMENTS.items():
        if args.only and name not in args.only:
            continue
        rendered[name] = render(blocks, STYLES[name])
        (out / f"{name}.pdf").write_bytes(rendered[name])
        with (out / f"{name}.gold.jsonl").open("w", encoding="utf-8") as gold:
            for record in gold_sentences(blocks):
                gold.write(json.dumps(record, ensure_ascii=False) + "\n")
    if "liste" in rendered:
        (out / "teilscan.pdf").write_bytes(with_scanned_page(rendered["liste"], out))
    if args.only:
        return
    report = rendered["bericht"]
    (out / "verschluesselt.pdf").write_bytes(encrypted(report))
    (out / "abgeschnitten.pdf").write_bytes(report[: len(report) // 3])
    (out / "zufall.pdf").write_bytes(random.Random(11).randbytes(4096))
    (out / "scan.pdf").write_bytes(scanned(report, out))
    for path in sorted(out.glob("*.pdf")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
