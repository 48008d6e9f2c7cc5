"""The imported corpus on disk: sqlite3 with an FTS5 index, in one library directory.

The corpus is derived data (rebuildable from the source files), read far more often
than written, and must open fast at 50,000 meetings. So it lives in sqlite (WAL mode)
rather than TinyDB: cheap rows for the list views (``meetings``, indexed on date, title
and remark count, never holding text), one compressed JSON body per meeting that is
only read when a meeting is opened, a ``remarks`` table for speaker views and filters,
and an FTS5 table of *passages* (each remark, plus every paragraph outside a remark)
with the ``unicode61 remove_diacritics 2`` tokenizer, so search is case- and
accent-insensitive and ranked by bm25. What people create (annotations) is not here:
it lives in TinyDB under ``<library>/annotations/`` and is owned by
``store.annotations``.

If the schema version on disk differs from this code's, the tables are rebuilt from
the recorded source paths: derived data is never migrated by hand. The exception is a
schema that differs only in the search index's options (schema 2 had no prefix indexes):
FTS5 re-derives that index from the text it already holds (``Library._reindex``).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store import paths
from store.meeting_codec import decode_meeting
from store.models import Meeting, Remark
from store.search import ParsedQuery, QueryError, parse_query, snippet
from store.sqlite import sqlite3

if TYPE_CHECKING:
    from store.importer import FileResult, PreparedMeeting

SCHEMA_VERSION = 3
DB_NAME = "library.sqlite3"
SORTS: dict[str, str] = {
    "date_desc": "m.date DESC, m.id DESC",
    "date_asc": "m.date ASC, m.id ASC",
    "title": "m.title COLLATE NOCASE ASC, m.id ASC",
    "remarks_desc": "m.n_remarks DESC, m.id DESC",
}
# Meetings loaded in full are kept for a few views' worth of back-and-forth.
_MEETING_CACHE = 16
# Files stored per transaction during an import: big enough to be fast, small enough
# that a crash loses little and other readers are not kept waiting long.
_BATCH = 200
DEFAULT_TIMEOUT = 30.0
"""Seconds one file's parse may take before an import gives up on it and says so."""
# Lists the source files of a re-import after a schema change until it has finished.
_PENDING = "rebuild_pending"
# Bytes of new index entries FTS5 may hold in memory before it writes a segment (its
# ``hashsize``; the default, 1 MB, cut a batch into a segment per megabyte or so, each
# written and then merged again). With three prefix indexes a word makes four entries.
_INDEX_MEMORY = 32 * 2**20
# Matches ranked per search (see ``Library.search_parsed``).
RANK_CANDIDATES = 10_000

# The search index, as sqlite records it in ``sqlite_schema`` (``Library._reindex`` writes
# it there). ``prefix``: FTS5 keeps ready-made doclists for every 3-, 4- and
# 5-letter word start, so ``min*`` or ``secur*`` reads one list instead of merging the
# lists of every word with that start (twice: bm25 counts the matching rows on its
# own). Without them such a query took 30-100 ms at 50,000 meetings, and a 2-letter one
# (still unindexed) takes ~0.5 s; each length costs about 13% more disk and 5% more
# import CPU. FTS5 uses a prefix index only for a prefix of exactly that length.
_PASSAGES = """passages USING fts5(
    text, meeting UNINDEXED, start UNINDEXED, "end" UNINDEXED,
    speaker UNINDEXED, kind UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5'
)"""
_PASSAGES_COLUMNS = ("text", "meeting", "start", "end", "speaker", "kind")
# Schema versions whose tables differ from this one's only in ``_PASSAGES``'s options:
# ``Library._reindex`` brings them up to date. Changing those options again (another
# set of prefix lengths) is a new version added here, not a re-import.
REINDEX_FROM = frozenset({2})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL DEFAULT 0,
    mtime_ns INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT,
    status TEXT NOT NULL,          -- 'ok' or 'failed'
    error TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meetings (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    position INTEGER NOT NULL,     -- order of the meeting within its source file
    date TEXT,
    title TEXT NOT NULL,
    outlet TEXT,
    kind TEXT NOT NULL,
    place TEXT,
    participants TEXT NOT NULL,    -- JSON list of canonical names
    n_remarks INTEGER NOT NULL,
    text_hash TEXT NOT NULL,
    fts_first INTEGER NOT NULL,    -- passages rowids fts_first .. fts_last
    fts_last INTEGER NOT NULL
);
-- Bodies apart from the rows: list queries that skip thousands of rows (OFFSET) then
-- walk a small table instead of one spread over the overflow pages of every body.
CREATE TABLE IF NOT EXISTS bodies (
    meeting INTEGER PRIMARY KEY,   -- meetings.rowid
    body BLOB NOT NULL             -- zlib(orjson(Meeting.to_json())), remark texts omitted
);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date, id);
CREATE INDEX IF NOT EXISTS meetings_title ON meetings(title COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS meetings_remarks ON meetings(n_remarks, id);
CREATE INDEX IF NOT EXISTS meetings_source ON meetings(source_id);
CREATE INDEX IF NOT EXISTS meetings_outlet ON meetings(outlet COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS remarks (
    meeting INTEGER NOT NULL,      -- meetings.rowid
    idx INTEGER NOT NULL,
    speaker TEXT,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (meeting, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS remarks_speaker ON remarks(speaker, meeting);
CREATE INDEX IF NOT EXISTS remarks_kind ON remarks(kind, meeting);
CREATE TABLE IF NOT EXISTS people (
    meeting INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    aliases TEXT NOT NULL          -- JSON list
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE INDEX IF NOT EXISTS people_meeting ON people(meeting);
CREATE VIRTUAL TABLE IF NOT EXISTS """ + _PASSAGES + ";\n"


class LibraryError(Exception):
    """A library that cannot be opened or used; ``str(exc)`` is one sentence."""


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A meeting as a list shows it: cheap to load by the thousand, no text."""

    id: str
    date: str | None
    title: str
    outlet: str | None
    kind: str
    place: str | None
    participants: tuple[str, ...]
    n_remarks: int
    source: str


@dataclass(frozen=True, slots=True)
class Filters:
    """Conditions on meetings and remarks; all optional, combined with AND.

    ``speaker`` and ``participant`` match a canonical name or alias, ignoring case, or
    a whole word of the name ("Lavrov" finds "Sergey Lavrov"). Dates are ISO and
    inclusive. ``kinds`` are remark kinds. ``meeting_ids`` narrows to a set (from tag
    or bookmark filters).
    """

    speaker: str | None = None
    participant: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kinds: tuple[str, ...] = ()
    meeting_ids: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the matching remark (or paragraph) and where it sits."""

    meeting_id: str
    date: str | None
    title: str
    speaker: str | None
    kind: str | None
    start: int
    end: int
    snippet: str
    score: float


@dataclass(slots=True)
class _IndexWrites:
    """One import batch's changes to the search index, written after all its other rows.

    Every statement that opens a savepoint (an upsert, a multi-row delete) makes FTS5
    flush what it holds in memory to a new index segment, so writing each file's
    passages between its other rows flushed once per file: a segment per file, merged
    over and over (``tests/bench/run.py`` at 50,000 meetings: an import of 426 s before,
    251 s after). Written last, a batch's passages reach the index in one flush.
    """

    deletes: list[tuple[int, int]] = field(default_factory=list)  # passages rowid ranges
    inserts: list[tuple[Any, ...]] = field(default_factory=list)  # passages rows

    def write(self, conn: sqlite3.Connection) -> None:
        if self.deletes:  # one statement: one savepoint, so one flush at most
            rowids = [r for first, last in self.deletes for r in range(first, last + 1)]
            conn.execute(
                "DELETE FROM passages WHERE rowid IN (SELECT value FROM json_each(?))",
                (orjson.dumps(rowids).decode(),),
            )
        conn.executemany(
            'INSERT INTO passages(rowid, text, meeting, start, "end", speaker, kind) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.inserts,
        )


@dataclass(slots=True)
class ImportSummary:
    """What an import did. ``imported``/``unchanged`` are source paths."""

    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)
    meetings: int = 0  # meetings added or replaced
    reanchored: dict[str, tuple[int, int]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # in folders, not named as documents


class Library:
    """One library directory. Safe to share between threads: one connection behind a
    lock, and a second one that only ranks searches (see ``_rank``)."""

    path: Path
    is_sample: bool

    def __init__(self, path: Path, conn: sqlite3.Connection, *, is_sample: bool = False):
        self.path = path
        self.is_sample = is_sample
        self._conn = conn
        self._lock = threading.RLock()
        self._cache: OrderedDict[str, Meeting] = OrderedDict()
        self._derived: dict[str, tuple[tuple[int, int], Any]] = {}
        self._imports = 0
        # search's second ranking connection and its thread (None: not opened yet)
        self._ranker: tuple[ThreadPoolExecutor, sqlite3.Connection] | bool | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str | None = None, *, is_sample: bool = False) -> Library:
        """Open (creating if missing) the library at ``path`` or the default place."""
        root = paths.library_dir(path) if not isinstance(path, Path) else path
        try:
            root.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                root / DB_NAME, timeout=30, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise LibraryError(f"The library at {root} cannot be opened: {exc}.") from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MB: FTS merges during import
            lib = cls(root, conn, is_sample=is_sample)
            lib._ensure_schema()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise LibraryError(_open_failure(root, exc)) from exc
        return lib

    @classmethod
    def open_default(cls, override: str | None = None) -> Library:
        """The user's library; when it holds no meetings, the bundled sample library."""
        lib = cls.open(paths.library_dir(override))
        if lib.count() > 0:
            return lib
        lib.close()
        sample = cls.open(paths.sample_library_dir(), is_sample=True)
        if sample.count() == 0:
            sample.import_paths([str(p) for p in paths.sample_documents()], jobs=0)
        return sample

    def _ensure_schema(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'meetings'"
        ).fetchone()[0]
        if has_tables and version != SCHEMA_VERSION:
            if not (version in REINDEX_FROM and self._reindex()):
                self._rebuild()
            return
        self._conn.executescript(_SCHEMA)
        if version != SCHEMA_VERSION:  # opening an up-to-date library writes nothing
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if self._pending_rebuild():  # a rebuild that was stopped part-way: finish it
            self._finish_rebuild()

    def _reindex(self) -> bool:
        """Bring a library of a ``REINDEX_FROM`` schema up to date without a re-import.

        Only the ``passages`` definition changed (schema 2 to 3: its ``prefix`` option),
        and FTS5 can re-derive its whole index from the text the table holds ('rebuild').
        So the recorded definition is edited in place, the way sqlite's documentation
        describes for schema changes that leave stored rows as they are, and the index
        rebuilt:
        every row and rowid (``meetings.fts_first``/``fts_last``) stays, nothing is
        read from the source files, and the freed index pages are reused rather than
        left behind. It is CPU work (2-3 minutes at 50,000 meetings), all in one
        transaction: a crash leaves the old schema, tried again at the next open. False
        (nothing changed) when the table's columns differ or sqlite refuses to edit
        its schema (a build in defensive mode); the caller then re-imports.
        """
        conn = self._conn
        columns = tuple(r[1] for r in conn.execute("PRAGMA table_info(passages)"))
        if columns != _PASSAGES_COLUMNS:
            return False
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                stamp = conn.execute("PRAGMA schema_version").fetchone()[0]
                conn.execute("PRAGMA writable_schema = ON")
                edited = conn.execute(
                    "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'passages'",
                    ("CREATE VIRTUAL TABLE " + _PASSAGES,),
                ).rowcount
                conn.execute(f"PRAGMA schema_version = {stamp + 1}")  # re-read the schema
            finally:
                conn.execute("PRAGMA writable_schema = OFF")
            if edited != 1:
                raise sqlite3.OperationalError("no passages table to edit")
            conn.execute("INSERT INTO passages(passages) VALUES ('rebuild')")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
            # The rebuilt index passed through the WAL (most of a GB at 50,000 meetings);
            # give that disk back now rather than when the last connection closes.
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            busy = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if getattr(exc, "sqlite_errorcode", None) in busy:
                raise  # another process is writing: a re-import would fail the same way
            return False
        return True

    def _rebuild(self) -> None:
        """Drop tables written by another schema version and re-import their sources.

        The source paths go into a ``rebuild_pending`` table in the same transaction
        that drops the old tables, and it is dropped only when the re-import is done:
        a rebuild stopped part-way (the app closed, the machine went down) goes on at
        the next open instead of leaving a library that has forgotten its files.
        """
        conn = self._conn
        sources: list[str] = []
        for table in ("sources", _PENDING):
            with contextlib.suppress(sqlite3.Error):
                sources += [r[0] for r in conn.execute(f"SELECT path FROM {table}")]
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'passages_%'"
            )
        ]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for name in names:
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"CREATE TABLE {_PENDING} (path TEXT PRIMARY KEY)")
            conn.executemany(
                f"INSERT OR IGNORE INTO {_PENDING} VALUES (?)", ((p,) for p in sources)
            )
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        self._finish_rebuild()

    def _pending_rebuild(self) -> bool:
        return bool(self._conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (_PENDING,)
        ).fetchone()[0])

    def _finish_rebuild(self) -> None:
        """Re-import what ``rebuild_pending`` lists (files done already count as
        unchanged), then forget the list."""
        pending = [r[0] for r in self._conn.execute(f"SELECT path FROM {_PENDING}")]
        existing = [p for p in pending if os.path.exists(p)]
        if existing:
            self.import_paths(existing)
        self._conn.execute(f"DROP TABLE {_PENDING}")

    def close(self) -> None:
        with self._lock:
            if self._ranker:
                pool, conn = self._ranker
                pool.shutdown(wait=True)
                conn.close()
            self._ranker = False
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ importing

    def import_paths(
        self,
        paths_: Iterable[str | os.PathLike[str]],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        jobs: int | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> ImportSummary:
        """Import files and folders (recursively); failures are reported, never raised.

        A file whose size and modification time are as recorded is "unchanged" without
        being read; one whose bytes hash the same is "unchanged" without being parsed;
        otherwise it is parsed and its meetings replace the ones it gave before.
        ``jobs`` worker processes parse (default every core; 0 parses in-process).
        """
        from store import importer  # only an import needs it (not browsing, not start-up)
        from store.importer import Task

        summary = ImportSummary()
        files, missing = importer.discover(paths_, summary.skipped)
        summary.failed.extend(missing)
        total = len(files)
        done = 0
        if progress:
            progress(0, total, "")
        known = {
            row[0]: (row[1], row[2], row[3], row[4])
            for row in self._query("SELECT path, size, mtime_ns, sha256, status FROM sources")
        }
        tasks: list[Task] = []
        for path in files:
            old = known.get(path)
            if old is not None and old[3] == "ok":
                try:
                    st = os.stat(path)
                except OSError:
                    st = None
                if st is not None and (st.st_size, st.st_mtime_ns) == (old[0], old[1]):
                    summary.unchanged.append(path)
                    done += 1
                    if progress:
                        progress(done, total, path)
                    continue
                tasks.append(Task(path, old[2]))
            else:
                tasks.append(Task(path, None))

        batch: list[FileResult] = []

        def on_result(result: FileResult) -> None:
            nonlocal done
            batch.append(result)
            if len(batch) >= _BATCH:
                self._store_batch(batch, summary)
                batch.clear()
            done += 1
            if progress:
                progress(done, total, result.path)

        if tasks:
            self._size_index_memory()
        try:
            importer.run_files(tasks, on_result, jobs=jobs, timeout=timeout)
        finally:
            if batch:
                self._store_batch(batch, summary)
        self._cache.clear()
        self._imports += 1
        if summary.replaced:
            summary.reanchored = self._reanchor(summary.replaced)
        return summary

    def _size_index_memory(self) -> None:
        """Give FTS5 :data:`_INDEX_MEMORY` to build a batch's segment in (kept in the
        table's config, so this writes only once per library)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT v FROM passages_config WHERE k = 'hashsize'"
            ).fetchone()
            if row is None or row[0] != _INDEX_MEMORY:
                with contextlib.suppress(sqlite3.Error):  # a busy library: the default
                    self._conn.execute(
                        "INSERT INTO passages(passages, rank) VALUES ('hashsize', ?)",
                        (_INDEX_MEMORY,),
                    )

    def _store_batch(self, results: list[FileResult], summary: ImportSummary) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                next_fts = (conn.execute("SELECT max(rowid) FROM passages").fetchone()[0] or 0) + 1
                index = _IndexWrites()
                for res in results:
                    if res.status == "failed":
                        summary.failed.append((res.path, res.error or f"{res.path} failed."))
                        # Keep the meetings it gave before: a file that became unreadable
                        # must not take its meetings (and their annotations) with it.
                        conn.execute(
                            "INSERT INTO sources(path, status, error, imported_at) "
                            "VALUES (?, 'failed', ?, ?) ON CONFLICT(path) DO UPDATE SET "
                            "status = CASE WHEN EXISTS (SELECT 1 FROM meetings WHERE "
                            "source_id = sources.id) THEN sources.status ELSE 'failed' END, "
                            "error = excluded.error",
                            (res.path, res.error, now),
                        )
                        continue
                    source_id = self._upsert_source(res, now)
                    if res.status == "unchanged":
                        summary.unchanged.append(res.path)
                        continue
                    next_fts = self._replace_meetings(source_id, res, next_fts, summary, index)
                    summary.imported.append(res.path)
                index.write(conn)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _upsert_source(self, res: FileResult, now: str) -> int:
        row = self._conn.execute(
            "INSERT INTO sources(path, size, mtime_ns, sha256, status, error, imported_at) "
            "VALUES (?, ?, ?, ?, 'ok', NULL, ?) ON CONFLICT(path) DO UPDATE SET "
            "size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, "
            "status = 'ok', error = NULL, imported_at = excluded.imported_at RETURNING id",
            (res.path, res.size, res.mtime_ns, res.sha256, now),
        ).fetchone()
        return int(row[0])

    def _replace_meetings(
        self,
        source_id: int,
        res: FileResult,
        next_fts: int,
        summary: ImportSummary,
        index: _IndexWrites,
    ) -> int:
        conn = self._conn
        old = conn.execute(
            "SELECT rowid, id, text_hash, fts_first, fts_last FROM meetings "
            "WHERE source_id = ? ORDER BY position",
            (source_id,),
        ).fetchall()
        for rowid, _mid, _h, first, last in old:
            self._delete_meeting(rowid)
            index.deletes.append((first, last))
        for position, pm in enumerate(res.meetings):
            if position < len(old) and old[position][2] != pm.text_hash:
                summary.replaced.append((old[position][1], pm.id))
            next_fts = self._insert_meeting(source_id, position, pm, next_fts, summary, index)
        return next_fts

    def _delete_meeting(self, rowid: int) -> None:
        """Delete one meeting's rows; its passages go with the batch's index writes."""
        conn = self._conn
        conn.execute("DELETE FROM remarks WHERE meeting = ?", (rowid,))
        conn.execute("DELETE FROM people WHERE meeting = ?", (rowid,))
        conn.execute("DELETE FROM bodies WHERE meeting = ?", (rowid,))
        conn.execute("DELETE FROM meetings WHERE rowid = ?", (rowid,))

    def _insert_meeting(
        self,
        source_id: int,
        position: int,
        pm: PreparedMeeting,
        next_fts: int,
        summary: ImportSummary,
        index: _IndexWrites,
    ) -> int:
        conn = self._conn
        first, last = next_fts, next_fts + len(pm.passages) - 1
        cur = conn.execute(
            "INSERT INTO meetings(id, source_id, position, date, title, outlet, kind, place, "
            "participants, n_remarks, text_hash, fts_first, fts_last) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (
                pm.id, source_id, position, pm.date, pm.title, pm.outlet, pm.kind, pm.place,
                orjson.dumps(list(pm.participants)).decode(), pm.n_remarks, pm.text_hash,
                first, last,
            ),
        )
        if cur.rowcount == 0:
            # The same text is already in the library from another file: keep one copy.
            return next_fts
        rowid = cur.lastrowid
        conn.execute("INSERT INTO bodies(meeting, body) VALUES (?, ?)", (rowid, pm.body))
        summary.meetings += 1
        conn.executemany(
            'INSERT INTO remarks(meeting, idx, speaker, kind, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(rowid, i, *r) for i, r in enumerate(pm.remarks)],
        )
        conn.executemany(
            "INSERT INTO people(meeting, name, role, affiliation, aliases) VALUES (?, ?, ?, ?, ?)",
            [(rowid, n, r, a, orjson.dumps(list(al)).decode()) for n, r, a, al in pm.people],
        )
        index.inserts.extend(
            (first + i, text, rowid, *rest) for i, (text, *rest) in enumerate(pm.passages)
        )
        return last + 1

    def _reanchor(self, pairs: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
        """Move annotations of changed meetings to their new text, if annotations exist.

        ``store.annotations`` is optional here so the library works on its own; any
        failure in it is reported per meeting rather than undoing the import.
        """
        try:
            module = importlib.import_module("store.annotations")
        except ImportError:
            return {}
        out: dict[str, tuple[int, int]] = {}
        try:
            store = module.AnnotationStore.open(self.path)
        except Exception:
            return out
        try:
            for old, new in pairs:
                try:
                    out[old] = tuple(store.reanchor(old, new, self.meeting(new).text))
                except Exception:
                    continue
        finally:
            with contextlib.suppress(Exception):
                store.close()
        return out

    # ------------------------------------------------------------------ reading

    def _where(self, filters: Filters | None) -> tuple[str, list[Any]]:
        """SQL conditions on ``meetings m`` for the meeting-level part of ``filters``."""
        if filters is None:
            return "", []
        conds: list[str] = []
        params: list[Any] = []
        if filters.participant:
            names = self.resolve_names(filters.participant)
            conds.append(
                "m.rowid IN (SELECT meeting FROM people WHERE name IN "
                "(SELECT value FROM json_each(?)))"
            )
            params.append(orjson.dumps(names).decode())
        if filters.speaker or filters.kinds:
            sub = "SELECT meeting FROM remarks WHERE 1"
            if filters.speaker:
                sub += " AND speaker IN (SELECT value FROM json_each(?))"
                params.append(orjson.dumps(self.resolve_names(filters.speaker)).decode())
            if filters.kinds:
                sub += " AND kind IN (SELECT value FROM json_each(?))"
                params.append(orjson.dumps(list(filters.kinds)).decode())
            conds.append(f"m.rowid IN ({sub})")
        if filters.outlet:
            conds.append("m.outlet = ? COLLATE NOCASE")
            params.append(filters.outlet)
        if filters.date_from:
            conds.append("m.date >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            conds.append("m.date <= ?")
            # "2015" or "2015-06" as an upper bound means the whole year or month.
            to = filters.date_to
            params.append(to + "\uffff" if len(to) < 10 else to)
        if filters.meeting_ids is not None:
            conds.append("m.id IN (SELECT value FROM json_each(?))")
            params.append(orjson.dumps(sorted(filters.meeting_ids)).decode())
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _generation(self) -> tuple[int, int]:
        """Changes whenever the data may have: our imports, or another process's commit."""
        return (self._conn.execute("PRAGMA data_version").fetchone()[0], self._imports)

    def _cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value derived from the whole library, recomputed only when the data changed."""
        with self._lock:
            gen = self._generation()
            hit = self._derived.get(key)
            if hit is not None and hit[0] == gen:
                return hit[1]
            value = compute()
            self._derived[key] = (gen, value)
            return value

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        """Every canonical name (participants and speakers) with its casefolded aliases."""

        def compute() -> dict[str, tuple[str, ...]]:
            index: dict[str, set[str]] = {}
            for name, aliases in self._conn.execute(
                "SELECT name, aliases FROM people GROUP BY name, aliases"
            ):
                index.setdefault(name, set()).update(a.casefold() for a in orjson.loads(aliases))
            for (speaker,) in self._conn.execute(
                "SELECT DISTINCT speaker FROM remarks WHERE speaker IS NOT NULL"
            ):
                index.setdefault(speaker, set())
            return {name: tuple(sorted(al)) for name, al in index.items()}

        return self._cached("names", compute)

    def resolve_names(self, name: str) -> list[str]:
        """Canonical names that ``name`` stands for: the name, an alias, or a word of it."""
        folded = " ".join(name.split()).casefold()
        if not folded:
            return []
        out: list[str] = []
        for canon, aliases in self._name_index().items():
            full = canon.casefold()
            if (
                full == folded
                or folded in aliases
                or folded in full.split()
                or (" " in folded and folded in full)
            ):
                out.append(canon)
        return sorted(out)

    def count(self, filters: Filters | None = None) -> int:
        where, params = self._where(filters)
        return int(self._query(f"SELECT count(*) FROM meetings m{where}", params)[0][0])

    _ROW_SQL = (
        "SELECT m.id, m.date, m.title, m.outlet, m.kind, m.place, m.participants, "
        "m.n_remarks, s.path FROM meetings m JOIN sources s ON s.id = m.source_id"
    )

    def rows(
        self,
        offset: int = 0,
        limit: int | None = None,
        sort: str = "date_desc",
        filters: Filters | None = None,
    ) -> list[MeetingRow]:
        """A page of meetings for a list view, without loading any text."""
        order = SORTS.get(sort)
        if order is None:
            raise ValueError(f"Unknown sort {sort!r}; use one of {', '.join(SORTS)}.")
        where, params = self._where(filters)
        # The page's rowids first, from the sort's index alone (a deep OFFSET then skips
        # index entries, not rows), then the rows of that page.
        sql = (
            f"{self._ROW_SQL} WHERE m.rowid IN (SELECT m.rowid FROM meetings m{where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}"
        )
        params += [-1 if limit is None else int(limit), max(0, int(offset))]
        return [_row(r) for r in self._query(sql, params)]

    def row(self, meeting_id: str) -> MeetingRow:
        found = self._query(f"{self._ROW_SQL} WHERE m.id = ?", (meeting_id,))
        if not found:
            raise KeyError(meeting_id)
        return _row(found[0])

    def meeting(self, meeting_id: str) -> Meeting:
        """The full meeting (text, remarks, people), decompressed on demand and cached."""
        with self._lock:
            cached = self._cache.get(meeting_id)
            if cached is not None:
                self._cache.move_to_end(meeting_id)
                return cached
            found = self._conn.execute(
                "SELECT b.body FROM meetings m JOIN bodies b ON b.meeting = m.rowid "
                "WHERE m.id = ?",
                (meeting_id,),
            ).fetchone()
            if found is None:
                raise KeyError(meeting_id)
            meeting = decode_meeting(found[0])
            self._cache[meeting_id] = meeting
            while len(self._cache) > _MEETING_CACHE:
                self._cache.popitem(last=False)
            return meeting

    def sources(self) -> list[tuple[str, str, str | None]]:
        """Every source file recorded: (path, status, error sentence)."""
        sql = "SELECT path, status, error FROM sources ORDER BY path"
        return [(r[0], r[1], r[2]) for r in self._query(sql)]

    # ------------------------------------------------------------------ searching

    def search(self, query: str, filters: Filters | None = None, limit: int = 500) -> list[Hit]:
        """Ranked passages matching ``query``; raises :class:`QueryError` (one sentence).

        Words must all appear in the same remark or paragraph; see :mod:`store.search`
        for the syntax. ``filters.speaker``/``kinds`` apply to the matching passage, the
        other filters to its meeting.
        """
        parsed = parse_query(query)
        return self.search_parsed(parsed, filters, limit)

    def search_parsed(
        self, parsed: ParsedQuery, filters: Filters | None = None, limit: int = 500
    ) -> list[Hit]:
        """Search with a parsed query, in two steps that keep common words fast.

        First the passages that match (and pass the filters) are ranked by bm25, at most
        :data:`RANK_CANDIDATES` of them in index order: ranking costs a lookup per match,
        and a word in every other passage would otherwise take seconds at 50,000
        meetings. Then only the ``limit`` best are read back with their meetings, and
        their snippets are cut in Python around the first match.
        """
        conds: list[str] = []
        params: list[Any] = [parsed.fts()]
        meeting_filters = None
        if filters is not None:
            meeting_filters = Filters(
                participant=filters.participant,
                outlet=filters.outlet,
                date_from=filters.date_from,
                date_to=filters.date_to,
                meeting_ids=filters.meeting_ids,
            )
            if filters.speaker:
                conds.append("p.speaker IN (SELECT value FROM json_each(?))")
                params.append(orjson.dumps(self.resolve_names(filters.speaker)).decode())
            if filters.kinds:
                conds.append("p.kind IN (SELECT value FROM json_each(?))")
                params.append(orjson.dumps(list(filters.kinds)).decode())
        where, mparams = self._where(meeting_filters)
        join = ""
        if where:
            join = " JOIN meetings m ON m.rowid = p.meeting"
            conds.append(where.removeprefix(" WHERE "))
            params += mparams
        extra = "".join(f" AND {c}" for c in conds)
        ranked_sql = (
            "SELECT r, s FROM (SELECT p.rowid AS r, bm25(passages) AS s "
            f"FROM passages p{join} WHERE passages MATCH ?{extra} LIMIT ? OFFSET ?) "
            "ORDER BY s LIMIT ?"
        )
        try:
            ranked = self._rank(ranked_sql, params, max(0, int(limit)))
        except sqlite3.OperationalError as exc:
            raise QueryError(f"The search could not be run ({exc}).") from exc
        if not ranked:
            return []
        details = {
            r[0]: r[1:]
            for r in self._query(
                'SELECT p.rowid, p.text, p.start, p."end", p.speaker, p.kind, '
                "m.id, m.date, m.title FROM passages p JOIN meetings m ON m.rowid = p.meeting "
                "WHERE p.rowid IN (SELECT value FROM json_each(?))",
                (orjson.dumps([r[0] for r in ranked]).decode(),),
            )
        }
        pattern = parsed.pattern()
        hits = []
        for rowid, score in ranked:
            d = details.get(rowid)
            if d is None:  # deleted by another process between the two steps
                continue
            text, start, end, speaker, kind, mid, date, title = d
            hits.append(
                Hit(
                    meeting_id=mid, date=date, title=title, speaker=speaker, kind=kind,
                    start=int(start), end=int(end), snippet=snippet(text, pattern),
                    score=-float(score),
                )
            )
        return hits

    def _rank(self, sql: str, params: list[Any], limit: int) -> list[tuple[int, float]]:
        """The ``limit`` best of the first :data:`RANK_CANDIDATES` matches, as (rowid, bm25).

        The candidates are ranked in two halves at once, the first here and the second
        (``OFFSET``) on a second connection in a thread: sqlite runs without the GIL, so
        on two cores the slow searches (phrases and several words, whose bm25 weights
        need whole-table counts before any ranking) take the longer half's time rather
        than the sum (``tests/bench/run.py``). Both halves run the same statement, so
        together they are exactly the candidates one statement would rank; the merge
        keeps sqlite's order for equal scores (first half first).
        """
        half = RANK_CANDIDATES // 2
        first = [*params, half, 0, limit]
        second = [*params, RANK_CANDIDATES - half, half, limit]
        ranker = self._second_connection()
        if ranker is None:
            return self._query(sql, [*params, RANK_CANDIDATES, 0, limit])
        pool, conn = ranker
        later = pool.submit(lambda: conn.execute(sql, second).fetchall())
        try:
            ranked = self._query(sql, first)
        finally:
            rest = later.result()
        return sorted([*ranked, *rest], key=lambda hit: hit[1])[:limit]

    def _second_connection(self) -> tuple[ThreadPoolExecutor, sqlite3.Connection] | None:
        """The ranking thread and its own read connection, opened on first search.

        ``None`` when there is a single core to share (nothing to gain) or the
        connection cannot be opened (the search then runs as one statement).
        """
        if self._ranker is None:
            if (os.cpu_count() or 1) < 2:
                self._ranker = False
                return None
            try:
                conn = sqlite3.connect(
                    self.path / DB_NAME, timeout=30, isolation_level=None,
                    check_same_thread=False,
                )
                conn.execute("PRAGMA cache_size=-65536")
            except sqlite3.Error:
                self._ranker = False
                return None
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-rank")
            self._ranker = (pool, conn)
        return self._ranker or None

    # ------------------------------------------------------------------ people

    def speakers(self) -> list[tuple[str, tuple[str, ...], int, int]]:
        """Everyone who has remarks: (name, roles, n_meetings, n_remarks), most first."""
        from store import analysis

        return list(self._cached("speakers", lambda: analysis.speakers(self._conn)))

    def remarks_by(self, speaker: str) -> list[tuple[MeetingRow, Remark]]:
        """Every remark of ``speaker`` (a name, alias or word of it), in date order."""
        from store import analysis

        names = self.resolve_names(speaker)
        with self._lock:
            return analysis.remarks_by(self._conn, names, self._ROW_SQL)


def _row(r: Sequence[Any]) -> MeetingRow:
    return MeetingRow(
        id=r[0], date=r[1], title=r[2], outlet=r[3], kind=r[4], place=r[5],
        participants=tuple(orjson.loads(r[6])), n_remarks=int(r[7]), source=r[8],
    )


__all__ = [
    "Filters",
    "Hit",
    "ImportSummary",
    "Library",
    "LibraryError",
    "MeetingRow",
    "QueryError",
]


def _open_failure(root: Path, exc: sqlite3.DatabaseError) -> str:
    """The one sentence for a library that failed to open (or to upgrade while opening).

    Only a file sqlite cannot read as a database is called damaged: a locked library,
    a full disk or a read-only folder are passing or outside troubles, and advising to
    move the library aside and import everything again would be harmful. An upgrade
    stopped by one of them left the library as it was (it runs in one transaction) and
    is tried again at the next open.
    """
    message = str(exc).lower()
    if _cannot_write(root, exc):
        return (
            f"The library at {root} cannot be written (a read-only disk or folder "
            "permissions); nothing in it was changed."
        )
    if "locked" in message or "busy" in message:
        return (
            f"The library at {root} is busy: another program (another Parley importing?) "
            "holds it; nothing was changed, so open it again once that is done."
        )
    if "full" in message:
        return (
            f"The disk holding the library at {root} is full; nothing was changed, so free "
            "some space and open it again."
        )
    return (
        f"The library file {root / DB_NAME} is damaged ({exc}); move it aside and "
        "import the documents again."
    )


def _cannot_write(root: Path, exc: sqlite3.DatabaseError) -> bool:
    """Whether ``exc`` comes from a library Parley may not write, rather than a damaged one.

    sqlite reports both as errors on open ("attempt to write a readonly database",
    "unable to open database file"); telling a user whose disk is read-only that the file
    is damaged and should be moved aside would be harmful advice.
    """
    if "readonly" in str(exc) or "read-only" in str(exc):
        return True
    db = root / DB_NAME
    return not os.access(root, os.W_OK) or (db.exists() and not os.access(db, os.W_OK))
