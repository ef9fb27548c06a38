"""Write a file so that readers see either the old content or the new, never half.

The text goes to a temporary file in the target's directory (same file
system, so the final rename is atomic), is flushed to disk, and only then
replaces the target with :func:`os.replace`. Any failure — a full disk, an
exception, Ctrl-C — removes the temporary file and leaves the target as it
was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from reader.errors import OutputError

_TEMP_PREFIX = ".reader-"
_TEMP_SUFFIX = ".tmp"


def check_writable(path: Path) -> None:
    """Raise :class:`OutputError` unless :func:`write_atomic` can write ``path``.

    Called before long work starts, so a typo in an output path fails in
    milliseconds rather than after translating a whole document. It creates
    and removes a temporary file in the target directory: the one test that
    also covers read-only mounts, ACLs and full quotas.
    """
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    directory = path.parent
    if not directory.exists():
        raise OutputError(f"{path}: directory {directory} does not exist")
    if not directory.is_dir():
        raise OutputError(f"{path}: {directory} is not a directory")
    descriptor, temp_name = _create_temp(path)
    os.close(descriptor)
    os.unlink(temp_name)


def write_atomic(path: Path, content: str | bytes, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``content`` (text is encoded with ``encoding``)
    atomically (see the module docstring).

    A new file gets the usual permissions (``0o666`` less the umask); a
    replaced one keeps its mode.
    """
    descriptor, temp_name = _create_temp(path)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(content.encode(encoding) if isinstance(content, str) else content)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp_name, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp_name, path)
    except BaseException as error:
        # BaseException: Ctrl-C between write and rename must not leave the
        # temporary file behind either.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            # A full disk (ENOSPC) is the likely case; the old file is intact.
            kept = "; the existing file is unchanged" if path.exists() else ""
            raise OutputError(f"{path}: cannot write ({_reason(error)}){kept}") from None
        raise
    _fsync_directory(path.parent)


def _create_temp(path: Path) -> tuple[int, str]:
    """Create a new hidden file next to ``path``; return its descriptor and name.

    Unlike :func:`tempfile.mkstemp` (mode 0o600) the file gets the umask's
    usual permissions, which a new export should have.
    """
    while True:
        name = path.parent / f"{_TEMP_PREFIX}{path.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}"
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(name)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(f"{path}: cannot write ({_reason(error)})") from None


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where unsupported)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
