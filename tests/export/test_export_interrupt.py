"""An export interrupted half-way — Ctrl-C in a terminal, or killed outright —
leaves the old output untouched and no stray files; the re-run takes the
finished sentences from the cache and translates only the rest."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
import zipfile
from pathlib import Path

import pytest
from export_structure import parse_blocks

from reader.segment import all_sentences, segment
from reader.translate.cache import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_cafa3597cbf732ed.txt"
PROGRESS = re.compile(rb"(\d+)/(\d+)")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")
SUMMARY = re.compile(r"(\d+) sentences \((\d+) from the cache, (\d+) translated\)")
OLD_EXPORT = "the previous export, still good\n"


def _command(out: Path) -> list[str]:
    return [sys.executable, "-m", "reader", "translate", str(SEED), "-o", str(out)]


def interrupt_when_half_done(
    out: Path, env: dict[str, str], sig: signal.Signals
) -> tuple[int, str, int]:
    """Run the export with stderr on a terminal; send ``sig`` once the progress
    bar shows some but not all sentences done. Returns the exit status, the
    terminal's text and the progress seen when the signal was sent."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        _command(out),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        cwd=ROOT,
        env=env,
    )
    os.close(terminal)
    output, seen = b"", 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the terminal closed: the process is gone
                    break
                if not chunk:
                    break
                output += chunk
                if not seen:
                    done = [int(d) for d, total in PROGRESS.findall(output) if d != total]
                    if done and max(done) > 0:
                        seen = max(done)
                        process.send_signal(sig)
            elif process.poll() is not None:
                break
        status = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    assert seen, "the export finished before it could be interrupted"
    return status, ANSI.sub("", output.decode(errors="replace")), seen


def cached_sources(cache_dir: Path) -> set[str]:
    with sqlite3.connect(cache_dir / DATABASE_NAME) as database:
        return {source for (source,) in database.execute("SELECT source FROM translations")}


def units_shown(out: Path) -> int:
    """Sentences (Markdown, HTML) or German paragraphs (EPUB) in the export."""
    if out.suffix == ".epub":
        with zipfile.ZipFile(out) as book:
            pages = [book.read(name).decode() for name in book.namelist() if "chapter-" in name]
        # The English layout of the tiny model may leave a sentence empty; the
        # German is all there: one paragraph per line of this seed's text.
        return sum(page.count('<p class="de"') for page in pages)
    if out.suffix == ".html":
        return len(set(re.findall(r'data-s="(\d+)"', out.read_text(encoding="utf-8"))))
    tables = [b for b in parse_blocks(out.read_text(encoding="utf-8"), "gfm") if b.kind == "table"]
    return sum(len(table.rows) - 1 for table in tables)


# Each writer once: the translation stream, the cache and the atomic write are shared.
@pytest.mark.parametrize(
    ("sig", "name"),
    [(signal.SIGINT, "seed.epub"), (signal.SIGTERM, "seed.html"), (signal.SIGKILL, "seed.md")],
    ids=["ctrl-c", "sigterm", "kill"],
)
def test_interrupted_export_keeps_old_file_and_resumes_from_the_cache(
    sig: signal.Signals, name: str, tmp_path: Path, tiny_model_dir: Path, cache_dir: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / name
    out.write_text(OLD_EXPORT)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READER_MODEL": str(tiny_model_dir),
        "READER_CACHE_DIR": str(cache_dir),
    }

    status, terminal, seen = interrupt_when_half_done(out, env, sig)

    assert out.read_text() == OLD_EXPORT
    assert os.listdir(out_dir) == [name]
    if sig is not signal.SIGKILL:
        assert status == 128 + sig  # 130, 143: as the shell reports the signal
        lines = [line for line in terminal.splitlines() if line.startswith("reader:")]
        said = "interrupted after" if sig is signal.SIGINT else "terminated after"
        assert len(lines) == 1 and said in lines[0], terminal
        assert "Traceback" not in terminal
    else:
        assert status == -signal.SIGKILL

    # What the first run finished is in the cache; the rest must be translated.
    sentences = [s.text for s in all_sentences(segment(SEED.read_text(encoding="utf-8")))]
    finished = cached_sources(cache_dir)
    missing = sum(1 for text in sentences if text not in finished)
    # Everything the progress bar had counted was cached (maybe a batch more).
    assert len(sentences) - missing >= seen and missing > 0

    rerun = subprocess.run(_command(out), capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = SUMMARY.search(rerun.stderr.decode())
    assert summary is not None, rerun.stderr
    total, from_cache, translated = map(int, summary.groups())
    assert (total, from_cache, translated) == (len(sentences), len(sentences) - missing, missing)
    paragraphs = segment(SEED.read_text(encoding="utf-8"))
    expected = len(paragraphs) if out.suffix == ".epub" else len(sentences)
    assert units_shown(out) == expected
    assert os.listdir(out_dir) == [name]
