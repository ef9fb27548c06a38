"""The manual's links lead somewhere: every relative link in README.md and
docs/ names a file that exists, and every ``#anchor`` a heading of that page
(the anchors mkdocs makes, Python-Markdown's ``toc`` slugs)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")


def slug(heading: str) -> str:
    """Python-Markdown's default ``toc`` slugify, which mkdocs uses."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", text, re.M)}


def links(page: Path) -> list[str]:
    text = CODE.sub("", FENCE.sub("", page.read_text(encoding="utf-8")))
    return [m.group(1) for m in LINK.finditer(text) if not re.match(r"[a-z]+:", m.group(1))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for link in links(page):
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists():
            broken.append(f"{link}: no such file")
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            broken.append(f"{link}: no heading #{anchor}")
    assert broken == []


def test_the_slugs_are_mkdocs_slugs() -> None:
    assert slug("Start-up: time to first English") == "start-up-time-to-first-english"
    assert slug("The reader (`reader read`)") == "the-reader-reader-read"
    assert slug("PDF: reports and papers") == "pdf-reports-and-papers"


def test_the_module_map_names_every_module() -> None:
    """docs/architecture.md's module map matches the tree: every module and
    data file under reader/ is named there (a new module needs its row)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    unnamed = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "reader").rglob("*"))
        if path.is_file()
        and path.suffix in {".py", ".tcss", ".toml", ".txt"}
        and path.name != "__init__.py"
        and path.stem not in text
        and path.name not in text
        and not (path.suffix == ".txt" and "punkt_german_*.txt" in text)
    ]
    assert unnamed == []
