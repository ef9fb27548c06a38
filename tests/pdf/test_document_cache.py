"""The imported-document cache: keyed by content and format, damaged entries rebuilt."""

from __future__ import annotations

from pathlib import Path

from reader.document import Block, Document, FootnoteRef
from reader.importers.cache import DocumentCache, cached_import

DOCUMENT = Document(
    name="a.pdf",
    format="pdf",
    blocks=(
        Block("heading", "Titel", level=1, page=1),
        Block("paragraph", "Ein Satz.", footnotes=(FootnoteRef(9, "1"),), page=1),
        Block("footnote", "Die Anmerkung.", marker="1", page=2),
    ),
    title="Bericht",
    warnings=("eine Warnung",),
)


class SlowImporter:
    """Counts its calls; reports itself slow enough to be cached."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data: bytes, name: str, *, progress=None) -> Document:
        self.calls += 1
        return Document(name, "pdf", DOCUMENT.blocks, DOCUMENT.title, DOCUMENT.warnings)


def _cache(tmp_path: Path, monkeypatch) -> DocumentCache:
    monkeypatch.setattr("reader.importers.cache.STORE_AFTER_S", 0.0)
    return DocumentCache(tmp_path / "documents")


def test_second_import_of_the_same_bytes_comes_from_the_cache(tmp_path, monkeypatch) -> None:
    cache, importer = _cache(tmp_path, monkeypatch), SlowImporter()
    first = cached_import(importer, b"%PDF-1 eins", "a.pdf", "pdf", None, cache)
    again = cached_import(importer, b"%PDF-1 eins", "b.pdf", "pdf", None, cache)
    assert importer.calls == 1
    assert again.name == "b.pdf"
    assert (again.blocks, again.title, again.warnings) == (
        first.blocks,
        first.title,
        first.warnings,
    )


def test_other_bytes_or_format_are_imported_again(tmp_path, monkeypatch) -> None:
    cache, importer = _cache(tmp_path, monkeypatch), SlowImporter()
    cached_import(importer, b"eins", "a.pdf", "pdf", None, cache)
    cached_import(importer, b"zwei", "a.pdf", "pdf", None, cache)
    cached_import(importer, b"eins", "a.pdf", "html", None, cache)
    assert importer.calls == 3


def test_a_damaged_entry_is_ignored_and_rebuilt(tmp_path, monkeypatch) -> None:
    cache, importer = _cache(tmp_path, monkeypatch), SlowImporter()
    cached_import(importer, b"eins", "a.pdf", "pdf", None, cache)
    cache.path(b"eins", "pdf").write_text('{"schema": 1, "blocks": [["heading"', encoding="utf-8")
    document = cached_import(importer, b"eins", "a.pdf", "pdf", None, cache)
    assert importer.calls == 2
    assert document.blocks == DOCUMENT.blocks
    assert cache.load(b"eins", "pdf", "a.pdf") is not None  # rewritten


def test_an_unwritable_cache_directory_only_turns_caching_off(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("reader.importers.cache.STORE_AFTER_S", 0.0)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    cache, importer = DocumentCache(blocker / "documents"), SlowImporter()
    for _ in range(2):
        assert (
            cached_import(importer, b"eins", "a.pdf", "pdf", None, cache).blocks == DOCUMENT.blocks
        )
    assert importer.calls == 2


def test_fast_imports_are_not_stored(tmp_path) -> None:
    cache, importer = DocumentCache(tmp_path / "documents"), SlowImporter()
    cached_import(importer, b"eins", "a.txt", "txt", None, cache)
    assert not (tmp_path / "documents").exists()


def test_no_partial_files_are_left_behind(tmp_path, monkeypatch) -> None:
    cache = _cache(tmp_path, monkeypatch)
    cache.store(b"eins", "pdf", DOCUMENT)
    assert [p.suffix for p in (tmp_path / "documents").iterdir()] == [".json"]


def test_load_document_keeps_a_slow_pdf_import_in_the_cache(monkeypatch, tmp_path) -> None:
    from reader.importers import load_document

    cache = DocumentCache(tmp_path / "cache" / "documents")
    monkeypatch.setattr("reader.importers.cache.STORE_AFTER_S", 0.0)
    path = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "spalten.pdf"
    first = load_document(str(path), cache=cache)
    (entry,) = (tmp_path / "cache" / "documents").iterdir()
    assert entry.name.endswith(".json") and "-pdf-" in entry.name
    monkeypatch.setattr(
        "reader.importers.detect.IMPORTERS", {"pdf": SlowImporter()}
    )  # would give other blocks: the cache must answer
    again = load_document(str(path), cache=cache)
    assert again.blocks == first.blocks
