"""Build the real-producer PDF corpus: LibreOffice, pdfLaTeX (OT1 and T1) and pandoc.

    .venv/bin/python scripts/build_pdf_producers.py [--out tests/fixtures/pdf/producers]

Writes ``NAME.pdf`` and ``NAME.gold.jsonl`` for each entry of :data:`CORPUS`
from the German texts in ``pdf_fixture_texts.py`` (gold derived from the same
blocks, written before the importer was tuned on them). The PDFs are committed,
so the tests and CI need neither LibreOffice nor TeX Live; this script is only
for rebuilding them. Needs (Debian): libreoffice-writer-nogui, hyphen-de,
texlive-latex-base, texlive-latex-recommended, texlive-lang-german,
texlive-fonts-recommended, lmodern, pandoc.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_fixture_texts import (
    _FOOTNOTE,
    BERICHT,
    PROBE,
    REPORTING_BIBLIOTHEK,
    REPORTING_EHRENAMT,
    REPORTING_SPEICHER,
    Block,
    gold_sentences,
)

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Entry:
    text: str
    """Key of the text (and of its furniture in ``PRODUCER_FURNITURE``)."""
    blocks: list[Block]
    producer: str
    """``libreoffice``, ``pdftex-ot1``, ``pdftex-t1`` or ``pandoc``."""
    header: str
    footer: str
    """Footer text before the page number."""
    reporting: bool
    twocolumn: bool = False


CORPUS: dict[str, Entry] = {
    "lo-probe": Entry("probe", PROBE, "libreoffice", "Arbeitspapier Grünflächen", "Seite", False),
    "lo-bericht": Entry(
        "bericht", BERICHT, "libreoffice", "Arbeitspapier 3/2026 · Digitale Verwaltung", "", False
    ),
    "ot1-probe": Entry("probe", PROBE, "pdftex-ot1", "Arbeitspapier Grünflächen", "Seite", False),
    "t1-probe": Entry(
        "probe", PROBE, "pdftex-t1", "Arbeitspapier Grünflächen", "Seite", False, twocolumn=True
    ),
    "pandoc-probe": Entry("probe", PROBE, "pandoc", "", "", False),
    "lo-bibliothek": Entry(
        "bibliothek", REPORTING_BIBLIOTHEK, "libreoffice", "Kulturbericht 2026", "Seite", True
    ),
    "ot1-bibliothek": Entry(
        "bibliothek", REPORTING_BIBLIOTHEK, "pdftex-ot1", "Kulturbericht 2026", "Seite", True
    ),
    "t1-speicher": Entry(
        "speicher", REPORTING_SPEICHER, "pdftex-t1", "Energie kompakt · Heft 4", "", True, True
    ),
    "ot1-speicher": Entry(
        "speicher", REPORTING_SPEICHER, "pdftex-ot1", "Energie kompakt · Heft 4", "", True, True
    ),
    "lo-ehrenamt": Entry(
        "ehrenamt", REPORTING_EHRENAMT, "libreoffice", "Landkreisstudie Ehrenamt", "Seite", True
    ),
    "pandoc-ehrenamt": Entry("ehrenamt", REPORTING_EHRENAMT, "pandoc", "", "", True),
}


# --- LaTeX -------------------------------------------------------------------

_TEX_SPECIAL = {"%": r"\%", "&": r"\&", "#": r"\#", "_": r"\_", "$": r"\$"}


def _tex(text: str) -> str:
    return "".join(_TEX_SPECIAL.get(char, char) for char in text)


def _tex_sentence(sentence: str) -> str:
    parts = []
    last = 0
    for match in _FOOTNOTE.finditer(sentence):
        parts.append(_tex(sentence[last : match.start()]))
        parts.append(r"\footnote{" + _tex(match.group(1).replace("|", "")) + "}")
        last = match.end()
    parts.append(_tex(sentence[last:]))
    return "".join(parts)


def _tex_body(blocks: list[Block]) -> str:
    out = []
    margin = ""
    for kind, content in blocks:
        if kind in ("h1", "h2", "h3"):
            command = {"h1": "section", "h2": "subsection", "h3": "subsubsection"}[kind]
            out.append(f"\\{command}*{{{_tex(str(content))}}}")
        elif kind == "margin":
            margin = r"\marginpar{\raggedright\footnotesize " + _tex(str(content)) + "}"
        elif kind == "p":
            text = " ".join(_tex_sentence(s) for s in content)  # type: ignore[union-attr]
            out.append(margin + text + "\n")
            margin = ""
        elif kind == "ul":
            items = "\n".join(r"\item " + _tex_sentence(s) for s in content)  # type: ignore[union-attr]
            out.append("\\begin{itemize}\n" + items + "\n\\end{itemize}")
        elif kind == "box":
            text = " ".join(_tex_sentence(s) for s in content)  # type: ignore[union-attr]
            out.append(
                "\\begin{center}\\fbox{\\parbox{0.8\\linewidth}{\\itshape "
                + text
                + "}}\\end{center}"
            )
        elif kind == "table":
            caption, rows = content  # type: ignore[misc]
            label = caption.split(": ", 1)[1]
            body = " \\\\\n".join(" & ".join(_tex(c) for c in row) for row in rows)
            out.append(
                "\\begin{table}[h]\\centering\n\\begin{tabular}{lr}\n"
                + body
                + "\n\\end{tabular}\n\\caption{"
                + _tex(label)
                + "}\n\\end{table}"
            )
        else:
            raise ValueError(kind)
    return "\n\n".join(out)


def latex(entry: Entry) -> str:
    encoding = (
        r"\usepackage[T1]{fontenc}\usepackage{lmodern}" if entry.producer == "pdftex-t1" else ""
    )
    columns = ",twocolumn" if entry.twocolumn else ""
    paper = "twoside" if entry.twocolumn else "a5paper"
    geometry = (
        "paperwidth=195mm,paperheight=190mm,hmargin=26mm,vmargin=15mm,marginparwidth=19mm,marginparsep=2mm"
        if entry.twocolumn
        else "left=18mm,right=32mm,marginparwidth=22mm,top=20mm,bottom=22mm"
    )
    footer = f"{entry.footer} \\thepage" if entry.footer else r"\thepage"
    return (
        f"\\documentclass[10pt{columns}]{{article}}\n"
        "\\usepackage[utf8]{inputenc}\n"
        f"{encoding}\n"
        "\\usepackage[ngerman]{babel}\n"
        f"\\usepackage[{paper},{geometry}]{{geometry}}\n"
        "\\usepackage{fancyhdr}\\pagestyle{fancy}\\fancyhf{}\n"
        f"\\fancyhead[C]{{\\small {_tex(entry.header)}}}\\fancyfoot[C]{{\\small {footer}}}\n"
        "\\renewcommand{\\headrulewidth}{0pt}\n"
        "\\begin{document}\n\\thispagestyle{fancy}\n"
        f"{_tex_body(entry.blocks)}\n\\end{{document}}\n"
    )


# --- pandoc (Markdown → pdfLaTeX) ---------------------------------------------


def markdown(entry: Entry) -> str:
    out = ["---\nlang: de-DE\npapersize: a5\ngeometry: margin=18mm\n---\n"]
    notes = []
    for kind, content in entry.blocks:
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + str(content) + " {-}")
        elif kind in ("p", "box"):
            sentences = []
            for sentence in content:  # type: ignore[union-attr]

                def note(match):
                    notes.append(match.group(1).replace("|", ""))
                    return f"[^{len(notes)}]"

                sentences.append(_FOOTNOTE.sub(note, sentence))
            prefix = "> " if kind == "box" else ""
            out.append(prefix + " ".join(sentences))
        elif kind == "margin":
            out.append(str(content))
        elif kind == "ul":
            out.append("\n".join(f"- {s}" for s in content))  # type: ignore[union-attr]
        elif kind == "table":
            caption, rows = content  # type: ignore[misc]
            table = [f"| {rows[0][0]} | {rows[0][1]} |", "|---|---:|"]
            table += [f"| {a} | {b} |" for a, b in rows[1:]]
            out.append("\n".join(table) + "\n\n: " + caption.split(": ", 1)[1])
    out.extend(f"[^{i}]: {text}" for i, text in enumerate(notes, 1))
    return "\n\n".join(out) + "\n"


# --- LibreOffice (flat ODT → soffice --convert-to pdf) ------------------------

_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt"
   fo:language="de" fo:country="DE" fo:hyphenate="true"
   fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"
    fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt"
    fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm"
    fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="12.5pt"
    fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Kasten" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:margin-left="1cm" fo:margin-right="1cm"
   fo:margin-top="0.2cm" fo:margin-bottom="0.3cm" fo:padding="0.2cm"
     fo:border="0.6pt solid #000000"
   fo:background-color="#e8e8e8"/>
  <style:text-properties fo:font-style="italic" fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="Rand" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="6.5pt"
    fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-left="0.4cm"
    fo:text-indent="-0.4cm"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="9pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Zelle" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Kopf" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <text:list-style style:name="Punkte">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab"
      text:list-tab-stop-position="0.6cm"
     fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="Seite">
  <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="1.8cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
    fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
    fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Rahmen" style:family="graphic">
  <style:graphic-properties style:wrap="none" style:horizontal-pos="from-left"
   style:horizontal-rel="page" style:vertical-pos="top" style:vertical-rel="paragraph"
   fo:border="none" fo:padding="0cm"/>
 </style:style>
 <style:style style:name="Tab" style:family="table">
  <style:table-properties style:width="6cm" table:align="center"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Seite">
  <style:header><text:p text:style-name="Kopf">{header}</text:p></style:header>
  <style:footer><text:p text:style-name="Kopf">{footer}<text:page-number
    text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def _odt_sentence(sentence: str) -> str:
    parts = []
    last = 0
    for match in _FOOTNOTE.finditer(sentence):
        parts.append(escape(sentence[last : match.start()]))
        note = escape(match.group(1).replace("|", ""))
        parts.append(
            '<text:note text:note-class="footnote"><text:note-citation>0</text:note-citation>'
            f'<text:note-body><text:p text:style-name="Footnote">{note}</text:p>'
            "</text:note-body></text:note>"
        )
        last = match.end()
    parts.append(escape(sentence[last:]))
    return "".join(parts)


def fodt(entry: Entry) -> str:
    out = []
    margin = ""
    frames = 0
    for kind, content in entry.blocks:
        if kind in ("h1", "h2", "h3"):
            style = "H1" if kind == "h1" else "H2"
            out.append(f'<text:p text:style-name="{style}">{escape(str(content))}</text:p>')
        elif kind == "margin":
            frames += 1
            margin = (
                f'<draw:frame draw:style-name="Rahmen" draw:name="Rand{frames}" '
                'text:anchor-type="paragraph" svg:x="0.1cm" svg:y="0cm" svg:width="1.7cm" '
                'draw:z-index="0"><draw:text-box fo:min-height="0.5cm">'
                f'<text:p text:style-name="Rand">{escape(str(content))}</text:p>'
                "</draw:text-box></draw:frame>"
            )
        elif kind == "p":
            text = " ".join(_odt_sentence(s) for s in content)  # type: ignore[union-attr]
            out.append(f'<text:p text:style-name="Standard">{margin}{text}</text:p>')
            margin = ""
        elif kind == "box":
            text = " ".join(_odt_sentence(s) for s in content)  # type: ignore[union-attr]
            out.append(f'<text:p text:style-name="Kasten">{text}</text:p>')
        elif kind == "ul":
            items = "".join(
                f'<text:list-item><text:p text:style-name="Standard">{_odt_sentence(s)}</text:p>'
                "</text:list-item>"
                for s in content  # type: ignore[union-attr]
            )
            out.append(f'<text:list text:style-name="Punkte">{items}</text:list>')
        elif kind == "table":
            caption, rows = content  # type: ignore[misc]
            cells = "".join(
                "<table:table-row>"
                + "".join(
                    '<table:table-cell office:value-type="string">'
                    f'<text:p text:style-name="Zelle">{escape(cell)}</text:p></table:table-cell>'
                    for cell in row
                )
                + "</table:table-row>"
                for row in rows
            )
            out.append(
                '<table:table table:name="T" table:style-name="Tab">'
                '<table:table-column table:number-columns-repeated="2"/>'
                f"{cells}</table:table>"
                f'<text:p text:style-name="Caption">{escape(caption)}</text:p>'
            )
        else:
            raise ValueError(kind)
    footer = escape(entry.footer + " ") if entry.footer else ""
    head = _FODT_HEAD.replace("{header}", escape(entry.header)).replace("{footer}", footer)
    return head + "\n".join(out) + "\n</office:text></office:body></office:document>\n"


def build(name: str, entry: Entry, directory: Path) -> bytes:
    """The PDF of ``entry``, typeset by its producer in ``directory``."""
    if entry.producer == "libreoffice":
        source = directory / f"{name}.fodt"
        source.write_text(fodt(entry), encoding="utf-8")
        command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(directory)]
        subprocess.run([*command, str(source)], check=True, capture_output=True, timeout=300)
    elif entry.producer == "pandoc":
        source = directory / f"{name}.md"
        source.write_text(markdown(entry), encoding="utf-8")
        output = directory / f"{name}.pdf"
        command = ["pandoc", str(source), "--pdf-engine=pdflatex", "-o", str(output)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    else:
        source = directory / f"{name}.tex"
        source.write_text(latex(entry), encoding="utf-8")
        command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", source.name]
        subprocess.run(command, check=True, capture_output=True, cwd=directory, timeout=300)
    return (directory / f"{name}.pdf").read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "tests" / "fixtures" / "pdf" / "producers"
    )
    parser.add_argument("--only", nargs="+", metavar="NAME")
    parser.add_argument("--keep", type=Path, help="keep the sources in this directory")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        directory = args.keep or Path(temporary)
        directory.mkdir(parents=True, exist_ok=True)
        for name, entry in CORPUS.items():
            if args.only and name not in args.only:
                continue
            pdf = build(name, entry, directory)
            (args.out / f"{name}.pdf").write_bytes(pdf)
            with (args.out / f"{name}.gold.jsonl").open("w", encoding="utf-8") as gold:
                for record in gold_sentences(entry.blocks):
                    gold.write(json.dumps(record, ensure_ascii=False) + "\n")
            print(f"{name}: {len(pdf):,} bytes")


if __name__ == "__main__":
    main()
