"""Runs a command in a tmux pane the way a shell would, and records how it ended.

    python tmux_child.py RECORD_DIR COMMAND [ARG...]

Writes RECORD_DIR/pid (the command's process id) once it has started and
RECORD_DIR/status (its exit status, 128 + N when killed by signal N, as a
shell reports it) when it has ended. This process ignores SIGHUP, so it
outlives the terminal closing and can still write the status; the command
itself gets the default SIGHUP, as it would from a shell.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path


def main() -> None:
    record = Path(sys.argv[1])
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    child = subprocess.Popen(
        sys.argv[2:], preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL)
    )
    (record / "pid").write_text(str(child.pid))
    status = child.wait()
    (record / "status").write_text(str(128 - status if status < 0 else status))


if __name__ == "__main__":
    main()
