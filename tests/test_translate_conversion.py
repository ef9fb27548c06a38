"""The one-time int8 CTranslate2 conversion: complete copies only, no litter."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from reader.translate.backends import (
    ABANDONED_AFTER,
    ModelLoadError,
    convert_to_ctranslate2,
)


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
