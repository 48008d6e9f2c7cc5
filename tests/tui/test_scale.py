"""The meetings pane is virtual: 50,000 meetings cost a count and the pages on screen."""

from __future__ import annotations

from tests.tui.conftest import make_app, run_async, screen_text, wait_for_text, wait_ready
from tests.tui.fakes import BigLibrary
from tui.widgets.meetings.meeting_list import PAGE_SIZE, MeetingList

N = 50_000


@run_async
async def test_fifty_thousand_meetings_load_only_visible_pages() -> None:
    library = BigLibrary(N)
    app = make_app(lambda: library, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        text = screen_text(app)
        assert "Meetings (50,000)" in text
        assert "Meeting 000000" in text
        # only the first page was read, never the whole library
        assert library.row_requests == [(0, PAGE_SIZE, "date_desc")]
        meetings = app.screen.query_one(MeetingList)
        await pilot.press("G")
        assert meetings.cursor == N - 1
        await wait_for_text(pilot, "Meeting 049999")
        await pilot.press("pageup")
        assert meetings.cursor < N - 1
        read = sum(limit for _, limit, _ in library.row_requests)
        assert read <= 4 * PAGE_SIZE
        await pilot.press("g")
        assert meetings.cursor == 0
        await wait_for_text(pilot, "Meeting 000000")
        assert app.screen.meeting.id == "m000000"


@run_async
async def test_meeting_with_hundreds_of_wrapped_remarks() -> None:
    from tests.tui.fakes import LAVROV, FakeLibrary, build_meeting
    from tui.widgets.reader.remark_list import RemarkList
    from tui.widgets.reader.transcript_view import TranscriptView

    turns = [
        (
            LAVROV.name if i % 2 else None,
            "answer" if i % 2 else "question",
            f"Remark number {i:03d}. " + "A long sentence that wraps over several lines. " * 6,
        )
        for i in range(600)
    ]
    meeting = build_meeting(
        "long", "A long press conference", "2020-02-02", turns, people=(LAVROV,)
    )
    app = make_app(lambda: FakeLibrary([meeting]), remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")
        remarks = app.screen.query_one(RemarkList)
        top = remarks.scroll_offset.y
        for _ in range(12):  # each remark is about 7 lines: these leave the pane
            remarks.action_cursor_down()
        assert remarks.scroll_offset.y > top  # scrolled at once, not after a refresh
        await pilot.press("G")
        assert remarks.cursor == 599
        await wait_for_text(pilot, "Remark number 599.")
        assert remarks.virtual_size.height > 600 * 4  # each remark wrapped over lines
        await pilot.press("left_square_bracket")  # Lavrov's previous remark: 597
        assert remarks.cursor == 597
        await wait_for_text(pilot, "Remark number 597.")
        await pilot.press("enter")
        view = app.screen.query_one(TranscriptView)
        assert view.cursor == meeting.remarks[597].start
        await wait_for_text(pilot, "Remark number 597.")
        await pilot.press("G")
        await wait_for_text(pilot, "Remark number 599.")


@run_async
async def test_a_key_that_moves_the_cursor_off_screen_scrolls_in_the_same_frame() -> None:
    """The scroll is part of the key's own update, not a second frame after it."""
    app = make_app(lambda: BigLibrary(N), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        height = meetings.scrollable_content_region.height
        rows_visible = height // 2
        for _ in range(rows_visible - 1):
            meetings.action_cursor_down()
        await pilot.pause()
        top = meetings.scroll_offset.y
        meetings.action_cursor_down()  # the first row below the pane's bottom edge
        # already scrolled, before any refresh has run
        assert meetings.scroll_offset.y > top
        assert meetings.cursor * 2 + 2 <= meetings.scroll_offset.y + height
        meetings.action_cursor_up()
        for _ in range(rows_visible):
            meetings.action_cursor_up()
        assert meetings.cursor * 2 >= meetings.scroll_offset.y


@run_async
async def test_a_pane_of_odd_height_scrolls_by_whole_rows() -> None:
    """Scrolling by lines showed a meeting's second line, without its title, at the
    top of a pane an odd number of lines high."""
    app = make_app(lambda: BigLibrary(N), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        for rows in (40, 41):  # one of the two gives the list an odd height
            await pilot.resize_terminal(120, rows)
            await pilot.pause()
            if meetings.scrollable_content_region.height % 2:
                break
        height = meetings.scrollable_content_region.height
        assert height % 2 == 1
        for _ in range(height):  # past the bottom edge, one key at a time
            meetings.action_cursor_down()
            assert meetings.scroll_offset.y % 2 == 0
            assert meetings.cursor * 2 + 2 <= meetings.scroll_offset.y + height
        meetings.action_page_down()
        assert meetings.scroll_offset.y % 2 == 0
        meetings.action_first()
        assert meetings.scroll_offset.y == 0
