"""Helpers for driving the Parley app headless: build it, wait for it, read the screen."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.fakes import FakeLibrary, demo_meetings
from tui.app import ParleyApp
from tui.screens.main import MainScreen
from tui.settings import Settings
from tui.ui_state import UIState

POLL_LIMIT = 400  # pauses of 0.02 s: a poll gives up after ~8 s


def screen_text(app: ParleyApp) -> str:
    """What the terminal shows now, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def wait_until(pilot: Pilot, condition: Callable[[], bool], what: str = "condition") -> None:
    """Poll ``condition`` between UI turns; fail with ``what`` if it never holds."""
    for _ in range(POLL_LIMIT):
        await pilot.pause()
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def work_done(app: Any) -> None:
    """Until every worker has ended and the coding marks being read are applied (the
    main screen reads those on its own thread, not in a worker)."""
    await app.workers.wait_for_complete()
    for screen in app.screen_stack:
        if isinstance(screen, MainScreen):
            await screen.marks_read()


async def wait_ready(pilot: Pilot) -> None:
    """Until the library is open and the highlighted meeting is shown."""
    app = pilot.app
    await wait_until(pilot, lambda: getattr(app.screen, "meeting", None) is not None, "a meeting")
    await work_done(app)
    await pilot.pause()


async def wait_for_text(pilot: Pilot, needle: str) -> str:
    """Until ``needle`` is on screen; return the screen text."""
    await wait_until(pilot, lambda: needle in screen_text(pilot.app), repr(needle))  # type: ignore[arg-type]
    return screen_text(pilot.app)  # type: ignore[arg-type]


def make_app(opener: Callable[[], object], **kwargs: object) -> ParleyApp:
    kwargs.setdefault("settings", Settings())
    kwargs.setdefault("state", UIState())
    return ParleyApp(opener, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def demo_app() -> Callable[..., ParleyApp]:
    """A factory for an app on the two fixed demo meetings (nothing remembered)."""

    def build(**kwargs: object) -> ParleyApp:
        kwargs.setdefault("remember", False)
        return make_app(lambda: FakeLibrary(demo_meetings()), **kwargs)

    return build


def run_async(fn: Callable[..., Any]) -> Callable[..., None]:
    """Run an ``async def`` test with ``asyncio.run`` (no async pytest plugin is installed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper
