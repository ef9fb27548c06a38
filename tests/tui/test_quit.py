"""Quitting `reader read` in a real terminal, mid-translation: exit status 0 at
once, nothing printed, position saved, translation cache intact — also on
SIGTERM and when the terminal closes (SIGHUP).

Regression test for issue 14: the translation thread was still inside
CTranslate2 when the interpreter shut down, and the reader died with SIGABRT
(134) or SIGSEGV (139) seconds after `q`. The small random model keeps a
batch in flight for seconds, so every quit here lands mid-batch.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tmux_pane import Pane

from reader.segment import all_sentences, segment
from reader.translate.cache import DATABASE_NAME

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
SENTENCES = len(list(all_sentences(segment(SEED.read_text(encoding="utf-8")))))
TRANSLATING = rf"translated \d+/{SENTENCES}"
# No timing is asserted here (the machine is shared); scripts/quit_stress.py
# measures the time to exit: 0.34 s median with the full-size model.


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the module: the small model is converted once."""
    return tmp_path_factory.mktemp("quit-cache")


@pytest.fixture
def open_reader(
    tmp_path: Path, small_model_dir: Path, shared_cache: Path
) -> Iterator[Callable[..., Pane]]:
    panes: list[Pane] = []

    def open_(*options: str) -> Pane:
        env = {
            "PYTHONPATH": str(ROOT),
            "READER_STATE_DIR": str(tmp_path / "state"),
            "READER_CACHE_DIR": str(shared_cache),
            "HF_HUB_OFFLINE": "1",
        }
        command = [sys.executable, "-m", "reader", "read", str(SEED)]
        pane = Pane(
            tmp_path / f"run{len(panes)}",
            [*command, "--model", str(small_model_dir), *options],
            env,
        )
        panes.append(pane)
        return pane

    yield open_
    for pane in panes:
        pane.close()


def saved_positions(tmp_path: Path) -> dict[str, int]:
    return json.loads((tmp_path / "state" / "positions.json").read_text())


def assert_clean_exit(pane: Pane, expected: int) -> None:
    status, _ = pane.wait_exit()
    assert status == expected, f"exit status {status}:\n{pane.text()}"
    # The terminal is restored and nothing was printed: no "Segmentation
    # fault", no "terminate called…", no traceback.
    assert pane.text().strip() == ""


@pytest.mark.parametrize("state", ["mid-batch", "glossary open", "cache being written"])
def test_q_mid_translation_exits_0_at_once_and_saves_the_position(
    state: str, open_reader, tmp_path: Path, shared_cache: Path
) -> None:
    pane = open_reader(*([] if state == "cache being written" else ["--no-cache"]))
    # Batches finish every second or so: some translated means a write just
    # happened and the next batch is on its way to the cache.
    pane.wait_for(
        rf"translated [1-9]\d*/{SENTENCES}" if state == "cache being written" else TRANSLATING
    )
    pane.keys("j", "j", "j")  # quit before the delayed save would write it
    pane.wait_for(f"sentence 4/{SENTENCES}")
    if state == "glossary open":
        pane.keys("l")
        pane.wait_for("Glossary of this document")
        # q is a letter in the glossary's filter; ctrl+q quits from anywhere.
        pane.keys("C-q")
    else:
        pane.keys("q")
    assert_clean_exit(pane, 0)
    assert list(saved_positions(tmp_path).values()) == [3]
    if state == "cache being written":
        with sqlite3.connect(shared_cache / DATABASE_NAME) as database:
            assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert database.execute("SELECT count(*) FROM translations").fetchone()[0] > 0


@pytest.mark.parametrize(
    ("sig", "how"),
    [(signal.SIGTERM, "kill"), (signal.SIGHUP, "close the terminal")],
    ids=["sigterm", "sighup"],
)
def test_signal_mid_translation_ends_cleanly(
    sig: signal.Signals, how: str, open_reader, tmp_path: Path
) -> None:
    pane = open_reader("--no-cache")
    pane.wait_for(TRANSLATING)
    pane.keys("j", "j")
    pane.wait_for(f"sentence 3/{SENTENCES}")
    if sig is signal.SIGTERM:
        os.kill(pane.pid, sig)
        assert_clean_exit(pane, 128 + sig)
    else:
        pane.close_terminal()
        status, _ = pane.wait_exit()
        assert status == 128 + sig
    assert list(saved_positions(tmp_path).values()) == [2]
