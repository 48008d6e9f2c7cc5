"""SVG snapshots of the main screen, the transcript, the help screen and the palette.

They run on the fixed demo meetings (tests/tui/fakes.py), so better extraction of the
seeds does not change them. Regenerate with ``--snapshot-update`` only after changing
the UI on purpose and looking at the new pictures.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import wait_for_text, wait_ready
from tests.tui.fakes import FakeLibrary, demo_meetings
from tui.app import ParleyApp
from tui.settings import Settings
from tui.ui_state import UIState

SIZE = (120, 34)


def _app() -> ParleyApp:
    return ParleyApp(
        lambda: FakeLibrary(demo_meetings()), settings=Settings(), state=UIState(), remember=False
    )


async def _ready(pilot: Pilot) -> None:
    await wait_ready(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def test_main_screen(snap_compare) -> None:
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_ready)


def test_transcript_with_selection(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _ready(pilot)
        await pilot.press("enter", "j", "j", "enter")
        await pilot.press("ctrl+shift+right", "ctrl+shift+right", "ctrl+shift+right")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_command_palette(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for palette_input in pilot.app.screen.query(Input):
            palette_input.cursor_blink = False  # a blinking cursor makes snapshots flaky
        await pilot.press(*"sort")
        await wait_for_text(pilot, "Sort meetings by title")

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)
