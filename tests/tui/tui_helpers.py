"""Helpers for the reader's pilot tests: screen text, waiting for a state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App
from textual.pilot import Pilot

WAIT_LIMIT = 30.0
"""Seconds a test waits for something to appear before it fails (not a timing
assertion: the tiny model normally takes well under a second)."""


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


async def wait_until(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition()`` holds (fails after :data:`WAIT_LIMIT`)."""
    waited = 0.0
    while not condition():
        if waited > WAIT_LIMIT:
            pytest.fail("the app never reached the expected state")
        await pilot.pause(0.05)
        waited += 0.05


async def without_model(pilot: Pilot[object]) -> None:
    """Wait until a reader without a model has said so (the notice is shown)."""
    app = pilot.app
    await wait_until(pilot, lambda: app.status.model_missing)  # type: ignore[attr-defined]
