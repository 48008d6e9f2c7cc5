"""The reader's Line-API views frame their own lines: exactly what Textual would draw."""

from __future__ import annotations

import gc

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tests.tui.conftest import make_app, run_async, wait_ready, wait_until
from tests.tui.fakes import BigLibrary
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.strips import FramedStrip


def _both(view: MeetingList | RemarkList) -> tuple[list[list[object]], list[list[object]]]:
    """The view's lines as it frames them, and as Textual's StylesCache frames them."""
    crop = Region(0, 0, *view.region.size)
    view._painting = view._paint()
    view._line_cache.begin_paint(view._painting[0])
    try:
        framed = view._framed_lines(crop)
        view._styles_cache.clear()
        textual = Widget.render_lines(view, crop)
    finally:
        view._painting = None
    assert framed is not None
    return [list(line) for line in framed], [list(line) for line in textual]


@run_async
async def test_framed_lines_are_textuals_lines_in_every_state() -> None:
    app = make_app(lambda: BigLibrary(300), remember=False)
    async with app.run_test(size=(110, 34)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.meeting is not None, "a meeting")
        for view in (meetings, remarks):  # the list has focus, the remarks not
            framed, textual = _both(view)
            assert framed == textual
        meetings.action_cursor_down()
        remarks.focus()  # focus moves: both borders change colour
        await pilot.pause()
        for view in (meetings, remarks):
            framed, textual = _both(view)
            assert framed == textual
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        for view in (meetings, remarks):
            framed, textual = _both(view)
            assert framed == textual


@run_async
async def test_styles_the_frame_does_not_draw_leave_it_to_textual() -> None:
    app = make_app(lambda: BigLibrary(30), remember=False)
    async with app.run_test(size=(110, 34)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        assert meetings._framed_lines(Region(0, 0, *meetings.region.size)) is not None
        meetings.styles.tint = "red 20%"  # set in code: no restyle, nor a new size
        await pilot.pause()
        assert meetings._framed_lines(Region(0, 0, *meetings.region.size)) is None
        meetings.styles.tint = "red 0%"
        meetings.styles.padding = (0, 1)
        await pilot.pause()
        assert meetings._framed_lines(Region(0, 0, *meetings.region.size)) is None


@run_async
async def test_a_new_title_is_drawn_in_the_border() -> None:
    app = make_app(lambda: BigLibrary(30), remember=False)
    async with app.run_test(size=(110, 34)) as pilot:
        await wait_ready(pilot)
        remarks = app.screen.query_one(RemarkList)
        crop = Region(0, 0, *remarks.region.size)
        remarks.border_title = "Remarks (first)"
        assert "Remarks (first)" in remarks.render_lines(crop)[0].text
        remarks.border_title = "Remarks (second)"
        assert "Remarks (second)" in remarks.render_lines(crop)[0].text
        framed, textual = _both(remarks)
        assert framed == textual


def test_a_framed_line_divided_whole_does_not_keep_itself() -> None:
    """The compositor divides every line; one no cut crosses must not refer to itself
    afterwards (only the cycle collector could free it), and other cuts divide as
    Textual's ``Strip`` does."""
    segments = [Segment("│", Style(color="red")), Segment("words here  ", Style(bold=True))]
    framed = FramedStrip(segments, 13)
    assert framed.divide([13]) == [framed]
    assert framed.divide([13, 20]) == [framed]
    assert framed not in gc.get_referents(framed._divide_cache._cache)
    assert not framed._divide_cache
    for cuts in ([1, 13], [4, 9, 13], [12, 13]):
        assert [list(s) for s in framed.divide(cuts)] == [
            list(s) for s in Strip(segments, 13).divide(cuts)
        ]
