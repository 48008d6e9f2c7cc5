"""The browser on the real bundled sample library (the two seed documents).

Extraction of the seeds is improved by others in parallel, so these tests only rely on
what any reasonable reading gives: two meetings, Lavrov's and Ivanov's remarks.
"""

from __future__ import annotations

from store.library import Library
from tests.tui.conftest import (
    make_app,
    run_async,
    screen_text,
    wait_for_text,
    wait_ready,
    wait_until,
)
from tui.ui_state import load_state
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.remark_list import RemarkList


def _app(**kwargs: object):
    return make_app(lambda: Library.open_default(None), **kwargs)


@run_async
async def test_seed_meetings_and_remarks_show() -> None:
    app = _app(remember=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        assert meetings.total == 2
        text = screen_text(app)
        assert "Meetings (2)" in text
        rows = Library.open_default(None).rows()
        for row in rows:  # both seed meetings are listed, by date and title
            assert row.title[:20] in text
        # the newest (Lavrov, 2015) is open first: his remarks are in the remarks pane
        assert "2015-06-11" in text
        await wait_for_text(pilot, "▌ Sergey Lavrov")
        await pilot.press("j")
        # Ivanov's meeting: a remark headed by him is on screen
        text = await wait_for_text(pilot, "▌ Igor Ivanov")
        assert "Ivanov" in app.screen.meeting.title or any(
            p.name == "Igor Ivanov" for p in app.screen.meeting.participants
        )


@run_async
async def test_last_meeting_and_place_restored_after_restart() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        first = app.screen.meeting.id
        await pilot.press("enter", "j")  # into the first meeting's remarks, second remark
        remarks = app.screen.query_one(RemarkList)
        assert app.focused is remarks and remarks.cursor == 1
        await pilot.press("shift+tab", "j")  # back to the meetings, next meeting
        await wait_until(pilot, lambda: app.screen.meeting.id != first, "second meeting")
        second = app.screen.meeting.id
        await pilot.press("q")
    again = _app(state=load_state())
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert again.screen.meeting.id == second
        assert again.screen.query_one(MeetingList).cursor == 1
        await pilot.press("k")
        await wait_until(pilot, lambda: again.screen.meeting.id == first, "first meeting")
        assert again.screen.query_one(RemarkList).cursor == 1
