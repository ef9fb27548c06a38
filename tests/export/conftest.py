"""Fixtures of the EPUB and HTML tests: the fixture documents of every input
format, translated by the copy model (exact translations, diagonal alignment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.glossary import load_glossary
from reader.importers import load_document
from reader.views.export.document import ExportDocument
from reader.views.export.run import ExportSettings, translate_source


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
