"""Reading many source files into ready-to-store rows, on every core, with a time bound.

The library's import is two halves: parsing (slow, CPU-bound, pure: ``store.ingest``)
and storing (fast, one sqlite writer). Parsing runs here in a
:class:`~concurrent.futures.ProcessPoolExecutor`; each worker also does the cheap
per-meeting work the writer would otherwise do (compressing the meeting, cutting its
text into search passages), so the single writer only inserts.

Every file gets a wall-clock bound. Inside a worker a ``SIGALRM`` timer interrupts
pure-Python work (Python's ``re`` included); a file stuck in C code is caught by the
parent's own deadline, which kills the pool and starts a new one, so one bad file
costs one failure line and never the import. A worker that crashes outright has its
in-flight files retried one at a time, so only the file that crashes is failed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING, Any, Literal

from store.meeting_codec import encode_meeting
from store.models import Meeting

if TYPE_CHECKING:  # imported where used: the app opens a library without importing
    import multiprocessing.context
    from concurrent.futures import ProcessPoolExecutor

# Files a folder import picks up; a file named on the command line is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W_]")

Status = Literal["ok", "unchanged", "failed"]


@dataclass(frozen=True, slots=True)
class PreparedMeeting:
    """One meeting as the writer stores it: row values, compressed body, passages.

    ``remarks`` are ``(speaker, kind, start, end)`` in remark order; ``passages`` are
    ``(text, start, end, speaker, kind)``: first one per remark in the same order, then
    the paragraphs of text outside every remark, so all of the text is searchable.
    """

    id: str
    title: str
    date: str | None
    place: str | None
    outlet: str | None
    kind: str
    participants: tuple[str, ...]
    people: tuple[tuple[str, str | None, str | None, tuple[str, ...]], ...]
    n_remarks: int
    text_hash: str
    body: bytes
    remarks: tuple[tuple[str | None, str, int, int], ...]
    passages: tuple[tuple[str, int, int, str | None, str | None], ...]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What became of one source file: its meetings, "unchanged", or one sentence."""

    path: str
    status: Status
    sha256: str | None = None
    size: int = 0
    mtime_ns: int = 0
    meetings: tuple[PreparedMeeting, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """A file to parse; ``known_sha256`` lets the worker say "unchanged" without parsing."""

    path: str
    known_sha256: str | None = None


# ---------------------------------------------------------------------------- finding


def discover(
    paths: Iterable[str | os.PathLike[str]], skipped: list[str] | None = None
) -> tuple[list[str], list[tuple[str, str]]]:
    """The files to import under ``paths``, and the paths that are not there at all.

    Folders are walked recursively, skipping hidden files and folders and visiting each
    real folder once, so a symbolic link that points back up cannot loop. Files named
    directly are always included; in folders only document-like suffixes are, and the
    others are added to ``skipped`` (when given) so the summary can say they were left.
    """
    files: list[str] = []
    missing: list[tuple[str, str]] = []
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: str) -> None:
        key = os.path.abspath(path)
        if key not in seen_files:
            seen_files.add(key)
            files.append(key)

    for raw in paths:
        path = os.fspath(raw)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            missing.append((path, f"{path} does not exist."))
            continue
        except OSError as exc:
            missing.append((path, f"{path} cannot be read: {exc.strerror or exc}."))
            continue
        if stat.S_ISDIR(st.st_mode):
            for found in _walk(path, seen_dirs, skipped):
                add(found)
        else:
            add(path)
    return files, missing


def _walk(
    root: str, seen_dirs: set[tuple[int, int]], skipped: list[str] | None = None
) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add(ident)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
                if skipped is not None:
                    skipped.append(os.path.join(dirpath, name))
                continue
            yield os.path.join(dirpath, name)


# ---------------------------------------------------------------------------- preparing


def passages(meeting: Meeting) -> list[tuple[str, int, int, str | None, str | None]]:
    """The searchable pieces of a meeting: each remark, then each uncovered paragraph."""
    out: list[tuple[str, int, int, str | None, str | None]] = [
        (r.text, r.start, r.end, r.speaker, r.kind) for r in meeting.remarks
    ]
    text = meeting.text
    pos = 0
    gaps: list[tuple[int, int]] = []
    for start, end in sorted((r.start, r.end) for r in meeting.remarks):
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        gaps.append((pos, len(text)))
    for gap_start, gap_end in gaps:
        piece_start = gap_start
        for brk in _PARAGRAPH_BREAK.finditer(text, gap_start, gap_end):
            _add_piece(out, text, piece_start, brk.start())
            piece_start = brk.end()
        _add_piece(out, text, piece_start, gap_end)
    return out


def _add_piece(out: list[Any], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    start += lead
    out.append((stripped, start, start + len(stripped), None, None))


def prepare_meeting(meeting: Meeting) -> PreparedMeeting:
    return PreparedMeeting(
        id=meeting.id,
        title=meeting.title,
        date=meeting.date,
        place=meeting.place,
        outlet=meeting.outlet,
        kind=meeting.kind,
        participants=tuple(p.name for p in meeting.participants),
        people=tuple((p.name, p.role, p.affiliation, p.aliases) for p in meeting.participants),
        n_remarks=len(meeting.remarks),
        text_hash=hashlib.sha256(meeting.text.encode("utf-8")).hexdigest(),
        body=encode_meeting(meeting),
        remarks=tuple((r.speaker, r.kind, r.start, r.end) for r in meeting.remarks),
        passages=tuple(passages(meeting)),
    )


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Timeout


def process_file(task: Task, timeout: float | None = None) -> FileResult:
    """Read, hash and parse one file; never raises (failures come back as one sentence).

    Runs in a worker process. ``timeout`` arms a ``SIGALRM`` timer, which only works in
    a process's main thread, so it is skipped elsewhere (the parent's deadline remains).
    """
    from store.ingest import Unreadable, extract
    from store.ingest.sources import read_source

    path = task.path
    armed = False
    if timeout and hasattr(signal, "setitimer"):
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
            armed = True
    try:
        try:
            st = os.stat(path)
            data = read_source(Path(path))
            sha = hashlib.sha256(data).hexdigest()
            if task.known_sha256 == sha:
                return FileResult(path, "unchanged", sha, len(data), st.st_mtime_ns)
            meetings = [m for m in extract(data, path) if m.text.strip()]
            prepared = tuple(prepare_meeting(m) for m in meetings)
        except _Timeout:
            return _timed_out(path, timeout)
        except Unreadable as exc:
            return FileResult(path, "failed", error=str(exc))
        except OSError as exc:
            reason = exc.strerror or exc
            return FileResult(path, "failed", error=f"{path} cannot be read: {reason}.")
        except RecursionError:
            return FileResult(path, "failed", error=f"{path} is nested too deeply to read.")
        except MemoryError:
            return FileResult(path, "failed", error=f"{path} needs more memory than is free.")
        except Exception as exc:  # a parser bug must not stop the import
            return FileResult(
                path, "failed", error=f"{path} could not be read ({type(exc).__name__}: {exc})."
            )
        if not prepared:
            return FileResult(path, "failed", error=f"{path} holds no text Parley can read.")
        return FileResult(path, "ok", sha, len(data), st.st_mtime_ns, prepared)
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _timed_out(path: str, timeout: float | None) -> FileResult:
    return FileResult(
        path,
        "failed",
        error=f"{path} took longer than {timeout or 0:g} seconds to read and was skipped.",
    )


# ---------------------------------------------------------------------------- running

Worker = Callable[[Task, float | None], FileResult]


def run_files(
    tasks: Iterable[Task],
    on_result: Callable[[FileResult], None],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    worker: Worker = process_file,
) -> None:
    """Parse every task and hand each :class:`FileResult` to ``on_result`` as it comes.

    ``jobs=0`` parses in this process, one file after the other (used for the bundled
    samples and tests: no pool start-up). Otherwise ``jobs`` worker processes (default:
    every core) parse in parallel.
    """
    queue = deque(tasks)
    if jobs == 0:
        while queue:
            on_result(worker(queue.popleft(), None))
        return
    jobs = max(1, jobs or os.cpu_count() or 1)
    _Pool(jobs, timeout, worker, on_result).run(queue)


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # here: the app's start need not load it (4 ms)

    # forkserver: workers start from a clean process, safe when the caller has threads
    # (the TUI imports from a worker thread), and cheaper than spawn.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["store.importer", "store.ingest"])
        return ctx
    return multiprocessing.get_context("spawn")


#: Files handed to the pool per worker. The library stores results a batch at a time
#: (200 files, a large part of a second) in this loop's thread; with two files per
#: worker the workers ran dry within milliseconds and idled for the rest of each
#: write. With a few hundred queued, the executor's own thread keeps feeding them
#: meanwhile (a sleep-based model of the import: 16.5 s -> 11.1 s, 10 s ideal). A
#: file's deadline runs from when the executor hands it to a worker
#: (``Future.running``), not from when it was queued behind the others.
_AHEAD = 128
_NOT_STARTED = -1.0


class _Pool:
    """A process pool that survives workers that hang in C code or crash."""

    def __init__(
        self,
        jobs: int,
        timeout: float | None,
        worker: Worker,
        on_result: Callable[[FileResult], None],
    ) -> None:
        self.jobs = jobs
        self.timeout = timeout
        self.worker = worker
        self.on_result = on_result
        # A queued task may wait for one in front of it, so the parent allows twice the
        # bound plus slack before it decides a worker is stuck where SIGALRM cannot reach.
        self.hard_deadline = None if timeout is None else 2 * timeout + 5
        self.ctx = _context()

    def _new_executor(self, workers: int) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=workers, mp_context=self.ctx)

    def run(self, queue: deque[Task]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        suspects: deque[Task] = deque()  # in flight when a worker crashed: retry alone
        executor = self._new_executor(min(self.jobs, max(1, len(queue))))
        in_flight: dict[Future[FileResult], tuple[Task, float, bool]] = {}
        # Futures report here when done: one wait per result, however many are queued
        # (``wait`` on every in-flight future each time cost the parent's CPU).
        finished: SimpleQueue[Future[FileResult]] = SimpleQueue()
        checked = time.monotonic()
        try:
            while queue or suspects or in_flight:
                solo = bool(suspects)
                limit = 1 if solo else _AHEAD * self.jobs
                source = suspects if solo else queue
                while source and len(in_flight) < limit and not (
                    solo and in_flight
                ):
                    task = source.popleft()
                    fut = executor.submit(self.worker, task, self.timeout)
                    in_flight[fut] = (task, _NOT_STARTED, solo)
                    fut.add_done_callback(finished.put)
                done = _finished(finished, in_flight)
                broken = False
                for fut in done:
                    task, _started, was_solo = in_flight.pop(fut)
                    try:
                        self.on_result(fut.result())
                    except BrokenProcessPool:
                        broken = True
                        if was_solo:
                            self.on_result(_crashed(task.path))
                        else:
                            suspects.append(task)
                if broken:
                    for task, _s, was_solo in in_flight.values():
                        (suspects if not was_solo else queue).appendleft(task)
                    in_flight.clear()
                    executor = self._restart(executor, kill=False)
                    continue
                now = time.monotonic()
                if self.hard_deadline is None or now - checked < 0.25:
                    continue
                checked = now
                for fut, (task, started, was_solo) in in_flight.items():
                    if started == _NOT_STARTED and fut.running():
                        in_flight[fut] = (task, now, was_solo)
                stuck = [
                    f for f, (_t, started, _s) in in_flight.items()
                    if started != _NOT_STARTED and now - started > self.hard_deadline
                ]
                if stuck:
                    for fut in stuck:
                        task, _s, _solo = in_flight.pop(fut)
                        self.on_result(_timed_out(task.path, self.timeout))
                    for _fut, (task, _s, _solo) in in_flight.items():
                        queue.appendleft(task)
                    in_flight.clear()
                    executor = self._restart(executor, kill=True)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def _restart(self, executor: ProcessPoolExecutor, *, kill: bool) -> ProcessPoolExecutor:
        if kill:
            # The executor has no public way to stop a busy worker; its process table
            # is the only handle on the stuck one.
            for proc in list(getattr(executor, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    proc.kill()
        executor.shutdown(wait=True, cancel_futures=True)
        return self._new_executor(self.jobs)


def _finished(
    finished: SimpleQueue[Future[FileResult]], in_flight: dict[Future[FileResult], Any]
) -> list[Future[FileResult]]:
    """The in-flight futures done by now, waiting up to half a second for the first;
    futures of a pool already given up (no longer in flight) are passed over."""
    done: list[Future[FileResult]] = []
    try:
        fut = finished.get(timeout=0.5)
        while True:
            if fut in in_flight:
                done.append(fut)
            fut = finished.get_nowait()
    except Empty:
        return done


def _crashed(path: str) -> FileResult:
    return FileResult(path, "failed", error=f"{path} made Parley's reader crash and was skipped.")
