"""The real reader in a real terminal: scripts/smoke_tui.sh (tmux) must pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "smoke_tui.sh"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_smoke_script_passes_in_tmux() -> None:
    result = subprocess.run(
        ["bash", str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke_tui: all checks passed" in result.stdout


WORDS_SCRIPT = SCRIPT.with_name("smoke_words.sh")
DING = Path("/usr/share/trans/de-en")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not DING.is_file(), reason="trans-de-en is not installed")
def test_word_mode_smoke_script_passes_in_tmux() -> None:
    result = subprocess.run(
        ["bash", str(WORDS_SCRIPT)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHON": sys.executable, "SMOKE_SOCKET": f"words-{os.getpid()}"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke_words: all checks passed" in result.stdout
