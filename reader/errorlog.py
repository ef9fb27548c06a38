"""Where an unexpected error's traceback goes: a log file, named in the one line.

A user sees one line; the traceback, which a bug report needs, is kept in
``<user log dir>/<time>-<pid>.log`` (``READER_LOG_DIR`` overrides the directory).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from reader.locations import Locations


def log_dir() -> Path:
    """``$READER_LOG_DIR``, or the per-user log directory
    (``~/.local/state/reader/log`` on Linux): :attr:`Locations.log_dir`.

    Looked up when an error happens, not passed down: an unexpected error may
    come from anywhere, also before a command has resolved its locations.
    """
    return Locations.from_environment().log_dir


def write_error_log(error: BaseException) -> Path:
    """Write ``error``'s traceback (and the command line) to a new log file and
    return its path; in the temporary directory when the log directory cannot
    be written."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = (
        f"reader {' '.join(sys.argv[1:])}\n{time.strftime('%Y-%m-%d %H:%M:%S %z')}\n\n"
        + "".join(traceback.format_exception(error))
    )
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{stamp}-{os.getpid()}.log"
        path.write_text(text, encoding="utf-8")
    except OSError:
        handle, name = tempfile.mkstemp(prefix=f"reader-{stamp}-", suffix=".log")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        path = Path(name)
    return path


def unexpected_error_line(error: BaseException) -> str:
    """The one line for a bug: what it was, and the log that keeps its traceback."""
    log = write_error_log(error)
    reason = str(error).splitlines()[0] if str(error) else ""
    return (
        f"reader: error: unexpected {type(error).__name__}{': ' + reason if reason else ''} "
        f"(a bug in reader; the traceback is in {log})"
    )
