"""The real reader in a real terminal: a tmux pane on a private server."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import subprocess
import sys
import time
from pathlib import Path

CHILD = Path(__file__).with_name("tmux_child.py")


class Pane:
    """One command in a 200×45 tmux pane; see :mod:`tmux_child` for the records."""

    def __init__(
        self, record: Path, command: list[str], env: dict[str, str], cwd: Path | None = None
    ) -> None:
        self.record = record
        record.mkdir(parents=True, exist_ok=True)
        # A server of our own: nothing here can touch anyone else's tmux.
        # A fresh name each time: a server just killed may still hold the old one.
        self.socket = f"reliability-{os.getpid()}-{secrets.token_hex(4)}"
        assignments = [f"{key}={value}" for key, value in env.items()]
        # Inherited COLUMNS/LINES (pytest sets them) would override the pane size.
        line = shlex.join(
            [
                "env",
                "-u",
                "COLUMNS",
                "-u",
                "LINES",
                *assignments,
                sys.executable,
                str(CHILD),
                str(record),
                *command,
            ]
        )
        # `python -m` looks in the working directory first, before PYTHONPATH.
        where = ["-c", str(cwd or record)]
        self._tmux(
            "new-session", "-d", "-s", "main", *where, "-x", "200", "-y", "45", line + "; sleep 60"
        )

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def _alive(self) -> bool:
        return bool(self._tmux("list-sessions", "-F", "#{session_name}"))

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            found = re.search(pattern, screen)
            if found:
                return found
            ended = self.status() is not None or not self._alive()
            if ended or time.monotonic() > deadline:
                raise AssertionError(f"never saw {pattern!r}; the screen was:\n{screen}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "main", *keys)

    @property
    def pid(self) -> int:
        return int((self.record / "pid").read_text())

    def status(self) -> int | None:
        path = self.record / "status"
        return int(path.read_text()) if path.is_file() else None

    def wait_exit(self, timeout: float = 30) -> tuple[int, float]:
        """The exit status and the seconds it took to come."""
        start = time.monotonic()
        while (status := self.status()) is None:
            if time.monotonic() - start > timeout:
                raise AssertionError(f"still running after {timeout} s:\n{self.text()}")
            time.sleep(0.02)
        return status, time.monotonic() - start

    def close_terminal(self) -> None:
        """Close the terminal, as closing its window does: SIGHUP to what runs in it."""
        self._tmux("kill-server")

    def close(self) -> None:
        self._tmux("kill-server")
