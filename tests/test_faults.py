"""Fault injection: a full disk, an unreadable model, a cache that stops
accepting writes. Each fault is one line (or one warning) and loses nothing."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.segment import all_sentences, segment
from reader.translate import EngineOptions, load_engine
from reader.translate.cache import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1785a506fced86e1.txt"
OLD_EXPORT = "the previous export, still good\n"


def reader(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("reader: error: ")
    return line


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: a real full disk (needs the right to mount; else skipped)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_keeps_the_old_export_and_says_so(
    small_disk: Path, tiny_model_dir: Path, cache_dir: Path
) -> None:
    out = small_disk / "seed.md"
    out.write_text(OLD_EXPORT)
    # Leave a few KB: room for the empty probe file, not for the ~25 KB export.
    disk = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"x" * (disk.f_bavail * disk.f_frsize - 8192))

    result = reader("translate", SEED, "-o", out, env={"READER_MODEL": str(tiny_model_dir)})
    assert one_error_line(result) == (
        f"reader: error: {out}: cannot write (No space left on device); "
        "the existing file is unchanged"
    )
    assert out.read_text() == OLD_EXPORT
    assert sorted(os.listdir(small_disk)) == ["filler", "seed.md"]


def _garbage(weights: Path) -> None:
    weights.write_bytes(b"\x00garbage" * 1000)


def _directory(weights: Path) -> None:
    weights.unlink()
    weights.mkdir()  # reading it fails with EISDIR, a real OS error


def _unreadable(weights: Path) -> None:
    weights.chmod(0)


@pytest.mark.parametrize("quantize", ["int8", "none"])
@pytest.mark.parametrize(
    "damage", [_garbage, _directory, _unreadable], ids=["garbage", "a directory", "no permission"]
)
def test_an_unloadable_model_file_is_one_line_and_leaves_the_old_output(
    damage, quantize: str, tiny_model_dir: Path, unprivileged
) -> None:
    # Unreadable weights need an ordinary user (nobody, when the tests run as
    # root): root reads a chmod-0 file regardless.
    work = unprivileged.directory
    model = work / "model"
    shutil.copytree(tiny_model_dir, model)
    (work / "out").mkdir()
    out = work / "out" / "out.md"
    out.write_text(OLD_EXPORT)
    unprivileged.own()
    damage(model / "model.safetensors")

    args = ("translate", SEED, "-o", out, "--model", model, "--quantize", quantize)
    if damage is _unreadable:
        result = unprivileged.run(sys.executable, "-m", "reader", *args)
    else:
        result = reader(*args, env={})
    line = one_error_line(result)
    assert str(model) in line and "Traceback" not in result.stderr
    if quantize == "int8" and damage is _garbage:
        assert "--quantize none" in line  # the way around a failed conversion
    assert out.read_text() == OLD_EXPORT
    assert os.listdir(out.parent) == ["out.md"]


def test_a_cache_that_turns_read_only_mid_run_only_turns_caching_off(
    tiny_model_dir: Path, cache_dir: Path
) -> None:
    texts = [s.text for s in all_sentences(segment(SEED.read_text(encoding="utf-8")))]
    engine = load_engine(EngineOptions(model=str(tiny_model_dir), device="cpu"))
    cache = engine.cache
    assert cache is not None
    results = []
    try:
        for result in engine.start(texts):
            if len(results) == 0:
                # The first batch is stored; now the file system goes read-only
                # under the open cache (as SQLite sees a read-only remount).
                cache._connection = sqlite3.connect(
                    f"file:{cache.path}?mode=ro", uri=True, check_same_thread=False
                )
            results.append(result)
        warnings = engine.warnings
    finally:
        engine.close()

    assert sorted(result.index for result in results) == list(range(len(texts)))
    (warning,) = warnings
    assert "readonly" in warning and warning.endswith("caching is off")
    with sqlite3.connect(cache_dir / DATABASE_NAME) as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = database.execute("SELECT count(*) FROM translations").fetchone()[0]
    assert 0 < stored < len(set(texts))  # the batches before the fault are kept


def test_full_standard_output_is_one_line(tmp_path: Path) -> None:
    # `reader segment doc.txt > /dev/full` used to end in an OSError traceback.
    for args in (["segment", SEED], ["glossary", "--list", "-f", "json"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "reader", *map(str, args)],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                timeout=300,
            )
        assert result.returncode == 2, result.stderr
        assert result.stderr == "reader: error: standard output: No space left on device\n"


@pytest.mark.parametrize("word", ["", " ", "\t"])
def test_looking_up_nothing_is_one_line(word: str, tmp_path: Path) -> None:
    result = reader("lookup", word, env={})
    assert one_error_line(result) == (
        "reader: error: nothing to look up: give a German word, e.g. reader lookup Haus"
    )


def test_an_unexpected_error_is_one_line_naming_the_log_with_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import reader.cli as cli

    def bug() -> None:
        raise RuntimeError("a bug\nsecond line")

    monkeypatch.setattr(cli, "app", bug)
    monkeypatch.setenv("READER_LOG_DIR", str(tmp_path / "log"))
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    (log,) = (tmp_path / "log").iterdir()
    assert capsys.readouterr().err == (
        "reader: error: unexpected RuntimeError: a bug "
        f"(a bug in reader; the traceback is in {log})\n"
    )
    text = log.read_text()
    assert "Traceback (most recent call last)" in text
    assert 'raise RuntimeError("a bug\\nsecond line")' in text


def test_the_document_cache_misses_damage_but_shows_bugs(tmp_path: Path) -> None:
    from reader.importers.cache import _SCHEMA, DocumentCache

    cache = DocumentCache(tmp_path)
    path = cache.path(b"data", "txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    for damage in ('{"schema": ', "[1, 2]", '{"schema": -1}', "\udcff"):
        path.write_text(damage, encoding="utf-8", errors="surrogateescape")
        assert cache.load(b"data", "txt", "doc.txt") is None
    # A record of this schema that cannot be read back is a bug: it used to be
    # swallowed (AttributeError, TypeError) as a cache miss.
    record = {"schema": _SCHEMA, "title": None, "warnings": [], "blocks": [["p", "x", None]]}
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(ValueError, match="not enough values to unpack"):
        cache.load(b"data", "txt", "doc.txt")
    record["blocks"] = [["paragraph", "x", None, None, [], None]]
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(TypeError):
        cache.load(b"data", "txt", "doc.txt")


@pytest.mark.parametrize("content", [bytes(range(256)) * 40, b"", b"just some text\n"])
def test_a_file_that_is_no_dictionary_is_one_line_naming_it(tmp_path: Path, content: bytes) -> None:
    # It used to index 0 entries and then answer "no dictionary entry" for every word.
    path = tmp_path / "random.bin"
    path.write_bytes(content)
    result = reader("lookup", "--dictionary", path, "Haus", env={})
    assert one_error_line(result) == (
        f"reader: error: {path}: no dictionary entries found in it (it should be a Ding "
        "German–English list, like Debian's trans-de-en)"
    )
