"""``reader glossary``: lookups, listings, a document's terms, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
SHORT_SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"
USAGE = "give one of: a TERM to look up, --list [--category C], or --from-text FILE"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    # An empty config directory: the user's own glossary must not leak into tests.
    config = tmp_path / "config"
    config.mkdir()
    return {"XDG_CONFIG_HOME": str(config), "COLUMNS": "120", "NO_COLOR": "1"}


def invoke(env: dict[str, str], *args: str):
    return CliRunner().invoke(app, ["glossary", *args], env=env)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, for exit codes and stderr of errors."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "glossary", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


@pytest.mark.parametrize(
    "query", ["CFIUS", "cfius", "Cfius", "committee on foreign investment in the united states"]
)
def test_lookup_shows_the_entry(env: dict[str, str], query: str) -> None:
    result = invoke(env, query)
    assert result.exit_code == 0, result.output
    assert "CFIUS" in result.output
    assert "Committee on Foreign Investment in the United States" in result.output
    assert "Secretary of the Treasury" in result.output


def test_lookup_normalises_spacing(env: dict[str, str]) -> None:
    result = invoke(env, "W & T")
    assert result.exit_code == 0
    assert "Wissenschaft und Technologie" in result.output
    assert "S&T" in result.output


def test_every_seed_term_is_answered(env: dict[str, str]) -> None:
    # The done criterion: `reader glossary` answers every term of both seeds.
    terms = json.loads(invoke(env, "--from-text", str(SEED), "--format", "json").output)["terms"]
    terms += json.loads(invoke(env, "--from-text", str(SHORT_SEED), "-f", "json").output)["terms"]
    assert len(terms) > 60
    for term in {item["term"] for item in terms}:
        result = invoke(env, term, "--format", "json")
        assert result.exit_code == 0, term
        assert json.loads(result.output)["entry"]["term"] == term


def test_lookup_as_json(env: dict[str, str]) -> None:
    result = invoke(env, "ki", "--format", "json")
    assert result.exit_code == 0
    entry = json.loads(result.output)["entry"]
    assert entry["term"] == "KI"
    assert entry["preferred"] == "AI"
    assert entry["variants"] == ["künstliche Intelligenz", "künstlichen Intelligenz"]
    assert entry["origin"] == "built-in"


def test_unknown_term_suggests_and_exits_1(env: dict[str, str]) -> None:
    result = run(env, "cfuis")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "reader: error: no glossary entry for 'cfuis'; did you mean CFIUS?\n"


def test_unknown_term_as_json_still_prints_suggestions(env: dict[str, str]) -> None:
    result = run(env, "NAFTO", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["entry"] is None
    assert [entry["term"] for entry in data["suggestions"]] == ["NAFTA"]


def test_nothing_at_all_without_suggestions(env: dict[str, str]) -> None:
    result = run(env, "xqzvw")
    assert result.returncode == 1
    assert result.stderr == "reader: error: no glossary entry for 'xqzvw'\n"


def test_list(env: dict[str, str]) -> None:
    result = invoke(env, "--list")
    assert result.exit_code == 0
    assert "Glossary: " in result.output
    for term in ("CFIUS", "Plaza-Abkommen", "SEMATECH", "JWLC"):
        assert term in result.output


def test_list_one_category(env: dict[str, str]) -> None:
    result = invoke(env, "--list", "--category", "law", "--format", "json")
    assert result.exit_code == 0
    entries = json.loads(result.output)["entries"]
    assert {entry["term"] for entry in entries} >= {"Exon-Florio", "Super-301", "Section 301"}
    assert {entry["category"] for entry in entries} == {"law"}


def test_unknown_category_exits_2(env: dict[str, str]) -> None:
    result = run(env, "--list", "--category", "laws")
    assert result.returncode == 2
    assert result.stderr.startswith("reader: error: no entries in category 'laws'; categories: ")
    assert result.stderr.count("\n") == 1


def test_from_text_lists_the_in_text_definitions(env: dict[str, str]) -> None:
    result = invoke(env, "--from-text", str(SEED), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    defined = {
        item["term"]: item["definition"]["long_form"]
        for item in data["terms"]
        if item["definition"]
    }
    for term in ("W&T", "F&E", "CFIUS", "NAFTA", "ADI", "KI", "IoT", "BIP", "JAXA", "JHLC", "JWLC"):
        assert term in defined, term
    assert defined["CFIUS"] == "Committee on Foreign Investment in the United States"
    assert defined["F&E"] == "Forschungs- und Entwicklungsstrategien"
    by_term = {item["term"]: item for item in data["terms"]}
    assert by_term["W&T"]["entry"]["preferred"] == "S&T"
    assert by_term["CFIUS"]["count"] == 4
    assert by_term["Carnegie Endowment for International Peace"]["first_sentence"] == 0


def test_from_text_as_a_table(env: dict[str, str]) -> None:
    result = invoke(env, "--from-text", str(SEED))
    assert result.exit_code == 0
    assert "defined in the text" in result.output
    # Cells wrap at the terminal width: look for single words.
    for word in ("JHLC", "High-Level", "Nordamerikanische", "Telekommunikationsnetze"):
        assert word in result.output


def test_from_text_shows_definitions_without_an_entry(env: dict[str, str], tmp_path: Path) -> None:
    text = tmp_path / "doc.txt"
    text.write_text("Die Quantenschlüsselverteilung (QKD) ist sicher.", encoding="utf-8")
    data = json.loads(invoke(env, "--from-text", str(text), "-f", "json").output)
    assert data["terms"] == [
        {
            "term": "QKD",
            "count": 0,
            "first_sentence": None,
            "definition": {
                "term": "QKD",
                "long_form": "Quantenschlüsselverteilung",
                "start": 4,
                "end": 36,
            },
            "entry": None,
        }
    ]


def test_from_text_reads_stdin(env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        app, ["glossary", "--from-text", "-", "-f", "json"], input="Das BIP sinkt.", env=env
    )
    assert result.exit_code == 0
    assert [item["term"] for item in json.loads(result.output)["terms"]] == ["BIP"]


def test_from_text_missing_file_exits_2(env: dict[str, str]) -> None:
    result = run(env, "--from-text", "no/such/file.txt")
    assert result.returncode == 2
    assert result.stderr == "reader: error: no/such/file.txt: no such file\n"


def test_user_glossary_overrides_builtin(env: dict[str, str], tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[entry]]\nterm = "CFIUS"\ncategory = "institution"\nexplanation = "My own words."\n',
        encoding="utf-8",
    )
    result = invoke(env, "cfius", "--glossary", str(mine))
    assert result.exit_code == 0
    assert "My own words." in result.output
    assert str(mine.name) in result.output  # the panel says where the entry comes from


def test_config_glossary_is_used(env: dict[str, str]) -> None:
    config = Path(env["XDG_CONFIG_HOME"]) / "reader"
    config.mkdir()
    (config / "glossary.toml").write_text(
        '[[entry]]\nterm = "QKD"\ncategory = "technology"\nexplanation = "Quantum keys."\n',
        encoding="utf-8",
    )
    result = invoke(env, "qkd", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["entry"]["explanation"] == "Quantum keys."


def test_malformed_glossary_exits_2_naming_file_and_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[entry]]\nterm = "X"\ncategory = "nope"\nexplanation = "E."\n', encoding="utf-8"
    )
    result = run(env, "KI", "--glossary", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"reader: error: {bad}:3: unknown category 'nope'")
    assert "Traceback" not in result.stderr


def test_invalid_toml_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nterm = "X\n', encoding="utf-8")
    result = run(env, "--list", "-g", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"reader: error: {bad}:2: invalid TOML")


@pytest.mark.parametrize(
    "args", [[], ["KI", "--list"], ["KI", "--from-text", "x.txt"], ["--list", "--from-text", "x"]]
)
def test_exactly_one_action(env: dict[str, str], args: list[str]) -> None:
    result = run(env, *args)
    assert result.returncode == 2
    assert result.stderr == f"reader: error: {USAGE}\n"


def test_help(env: dict[str, str]) -> None:
    result = invoke(env, "--help")
    assert result.exit_code == 0
    for option in ("--list", "--category", "--from-text", "--glossary", "--format"):
        assert option in result.output


def test_user_text_is_not_rich_markup(env: dict[str, str], tmp_path: Path) -> None:
    mine = tmp_path / "[mine].toml"
    mine.write_text(
        '[[entry]]\nterm = "X[red]Y"\ncategory = "concept"\n'
        'german = "[bold]fett[/bold]"\nexplanation = "Brackets [like this] stay."\n',
        encoding="utf-8",
    )
    result = invoke(env, "X[red]Y", "--glossary", str(mine))
    assert result.exit_code == 0, result.output
    for text in ("X[red]Y", "[bold]fett[/bold]", "[like this]", "[mine].toml"):
        assert text in result.output
    listing = invoke(env, "--list", "--category", "concept", "--glossary", str(mine))
    assert "X[red]Y" in listing.output


ONE_PARAGRAPH = (
    "Die Europäische Zentralbank (EZB) erhöht die Zinsen. Das BIP sinkt, und der CFIUS prüft."
)


def _in_every_format(tmp_path: Path) -> dict[str, Path]:
    """The same German paragraph as text, HTML, Markdown, EPUB and PDF."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_epub
    import weasyprint

    html = f"<html lang='de'><body><h1>Bericht</h1><p>{ONE_PARAGRAPH}</p></body></html>"
    chapter = build_epub.Chapter("k1.xhtml", "Bericht", f"<p>{ONE_PARAGRAPH}</p>")
    files = {
        "txt": ("bericht.txt", f"Bericht\n\n{ONE_PARAGRAPH}\n".encode()),
        "html": ("bericht.html", html.encode()),
        "md": ("bericht.md", f"# Bericht\n\n{ONE_PARAGRAPH}\n".encode()),
        "epub": (
            "bericht.epub",
            build_epub.epub_bytes(build_epub.Book("Bericht", [chapter])),
        ),
        "pdf": ("bericht.pdf", weasyprint.HTML(string=html).write_pdf()),
    }
    paths = {}
    for kind, (name, data) in files.items():
        paths[kind] = tmp_path / name
        paths[kind].write_bytes(data)
    return paths


def test_from_text_reads_every_format_through_the_importers(env, tmp_path: Path) -> None:
    # It used to read plain text only: an EPUB or a PDF was refused as binary.
    for kind, path in _in_every_format(tmp_path).items():
        for args in (["--from-text", str(path)], ["--from-text", str(path), "--from", kind]):
            result = invoke(env, *args, "-f", "json")
            assert result.exit_code == 0, (kind, result.output)
            data = json.loads(result.output)
            assert data["source"] == str(path)
            found = [(t["term"], t["count"], t["definition"] is not None) for t in data["terms"]]
            assert found == [("BIP", 1, False), ("CFIUS", 1, False), ("EZB", 0, True)], kind


def test_from_text_with_the_wrong_from_is_one_line(env, tmp_path: Path) -> None:
    path = _in_every_format(tmp_path)["txt"]
    result = run(env, "--from-text", str(path), "--from", "epub")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("reader: error: ")
