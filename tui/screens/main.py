"""The main screen: meetings on the left, the open meeting on the right.

The right side is the meeting header over either the remarks list or the transcript
(``v`` switches). The screen wires the panes together — a highlighted meeting is loaded
on the library thread and shown; a remark opened with enter is shown in the transcript —
and keeps the reader's place in each meeting in :class:`tui.ui_state.UIState`.

It also draws where the open meeting is coded: its annotations are read from the
annotation store on the screen's marks thread, kept per meeting, and handed to both views as
:class:`tui.widgets.reader.coding_marks.MeetingMarks`; every coding change
(:meth:`refresh_coding`) throws the kept marks away and reads the open meeting's again.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer
from textual.worker import Worker

from store.models import Meeting
from tui.coding import ReaderCoding
from tui.library_client import LibraryLike, MeetingRowLike
from tui.ui_state import MeetingPlace
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.coding_marks import MarkSource, MeetingMarks, read_marks
from tui.widgets.reader.meeting_header import MeetingHeader
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.reader.transcript_view import TextSelection, TranscriptView

if TYPE_CHECKING:
    from tui.app import ParleyApp

#: Seconds after the library opens before the garbage collector's pacer starts
#: (``tui.gc_pacer``): its full collection takes tens of milliseconds, which must not hold
#: up the first paint of the meetings (it did when it ran right after the next refresh:
#: the rows come a moment later).
SETTLE_DELAY = 1.0
FIRST_PAINT_WAIT = 0.1
"""Seconds the main screen waits, when it mounts, for the library to be open, so that its
first paint shows the meetings (:meth:`LibraryClient.started`); a library that takes
longer to open is shown as "opening" and filled in when it is."""
SAVE_DELAY = 0.5  # seconds of quiet before the reader's place is written
MARKS_KEPT = 32  # meetings whose coding marks are kept, so going back paints at once


class MainScreen(ReaderCoding, Screen[None]):
    """Meetings pane, meeting header, remarks or transcript, footer.

    The coding keys (t, b, n, u, ctrl+r, /, C, B, P, A) come from
    :class:`tui.coding.ReaderCoding`; its bindings are merged with these, so they work
    from every pane and the keymap file can rebind them by id.

    The three containers are ``visibility: hidden`` and the panes in them ``visible``:
    the panes cover them entirely, and Textual's compositor otherwise drew every line of
    each container under a changed pane on every frame (a ``j`` in the meetings pane
    changes both panes, so that was the whole screen, four times over) only to throw
    those lines away. The snapshots are the same either way.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_view", "Remarks/Transcript", id="reader.toggle_view"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="screen.focus_next"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous pane",
            show=False,
            id="screen.focus_previous",
        ),
    ]

    DEFAULT_CSS = """
    MainScreen {
        layout: vertical;
        & > #panes { height: 1fr; }
        & #meetings { width: 2fr; min-width: 30; }
        & #reader { width: 3fr; }
        & ContentSwitcher { height: 1fr; }
        /* covered by their panes: not drawn (see the class docstring) */
        & #panes, & #reader, & #views { visibility: hidden; }
        & #meetings, & #meeting-header, & #remarks, & #transcript { visibility: visible; }
    }
    """

    app: ParleyApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.meeting: Meeting | None = None
        self._save_timer = None
        self._marks: dict[str, MeetingMarks] = {}
        self._marks_generation = 0
        self._reading_store: MarkSource | None = None
        self._reading_store_lock = threading.Lock()
        self._marks_reader = ThreadPoolExecutor(1, thread_name_prefix="parley-marks")
        self._marks_reading: asyncio.Future[MeetingMarks | None] | None = None
        self._loading: tuple[str, Worker[None]] | None = None  # the meeting being loaded

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield MeetingList(id="meetings")
            with Vertical(id="reader"):
                yield MeetingHeader(id="meeting-header")
                with ContentSwitcher(initial="remarks", id="views"):
                    yield RemarkList(id="remarks")
                    yield TranscriptView(id="transcript")
        yield Footer()

    # -- start-up ------------------------------------------------------------------------

    def on_mount(self) -> None:
        meetings = self.query_one(MeetingList)
        meetings.border_title = "Meetings (opening the library…)"
        meetings.focus()
        try:  # the app began opening the library when it loaded (ParleyApp.on_load)
            started = self.app.client.started(wait=FIRST_PAINT_WAIT)
        except Exception as error:  # one sentence; the app stays up to say it
            self._not_opened(error)
            return
        if started is None:
            self.open_library()
        else:  # open before the first paint: it shows the meetings at once
            self._opened(*started)

    @work(exclusive=True, group="open-library")
    async def open_library(self) -> None:
        """Wait for the library thread to open the library, then show it."""
        try:
            started = await self.app.client.start()
        except Exception as error:  # one sentence; the app stays up to say it
            self._not_opened(error)
            return
        self._opened(*started)

    def _not_opened(self, error: Exception) -> None:
        self.query_one(MeetingList).border_title = "Meetings (none)"
        self.notify(f"The library could not be opened: {error}", severity="error", timeout=30)
        if self.app.gc_pacer is not None:
            self.app.gc_pacer.start()

    def _opened(
        self, library: LibraryLike, total: int, index: int, rows: list[MeetingRowLike]
    ) -> None:
        """Show the open library where the reader left off."""
        client = self.app.client
        meetings = self.query_one(MeetingList)
        sort = self.app.start_sort
        if library.is_sample:
            self.notify(
                "Showing the bundled sample documents; import your own with: parley import FOLDER",
                timeout=6,
            )
        meetings._counts = lambda: client.counts
        self.sub_title = f"{library.path}{' (sample library)' if library.is_sample else ''}"
        self.app.sub_title = self.sub_title
        meetings.attach(client, total, sort, index, rows)
        self.watch(meetings, "cursor", self._cursor_moved, init=False)
        if total == 0:
            self.load_counts()
        if self.focused is None:
            meetings.focus()
        if total == 0:
            self.query_one(MeetingHeader).show_meeting(None)
            self.notify("The library is empty: import documents with `parley import FOLDER`.")
        if self.app.gc_pacer is not None:
            self.set_timer(SETTLE_DELAY, self.app.gc_pacer.start)

    @work(thread=True, exclusive=True, group="annotation-counts")
    def load_counts(self) -> None:
        """Tag and bookmark counts per meeting, read beside (not before) the first paint."""
        warning = self.app.client.load_counts()
        self.app.call_from_thread(self._counts_loaded, warning)

    def _counts_loaded(self, warning: str | None) -> None:
        self.query_one(MeetingList).refresh_counts()
        if warning:
            self.notify(warning, severity="warning", timeout=10)

    # -- meetings -> reader --------------------------------------------------------------

    def on_meeting_list_highlighted(self, event: MeetingList.Highlighted) -> None:
        if event.row is not None and event.index == event.meeting_list.cursor:
            self._highlighted(event.index, event.row)  # else: the cursor has moved on

    def _cursor_moved(self, index: int) -> None:
        """The meetings cursor moved: show its meeting now, in the frame of the key.

        Watched directly (``watch`` calls this within the key's own handling) rather than
        through :class:`MeetingList.Highlighted`, which reaches the screen a message
        later: Textual painted in between, so each key drew the list in one frame and the
        new meeting in the next, and paid for two frames. The message still comes and
        handles a row whose page was not loaded yet; one for a meeting already shown
        changes nothing.
        """
        meetings = self.query_one(MeetingList)
        row = meetings.row_at(index)
        if row is not None:
            self._highlighted(index, row)

    def _highlighted(self, index: int, row: MeetingRowLike) -> None:
        if self.meeting is not None and self.meeting.id == row.id:
            # back on the meeting shown: a load for one the cursor passed must not win
            self.workers.cancel_group(self, "load-meeting")
            return
        self.app.state.last_index = index
        kept = self.app.client.kept_meeting(row.id)
        if kept is None:
            loading = self._loading
            if loading is not None and loading[0] == row.id and not loading[1].is_finished:
                return  # asked for already (the key's watcher, then its message)
            self._loading = (row.id, self.load_meeting(row.id, index))
        else:  # loaded ahead: show it in this frame, with the cursor
            self.workers.cancel_group(self, "load-meeting")  # an older load must not win
            self._remember_scroll()
            self.show_meeting(kept)
            self._prefetch_around(index)

    def _prefetch_around(self, index: int) -> None:
        """Load the meetings above and below ``index`` ahead, for the next key."""
        meetings = self.query_one(MeetingList)
        rows = (meetings.row_at(index + 1), meetings.row_at(index - 1))
        self.app.client.prefetch([row.id for row in rows if row is not None])

    def on_meeting_list_opened(self, event: MeetingList.Opened) -> None:
        self._current_view().focus()

    def on_meeting_list_sort_changed(self, event: MeetingList.SortChanged) -> None:
        """Keep the open meeting under the cursor in the new order."""
        self.app.state.sort = event.sort
        self._schedule_save()
        if self.meeting is not None:
            self.jump_to(self.meeting.id, focus=False)
        else:
            event.meeting_list.cursor = 0

    @work(exclusive=True, group="load-meeting")
    async def load_meeting(self, meeting_id: str, index: int) -> None:
        """Load a meeting on the library thread (the newest request wins), show it, and
        load the meetings either side of list row ``index`` ahead."""
        self._remember_scroll()
        header = self.query_one(MeetingHeader)
        if self.meeting is None:
            header.show_meeting(None, loading=True)
        try:
            meeting = await self.app.client.meeting(meeting_id)
        except Exception as error:
            self.notify(f"That meeting could not be loaded: {error}", severity="error")
            return
        self.show_meeting(meeting)
        self._prefetch_around(index)

    def show_meeting(self, meeting: Meeting) -> None:
        """Show ``meeting`` in the header, remarks and transcript, where the reader left it."""
        first = self.meeting is None
        self.meeting = meeting
        state = self.app.state
        state.last_meeting = meeting.id
        place = state.place(meeting.id)
        self.query_one(MeetingHeader).show_meeting(meeting)
        self.query_one(RemarkList).show_meeting(meeting, place.remark, place.remarks_scroll)
        self.query_one(TranscriptView).show_meeting(
            meeting, place.cursor, place.anchor, place.transcript_scroll
        )
        switcher = self.query_one(ContentSwitcher)
        focus_was_reader = self.focused is not None and self.focused.parent is switcher
        self._switch_to(place.view)
        if focus_was_reader:
            self._current_view().focus()
        self._schedule_save()
        self._show_marks(meeting)
        if first:  # counts come after the first paint rather than compete with it
            self.load_counts()

    # -- coding marks --------------------------------------------------------------------

    def refresh_coding(self) -> None:
        """After a coding change: new counts, and the open meeting's marks read again."""
        super().refresh_coding()
        self._marks_generation += 1
        self._marks.clear()
        if self.meeting is not None:
            self._load_marks(self.meeting, self._marks_generation)

    def _show_marks(self, meeting: Meeting) -> None:
        kept = self._marks.get(meeting.id)
        if kept is not None:
            self._apply_marks(kept)
        else:
            self._load_marks(meeting, self._marks_generation)

    def _apply_marks(self, marks: MeetingMarks) -> None:
        self.query_one(RemarkList).set_marks(marks)
        self.query_one(TranscriptView).set_marks(marks)

    def _mark_source(self) -> MarkSource:
        """The app's annotation store once coding opened it, else one opened read-only.

        Reading marks must not create or lock anything in a library nobody has coded
        yet, so until the first coding action the marks come from a read-only store
        (an empty one when the library has no annotations folder).
        """
        store = getattr(self.app, "annotations", None)
        if store is not None:
            return store
        with self._reading_store_lock:
            if self._reading_store is None:
                from store.annotations import AnnotationStore

                library = self.app.client.library
                if library is None:
                    raise LookupError("The library is not open yet.")
                self._reading_store = AnnotationStore.open(library.path, read_only=True)
            return self._reading_store

    def _load_marks(self, meeting: Meeting, generation: int) -> None:
        """Read ``meeting``'s marks off the UI thread (the store may re-read a file).

        On the screen's one marks thread, and without a Textual worker: every meeting
        shown reads its marks, and a thread (then a worker) per meeting, with its task,
        locks, events and three state messages, cost more than the read. The newest read
        is :attr:`_marks_reading`; an older one still fills the cache when it ends.
        """
        try:
            future = asyncio.get_running_loop().run_in_executor(
                self._marks_reader, self._read_marks, meeting.id, len(meeting.text)
            )
        except RuntimeError:  # the screen is closing: its reader is shut down
            return
        self._marks_reading = future
        future.add_done_callback(functools.partial(self._marks_read, generation))

    def _marks_read(self, generation: int, future: asyncio.Future[MeetingMarks | None]) -> None:
        if future is self._marks_reading:
            self._marks_reading = None
        if future.cancelled() or future.exception() is not None:
            return
        marks = future.result()
        if marks is not None:
            self._marks_loaded(marks, generation)

    async def marks_read(self) -> None:
        """Wait until the newest read of coding marks has ended and its marks are applied
        (tests and scripts; the screen itself never waits for them)."""
        while (future := self._marks_reading) is not None:
            await asyncio.wait([future])
            await asyncio.sleep(0)  # its done callback runs before this returns

    def _read_marks(self, meeting_id: str, text_length: int) -> MeetingMarks | None:
        for _ in range(2):  # once more if a coding change on the UI thread got in the way
            try:
                return read_marks(self._mark_source(), meeting_id, text_length)
            except Exception:  # a damaged or missing store: the counts loader says so
                continue
        return None

    def _marks_loaded(self, marks: MeetingMarks, generation: int) -> None:
        if generation != self._marks_generation:
            return  # read before a coding change: a newer read is on its way
        if len(self._marks) >= MARKS_KEPT:
            self._marks.pop(next(iter(self._marks)))
        self._marks[marks.meeting_id] = marks
        if self.meeting is not None and self.meeting.id == marks.meeting_id:
            self._apply_marks(marks)

    def on_unmount(self) -> None:
        self._marks_reader.shutdown(wait=False, cancel_futures=True)
        store = self._reading_store
        self._reading_store = None
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()

    # -- reader -------------------------------------------------------------------------

    def _current_view(self) -> RemarkList | TranscriptView:
        switcher = self.query_one(ContentSwitcher)
        return (
            self.query_one(TranscriptView)
            if switcher.current == "transcript"
            else self.query_one(RemarkList)
        )

    def _place(self) -> MeetingPlace | None:
        return self.app.state.meetings.get(self.meeting.id) if self.meeting else None

    def action_toggle_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        view = "transcript" if switcher.current == "remarks" else "remarks"
        self.set_view(view)

    def _switch_to(self, view: str) -> None:
        """Show the remarks or the transcript (laid out now if it was given a meeting hidden)."""
        self.query_one(ContentSwitcher).current = view
        if view == "transcript":
            self.query_one(TranscriptView).catch_up()

    def set_view(self, view: str, focus: bool | None = None) -> None:
        """Show the remarks list or the transcript; keep the focus on the reader if it was."""
        switcher = self.query_one(ContentSwitcher)
        had_focus = self.focused is not None and self.focused.parent is switcher
        self._switch_to(view)
        if focus or (focus is None and had_focus):
            self._current_view().focus()
        place = self._place()
        if place is not None:
            place.view = view
            self._schedule_save()

    def on_remark_list_highlighted(self, event: RemarkList.Highlighted) -> None:
        place = self._place()
        if place is not None:
            place.remark = event.index
            self._schedule_save()

    def on_remark_list_opened(self, event: RemarkList.Opened) -> None:
        self.set_view("transcript", focus=True)
        self.query_one(TranscriptView).go_to(event.remark.start)

    def on_transcript_view_moved(self, event: TranscriptView.Moved) -> None:
        place = self._place()
        if place is not None:
            place.cursor = event.cursor
            self._schedule_save()

    def on_transcript_view_selection_changed(self, event: TranscriptView.SelectionChanged) -> None:
        place = self._place()
        if place is not None:
            place.anchor = event.view.anchor
            self._schedule_save()

    @property
    def selection(self) -> TextSelection | None:
        """The span selected in the transcript (meeting id, start, end), if any."""
        return self.query_one(TranscriptView).selection

    # -- remembering ---------------------------------------------------------------------

    def _remember_scroll(self) -> None:
        place = self._place()
        if place is not None:
            place.remarks_scroll = self.query_one(RemarkList).top_remark
            place.transcript_scroll = self.query_one(TranscriptView).top_offset

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        """Write the reader's place (also called when the app closes)."""
        self._remember_scroll()
        self.app.save_state()

    @work(exclusive=True, group="jump")
    async def jump_to(self, meeting_id: str, focus: bool = True) -> None:
        """Move the meetings cursor to ``meeting_id`` (found on the library thread)."""
        meetings = self.query_one(MeetingList)
        index = await self.app.client.find_index(meeting_id, meetings.sort, meetings.cursor)
        if index is None:
            self.notify("That meeting is no longer in the library.", severity="warning")
            meetings.cursor = 0
            return
        meetings.cursor = index
        meetings.call_after_refresh(meetings._scroll_cursor_visible, True)
        if focus:
            meetings.focus()
