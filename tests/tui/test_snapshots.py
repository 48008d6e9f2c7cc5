"""SVG snapshots of the main screen, the transcript, the help screen and the palette.

They run on the fixed demo meetings (tests/tui/fakes.py), so better extraction of the
seeds does not change them. Regenerate with ``--snapshot-update`` only after changing
the UI on purpose and looking at the new pictures.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import wait_for_text, wait_ready, wait_until
from tests.tui.fakes import FakeLibrary, demo_meetings
from tui.app import ParleyApp
from tui.settings import Settings
from tui.ui_state import UIState

SIZE = (120, 34)


def _app(library_dir: Path | None = None) -> ParleyApp:
    def open_library() -> FakeLibrary:
        if library_dir is None:
            return FakeLibrary(demo_meetings())
        return FakeLibrary(demo_meetings(), path=library_dir)

    return ParleyApp(open_library, settings=Settings(), state=UIState(), remember=False)


def _coded_library(root: Path) -> Path:
    """A library folder whose annotations code three passages of the first demo meeting:
    a whole remark (one tag), part of a remark (another tag, bookmarked) and a note."""
    from store.annotations import AnnotationStore

    talks = demo_meetings()[0]
    text = talks.text
    store = AnnotationStore.open(root)
    store.create_tag("topic/cooperation", colour="#d7875f")
    store.create_tag("region/middle-east", colour="#5fafd7")
    first = talks.remarks[0]
    store.tag_span(talks.id, first.start, first.end, text, "topic/cooperation")
    start = text.index("the situation in Syria, Yemen and Libya")
    end = start + len("the situation in Syria, Yemen and Libya")
    store.tag_span(talks.id, start, end, text, "region/middle-east")
    store.toggle_bookmark(talks.id, start, end, text)
    madani = talks.remarks[3]
    store.set_note(talks.id, madani.start, madani.end, text, "Hope, not a plan.")
    store.close()
    return root


async def _marks_shown(pilot: Pilot) -> None:
    await _ready(pilot)
    screen = pilot.app.screen
    await wait_until(pilot, lambda: bool(screen.query_one("#remarks").marks), "coding marks")


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


def test_coded_passages_in_remarks(snap_compare, tmp_path: Path) -> None:
    """Tag names in their colours, ★ and ✎ on the remarks, coded words on a tint."""
    app = _app(_coded_library(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=_marks_shown)


def test_coded_passages_in_transcript(snap_compare, tmp_path: Path) -> None:
    """The coded spans on their tag's tint, ★ and ✎ in the gutter."""

    async def run_before(pilot: Pilot) -> None:
        await _marks_shown(pilot)
        await pilot.press("enter", "v")
        await pilot.pause()

    app = _app(_coded_library(tmp_path))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
