"""The library is opened while the app builds itself, in one trip to the library thread."""

from __future__ import annotations

import sys
import threading
import time

from tests.tui.conftest import make_app, run_async, wait_ready, wait_until
from tests.tui.fakes import BigLibrary
from tui.library_client import LibraryClient
from tui.screens import main as main_screen
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


def _slow_opener(delay: float) -> tuple[object, list[float]]:
    library = BigLibrary(50)
    opened: list[float] = []

    def opener() -> BigLibrary:
        time.sleep(delay)
        opened.append(time.monotonic())
        return library

    return opener, opened


def test_started_waits_at_most_as_long_as_asked() -> None:
    opener, _ = _slow_opener(0.05)
    client = LibraryClient(opener)  # type: ignore[arg-type]
    try:
        assert client.started(wait=1.0) is None  # not begun: nothing to wait for
        client.begin("date_desc", None, 0, PAGE_SIZE)
        assert client.started() is None  # no wait: still opening
        began = time.monotonic()
        started = client.started(wait=2.0)
        assert started is not None and started[1] == 50
        assert time.monotonic() - began < 1.0  # returned when it opened, not at the limit
    finally:
        client.close()


@run_async
async def test_a_library_that_opens_while_the_screen_mounts_is_in_the_first_paint() -> None:
    """The screen waits briefly for it instead of painting an empty pane first."""
    opener, _ = _slow_opener(0.03)
    app = make_app(opener, remember=False)
    paints: list[int] = []
    original = main_screen.MainScreen._compositor_refresh

    def counting(screen: main_screen.MainScreen) -> None:
        paints.append(screen.query_one(MeetingList).total)
        original(screen)

    main_screen.MainScreen._compositor_refresh = counting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_ready(pilot)
    finally:
        main_screen.MainScreen._compositor_refresh = original  # type: ignore[method-assign]
    assert paints and paints[0] == 50  # no paint ever showed the pane without its meetings


@run_async
async def test_a_library_slower_than_the_wait_is_filled_in_when_open() -> None:
    # Held shut until the app is up, rather than opened after a fixed time: a loaded
    # machine can take longer than any such time to start the app.
    may_open = threading.Event()
    library = BigLibrary(50)

    def opener() -> BigLibrary:
        may_open.wait(30)
        return library

    app = make_app(opener, remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        meetings = app.screen.query_one(MeetingList)
        await pilot.pause(main_screen.FIRST_PAINT_WAIT)
        assert meetings.total == 0  # the screen did not wait for it
        may_open.set()
        await wait_until(pilot, lambda: meetings.total == 50, "the library, once open")


def test_counts_read_at_start_do_not_replace_the_coding_stores_live_view(tmp_path) -> None:
    """The start-up read of the counts may finish after the first coding action."""

    class Opened:
        path = str(tmp_path)  # no annotations folder: the start-up read finds no counts

    client = LibraryClient(lambda: Opened())  # type: ignore[arg-type, return-value]
    client._library = Opened()  # type: ignore[assignment]
    live = {"m1": (1, 0)}
    client.follow_counts(live)
    assert client.load_counts() is None
    assert client.counts is live
    client.close()
