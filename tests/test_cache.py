"""The translation cache: hits and misses, keys, corruption, concurrent processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.locations import Locations
from reader.translate import EngineOptions, TranslationCache, load_engine
from reader.translate.cache import DATABASE_NAME, CachedTranslation

SENTENCES = ["Japan bleibt ein Akteur.", "Nirgends gibt es mehr als in China.", "Das ist gut."]


def engine_for(model: Path, cache_dir: Path, **options):
    return load_engine(
        EngineOptions(
            model=str(model),
            device="cpu",
            locations=replace(Locations.from_environment(), cache_dir=cache_dir),
            **options,
        )
    )


def test_miss_then_hit(cache_dir):
    cache = TranslationCache(cache_dir, "model@1", "int8|beams=4")
    assert cache.get_many(["Hallo."]) == {}
    cache.put_many({"Hallo.": "Hello."})
    assert cache.get_many(["Hallo.", "Tschüss."]) == {"Hallo.": "Hello."}
    cache.close()
    # Persistent: a new process (here: a new connection) sees it.
    reopened = TranslationCache(cache_dir, "model@1", "int8|beams=4")
    assert reopened.get_many(["Hallo."]) == {"Hallo.": "Hello."}
    assert reopened.warnings == []


def test_key_includes_model_and_settings(cache_dir):
    TranslationCache(cache_dir, "model@1", "int8|beams=4").put_many({"Hallo.": "Hello."})
    assert TranslationCache(cache_dir, "model@2", "int8|beams=4").get_many(["Hallo."]) == {}
    assert TranslationCache(cache_dir, "model@1", "int8|beams=1").get_many(["Hallo."]) == {}


def test_many_lookups_at_once(cache_dir):
    cache = TranslationCache(cache_dir, "m", "s")
    pairs = {f"Satz {n}.": f"Sentence {n}." for n in range(1500)}
    cache.put_many(pairs)
    assert cache.get_many(pairs) == pairs


def test_second_translation_comes_from_the_cache(tiny_model_dir, cache_dir):
    first = engine_for(tiny_model_dir, cache_dir)
    fresh = list(first.start(SENTENCES))
    assert not any(result.cached for result in fresh)
    first.close()

    again = engine_for(tiny_model_dir, cache_dir)
    cached = list(again.start(SENTENCES))
    assert all(result.cached for result in cached)
    assert {r.index: r.translation for r in cached} == {r.index: r.translation for r in fresh}
    again.close()


def test_other_settings_do_not_reuse_translations(tiny_model_dir, cache_dir):
    engine_for(tiny_model_dir, cache_dir).translate(SENTENCES)
    fast = engine_for(tiny_model_dir, cache_dir, preset="fast")
    assert not any(result.cached for result in fast.start(SENTENCES))


def test_no_cache_writes_nothing(tiny_model_dir, cache_dir):
    engine = engine_for(tiny_model_dir, cache_dir, use_cache=False)
    engine.translate(SENTENCES)
    assert not (cache_dir / DATABASE_NAME).exists()


def test_corrupt_file_is_moved_aside_with_a_warning(tiny_model_dir, cache_dir):
    cache_dir.mkdir(parents=True)
    (cache_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    engine = engine_for(tiny_model_dir, cache_dir)
    assert engine.translate(SENTENCES)
    assert len(engine.warnings) == 1
    assert "damaged" in engine.warnings[0] and "moved" in engine.warnings[0]
    aside = list(cache_dir.glob(f"{DATABASE_NAME}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    # The new cache works.
    assert all(r.cached for r in engine_for(tiny_model_dir, cache_dir).start(SENTENCES))


def test_unusable_cache_directory_only_turns_caching_off(tiny_model_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    engine = engine_for(tiny_model_dir, blocker)
    assert len(engine.translate(SENTENCES)) == len(SENTENCES)
    assert any("caching is off" in warning for warning in engine.warnings)


def test_failure_while_in_use_turns_caching_off(cache_dir):
    cache = TranslationCache(cache_dir, "m", "s")
    with sqlite3.connect(cache.path) as other:
        other.execute("DROP TABLE translations")
    cache.put_many({"a": "b"})
    assert cache.get_many(["a"]) == {}
    assert any("caching is off" in warning for warning in cache.warnings)


WRITER = """
import sys
from pathlib import Path
from reader.translate import TranslationCache
cache = TranslationCache(Path(sys.argv[1]), "m", "s")
name = sys.argv[2]
for n in range(200):
    cache.put_many({f"{name} {n}": f"{name} translated {n}"})
    assert cache.get_many([f"{name} {n}"]) == {f"{name} {n}": f"{name} translated {n}"}
assert not cache.warnings, cache.warnings
"""


def test_two_processes_write_at_once(cache_dir):
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(cache_dir), name],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    cache = TranslationCache(cache_dir, "m", "s")
    keys = [f"{name} {n}" for name in ("first", "second") for n in range(200)]
    assert len(cache.get_many(keys)) == 400


def test_a_cache_from_before_alignments_is_migrated_without_losing_a_row(cache_dir):
    cache_dir.mkdir(parents=True)
    old = sqlite3.connect(cache_dir / DATABASE_NAME)
    old.execute(
        "CREATE TABLE translations (model TEXT NOT NULL, settings TEXT NOT NULL, "
        "source TEXT NOT NULL, translation TEXT NOT NULL, created REAL NOT NULL, "
        "PRIMARY KEY (model, settings, source)) WITHOUT ROWID"
    )
    rows = [("m@1", "int8|beams=4", f"Satz {n}.", f"Sentence {n}.", 1.0) for n in range(300)]
    old.executemany("INSERT INTO translations VALUES (?, ?, ?, ?, ?)", rows)
    old.commit()
    old.close()

    cache = TranslationCache(cache_dir, "m@1", "int8|beams=4")
    found = cache.get_entries(f"Satz {n}." for n in range(300))
    assert {s: e.translation for s, e in found.items()} == {r[2]: r[3] for r in rows}
    assert all(entry.alignment is None for entry in found.values())
    aligned = CachedTranslation("Sentence 1.", (((0, 4), (0, 8)),))
    cache.put_entries({"Satz 1.": aligned})
    assert cache.get_entries(["Satz 1."]) == {"Satz 1.": aligned}
    assert cache.warnings == []
    cache.close()
    # A second process opening it afterwards finds it migrated.
    assert TranslationCache(cache_dir, "m@1", "int8|beams=4").get_many(["Satz 7."]) == {
        "Satz 7.": "Sentence 7."
    }
