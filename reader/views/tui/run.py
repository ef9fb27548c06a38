"""Running the reader until it quits, and ending the process cleanly.

Why the process ends with :func:`os._exit`: the translation runs in a thread
that spends nearly all its time inside CTranslate2 (or torch), in native
code that cannot be interrupted. A batch at 4 beams with the full-size model
takes seconds on two cores. Left to normal interpreter shutdown, that thread
finishes its batch after finalisation has begun, tries to take the GIL back
and is torn down with C++ frames on its stack: ``terminate called without an
active exception`` (SIGABRT, 134) or a segmentation fault (139) — after the
shutdown has waited for the batch: 6.4 s median from ``q`` to the crash
(scripts/quit_stress.py against the old code; README, "Quitting").

The alternatives: cancelling and joining the thread costs that same wait
for the batch in flight (a smaller batch would slow every translation to
make quitting faster); releasing the CTranslate2 translator from another
thread while it translates is undefined behaviour. So the reader leaves the thread
alone and ends the process itself, once everything that must outlive it is
done: Textual has restored the terminal (``App.run`` returned), the position
is saved, the translation cache is closed after its last commit
(:meth:`TranslationFeed.stop`), and stdout/stderr are flushed. An int8
conversion still running in its child process finishes and installs itself
(see :func:`reader.translate.backends.convert_to_ctranslate2`).

SIGTERM and SIGHUP (the terminal closed) quit like ``q`` does, with the
shell's exit status for the signal (143, 129).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from reader.errorlog import unexpected_error_line
from reader.views.tui.app import ReaderApp

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def run_reader(app: ReaderApp) -> NoReturn:
    """Run ``app`` until it quits, then end the process (see the module docstring)."""

    def quit_on_signal(signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGHUP:
            # The terminal is gone: there is nothing to restore, and Textual's
            # shutdown can block writing to the dead terminal (the SIGHUP test
            # hung 2 times in 3 that way). End here, saving what a quit saves.
            _end(app, handled, 128 + signum)
        # Runs in the main thread, which is the event loop's: hand the quit to
        # the loop rather than touching the app in the middle of whatever the
        # loop was doing.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app is not running (yet): nothing to restore
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(app.exit, None, 128 + signum)

    # A signal ignored from the start (`nohup reader read …`) stays ignored.
    handled = [sig for sig in EXIT_SIGNALS if signal.getsignal(sig) is not signal.SIG_IGN]
    for signum in handled:
        signal.signal(signum, quit_on_signal)
    status = 1
    try:
        app.run()
        status = app.return_code or 0
    except SystemExit as signalled:
        status = signalled.code if isinstance(signalled.code, int) else 1
    except KeyboardInterrupt:  # Ctrl-C before the app took the keyboard
        status = 128 + signal.SIGINT
    except Exception as error:
        # A bug: report it (the traceback in the log), then end as cleanly as after a quit.
        print(unexpected_error_line(error), file=sys.stderr)
    finally:
        _end(app, handled, status)


def _end(app: ReaderApp, handled: list[signal.Signals], status: int) -> NoReturn:
    """Save what must outlive the process, then end it with ``status``."""
    # A second signal while closing must not interrupt the saving below.
    for signum in handled:
        signal.signal(signum, signal.SIG_IGN)
    warning = app.save_position()
    if warning:
        with contextlib.suppress(OSError, ValueError):
            print(f"reader: warning: {warning}", file=sys.stderr)
    app.feed.stop()
    for stream in (sys.stdout, sys.stderr):
        # The terminal may be gone (SIGHUP): nothing left to tell it.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
