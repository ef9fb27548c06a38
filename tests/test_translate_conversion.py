"""The one-time int8 CTranslate2 conversion: complete copies only, no litter."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace

import pytest

from reader.locations import Locations
from reader.translate.backends import (
    ABANDONED_AFTER,
    ModelLoadError,
    convert_to_ctranslate2,
)
from reader.translate.engine import EngineOptions, load_engine, plan_engine


def test_conversion_is_complete_and_leaves_no_temporary_directory(tiny_model_dir, tmp_path):
    target = tmp_path / "model-int8"
    assert convert_to_ctranslate2(tiny_model_dir, target) == target
    assert (target / "model.bin").is_file()
    assert [path.name for path in tmp_path.iterdir()] == ["model-int8"]


def test_an_existing_conversion_is_reused(tiny_model_dir, tmp_path):
    target = tmp_path / "model-int8"
    convert_to_ctranslate2(tiny_model_dir, target)
    before = (target / "model.bin").stat().st_mtime_ns
    convert_to_ctranslate2(tiny_model_dir, target)
    assert (target / "model.bin").stat().st_mtime_ns == before


def test_directories_of_killed_conversions_are_cleaned_up(tiny_model_dir, tmp_path):
    # A reader killed (or its terminal closed) mid-conversion leaves its
    # temporary directory behind; one still being written belongs to another
    # reader converting right now and must stay.
    abandoned = tmp_path / ".model-int8.abandoned"
    in_progress = tmp_path / ".model-int8.in-progress"
    for directory in (abandoned, in_progress):
        directory.mkdir()
        (directory / "model.bin").write_bytes(b"half a model")
    long_ago = time.time() - ABANDONED_AFTER - 60
    os.utime(abandoned, (long_ago, long_ago))
    convert_to_ctranslate2(tiny_model_dir, tmp_path / "model-int8")
    assert not abandoned.exists()
    assert in_progress.exists()


def test_an_unconvertible_model_is_one_error_and_leaves_nothing(tiny_model_dir, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "config.json").write_text("{ not json")
    converted = tmp_path / "converted"
    converted.mkdir()
    with pytest.raises(ModelLoadError) as error:
        convert_to_ctranslate2(broken, converted / "model-int8")
    (line,) = str(error.value).splitlines()
    assert line.startswith(f"cannot convert {broken} for CTranslate2: ")
    assert "--quantize none" in line
    assert list(converted.iterdir()) == []


@pytest.fixture(scope="module")
def good_copy(tiny_model_dir, tmp_path_factory):
    """One int8 conversion of the tiny model, copied by each test that damages it."""
    return convert_to_ctranslate2(tiny_model_dir, tmp_path_factory.mktemp("good") / "int8")


def _truncate_model(copy):
    model = copy / "model.bin"
    os.truncate(model, model.stat().st_size // 2)


@pytest.mark.parametrize(
    "damage",
    [
        _truncate_model,
        lambda copy: (copy / "model.bin").unlink(),
        lambda copy: (copy / "shared_vocabulary.json").unlink(),
    ],
    ids=["truncated model.bin", "no model.bin", "no vocabulary"],
)
def test_a_damaged_int8_copy_is_rebuilt_with_one_warning(
    damage, good_copy, tiny_model_dir, tmp_path
):
    locations = replace(Locations.from_environment(), cache_dir=tmp_path)
    options = EngineOptions(model=str(tiny_model_dir), device="cpu", locations=locations)
    target = plan_engine(options).converted_dir
    shutil.copytree(good_copy, target)
    damage(target)

    engine = load_engine(options)
    try:
        (warning,) = engine.warnings
        assert warning.startswith(f"the int8 copy of the model in {target} was damaged (")
        assert warning.endswith("converted it again") and "\n" not in warning
        assert len(engine.translate(["Ein Satz.", "Noch einer."])) == 2  # it runs
    finally:
        engine.close()
    assert (target / "model.bin").stat().st_size == (good_copy / "model.bin").stat().st_size
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_an_unusable_cache_directory_puts_the_int8_copy_in_the_temporary_one(
    tiny_model_dir, tmp_path
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    locations = replace(
        Locations.from_environment(), cache_dir=blocker / "cache", temp_dir=tmp_path / "tmp"
    )
    options = EngineOptions(
        model=str(tiny_model_dir), device="cpu", use_cache=False, locations=locations
    )
    planned = plan_engine(options).converted_dir
    engine = load_engine(options)
    try:
        used = tmp_path / "tmp" / "reader-ctranslate2" / planned.name
        (warning,) = engine.warnings
        assert warning.startswith(f"cannot keep the int8 model in {planned.parent} (")
        assert warning.endswith(f"); using {used}")
        assert (used / "model.bin").is_file()
        assert len(engine.translate(["Ein Satz."])) == 1
    finally:
        engine.close()
