"""Every call into the library and the annotation store, run off the UI thread.

The library sits on sqlite3, whose connections belong to the thread that made them, and
opening the bundled sample library may import documents. So the client owns one worker
thread: the library is opened there and every call runs there, while widgets ``await`` the
results from Textual workers and the screen keeps painting. Nothing here imports Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from store.models import Meeting

T = TypeVar("T")
Started = tuple["LibraryLike", int, int, list["MeetingRowLike"]]
"""The library, its meeting count, the reader's index and the page of rows holding it."""
START_SWITCH_INTERVAL = 0.0002  # seconds; see LibraryClient.begin
KEPT_MEETINGS = 8  # meetings kept on the UI side: the neighbours and the last few shown

SORTS: tuple[str, ...] = ("date_desc", "date_asc", "title", "remarks_desc")
SORT_LABELS: dict[str, str] = {
    "date_desc": "date, newest first",
    "date_asc": "date, oldest first",
    "title": "title",
    "remarks_desc": "most remarks first",
}


class MeetingRowLike(Protocol):
    """What the meetings list reads from a ``store.library.MeetingRow``."""

    id: str
    date: str | None
    title: str
    outlet: str | None
    kind: str
    place: str | None
    participants: tuple[str, ...]
    n_remarks: int
    source: str


class LibraryLike(Protocol):
    """The part of ``store.library.Library`` the browser uses."""

    path: Path
    is_sample: bool

    def count(self, filters: Any = None) -> int: ...
    def rows(
        self,
        offset: int = 0,
        limit: int | None = None,
        sort: str = "date_desc",
        filters: Any = None,
    ) -> Sequence[MeetingRowLike]: ...
    def row(self, meeting_id: str) -> MeetingRowLike: ...
    def meeting(self, meeting_id: str) -> Meeting: ...
    def close(self) -> None: ...


def open_annotation_counts(library_dir: Path) -> tuple[dict[str, tuple[int, int]], str | None]:
    """Tag and bookmark counts per meeting, and a sentence if the store could not be read.

    The annotation store is written by another part of Parley and may not be installed
    yet, so its absence means zero counts rather than an error. Opened read-only: counting
    must never create, lock or back up anything.
    """
    try:
        from store.annotations import AnnotationStore
    except ImportError:
        return {}, None
    try:
        store = AnnotationStore.open(library_dir, read_only=True)
    except Exception as error:  # a damaged or locked store must not stop browsing
        return {}, f"Tag and bookmark counts are not shown: {error}"
    try:
        return dict(store.counts_by_meeting()), None
    finally:
        with contextlib.suppress(Exception):
            store.close()


class LibraryClient:
    """Runs a library's methods on one dedicated thread and hands back awaitables."""

    def __init__(self, opener: Callable[[], LibraryLike]) -> None:
        self._opener = opener
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-library")
        self._library: LibraryLike | None = None
        self.counts: Mapping[str, tuple[int, int]] = {}
        """Tag and bookmark counts per meeting: a copy read at start, then the coding
        store's live view once coding has opened it."""
        self._live_counts = False
        # Meetings loaded ahead (and the last few shown), read and written on the UI
        # thread only: the library thread's results arrive through the event loop.
        self._kept: OrderedDict[str, Meeting] = OrderedDict()
        self._fetching: set[str] = set()
        self._starting: Future[Started] | None = None

    @property
    def library(self) -> LibraryLike | None:
        """The open library, or ``None`` before :meth:`open` finished."""
        return self._library

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    def load_counts(self) -> str | None:
        """Read tag and bookmark counts (call from a worker thread); return any warning.

        Kept apart from :meth:`begin` and off the library thread, so the list and the first
        meeting do not wait for the annotation store to load.
        """
        library = self._need()
        counts, warning = open_annotation_counts(Path(library.path))
        if not self._live_counts:  # coding opened the store meanwhile: its view is newer
            self.counts = counts
        return warning

    def follow_counts(self, live: Mapping[str, tuple[int, int]]) -> None:
        """Show the coding store's live counts from now on (see ``AnnotationStore.live_counts``)."""
        self._live_counts = True
        self.counts = live

    def _need(self) -> LibraryLike:
        if self._library is None:
            raise RuntimeError("The library is not open yet.")
        return self._library

    async def rows(self, offset: int, limit: int, sort: str) -> list[MeetingRowLike]:
        return await self._run(lambda: list(self._need().rows(offset, limit, sort)))

    async def meeting(self, meeting_id: str) -> Meeting:
        meeting = await self._run(lambda: self._need().meeting(meeting_id))
        self._keep(meeting_id, meeting)
        return meeting

    def kept_meeting(self, meeting_id: str) -> Meeting | None:
        """``meeting_id`` if it was loaded ahead or shown lately: no wait for the thread."""
        return self._kept.get(meeting_id)

    def prefetch(self, meeting_ids: Sequence[str]) -> None:
        """Load these meetings on the library thread in the background and keep them.

        Called with the neighbours of the meeting just shown, so that moving on to one
        of them (``j`` held in the meetings pane) shows it in the same frame as the
        cursor, without a round trip to the library thread on the key's path.
        """
        if self._library is None:
            return
        loop = asyncio.get_running_loop()
        library = self._library
        for meeting_id in meeting_ids:
            if meeting_id in self._kept or meeting_id in self._fetching:
                continue
            self._fetching.add(meeting_id)
            future = loop.run_in_executor(self._executor, library.meeting, meeting_id)
            future.add_done_callback(functools.partial(self._prefetched, meeting_id))

    def _prefetched(self, meeting_id: str, future: asyncio.Future[Meeting]) -> None:
        self._fetching.discard(meeting_id)
        if not future.cancelled() and future.exception() is None:
            self._keep(meeting_id, future.result())
        # a meeting that fails to load is loaded again (and the error shown) when opened

    def _keep(self, meeting_id: str, meeting: Meeting) -> None:
        self._kept[meeting_id] = meeting
        self._kept.move_to_end(meeting_id)
        while len(self._kept) > KEPT_MEETINGS:
            self._kept.popitem(last=False)

    def begin(self, sort: str, meeting_id: str | None, hint: int, page_size: int) -> None:
        """Start opening the library on its thread now; later calls do nothing.

        It reads what the first paint shows, in one trip: the library, its meeting
        count, the index of ``meeting_id`` in ``sort`` order (0 if it is gone or not
        given) and the page of ``page_size`` rows holding that index. The app calls this
        when it loads, so the library is open by the time the screen mounts (Textual's
        own start-up takes longer) and the first paint already shows the meetings; before,
        the pane was painted empty, then titled, then filled, a frame of work each.
        """
        if self._starting is not None:
            return

        def _start() -> Started:
            try:
                library = self._opener()
                self._library = library
                total = library.count()
                index = 0
                if meeting_id is not None and total:
                    found = self._find_index(meeting_id, sort, hint)
                    index = found if found is not None else 0
                first = index // page_size * page_size
                return library, total, index, list(library.rows(first, page_size, sort))
            finally:
                sys.setswitchinterval(switch)

        # The UI thread is busy building the app meanwhile, and this thread waits for the
        # GIL after every sqlite call: at Python's 5 ms switch interval a few
        # milliseconds of opening took 60-120 ms. A short interval until it is done.
        switch = sys.getswitchinterval()
        sys.setswitchinterval(START_SWITCH_INTERVAL)
        self._starting = self._executor.submit(_start)

    @property
    def begun(self) -> bool:
        """Whether :meth:`begin` was called."""
        return self._starting is not None

    def started(self, wait: float = 0.0) -> Started | None:
        """What :meth:`begin` read, if it is done (raises what opening raised), else None.

        ``wait`` seconds at most are spent waiting for it, on the calling thread. The
        main screen waits a little before its first paint: the opening is a few
        milliseconds of work, but it shares the GIL with the UI thread building the app
        and so took 15-30 ms, often just too long, and then the first paint showed an
        empty pane and a second one (a frame's work more) filled it. While the UI thread
        waits, the library thread has the interpreter to itself.
        """
        starting = self._starting
        if starting is None:
            return None
        if not starting.done():
            if wait <= 0:
                return None
            wait_for_futures([starting], timeout=wait)
            if not starting.done():
                return None
        return starting.result()

    async def start(self) -> Started:
        """Wait for what :meth:`begin` (which must have been called) reads."""
        assert self._starting is not None, "begin() first"
        return await asyncio.wrap_future(self._starting)

    async def find_index(
        self, meeting_id: str, sort: str, hint: int = 0, page: int = 500
    ) -> int | None:
        """Where ``meeting_id`` sits in ``sort`` order: checks ``hint`` first, then scans pages."""
        return await self._run(self._find_index, meeting_id, sort, hint, page)

    def _find_index(self, meeting_id: str, sort: str, hint: int = 0, page: int = 500) -> int | None:
        """:meth:`find_index` on the library thread."""
        library = self._need()
        near = list(library.rows(max(0, hint - 5), 11, sort))
        for i, row in enumerate(near):
            if row.id == meeting_id:
                return max(0, hint - 5) + i
        offset = 0
        while True:
            rows = list(library.rows(offset, page, sort))
            for i, row in enumerate(rows):
                if row.id == meeting_id:
                    return offset + i
            if len(rows) < page:
                return None
            offset += page

    def close(self) -> None:
        """Close the library on its own thread and stop the thread."""
        library = self._library
        self._library = None
        if library is not None:
            with contextlib.suppress(Exception):
                self._executor.submit(library.close).result(timeout=5)
        self._executor.shutdown(wait=False, cancel_futures=True)
