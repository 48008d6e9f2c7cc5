"""Snapshots of the coding screens on the fixed meetings (independent of ingest).

Update them with ``python -m pytest tests/tui_coding/test_snapshots.py --snapshot-update``
after checking the new pictures in the report pytest-textual-snapshot writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.tui_coding.host import HostApp, remark_passage, settle

SIZE = (110, 30)


def _coded(library, annotations) -> None:
    meeting = library.meeting("m-2015-06")
    answer = remark_passage(library, "m-2015-06", 2)
    annotations.tag_span(*answer, "topic/terrorism")
    annotations.tag_span(*answer, "topic/sanctions")
    start = meeting.remarks[2].start
    annotations.tag_span("m-2015-06", start, start + 20, meeting.text, "frame/blame")
    ivanov = remark_passage(library, "m-2004-05", 0)
    annotations.tag_span(*ivanov, "topic/terrorism")
    annotations.toggle_bookmark(*ivanov)
    annotations.set_note(*ivanov, "Compare [bold] with 2015 [/]")
    annotations.update_tag("topic/terrorism", description="Violence against civilians [sic]")


def _keys(*keys: str) -> Callable[[Any], Any]:
    async def run_before(pilot: Any) -> None:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_codebook_snapshot(fixed, snap_compare):
    library, annotations = fixed
    _coded(library, annotations)
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("C", "j", "j", "j", "j"))


def test_speakers_snapshot(fixed, snap_compare):
    library, annotations = fixed
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("P"))


def test_search_results_snapshot(fixed, snap_compare):
    library, annotations = fixed
    _coded(library, annotations)
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("slash", *"terrorism"))


def test_cooccurrence_snapshot(fixed, snap_compare):
    library, annotations = fixed
    _coded(library, annotations)
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("A", "enter"))


def test_timeline_snapshot(fixed, snap_compare):
    library, annotations = fixed
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("A", "2", "p"))


def test_bookmarks_snapshot(fixed, snap_compare):
    library, annotations = fixed
    _coded(library, annotations)
    app = HostApp(library, annotations)
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("B"))


def test_tag_picker_snapshot(fixed, snap_compare):
    library, annotations = fixed
    _coded(library, annotations)
    app = HostApp(library, annotations, remark_passage(library, "m-2015-06", 2))
    assert snap_compare(app, terminal_size=SIZE, run_before=_keys("t", "f"))
