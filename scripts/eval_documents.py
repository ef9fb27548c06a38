"""Score the importers against gold sentences, and compare main-content extractors.

    python scripts/eval_documents.py

For every document in tests/fixtures/documents/ with a ``.gold`` file:
import → segment, then

- sentence F1: the sentences (whitespace-normalised) against the gold list;
- headings: every gold heading must come out with ``kind: "heading"``;
- kinds: of the matched sentences, how many have the gold kind;
- boilerplate: gold ``BOILERPLATE`` phrases found in any sentence (must be 0).

HTML pages are scored with three extractors behind the same footnote
handling and block walker: trafilatura (the importer's), readability-lxml and
jusText. The tuning set was written before the importers; the held-out set
after (see ``HELD_OUT``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.etree import _Element

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.importers import load_document  # noqa: E402
from reader.importers.html import Extractor, import_html, trafilatura_extractor  # noqa: E402
from reader.segment import all_sentences, segment_document  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "documents"
HELD_OUT = {"bericht.html", "tagebuch.epub"}
"""Built after the importers were tuned: scored, never tuned on."""


@dataclass(frozen=True)
class Gold:
    sentences: list[tuple[str, str]]
    """(kind, text) in document order."""
    boilerplate: list[str]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    headings_found: int
    headings: int
    kinds_right: int
    matched: int
    boilerplate: list[str]


def _normal(text: str) -> str:
    return " ".join(text.split())


def read_gold(path: Path) -> Gold:
    sentences, boilerplate = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, text = line.split("\t", 1)
        if kind == "BOILERPLATE":
            boilerplate.append(text)
        else:
            sentences.append((kind, _normal(text)))
    return Gold(sentences, boilerplate)


def score(found: list[tuple[str, str]], gold: Gold) -> Score:
    found_texts = Counter(text for _, text in found)
    gold_texts = Counter(text for _, text in gold.sentences)
    matched = sum((found_texts & gold_texts).values())
    precision = matched / max(sum(found_texts.values()), 1)
    recall = matched / max(sum(gold_texts.values()), 1)
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    found_kinds = Counter(found)
    gold_kinds = Counter(gold.sentences)
    headings = [text for kind, text in gold.sentences if kind == "heading"]
    headings_found = sum(1 for text in headings if ("heading", text) in found_kinds)
    kinds_right = sum((found_kinds & gold_kinds).values())
    hits = [phrase for phrase in gold.boilerplate if any(phrase in text for _, text in found)]
    return Score(precision, recall, f1, headings_found, len(headings), kinds_right, matched, hits)


def sentences_of(document) -> list[tuple[str, str]]:
    return [
        (sentence.kind, _normal(sentence.text))
        for sentence in all_sentences(segment_document(document))
    ]


def readability_extractor(tree: _Element) -> str | None:
    from readability import Document as Readability

    return Readability(lxml_html.tostring(tree, encoding="unicode")).summary(html_partial=True)


def justext_extractor(tree: _Element) -> str | None:
    import justext

    page = lxml_html.tostring(tree, encoding="utf-8")
    paragraphs = justext.justext(page, justext.get_stoplist("German"))
    parts = []
    for paragraph in paragraphs:
        if paragraph.is_boilerplate:
            continue
        tag = "h2" if paragraph.is_heading else "p"
        parts.append(f"<{tag}>{_escape(paragraph.text)}</{tag}>")
    return "<div>" + "".join(parts) + "</div>" if parts else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura": trafilatura_extractor,
    "readability-lxml": readability_extractor,
    "jusText": justext_extractor,
}


def _row(name: str, label: str, result: Score, seconds: float) -> str:
    return (
        f"| {name} | {label} | {result.precision:.3f} | {result.recall:.3f} | "
        f"**{result.f1:.3f}** | {result.headings_found}/{result.headings} | "
        f"{result.kinds_right}/{result.matched} | {len(result.boilerplate)}"
        f"{' (' + ', '.join(result.boilerplate) + ')' if result.boilerplate else ''} | "
        f"{seconds * 1000:.0f} |"
    )


def main() -> None:
    print(
        "| document | importer / extractor | precision | recall | sentence F1 | headings | "
        "right kind | boilerplate lines | ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---|---:|")
    for gold_path in sorted(FIXTURES.glob("*.gold")):
        documents = [p for p in FIXTURES.glob(gold_path.stem + ".*") if p.suffix != ".gold"]
        if not documents:
            continue
        path = documents[0]
        gold = read_gold(gold_path)
        name = path.name + (" (held out)" if path.name in HELD_OUT else "")
        if path.suffix == ".html":
            data = path.read_bytes()
            for label, extractor in EXTRACTORS.items():
                started = time.perf_counter()
                try:
                    document = import_html(data, path.name, extractor=extractor)
                    found = sentences_of(document)
                except Exception as error:  # an extractor that finds nothing scores 0
                    print(f"<!-- {label} on {path.name}: {error} -->")
                    found = []
                seconds = time.perf_counter() - started
                print(_row(name, label, score(found, gold), seconds))
        else:
            started = time.perf_counter()
            found = sentences_of(load_document(str(path)))
            seconds = time.perf_counter() - started
            print(_row(name, path.suffix.lstrip("."), score(found, gold), seconds))


if __name__ == "__main__":
    main()
