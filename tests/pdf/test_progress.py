"""Import progress on stderr: silent for a second, then pages done of all."""

from __future__ import annotations

import io

from reader.cli.progress import ImportProgress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_fast_imports_print_nothing() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ImportProgress("a.pdf", stream, clock)
    for page in range(1, 11):
        clock.now = page * 0.05
        progress(page, 10)
    progress.finish()
    assert stream.getvalue() == ""


def test_slow_imports_report_at_most_once_a_second_and_the_end() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = ImportProgress("a.pdf", stream, clock)
    for page in range(1, 301):
        clock.now = page * 0.01
        progress(page, 300)
    assert stream.getvalue().splitlines() == [
        "reader: reading a.pdf: page 100 of 300",
        "reader: reading a.pdf: page 200 of 300",
        "reader: reading a.pdf: page 300 of 300",
    ]


def test_on_a_terminal_the_line_updates_in_place_and_ends() -> None:
    stream, clock = Terminal(), Clock()
    progress = ImportProgress("a.pdf", stream, clock)
    clock.now = 1.5
    progress(7, 9)
    progress(8, 9)
    progress.finish()
    assert stream.getvalue() == (
        "\rreader: reading a.pdf: page 7 of 9\x1b[K\rreader: reading a.pdf: page 8 of 9\x1b[K\n"
    )
