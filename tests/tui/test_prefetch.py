"""Neighbouring meetings are loaded ahead, so moving to one shows it with the cursor."""

from __future__ import annotations

from tests.tui.conftest import make_app, run_async, wait_ready, wait_until
from tests.tui.fakes import BigLibrary
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.remark_list import RemarkList


class CountingLibrary(BigLibrary):
    """Counts every meeting the app loads, and which."""

    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.loaded: list[str] = []

    def meeting(self, meeting_id: str):  # type: ignore[no-untyped-def]
        self.loaded.append(meeting_id)
        return super().meeting(meeting_id)


@run_async
async def test_next_meeting_is_loaded_ahead_and_shown_in_the_same_frame() -> None:
    library = CountingLibrary(500)
    app = make_app(lambda: library, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.meeting is not None, "first meeting")
        second = meetings.row_at(1)
        assert second is not None
        client = app.client
        await wait_until(pilot, lambda: client.kept_meeting(second.id) is not None, "prefetch")
        loads = len(library.loaded)
        await pilot.press("j")  # handled, and no await of the library thread in between
        assert meetings.cursor == 1
        assert remarks.meeting is not None and remarks.meeting.id == second.id
        third = meetings.row_at(2)
        assert third is not None
        await wait_until(pilot, lambda: client.kept_meeting(third.id) is not None, "next")
        assert library.loaded[loads:] == [third.id]  # only the new neighbour was loaded
        # Holding j: every meeting is shown, in order, and the cursor ends where it should.
        for _ in range(20):
            await pilot.press("j")
        await wait_until(
            pilot,
            lambda: remarks.meeting is not None
            and remarks.meeting.id == meetings.row_at(21).id,  # type: ignore[union-attr]
            "the 22nd meeting",
        )
        assert meetings.cursor == 21
        assert library.loaded[:2] == ["m000000", "m000001"]  # the one shown comes first


@run_async
async def test_a_meeting_loaded_ahead_is_shown_within_the_keys_own_handling() -> None:
    """Not a message later: Textual would paint the list in between, and the meeting in a
    second frame. Stale highlights that arrive afterwards change nothing."""
    library = CountingLibrary(500)
    app = make_app(lambda: library, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.meeting is not None, "first meeting")
        second, third = meetings.row_at(1), meetings.row_at(2)
        assert second is not None and third is not None
        client = app.client
        await wait_until(pilot, lambda: client.kept_meeting(second.id) is not None, "prefetch")
        meetings.action_cursor_down()  # no await: nothing else has run yet
        assert remarks.meeting is not None and remarks.meeting.id == second.id
        await wait_until(pilot, lambda: client.kept_meeting(third.id) is not None, "next")
        meetings.action_cursor_down()
        meetings.action_cursor_down()
        meetings.action_cursor_up()  # now on the third; highlights for 2, 3, 4 and 3 queued
        await pilot.pause()
        assert meetings.cursor == 2
        assert app.screen.meeting is not None and app.screen.meeting.id == third.id
