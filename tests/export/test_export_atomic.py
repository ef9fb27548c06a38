"""Atomic output files: the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from reader.errors import OutputError
from reader.views.export import atomic
from reader.views.export.atomic import check_writable, write_atomic


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    old_umask = os.umask(0o022)
    try:
        write_atomic(target, "# Titel\n\nÄrger | Ärger\n")
    finally:
        os.umask(old_umask)
    assert target.read_text(encoding="utf-8") == "# Titel\n\nÄrger | Ärger\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["out.md"]


def test_replacing_keeps_the_mode_of_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_while_writing_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("the good old export")
    # Real failure half-way through the text: the encoder gives up at "€".
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "a" * 100_000 + "€", encoding="ascii")
    assert target.read_text() == "the good old export"
    assert os.listdir(tmp_path) == ["out.md"]


def test_ctrl_c_just_before_the_rename_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("the good old export")

    def interrupted(source: str, destination: Path) -> None:
        raise KeyboardInterrupt

    # The last moment a SIGINT can arrive: everything written and synced.
    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "the good old export"
    assert os.listdir(tmp_path) == ["out.md"]


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("missing/out.md", "directory {tmp}/missing does not exist"),
        ("a-file/out.md", "{tmp}/a-file is not a directory"),
        ("a-dir", "is a directory"),
    ],
)
def test_unwritable_paths_are_refused_before_any_work(
    tmp_path: Path, relative: str, message: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-dir").mkdir()
    with pytest.raises(OutputError, match=message.format(tmp=tmp_path)):
        check_writable(tmp_path / relative)
    assert sorted(os.listdir(tmp_path)) == ["a-dir", "a-file"]


_CHECK_WRITABLE = """
import sys
from reader.errors import OutputError
from reader.views.export.atomic import check_writable
try:
    check_writable(__import__("pathlib").Path(sys.argv[1]))
except OutputError as error:
    print(error)
"""


def test_a_read_only_directory_is_refused(unprivileged) -> None:
    # As an ordinary user (nobody, when the tests run as root): root may write
    # into a read-only directory.
    locked = unprivileged.directory / "locked"
    locked.mkdir()
    unprivileged.own()
    locked.chmod(0o500)
    result = unprivileged.run(sys.executable, "-c", _CHECK_WRITABLE, locked / "out.md")
    assert result.stdout == f"{locked}/out.md: cannot write (Permission denied)\n", result.stderr
    assert os.listdir(locked) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_directory_nobody_can_create_files_in_is_refused() -> None:
    # /proc refuses new files even to root, unlike a chmod-ed directory.
    with pytest.raises(OutputError, match=r"^/proc/out\.md: cannot write"):
        check_writable(Path("/proc/out.md"))


def test_check_writable_leaves_nothing_behind(tmp_path: Path) -> None:
    check_writable(tmp_path / "out.md")
    assert os.listdir(tmp_path) == []


def test_a_full_disk_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.md"
    target.write_text("the good old export")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    # Written data reaches the disk at fsync: where a full disk is reported.
    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OutputError) as error:
        write_atomic(target, "new")
    assert str(error.value) == (
        f"{target}: cannot write (No space left on device); the existing file is unchanged"
    )
    assert target.read_text() == "the good old export"
    assert os.listdir(tmp_path) == ["out.md"]
