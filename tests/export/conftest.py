"""Fixtures of the EPUB and HTML tests: the fixture documents of every input
format, translated by the copy model (exact translations, diagonal alignment)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from export_fixtures import COPY_MODEL

from reader.glossary import load_glossary
from reader.importers import load_document
from reader.locations import Locations
from reader.translate import EngineOptions, load_engine
from reader.views.export.document import ExportDocument
from reader.views.export.run import ExportSettings, translate_source


@pytest.fixture(scope="session")
def copy_engine(tmp_path_factory):
    engine = load_engine(
        EngineOptions(
            model=str(COPY_MODEL),
            device="cpu",
            use_cache=False,
            locations=replace(
                Locations.from_environment(), cache_dir=tmp_path_factory.mktemp("copy-cache")
            ),
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
