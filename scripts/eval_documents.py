"""Score the importers against gold sentences, and compare main-content extractors.

    python scripts/eval_documents.py                      # the committed fixtures
    python scripts/eval_documents.py web TRAFILATURA_TESTS  # real German web pages
    python scripts/eval_documents.py laws LAW.md…           # bundestag/gesetze laws
    python scripts/eval_documents.py books BOOK_DIR         # real EPUBs (build_real_epubs.py)
    python scripts/eval_documents.py readability TEST_PAGES # Mozilla Readability's German pages

``web``: trafilatura's own evaluation corpus (``tests/`` of
github.com/adbar/trafilatura: ``evaldata.json`` with must-appear ("with") and
must-not-appear ("without") snippets for each page in ``eval/`` or
``cache/``; Apache-2.0, not committed here). The German pages are selected by
their wanted snippets (German function words); a page goes to the tuning or
the reporting set by a hash of its URL, fixed before any tuning. Snippets are
matched as trafilatura's own benchmark does (whitespace-normalised substrings
of the output): recall = wanted snippets found, precision = found snippets
that were wanted. The reader importer's text is compared with trafilatura's
own plain-text extraction (its benchmark settings) on the same pages.

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

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.etree import _Element

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from reader.importers import load_document  # noqa: E402
from reader.importers.html import Extractor, import_html, trafilatura_extractor  # noqa: E402
from reader.segment import all_sentences, segment_document  # noqa: E402
from reader.segment.notes import link_notes  # noqa: E402
from reader.translate.document import UNTRANSLATED_KINDS  # noqa: E402

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


_GERMAN = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "zu",
        "den",
        "von",
        "mit",
        "sich",
        "des",
        "auf",
        "für",
        "im",
        "dem",
        "sie",
        "es",
        "auch",
        "als",
        "an",
        "wird",
        "werden",
        "bei",
        "nach",
        "aus",
        "wie",
        "oder",
        "noch",
        "nur",
        "so",
        "wir",
        "ich",
        "er",
        "hat",
        "haben",
        "sind",
        "war",
        "über",
        "vor",
        "um",
        "am",
        "zum",
        "zur",
        "durch",
        "wenn",
        "kann",
        "mehr",
        "schon",
        "diese",
        "dieser",
        "einen",
        "einem",
        "einer",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "in",
        "that",
        "it",
        "for",
        "was",
        "on",
        "with",
        "as",
        "are",
        "this",
        "be",
        "by",
    ]
)


def is_german(snippets: list[str]) -> bool:
    """Whether a page's wanted snippets read as German (function words, not English)."""
    words = re.findall(r"\w+", " ".join(snippets).lower())
    german = sum(word in _GERMAN for word in words)
    english = sum(word in _ENGLISH for word in words)
    return german >= 0.08 * max(len(words), 1) and german > english


def web_set(url: str) -> str:
    """``tuning`` or ``reporting``: a third of the pages to tune on, by URL hash."""
    return "tuning" if hashlib.sha1(url.encode()).digest()[0] % 3 == 0 else "reporting"


@dataclass
class Counts:
    pages: int = 0
    refused: int = 0
    refused_where_other_finds: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, item: dict, text: str | None) -> None:
        self.pages += 1
        found = _normal(text) if text is not None else ""
        tp = sum(1 for snippet in item["with"] if _normal(snippet) in found)
        self.tp += tp
        self.fn += len(item["with"]) - tp
        self.fp += sum(1 for snippet in item["without"] if _normal(snippet) in found)

    def row(self, label: str) -> str:
        precision = self.tp / max(self.tp + self.fp, 1)
        recall = self.tp / max(self.tp + self.fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        return (
            f"| {label} | {self.pages} | {self.refused} | {self.refused_where_other_finds} | "
            f"{precision:.3f} | {recall:.3f} | **{f1:.3f}** |"
        )


def reader_texts(data: bytes, name: str) -> tuple[str | None, str | None]:
    """The importer's document text, and that text without figure captions
    (the corpus counts captions and photo credits as unwanted); ``None`` when
    it refuses the page."""
    from reader.errors import InputError

    try:
        document = import_html(data, name)
    except InputError:
        return None, None
    article = "\n\n".join(block.text for block in document.blocks if block.kind != "caption")
    return document.text, article


def trafilatura_text(data: bytes) -> str | None:
    """trafilatura's own output with its benchmark settings (``tests/eval_common.py``)."""
    import trafilatura

    return trafilatura.extract(
        data, include_comments=False, include_tables=True, include_formatting=False
    )


def _show_differences(part: str, item: dict, ours: str | None, theirs: str | None) -> None:
    """On stderr: snippets one extractor gets right and the other wrong."""
    ours, theirs = _normal(ours or ""), _normal(theirs or "")
    lost = [s for s in item["with"] if _normal(s) not in ours and _normal(s) in theirs]
    gained = [s for s in item["with"] if _normal(s) in ours and _normal(s) not in theirs]
    unwanted = [s for s in item["without"] if _normal(s) in ours and _normal(s) not in theirs]
    avoided = [s for s in item["without"] if _normal(s) not in ours and _normal(s) in theirs]
    if lost or unwanted or gained or avoided:
        print(
            f"{part} {item['file']}: reader lost {lost!r}, took unwanted {unwanted!r}; "
            f"trafilatura lost {gained!r}, took unwanted {avoided!r}",
            file=sys.stderr,
        )


def main_web(tests: Path, only: str | None = None, show: bool = False) -> None:
    evaldata = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    results = {
        (part, label): Counts()
        for part in ("tuning", "reporting")
        for label in ("reader", "reader without captions", "trafilatura")
    }
    for url, item in sorted(evaldata.items()):
        if not is_german(item["with"]):
            continue
        part = web_set(url)
        if only and part != only:
            continue
        path = next(
            (
                p
                for p in (tests / "cache" / item["file"], tests / "eval" / item["file"])
                if p.exists()
            ),
            None,
        )
        if path is None:
            continue
        data = path.read_bytes()
        ours, article = reader_texts(data, item["file"])
        theirs = trafilatura_text(data)
        for label, text in (
            ("reader", ours),
            ("reader without captions", article),
            ("trafilatura", theirs),
        ):
            counts = results[part, label]
            counts.add(item, text)
            if text is None:
                counts.refused += 1
                other = ours if label == "trafilatura" else theirs
                counts.refused_where_other_finds += bool(other and other.strip())
        if show:
            _show_differences(part, item, article, theirs)
    print(
        "| set / extractor | pages | refused | refused where the other finds text | "
        "precision | recall | F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for (part, label), counts in results.items():
        if counts.pages:
            print(counts.row(f"{part}: {label}"))


LAWS_TUNING = frozenset({"stvo_2013", "estg", "gg", "bgb", "arbzg", "vwgo"})
"""Laws of github.com/bundestag/gesetze tuned on; every other law given is reporting."""
_LIST_LABEL = re.compile(
    r"^(?P<indent> *)(?P<label>\d{1,3}[a-z]?\.|[a-z]{1,3}\)|\(\d{1,3}[a-z]?\))[ \t]+(?P<rest>\S.*)$"
)
_HYPHEN_GAP = re.compile(r"\w- (\w+)")
_CONJUNCTIONS = frozenset(["und", "oder", "bzw", "sowie", "bis", "als", "noch", "wie"])


@dataclass
class LawScore:
    labels: int = 0
    labels_kept: int = 0
    words: int = 0
    code_words: int = 0
    hyphen_gaps: int = 0
    notes: int = 0
    notes_anchored: int = 0


def score_law(source: str, document) -> LawScore:
    """List labels kept with their item, share of words as code, ``Wort- Wort``
    gaps, footnotes standing right after (among notes) the block citing them."""
    result = LawScore()
    text = _normal(document.text)
    fenced = False
    for line in source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        found = None if fenced else _LIST_LABEL.match(line)
        if found is None:
            continue
        words = found.group("rest").split()[:3]
        if words and not words[-1][-1:].isalnum():
            words[-1] = words[-1].rstrip("-")  # a wrapped word: compare its start
        result.labels += 1
        result.labels_kept += f"{found.group('label')} {' '.join(words)}" in text
    for block in document.blocks:
        count = len(block.text.split())
        result.words += count
        result.code_words += count if block.kind == "code" else 0
        result.hyphen_gaps += sum(
            1
            for gap in _HYPHEN_GAP.finditer(block.text)
            if gap.group(1).lower() not in _CONJUNCTIONS
        )
    last_cited: set[str] = set()
    for block in document.blocks:
        if block.kind == "footnote":
            result.notes += 1
            result.notes_anchored += block.marker in last_cited
        else:
            last_cited = {ref.marker for ref in block.footnotes}
    return result


def main_laws(paths: list[Path]) -> None:
    print(
        "| law | set | list labels kept | words as code | `Wort- Wort` gaps | footnotes anchored |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for path in sorted(paths):
        source = path.read_text(encoding="utf-8")
        result = score_law(source, load_document(str(path)))
        part = "tuning" if path.stem in LAWS_TUNING else "reporting"
        print(
            f"| {path.stem} | {part} | {result.labels_kept}/{result.labels} "
            f"({result.labels_kept / max(result.labels, 1):.1%}) | "
            f"{result.code_words / max(result.words, 1):.2%} | {result.hyphen_gaps} | "
            f"{result.notes_anchored}/{result.notes} |"
        )


def _word_scores(found: str | None, expected: str) -> tuple[float, float]:
    """Precision and recall of ``found``'s words against ``expected``'s (as multisets)."""
    if not found:
        return 0.0, 0.0
    ours, theirs = Counter(_words(found)), Counter(_words(expected))
    common = sum((ours & theirs).values())
    return common / max(sum(ours.values()), 1), common / max(sum(theirs.values()), 1)


def main_readability(pages: Path) -> None:
    """Mozilla Readability's test pages (``test/test-pages`` of mozilla/readability,
    Apache-2.0, not committed) whose expected metadata says German: reader's and
    trafilatura's words against Readability's expected article."""
    print("| page | extractor | word precision | word recall |")
    print("|---|---|---:|---:|")
    for directory in sorted(path for path in pages.iterdir() if path.is_dir()):
        metadata = directory / "expected-metadata.json"
        if not metadata.exists():
            continue
        if not (json.loads(metadata.read_text(encoding="utf-8")).get("lang") or "").startswith(
            "de"
        ):
            continue
        data = (directory / "source.html").read_bytes()
        expected = lxml_html.fromstring((directory / "expected.html").read_bytes()).text_content()
        ours, without_captions = reader_texts(data, directory.name)
        for label, text in (
            ("reader", ours),
            ("reader without captions", without_captions),
            ("trafilatura", trafilatura_text(data)),
        ):
            precision, recall = _word_scores(text, expected)
            print(f"| {directory.name} | {label} | {precision:.3f} | {recall:.3f} |")


BOOK_GOLD = FIXTURES / "books"
"""Gold for the real e-books scripts/build_real_epubs.py builds (not committed)."""


@dataclass(frozen=True)
class BookScore:
    toc: tuple[int, int]
    """Nav/NCX entries of body chapters found as a heading (or a run of headings)."""
    contents_as_body: int
    """Body sentences that are a contents line (a table of contents read as text)."""
    sentences: tuple[int, int]
    footnotes: tuple[int, int]
    """Notes found as a footnote paragraph that a reference links to."""
    unlinked_references: int
    matter: tuple[int, int]
    """Gold front/back matter lines found in ``matter`` sentences."""
    matter_leaked: int
    """Gold matter lines found in a sentence of another kind."""
    translated_sentences: int


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def score_book(document, gold_path: Path) -> BookScore:
    gold: dict[str, list[str]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, text = line.split("\t", 1)
            gold.setdefault(kind, []).append(_normal(text))
    paragraphs = segment_document(document)
    sentences = list(all_sentences(paragraphs))
    heading_runs: set[tuple[str, ...]] = set()
    run: list[str] = []
    for sentence in [*sentences, None]:
        if sentence is not None and sentence.kind == "heading":
            run.append(sentence.text)
            heading_runs.add(_words(sentence.text))
            heading_runs.add(_words(" ".join(run)))
            continue
        run = []
    toc = gold.get("toc", [])
    body = [_normal(s.text) for s in sentences if s.kind == "sentence"]
    found = Counter((s.kind, _normal(s.text)) for s in sentences)
    links = link_notes(paragraphs)
    linked = set(links.values())
    notes = {
        _normal(" ".join(s.text for s in p.sentences)): p.index
        for p in paragraphs
        if p.kind == "footnote"
    }
    references = sum(len(s.footnotes) for s in sentences if s.kind != "footnote")
    matter_text = _normal(" ".join(s.text for s in sentences if s.kind == "matter"))
    other_text = _normal(" ".join(s.text for s in sentences if s.kind != "matter"))
    return BookScore(
        toc=(sum(_words(entry) in heading_runs for entry in toc), len(toc)),
        contents_as_body=sum(line in set(toc) for line in body),
        sentences=(
            sum(found[("sentence", text)] > 0 for text in gold.get("sentence", [])),
            len(gold.get("sentence", [])),
        ),
        footnotes=(
            sum(notes.get(text) in linked for text in gold.get("footnote", [])),
            len(gold.get("footnote", [])),
        ),
        unlinked_references=references - len(links),
        matter=(
            sum(text in matter_text for text in gold.get("matter", [])),
            len(gold.get("matter", [])),
        ),
        matter_leaked=sum(text in other_text for text in gold.get("matter", [])),
        translated_sentences=sum(s.kind not in UNTRANSLATED_KINDS for s in sentences),
    )


def main_books(directory: Path) -> None:
    from build_real_epubs import REPORTING

    print(
        "| book | set | TOC titles as headings | contents lines as body | sample sentences | "
        "footnotes linked | unlinked references | matter marked | matter elsewhere | "
        "sentences to translate |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for gold_path in sorted(BOOK_GOLD.glob("*.gold")):
        path = directory / gold_path.stem  # am-jenseits.epub.gold → am-jenseits.epub
        result = score_book(load_document(str(path)), gold_path)
        part = "reporting" if path.name in REPORTING or path.suffix == ".html" else "tuning"

        def pair(value: tuple[int, int]) -> str:
            return f"{value[0]}/{value[1]}"

        print(
            f"| {path.name} | {part} | {pair(result.toc)} | {result.contents_as_body} | "
            f"{pair(result.sentences)} | {pair(result.footnotes)} | {result.unlinked_references} | "
            f"{pair(result.matter)} | {result.matter_leaked} | {result.translated_sentences} |"
        )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "readability":
        main_readability(Path(sys.argv[2]))
        return
    if len(sys.argv) > 2 and sys.argv[1] == "books":
        main_books(Path(sys.argv[2]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "laws":
        main_laws([Path(arg) for arg in sys.argv[2:]])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "web":
        parser = argparse.ArgumentParser(prog="eval_documents.py web")
        parser.add_argument("tests", type=Path, help="trafilatura's tests/ directory")
        parser.add_argument("--set", choices=("tuning", "reporting"), help="only this set")
        parser.add_argument("--show", action="store_true", help="list misses on stderr")
        args = parser.parse_args(sys.argv[2:])
        main_web(args.tests, args.set, args.show)
        return
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
