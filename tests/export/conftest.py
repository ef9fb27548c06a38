"""Fixtures of the EPUB and HTML tests: the fixture documents of every input
format, translated by the copy model (exact translations, diagonal alignment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import load_glossary
from reader.importers import load_document
from reader.translate import EngineOptions, load_engine
from reader.views.export.document import ExportDocument
from reader.views.export.run import ExportSettings, translate_source

ROOT = Path(__file__).resolve().parents[2]
COPY_MODEL = ROOT / "tests" / "models" / "copy-de"
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


@pytest.fixture(scope="session")
def copy_engine(tmp_path_factory):
    engine = load_engine(
        EngineOptions(
            model=str(COPY_MODEL),
            device="cpu",
            use_cache=False,
            cache_dir=tmp_path_factory.mktemp("copy-cache"),
        )
    )
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def translated(copy_engine):
    """``translated(path)``: the export document of a fixture (built once)."""
    built: dict[Path, ExportDocument] = {}

    def get(path: Path) -> ExportDocument:
        if path not in built:
            source = load_document(str(path))
            built[path], _ = translate_source(
                source, copy_engine, load_glossary(), ExportSettings()
            )
        return built[path]

    return get
