"""The library is opened while the app builds itself, in one trip to the library thread."""

from __future__ import annotations

import sys
import threading

from tests.tui.conftest import make_app, run_async, wait_ready, wait_until
from tests.tui.fakes import BigLibrary
from tui.ui_state import UIState
from tui.widgets.meetings.meeting_list import PAGE_SIZE, MeetingList


class WatchedLibrary(BigLibrary):
    """Notes the thread that opened it and every page of rows read."""

    opened_on: str | None = None


@run_async
async def test_library_opens_on_its_thread_with_the_readers_page_and_interval_restored() -> None:
    interval = sys.getswitchinterval()
    library = WatchedLibrary(1000)

    def opener() -> WatchedLibrary:
        library.opened_on = threading.current_thread().name
        return library

    state = UIState(last_meeting="m000321", last_index=320, sort="date_asc")
    app = make_app(opener, remember=False, state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        await wait_until(pilot, lambda: meetings.cursor == 321, "the reader's meeting")
        assert library.opened_on is not None and library.opened_on.startswith("parley-library")
        # the page that holds the reader's meeting came with the opening, in its order
        assert (300, PAGE_SIZE, "date_asc") in library.row_requests
        assert app.client.begun
        assert sys.getswitchinterval() == interval  # the short interval was for opening only


@run_async
async def test_a_library_that_cannot_be_opened_is_said_in_one_sentence() -> None:
    interval = sys.getswitchinterval()

    def opener() -> BigLibrary:
        raise OSError("no such disk")

    app = make_app(opener, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        meetings = app.screen.query_one(MeetingList)
        await wait_until(pilot, lambda: meetings.border_title == "Meetings (none)", "the title")
        messages = [n.message for n in app._notifications]
        assert any(m == "The library could not be opened: no such disk" for m in messages)
    assert sys.getswitchinterval() == interval
