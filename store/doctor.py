"""``parley doctor``: check a library and say in plain words what is wrong with it.

A library is two stores that can drift apart from each other and from the disk: the
sqlite index of the imported documents (``store.library``) and the TinyDB files of what
people created (``store.annotations``). Each check below looks at one thing and returns
:class:`Finding` objects, each one sentence a person can act on; the CLI only prints
them. Checks that can be pure take plain values (rows, texts); the few that must look
at the disk say so.

The doctor never changes anything unless asked (``repair``): it reads the sqlite file
itself, read-only, because ``Library.open`` would create a missing library or rebuild
one with an old schema, which is the opposite of a diagnosis. The annotation store is
opened through its public API with ``read_only=True``. Two things the public APIs do
not expose are read from the on-disk formats, read-only: the ``sources``/``meetings``/
``passages`` tables (hash recorded at import, FTS row ranges) and the ``locks/`` and
``backups/`` folders of the annotation store.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import filelock
import orjson

from store.annotations import ANNOTATIONS_DIR, AnnotationStore
from store.library import DB_NAME, REINDEX_FROM, SCHEMA_VERSION
from store.models import Annotation, Meeting
from store.sqlite import sqlite3
from store.tinystore import StoreDamaged, StoreError, make_lock, scan_store

Severity = Literal["ok", "note", "problem"]
"""``ok``: a check passed; ``note``: worth knowing, nothing to fix; ``problem``: fix it."""

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of one check: a sentence, how serious it is, and what it is about."""

    check: str
    severity: Severity
    message: str
    path: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "severity": self.severity, "message": self.message,
                "path": self.path}


@dataclass(slots=True)
class Report:
    """Every finding for one library; ``healthy`` when none is a problem."""

    library: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "problem"]

    @property
    def healthy(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"library": self.library, "healthy": self.healthy,
                "problems": len(self.problems),
                "findings": [f.to_json() for f in self.findings]}


def age_in_words(seconds: float) -> str:
    """``90`` → "2 minutes": how old something is, rounded the way a person says it."""
    seconds = max(0.0, seconds)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = round(seconds / size)
            return f"{n} {unit}{'' if n == 1 else 's'}"
    return "less than a minute"


def _all(n: int, one: str, many: str) -> str:
    """ "All 3 meetings have their" / "The one meeting has its" / "No meetings have their"."""
    if n == 1:
        return f"The one {one}" + (" is" if one.endswith("file") else "")
    if n == 0:
        return f"No {many}" + (" are" if many.endswith("files") else "")
    return f"All {n} {many}" + (" are" if many.endswith("files") else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------------------- the index


def open_index(root: Path) -> sqlite3.Connection | None:
    """A read-only connection to the library's sqlite file, or None if there is none."""
    db = root / DB_NAME
    if not db.is_file():
        return None
    return sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def check_present(root: Path) -> list[Finding]:
    """Is there a library at all? (Looks at the disk.)"""
    if not root.is_dir():
        return [Finding("library", "problem",
                        f"There is no library at {root}; run parley import FOLDER to make one.",
                        str(root))]
    if not (root / DB_NAME).is_file():
        return [Finding("library", "problem",
                        f"The folder {root} holds no Parley library ({DB_NAME} is missing); "
                        "run parley import FOLDER to make one.", str(root))]
    return []


def check_writable(root: Path) -> list[Finding]:
    """Can the library folder be written? (``access(2)``: nothing is created.)

    A read-only library can still be read and searched; only importing and coding
    need to write, so this is a note, not a problem.
    """
    if os.access(root, os.W_OK) and os.access(root / DB_NAME, os.W_OK):
        return []
    return [Finding("library", "note",
                    f"The library folder {root} cannot be written (read-only disk or "
                    "permissions); Parley can read it, but parley import and coding need "
                    "write access.", str(root))]


def check_sqlite_integrity(conn: sqlite3.Connection) -> list[Finding]:
    """sqlite's own ``PRAGMA integrity_check`` of every table and index."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [Finding("integrity", "problem",
                        f"The library file cannot be checked ({exc}); move {DB_NAME} aside and "
                        "run parley import again on your documents.")]
    if rows == ["ok"]:
        return [Finding("integrity", "ok", "The library file passes sqlite's integrity check.")]
    first = rows[0] if rows else "no answer"
    return [Finding("integrity", "problem",
                    f"The library file fails sqlite's integrity check ({first}); move it aside "
                    "and run parley import again on your documents.")]


def check_search_index(db_path: Path) -> list[Finding]:
    """FTS5's ``integrity-check`` of the search index against its stored text.

    FTS5 runs this check as an ``INSERT`` command, so it needs a writable connection;
    it is run inside a transaction that is rolled back, so nothing is changed.
    """
    try:
        conn = sqlite3.connect(db_path, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        return [Finding("search-index", "note",
                        f"The search index was not checked: the library file cannot be "
                        f"opened for the check ({exc}).")]
    try:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO passages(passages, rank) VALUES ('integrity-check', 1)")
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc) or "unable to open" in str(exc):
            return [Finding("search-index", "note",
                            "The search index was not checked because the library folder "
                            "cannot be written (the check needs a write transaction).")]
        return [Finding("search-index", "problem",
                        f"The search index is damaged ({exc}); move {DB_NAME} aside and run "
                        "parley import again on your documents.")]
    except sqlite3.DatabaseError as exc:
        return [Finding("search-index", "problem",
                        f"The search index is damaged ({exc}); move {DB_NAME} aside and run "
                        "parley import again on your documents.")]
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()
    return [Finding("search-index", "ok", "The search index passes FTS5's integrity check.")]


def check_schema(conn: sqlite3.Connection) -> list[Finding]:
    """Is the index written by this Parley's schema version?"""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return []
    # These differ only in the search index, which Library.open rebuilds from the text
    # the library holds (store.library.Library._reindex).
    how = ("its search index is rebuilt from the text it holds (a few minutes for a large "
           "library)" if version in REINDEX_FROM else "it is rebuilt from the source files")
    return [Finding("schema", "note",
                    f"The library index has schema version {version} and this Parley uses "
                    f"{SCHEMA_VERSION}; {how} the next time Parley opens it.")]


def sha256_of(path: str) -> str | None:
    """The file's SHA-256, or None when it cannot be read. (Looks at the disk.)"""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


SourceRow = tuple[str, str | None, str, str | None]
"""(path, sha256 recorded at import, status 'ok'/'failed', error sentence)."""


def source_rows(conn: sqlite3.Connection) -> list[SourceRow]:
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT path, sha256, status, error FROM sources ORDER BY path")]


SOURCES_LISTED = 10
"""Source problems of each kind named one by one; beyond that, one sentence counts the
rest (a moved folder should not print 50,000 lines)."""


def check_sources(
    rows: Iterable[SourceRow],
    exists: Callable[[str], bool] = os.path.isfile,
    digest: Callable[[str], str | None] | None = sha256_of,
) -> list[Finding]:
    """Every imported source file is still there, with the bytes it had at import.

    Pure given ``exists`` and ``digest`` (which default to looking at the disk);
    ``digest=None`` checks existence only.
    """
    kinds: dict[str, list[str]] = {"missing": [], "unreadable": [], "changed": []}
    checked = failed = 0
    for path, sha, status, _error in rows:
        if status != "ok":
            failed += 1
            continue
        checked += 1
        if not exists(path):
            kinds["missing"].append(path)
            continue
        if digest is None:
            continue
        now = digest(path)
        if now is None:
            kinds["unreadable"].append(path)
        elif sha and now != sha:
            kinds["changed"].append(path)
    sentences = {
        "missing": ("The source file {} is missing; its meetings stay in the library, but "
                    "they can no longer be re-imported from it.",
                    "{} more source files are missing."),
        "unreadable": ("The source file {} cannot be read any more; check its permissions.",
                       "{} more source files cannot be read."),
        "changed": ("The source file {} has changed since import; run parley import again "
                    "to bring the library up to date.",
                    "{} more source files have changed since import; run parley import "
                    "again on them."),
    }
    out: list[Finding] = []
    for kind, paths in kinds.items():
        one, rest = sentences[kind]
        out += [Finding("sources", "problem", one.format(p), p) for p in paths[:SOURCES_LISTED]]
        if len(paths) > SOURCES_LISTED:
            out.append(Finding("sources", "problem", rest.format(len(paths) - SOURCES_LISTED)))
    if not out:
        what = " present and unchanged since import." if digest else " present."
        out.append(Finding("sources", "ok", _all(checked, "source file", "source files") + what))
    if failed:
        out.append(Finding("sources", "note",
                           f"{_plural(failed, 'file')} could not be imported; parley import "
                           "lists the reason for each."))
    return out


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A meeting row as stored, with what the other tables hold for it."""

    id: str
    rowid: int
    source_known: bool
    n_remarks: int
    remark_rows: int
    fts_first: int
    fts_last: int
    fts_rows: int
    text_hash: str
    body: bytes | None  # None: the row has no stored body at all


def body_query(conn: sqlite3.Connection) -> str:
    """``SELECT``-able source of each meeting's body, for either on-disk layout.

    Schema 1 kept the body in ``meetings.body``; schema 2 moved it to a ``bodies``
    table keyed by the meeting's rowid. The doctor reads both, so it can diagnose a
    library written by an older Parley before that library is rebuilt.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "bodies" in tables:
        return "(SELECT b.body FROM bodies b WHERE b.meeting = m.rowid)"
    return "m.body"


def meeting_records(conn: sqlite3.Connection) -> Iterable[MeetingRecord]:
    """Every meeting row with its remark and FTS row counts (one query each, streamed)."""
    remark_counts = dict(conn.execute("SELECT meeting, count(*) FROM remarks GROUP BY meeting"))
    fts_counts = dict(conn.execute("SELECT meeting, count(*) FROM passages GROUP BY meeting"))
    sources = {r[0] for r in conn.execute("SELECT id FROM sources")}
    body = body_query(conn)
    for row in conn.execute(
        "SELECT m.id, m.rowid, m.source_id, m.n_remarks, m.fts_first, m.fts_last, "
        f"m.text_hash, {body} FROM meetings m ORDER BY m.rowid"
    ):
        mid, rowid, source_id, n_remarks, first, last, text_hash, blob = row
        yield MeetingRecord(
            id=mid, rowid=rowid, source_known=source_id in sources, n_remarks=n_remarks,
            remark_rows=int(remark_counts.get(rowid, 0)), fts_first=first, fts_last=last,
            fts_rows=int(fts_counts.get(rowid, 0)), text_hash=text_hash, body=blob,
        )


def decode_body(body: bytes) -> Meeting:
    """A stored meeting body back to a :class:`Meeting` (the library's on-disk format)."""
    from store.meeting_codec import decode_meeting

    return decode_meeting(body)


def check_meeting(rec: MeetingRecord) -> list[Finding]:
    """One meeting row: its stored JSON reads back, matches its hash, and is indexed."""
    out: list[Finding] = []
    if rec.body is None:
        return [Finding("meetings", "problem",
                        f"Meeting {rec.id} has no stored text; run parley import again on its "
                        "source file.")]
    try:
        meeting = decode_body(rec.body)
    except (zlib.error, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        return [Finding("meetings", "problem",
                        f"The stored text of meeting {rec.id} cannot be read back "
                        f"({type(exc).__name__}); run parley import again on its source file.")]
    if hashlib.sha256(meeting.text.encode("utf-8")).hexdigest() != rec.text_hash:
        out.append(Finding("meetings", "problem",
                           f"The stored text of meeting {rec.id} does not match its recorded "
                           "hash; run parley import again on its source file."))
    if not rec.source_known:
        out.append(Finding("meetings", "problem",
                           f"Meeting {rec.id} belongs to no recorded source file; run parley "
                           "import again on your documents."))
    if rec.remark_rows != rec.n_remarks or len(meeting.remarks) != rec.n_remarks:
        out.append(Finding("meetings", "problem",
                           f"Meeting {rec.id} should have {rec.n_remarks} remarks but the index "
                           f"holds {rec.remark_rows}; run parley import again on its source "
                           "file."))
    expected = rec.fts_last - rec.fts_first + 1
    if rec.fts_rows != expected:
        out.append(Finding("meetings", "problem",
                           f"Meeting {rec.id} should have {expected} rows in the search index "
                           f"but has {rec.fts_rows}; searches may miss it until it is imported "
                           "again."))
    return out


def check_meetings(records: Iterable[MeetingRecord]) -> list[Finding]:
    """:func:`check_meeting` for every row, and a summary when all are fine. Pure."""
    out: list[Finding] = []
    n = 0
    for rec in records:
        n += 1
        out += check_meeting(rec)
    if not out:
        out.append(Finding("meetings", "ok",
                           _all(n, "meeting has its", "meetings have their") + " stored text, "
                           "remarks and search rows."))
    return out


def check_counts(conn: sqlite3.Connection) -> list[Finding]:
    """Rows in the side tables that point at no meeting (left by an interrupted write)."""
    out: list[Finding] = []
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, what in (("remarks", "remark rows"), ("passages", "search-index rows"),
                        ("people", "participant rows"), ("bodies", "stored texts")):
        if table not in tables:
            continue
        n = conn.execute(
            f"SELECT count(*) FROM {table} WHERE meeting NOT IN (SELECT rowid FROM meetings)"
        ).fetchone()[0]
        if n:
            out.append(Finding("counts", "problem",
                               f"{n} {what} belong to no meeting; run parley import again on "
                               "your documents to rebuild them."))
    return out


# ---------------------------------------------------------------------------- annotations


def check_annotation(a: Annotation, text: str | None) -> list[Finding]:
    """One annotation is anchored to an existing meeting at its quoted text. Pure."""
    quote = " ".join(a.anchor.exact.split())
    quote = quote if len(quote) <= 40 else quote[:39] + "…"
    if a.orphaned:
        return [Finding("annotations", "note",
                        f"The annotation on “{quote}” in meeting {a.meeting_id} is orphaned "
                        "(its passage was not found after a re-import); it is kept and listed "
                        "in parley annotations.")]
    if text is None:
        return [Finding("annotations", "problem",
                        f"The annotation on “{quote}” belongs to meeting {a.meeting_id}, which "
                        "is not in the library; it is kept, and comes back if that document "
                        "is imported again.")]
    if text[a.anchor.start:a.anchor.end] != a.anchor.exact:
        return [Finding("annotations", "problem",
                        f"The annotation on “{quote}” in meeting {a.meeting_id} no longer "
                        f"matches the text at {a.anchor.start}–{a.anchor.end}; it is kept, "
                        "but shows at the wrong place until the meeting is imported again.")]
    return []


def check_annotations(
    annotations: Iterable[Annotation], meeting_text: Callable[[str], str | None]
) -> list[Finding]:
    """Every annotation through :func:`check_annotation`, with a summary. Pure."""
    out: list[Finding] = []
    n = 0
    cache: dict[str, str | None] = {}
    for a in annotations:
        n += 1
        if a.meeting_id not in cache:
            cache[a.meeting_id] = meeting_text(a.meeting_id)
        out += check_annotation(a, cache[a.meeting_id])
    if not any(f.severity == "problem" for f in out):
        anchored = n - len(out)
        out.insert(0, Finding("annotations", "ok",
                              f"{_plural(anchored, 'annotation')} anchored to their meetings."))
    return out


def damage_findings(err: StoreDamaged, now: float | None = None) -> list[Finding]:
    """One sentence per damaged annotations file: which, whether a backup exists, what to do."""
    now = time.time() if now is None else now
    out: list[Finding] = []
    for path in err.damaged:
        try:
            backups = err.backups if path == err.path else AnnotationStore.backups_of(path)
        except StoreError:
            backups = []
        if backups:
            newest = backups[0]
            age = age_in_words(now - newest.stat().st_mtime)
            out.append(Finding("annotation-files", "problem",
                               f"The annotations file {path} is damaged and kept as it is; its "
                               f"newest backup {newest} is {age} old, and parley doctor --repair "
                               "puts it back (the damaged file is moved to annotations/damaged/).",
                               str(path)))
        else:
            out.append(Finding("annotation-files", "problem",
                               f"The annotations file {path} is damaged and no usable backup of "
                               "it exists; move it out of the annotations folder to open the "
                               "rest, and keep it for repair by hand.", str(path)))
    return out


def check_backups(store_root: Path, has_annotations: bool, now: float | None = None
                  ) -> list[Finding]:
    """How old the newest backup of the annotations is. (Looks at ``backups/``.)"""
    now = time.time() if now is None else now
    newest: tuple[float, Path] | None = None
    backups = store_root / "backups"
    for sub in ("snapshots", "rolling"):
        top = backups / sub
        if not top.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(top):
            for name in files:
                p = Path(dirpath) / name
                with contextlib.suppress(OSError):
                    mtime = p.stat().st_mtime
                    if newest is None or mtime > newest[0]:
                        newest = (mtime, p)
        if sub == "snapshots":
            with contextlib.suppress(OSError):
                for snap in top.iterdir():
                    mtime = snap.stat().st_mtime
                    if newest is None or mtime > newest[0]:
                        newest = (mtime, snap)
    if newest is None:
        if has_annotations:
            return [Finding("backups", "note",
                            "There is no backup of the annotations yet; one is made each time "
                            "Parley opens the library for writing.")]
        return [Finding("backups", "ok", "There are no annotations yet, so nothing to back up.")]
    return [Finding("backups", "ok",
                    f"The newest annotations backup is {age_in_words(now - newest[0])} old "
                    f"({newest[1]}).")]


def session_pid(name: str) -> int | None:
    try:
        return int(name.removeprefix("session-").removesuffix(".lock"))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class LeftOvers:
    """What the ``locks/`` folder and the temp files say about other processes."""

    stale_sessions: list[Path]  # session locks nobody holds: their Parley died
    live_pids: list[int]  # other Parleys that have the library open for writing
    dead_temps: list[Path]  # temp files of writers that died before renaming them


def left_overs(store_root: Path) -> LeftOvers:
    """Probe every session lock (``flock`` with no wait) and every temp file's pid.

    Probing a lock takes it for an instant; a live Parley's lock cannot be taken, so
    it is counted as live. (Reads the ``locks/`` folder of the store's on-disk layout.)
    """
    locks = store_root / "locks"
    names: list[str] = []
    with contextlib.suppress(OSError), os.scandir(locks) as it:
        names = sorted(e.name for e in it if e.name.startswith("session-"))
    stale: list[Path] = []
    live: list[int] = []
    for name in names:
        pid = session_pid(name)
        if pid is None or pid == os.getpid():
            continue
        probe = make_lock(locks / name, timeout=0)
        try:
            probe.acquire()
        except filelock.Timeout:
            live.append(pid)
            continue
        except OSError:
            continue
        probe.release()
        stale.append(locks / name)
    temps = scan_store(store_root)[1] if store_root.is_dir() else []
    dead = [t for t in temps if not _pid_alive(_temp_pid(t.name))]
    return LeftOvers(stale, live, dead)


def check_locks(store_root: Path) -> list[Finding]:
    """Session locks and temp files left by a Parley that stopped without closing.

    Locks are OS ``flock`` locks, released by the kernel when their process dies, so
    a left-over file blocks nothing; it is listed so a crash is visible, and removed
    by ``--repair`` or the next writable open.
    """
    found = left_overs(store_root)
    out = [
        Finding("locks", "note",
                f"A lock left by a Parley that stopped without closing (process "
                f"{session_pid(path.name)}) is in {path}; it blocks nothing and parley doctor "
                "--repair removes it.", str(path))
        for path in found.stale_sessions
    ]
    if found.dead_temps:
        out.append(Finding("locks", "note",
                           f"{_plural(len(found.dead_temps), 'unfinished write')} left by a "
                           "Parley that stopped lie in the annotations folder; they were never "
                           "acknowledged, and parley doctor --repair removes them."))
    if found.live_pids:
        pids = ", ".join(str(p) for p in found.live_pids)
        out.append(Finding("locks", "note",
                           f"Another Parley (process {pids}) has this library open for writing; "
                           "both keep their work."))
    if not out:
        out.append(Finding("locks", "ok", "No lock is left over from a crash."))
    return out


def _temp_pid(name: str) -> int:
    parts = name.split(".")
    try:
        return int(parts[-3])
    except (ValueError, IndexError):
        return -1


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---------------------------------------------------------------------------- running


def _text_lookup(conn: sqlite3.Connection) -> Callable[[str], str | None]:
    body = body_query(conn)

    def text(meeting_id: str) -> str | None:
        row = conn.execute(f"SELECT {body} FROM meetings m WHERE m.id = ?",
                           (meeting_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        try:
            return decode_body(row[0]).text
        except Exception:
            return None

    return text


class _Stop(Exception):
    """The index is damaged; the remaining index checks are skipped."""


def run_checks(root: Path, *, hash_sources: bool = True) -> Report:
    """Every check on the library at ``root``; never raises for a broken library."""
    report = Report(str(root))
    missing = check_present(root)
    conn: sqlite3.Connection | None = None
    if missing:
        report.findings += missing
    else:
        try:
            conn = open_index(root)
        except sqlite3.Error as exc:
            report.findings.append(Finding(
                "library", "problem",
                f"The library file {root / DB_NAME} cannot be opened ({exc}).",
            ))
    if conn is not None:
        try:
            report.findings += check_writable(root)
            integrity = check_sqlite_integrity(conn)
            report.findings += integrity
            if any(f.severity == "problem" for f in integrity):
                # Every later check would fail on the same damage: one sentence is enough.
                raise _Stop
            report.findings += check_schema(conn)
            report.findings += check_search_index(root / DB_NAME)
            digest = sha256_of if hash_sources else None
            report.findings += check_sources(source_rows(conn), digest=digest)
            report.findings += check_meetings(meeting_records(conn))
            report.findings += check_counts(conn)
        except _Stop:
            pass
        except sqlite3.DatabaseError as exc:
            report.findings.append(Finding(
                "library", "problem",
                f"The library file {root / DB_NAME} could not be read to the end ({exc}); "
                "move it aside and run parley import again on your documents.",
            ))
    report.findings += _annotation_checks(root, conn)
    if conn is not None:
        conn.close()
    return report


def _annotation_checks(root: Path, conn: sqlite3.Connection | None) -> list[Finding]:
    store_root = root / ANNOTATIONS_DIR
    if not store_root.is_dir():
        return [Finding("annotations", "ok", "There are no annotations yet.")]
    out: list[Finding] = []
    has_annotations = bool(scan_store(store_root)[0])
    try:
        store = AnnotationStore.open(root, read_only=True)
    except StoreDamaged as err:
        out += damage_findings(err)
    except StoreError as err:
        out.append(Finding("annotation-files", "problem", str(err), str(store_root)))
    except OSError as err:
        out.append(Finding("annotation-files", "problem",
                           f"The annotations in {store_root} cannot be read "
                           f"({err.strerror or err}); check the folder's permissions.",
                           str(store_root)))
    else:
        try:
            items = store.all()
            has_annotations = bool(items)
            out.append(Finding("annotation-files", "ok",
                               "Every annotations file is readable."))
            if conn is None:
                out.append(Finding("annotations", "note",
                                   f"{_plural(len(items), 'annotation')} could not be checked "
                                   "against their meetings because there is no library index."))
            else:
                try:
                    out += check_annotations(items, _text_lookup(conn))
                except sqlite3.DatabaseError:
                    out.append(Finding("annotations", "note",
                                       f"{_plural(len(items), 'annotation')} could not be "
                                       "checked against their meetings because the library "
                                       "index cannot be read; they are safe in their own "
                                       "files."))
        finally:
            store.close()
    out += check_backups(store_root, has_annotations)
    out += check_locks(store_root)
    return out


def repair(root: Path) -> list[Finding]:
    """What ``--repair`` does: put back damaged annotation files from their newest
    backup (the damaged file is kept in ``annotations/damaged/``), then open the store
    for writing once, which removes stale session locks and dead writers' temp files.
    Each action is reported as one sentence.
    """
    out: list[Finding] = []
    store_root = root / ANNOTATIONS_DIR
    if not store_root.is_dir():
        return out
    try:
        store = AnnotationStore.open(root, read_only=True)
        store.close()
    except StoreDamaged as err:
        for path in err.damaged:
            try:
                used = AnnotationStore.restore_backup(path)
            except (StoreError, OSError) as exc:
                out.append(Finding("repair", "problem", str(exc).rstrip(".") + ".", str(path)))
                continue
            out.append(Finding("repair", "ok",
                               f"Restored {path} from its backup {used}; the damaged file is "
                               "kept in annotations/damaged/.", str(path)))
    except (StoreError, OSError):
        pass
    found = left_overs(store_root)
    if found.stale_sessions or found.dead_temps:
        try:
            AnnotationStore.open(root).close()
        except (StoreError, OSError) as exc:
            msg = str(exc) if isinstance(exc, StoreError) else (exc.strerror or str(exc))
            out.append(Finding("repair", "problem",
                               f"Left-over locks could not be removed: {msg.rstrip('.')}."))
        else:
            out.append(Finding("repair", "ok",
                               "Removed the locks and unfinished writes left by a crash."))
    return out
