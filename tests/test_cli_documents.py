"""HTML, EPUB and Markdown through the commands: structure in every output, bad files refused.

Bad files run the real entry point (`python -m reader`): one line on stderr
naming the file, exit code 2, and before any model is looked for — the
``--model`` given does not exist, and the error is still about the file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from typer.testing import CliRunner

from reader.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
runner = CliRunner()


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
    )


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    epub = (FIXTURES / "roman.epub").read_bytes()
    files = {
        "truncated.epub": epub[: len(epub) // 3],
        "lies.epub": (FIXTURES / "analyse.html").read_bytes(),
        "menu.html": b"<html><body><nav><a href='/'>Start</a> <a href='/p'>Politik</a></nav>"
        b"<footer>Impressum</footer></body></html>",
        "zip.html": epub,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


BAD = {
    "truncated.epub": "not a readable EPUB",
    "lies.epub": "the extension says EPUB but the content is an HTML page",
    "menu.html": "no main text found",
    "zip.html": "the extension says HTML but the content is a ZIP archive",
}


@pytest.mark.parametrize(
    ("command", "name"),
    [("segment", name) for name in sorted(BAD)]
    + [(command, name) for command in ("translate", "read") for name in ("lies.epub", "menu.html")],
)
def test_bad_files_are_one_line_and_exit_2_before_the_model(
    tmp_path: Path, name: str, command: str
) -> None:
    path = _bad_files(tmp_path)[name]
    extra = [] if command == "segment" else ["--model", str(tmp_path / "no-such-model")]
    result = reader(command, str(path), *extra)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"reader: error: {path}: ")
    assert BAD[name] in lines[0]


def test_drm_epub_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "drm.epub"
    path.write_bytes((FIXTURES / "roman.epub").read_bytes())
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("META-INF/rights.xml", "<rights/>")
    result = reader("segment", str(path))
    assert result.returncode == 2
    assert "DRM" in result.stderr and result.stderr.count("\n") == 1


def test_segment_jsonl_has_kind_section_and_note() -> None:
    result = runner.invoke(app, ["segment", str(FIXTURES / "roman.epub"), "-f", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["kind"] == "heading"
    assert records[0]["section"] == "Erstes Kapitel: Der Umzug"
    notes = [record for record in records if record["kind"] == "footnote"]
    assert notes[0]["note"] == "1"
    assert records[1]["footnotes"] == ["1"]


def test_segment_text_puts_headings_on_lines_of_their_own() -> None:
    result = runner.invoke(app, ["segment", str(FIXTURES / "notizen.md")])
    assert result.stdout.startswith("Notizen zur Datenbankmigration\n\nDie alte Datenbank")


def test_from_reads_a_file_as_another_format(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# Titel\n\nEin Satz.", encoding="utf-8")
    plain = runner.invoke(app, ["segment", str(path), "-f", "jsonl"])
    markdown = runner.invoke(app, ["segment", str(path), "-f", "jsonl", "--from", "md"])
    assert json.loads(plain.stdout.splitlines()[0])["text"] == "# Titel"
    assert json.loads(markdown.stdout.splitlines()[0])["kind"] == "heading"


@pytest.mark.parametrize("layout", ["table", "interleaved", "english"])
def test_epub_export_has_chapter_headings_and_real_footnotes(
    tiny_model_dir: Path, layout: str
) -> None:
    result = runner.invoke(
        app,
        [
            "translate",
            str(FIXTURES / "chronik.epub"),
            "--model",
            str(tiny_model_dir),
            "--fast",
            "--layout",
            layout,
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(result.stdout)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Chronik des Handwerkervereins"
    if layout != "english":
        assert headings[1].startswith("1. Die Gründung")
        assert any(h.startswith("2. Die Kriegsjahre") for h in headings)
    assert len(headings) >= 4
    references = [
        child
        for t in tokens
        if t.type == "inline"
        for child in t.children or []
        if child.type == "footnote_ref"
    ]
    definitions = [t for t in tokens if t.type == "footnote_open"]
    assert len(references) == len(definitions) == 3


def test_markdown_code_is_never_translated(tiny_model_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "translate",
            str(FIXTURES / "notizen.md"),
            "--model",
            str(tiny_model_dir),
            "--fast",
            "--format",
            "jsonl",
            "--no-cache",
        ],
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    code = [record for record in records if record["kind"] == "code"]
    assert len(code) == 1
    assert code[0]["translation"] == code[0]["source"]
    assert code[0]["section"] == "Ablauf"


def test_markdown_export_lists_stay_lists_and_the_title_is_not_repeated(
    tiny_model_dir: Path,
) -> None:
    def export(layout: str) -> list:
        result = runner.invoke(
            app,
            [
                "translate",
                str(FIXTURES / "notizen.md"),
                "--model",
                str(tiny_model_dir),
                "--fast",
                "--layout",
                layout,
            ],
        )
        assert result.exit_code == 0, result.output
        return MarkdownIt("commonmark").enable("table").use(footnote_plugin).parse(result.stdout)

    table = export("table")
    titles = [table[i + 1].content for i, t in enumerate(table) if t.type == "heading_open"]
    assert titles[0] == "notizen.md"  # the file name: the first heading is the title already
    assert titles[1].startswith("Notizen zur Datenbankmigration — ")
    first_cells = [table[i + 1].content for i, t in enumerate(table) if t.type == "td_open"][::2]
    assert "• 1. Zuerst legen wir eine vollständige Sicherung an." in first_cells
    # paragraph, list, paragraph, quote, list, paragraph: each list is one table
    assert sum(t.type == "table_open" for t in table) == 6
    english = export("english")
    items = [t for t in english if t.type == "list_item_open"]
    assert len(items) == 4 + 6  # the header (source, model, date, settings), the two lists
    assert any(t.type == "fence" for t in english)


def test_pdf_export_has_its_headings_and_real_footnotes(tiny_model_dir: Path) -> None:
    report = FIXTURES.parent / "pdf" / "bericht.pdf"
    result = runner.invoke(
        app,
        ["translate", str(report), "--model", str(tiny_model_dir), "--fast", "--no-cache"],
    )
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(result.stdout)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    for number in (
        "Digitale Souveränität",
        "1. Ausgangslage",
        "2. Maßnahmen",
        "3. Umsetzung",
        "4. Empfehlungen",
    ):
        assert any(heading.startswith(number) for heading in headings), number
    definitions = [t for t in tokens if t.type == "footnote_open"]
    assert len(definitions) == 4


def test_an_importer_library_that_fails_to_import_is_one_line_naming_it(tmp_path: Path) -> None:
    # lxml >= 5.2 without lxml_html_clean: jusText (under trafilatura) fails to
    # import; a fresh venv with an old pip showed a traceback.
    shadow = tmp_path / "shadow"
    (shadow / "lxml_html_clean").mkdir(parents=True)
    (shadow / "lxml_html_clean" / "__init__.py").write_text(
        "raise ImportError(\"No module named 'lxml_html_clean'\", name='lxml_html_clean')\n"
    )
    (shadow / "justext").mkdir()
    (shadow / "justext" / "__init__.py").write_text("from lxml.html.clean import Cleaner\n")
    page = tmp_path / "seite.html"
    page.write_bytes((FIXTURES / "analyse.html").read_bytes())
    # The shadow packages come first; whatever PYTHONPATH the run already has
    # (a checkout outside the venv's editable install) stays behind them.
    search_path = os.pathsep.join(filter(None, [str(shadow), os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONPATH": search_path}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "segment", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        "reader: error: cannot read HTML: the Python package lxml_html_clean"
    )
    assert lines[0].endswith("install it with: pip install lxml_html_clean")


def _gutenberg_book(tmp_path: Path) -> Path:
    """A Project Gutenberg-layout EPUB 3 (build_real_epubs.py) with text of our own."""
    spec = importlib.util.spec_from_file_location(
        "build_real_epubs", Path(__file__).resolve().parents[1] / "scripts" / "build_real_epubs.py"
    )
    books = importlib.util.module_from_spec(spec)
    sys.modules["build_real_epubs"] = books  # dataclasses look their module up
    spec.loader.exec_module(books)
    chapters = [
        books.TeiChapter([f"Kapitel {n}"], [f"Der Regen hörte am {n}. Tag auf."]) for n in (1, 2, 3)
    ]
    book = books.TeiBook("Theodor Fontane", "Der Bote", "textgrid:n1vv.0", "", chapters)
    path = tmp_path / "bote.epub"
    path.write_bytes(books.epub_bytes(books.gutenberg_epub3(book)))
    return path


def test_matter_is_kind_matter_in_jsonl_and_never_translated(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    book = _gutenberg_book(tmp_path)
    arguments = ["--model", str(tiny_model_dir), "--fast", "--no-cache"]
    result = runner.invoke(app, ["translate", str(book), *arguments, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    matter = [record for record in records if record["kind"] == "matter"]
    assert matter[0]["source"] == "The Project Gutenberg eBook of Der Bote, by Theodor Fontane"
    assert "THE FULL PROJECT GUTENBERG LICENSE" in [record["source"] for record in matter]
    assert all(record["translation"] == record["source"] for record in matter)
    assert [r["source"] for r in records if r["kind"] == "sentence"][-1] == (
        "Der Regen hörte am 3. Tag auf."
    )


def test_markdown_export_puts_matter_in_an_appendix(tiny_model_dir: Path, tmp_path: Path) -> None:
    book = _gutenberg_book(tmp_path)
    out = tmp_path / "bote.md"
    arguments = ["--model", str(tiny_model_dir), "--fast", "--no-cache", "-o", str(out)]
    result = runner.invoke(app, ["translate", str(book), *arguments])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    body, appendix = text.split("\n## Front and back matter\n\n")
    assert "Der Regen hörte am 3. Tag auf." in body
    assert "Project Gutenberg" not in body
    assert appendix.startswith("The Project Gutenberg eBook of Der Bote, by Theodor Fontane\n\n")
    assert "THE FULL PROJECT GUTENBERG LICENSE" in appendix
