"""The documents the EPUB and HTML tests export: one of each input format and
every EPUB fixture. A module of its own, not the conftest: ``from conftest
import`` finds whichever conftest.py was imported first (tests/tui has one too)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
# One of each input format, and every EPUB (they differ in images, nav and notes).
FIXTURES = [
    ROOT / "seeds" / "000_1785a506fced86e1.txt",
    DOCUMENTS / "analyse.html",
    DOCUMENTS / "roman.epub",
    DOCUMENTS / "tagebuch.epub",
    DOCUMENTS / "chronik.epub",
    DOCUMENTS / "notizen.md",
    ROOT / "tests" / "fixtures" / "pdf" / "bericht.pdf",
]
