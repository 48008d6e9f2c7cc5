"""Durable TinyDB files: atomic writes, per-file locks, rolling backups, damage checks.

TinyDB's own ``JSONStorage`` overwrites its file in place (a ``kill -9`` mid-write
leaves it half-written), caches its next document id per process (two processes
overwrite each other), and rewrites the whole table on every write. This module keeps
TinyDB's file format and ``Table`` API but fixes those three things:

* ``AtomicJSONStorage`` writes the whole (small) file to a ``mkstemp`` file in the same
  directory, fsyncs it, ``os.replace``s it over the old one and fsyncs the directory.
  A reader, or a process killed at any instant, sees either the old or the new file.
* ``StrIdTable`` uses string document ids chosen by the caller (uuid4 hex), so no
  per-process id counter exists to go stale.
* ``TinyFile`` pairs one such database with a ``filelock`` lock (an OS ``flock``, so
  it vanishes with a crashed process: no stale lock) and remembers the stat signature
  of the version it last read. The annotation store holds the lock for every
  read-modify-write and re-reads the file first if another process replaced it.
* ``Backups`` keeps the last few versions of each file (hard links to the replaced
  inode: no data copied, so a backup costs a few microseconds) and session snapshots.

A file that does not parse is never written over: loading it raises ``StoreDamaged``,
whose message is one sentence and whose ``backups`` lists usable copies, newest first.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import filelock
import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

# The errors live apart (store.store_errors) so the app can name them without TinyDB.
from store.store_errors import (
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    StoreWriteFailed,
    WriteNotConfirmed,
)

ROLLING_COPIES = 3
"""Versions of each file kept in ``backups/rolling`` (as ``<name>.1`` to ``.3``)."""

SNAPSHOTS_KEPT = 5
"""Whole-store snapshots kept in ``backups/snapshots`` (one per writable open)."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another Parley to finish writing a file before giving up."""

Signature = tuple[int, int, int]


def write_error(err: OSError, path: Path, what: str = "the change") -> StoreError:
    """The one-sentence exception for an ``OSError`` raised while saving ``path``."""
    reason = err.strerror or str(err)
    if isinstance(err, WriteNotConfirmed):
        return StoreWriteFailed(
            f"{what[:1].upper()}{what[1:]} was written to {path.name} but the disk did not "
            f"confirm it ({reason}), so it may not survive a power cut.",
            err.errno,
        )
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreReadOnly(
            f"Could not save {what}: {path.parent} cannot be written ({reason}); "
            "nothing was changed."
        )
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreWriteFailed(
            f"Could not save {what}: the disk holding {path.parent} is full; "
            "nothing was changed, free some space and try again.",
            err.errno,
        )
    return StoreWriteFailed(
        f"Could not save {what} to {path.name} ({reason}); nothing was changed.", err.errno
    )


# --- low-level atomic file writing ------------------------------------------------------


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` survive a power cut."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, before_replace: Any = None) -> None:
    """Replace ``path`` with ``data`` so that it is never seen half-written.

    ``before_replace`` (a callable) runs after the new data is safely on disk and just
    before the swap: the rolling backup hooks in there. On failure the temp file is
    removed and the old file is untouched.
    """
    directory = path.parent
    prefix = f".{path.name}.{os.getpid()}."
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    except FileNotFoundError:  # the first file of a new folder: make it, durably
        directory.mkdir(parents=True, exist_ok=True)
        fsync_dir(directory.parent)
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        _newer_than(tmp, path)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        fsync_dir(directory)
    except OSError as err:
        raise WriteNotConfirmed(err.errno, err.strerror) from err


def _newer_than(tmp: str, path: Path) -> None:
    """Give the new version ``tmp`` a later modification time than ``path``'s.

    Backups are told apart, newest first, by their modification times (a hard link
    keeps its version's), and the kernel stamps files from a clock that moves only every
    few milliseconds: two saves within one tick got the same time, and restoring "the
    newest backup" could then bring back an older version than the one just replaced.
    """
    try:
        old = os.stat(path).st_mtime_ns
        if os.stat(tmp).st_mtime_ns <= old:
            os.utime(tmp, ns=(old + 1, old + 1))
    except FileNotFoundError:  # the first version: nothing to be newer than
        pass


def scan_store(root: Path) -> tuple[list[str], list[Path]]:
    """The data files of a store folder (relative paths: top-level ``*.json`` and
    ``shards/*/*.json``, sorted) and the temp files lying next to them.

    ``os.scandir`` rather than ``Path.glob``: at 100k annotations this walks 5,000
    files on every open, and pathlib's per-path overhead was a tenth of a second.
    """
    data: list[str] = []
    temps: list[Path] = []
    dirs = [("", str(root))]
    shards = os.path.join(root, "shards")
    with contextlib.suppress(FileNotFoundError), os.scandir(shards) as it:
        dirs += [(f"shards/{e.name}/", e.path) for e in it if e.is_dir()]
    for prefix, directory in dirs:
        with contextlib.suppress(FileNotFoundError), os.scandir(directory) as it:
            for e in it:
                if e.name.endswith(".tmp") and e.name.startswith("."):
                    temps.append(Path(e.path))
                elif e.name.endswith(".json") and not e.name.startswith("."):
                    data.append(prefix + e.name)
    return sorted(data), temps


def remove_orphan_temp_files(root: Path) -> int:
    """Delete temp files left by writers that died (the pid is in the file name).

    A temp file of a live process is left alone: it may be about to be renamed.
    """
    removed = 0
    for tmp in scan_store(root)[1]:
        parts = tmp.name.split(".")
        try:
            pid = int(parts[-3])
        except (ValueError, IndexError):
            continue
        if pid == os.getpid() or _pid_alive(pid):
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def signature(path: Path) -> Signature | None:
    """What identifies one written version of ``path`` (a new inode on every write)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def parse_tables(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse TinyDB JSON, raising ``StoreDamaged`` (without backups) if it isn't."""
    if not raw.strip():
        raise StoreDamaged(f"The annotations file {path} is empty.", path)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise StoreDamaged(
            f"The annotations file {path} is damaged (not valid JSON: {err.msg}).", path
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreDamaged(f"The annotations file {path} is damaged (not a TinyDB database).", path)
    return data


def is_usable(path: Path) -> bool:
    """Whether ``path`` is a readable, parseable TinyDB file."""
    try:
        parse_tables(path.read_bytes(), path)
    except (OSError, StoreDamaged):
        return False
    return True


# --- backups ----------------------------------------------------------------------------


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class Backups:
    """Rolling copies of each file plus whole-store snapshots under ``root/backups``.

    Files are only ever replaced, never changed in place, so a hard link to the old
    inode *is* a frozen copy of the old version; it costs a few metadata syscalls
    whatever the file size. (Falls back to a real copy where hard links fail.)

    The version pushed out of the last slot is not deleted in the write: deleting the
    last link of a file makes the file system free it, which waits for a busy journal
    (rotation p95 4 ms, against 0.3 ms when the version is renamed away instead). It is
    renamed into ``backups/trash/<pid>.<n>`` and deleted by a background thread;
    ``close`` waits for that, and ``remove_orphan_discards`` deletes what a process
    that died left there.
    """

    def __init__(self, root: Path, keep: int = ROLLING_COPIES) -> None:
        self.root = root
        self.dir = root / "backups"
        self.keep = keep
        self._slots: dict[str, tuple[str, ...]] = {}
        self._trash = str(self.dir / "trash")
        self._numbers = itertools.count()
        self._discarded: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._sweeper: threading.Thread | None = None
        self._sweeper_lock = threading.Lock()

    def _rolling(self, path: Path, n: int) -> Path:
        rel = path.relative_to(self.root)
        return self.dir / "rolling" / rel.parent / f"{rel.name}.{n}"

    def _slots_of(self, path: Path) -> tuple[str, ...]:
        """``_rolling(path, 1..keep)`` as strings, by string operations: with pathlib
        this took 60 µs, paid by every first write to a meeting in a session."""
        key = str(path)
        slots = self._slots.get(key)
        if slots is None:
            root = str(self.root) + os.sep
            if key.startswith(root):
                base = os.path.join(str(self.dir), "rolling", key[len(root) :])
                slots = tuple(f"{base}.{n}" for n in range(1, self.keep + 1))
            else:
                slots = tuple(str(self._rolling(path, n)) for n in range(1, self.keep + 1))
            self._slots[key] = slots
        return slots

    def rotate(self, path: Path) -> None:
        """Keep the version of ``path`` about to be replaced, in the slot
        ``<name>.<n>`` holding the oldest version (or an empty one).

        Slots are picked by modification time (a hard link keeps the time its version
        was written), so two processes rotating the same file agree on the oldest;
        ``candidates`` orders them newest first. Best effort: a backup that cannot be
        made must not stop the save itself.
        """
        oldest = ""
        try:
            slots = self._slots_of(path)
            oldest, when = slots[0], None
            for slot in slots:
                try:
                    mtime = os.lstat(slot).st_mtime_ns
                except FileNotFoundError:
                    oldest, when = slot, None
                    break
                if when is None or mtime < when:
                    oldest, when = slot, mtime
            if when is not None:
                self._discard(oldest)
            try:
                os.link(path, oldest)
            except FileNotFoundError:
                if not path.exists():
                    return  # the first version of the file: nothing to keep yet
                os.makedirs(os.path.dirname(oldest), exist_ok=True)
                os.link(path, oldest)
        except OSError:
            if oldest:
                with contextlib.suppress(OSError):
                    shutil.copy2(path, oldest)

    def _discard(self, slot: str) -> None:
        """Take ``slot``'s version out of its slot now; delete it in the background."""
        dest = os.path.join(self._trash, f"{os.getpid()}.{next(self._numbers)}")
        try:
            try:
                os.rename(slot, dest)
            except FileNotFoundError:
                if not os.path.lexists(slot):
                    return
                os.makedirs(self._trash, exist_ok=True)
                os.rename(slot, dest)
        except OSError:  # no trash folder to be had: delete it here, as before
            with contextlib.suppress(FileNotFoundError):
                os.unlink(slot)
            return
        with self._sweeper_lock:
            if self._sweeper is None:
                self._sweeper = threading.Thread(
                    target=self._sweep, name="parley-backup-sweeper", daemon=True
                )
                self._sweeper.start()
        self._discarded.put(dest)

    def _sweep(self) -> None:
        while (path := self._discarded.get()) is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def close(self) -> None:
        """Finish deleting the versions pushed out of the rolling slots."""
        with self._sweeper_lock:
            sweeper, self._sweeper = self._sweeper, None
        if sweeper is not None:
            self._discarded.put(None)
            sweeper.join()

    def remove_orphan_discards(self) -> int:
        """Delete the discarded versions a process that died left in the trash."""
        removed = 0
        with contextlib.suppress(FileNotFoundError), os.scandir(self._trash) as it:
            for e in it:
                pid = e.name.partition(".")[0]
                if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                    with contextlib.suppress(OSError):
                        os.unlink(e.path)
                        removed += 1
        return removed

    def snapshot(self, rels: list[str], keep: int = SNAPSHOTS_KEPT) -> Path:
        """Copy the current version of the files ``rels`` (relative to the store);
        keep the newest ``keep`` snapshots. Safe while others write: every file is
        replaced atomically, so a copy catches one whole version or the next.

        Real copies, not hard links: a link would share the live file's inode until that
        file is next rewritten, so damage done in place (a truncating tool, an editor that
        writes through links, bit rot) would damage the snapshot with it."""
        target = self.dir / "snapshots" / utc_stamp()
        made: set[str] = set()
        for rel in rels:
            folder = os.path.dirname(rel)
            if folder not in made:
                os.makedirs(os.path.join(target, folder), exist_ok=True)
                made.add(folder)
            src, dest = os.path.join(self.root, rel), os.path.join(target, rel)
            with contextlib.suppress(OSError):
                shutil.copy2(src, dest)
        snaps = sorted(p for p in (self.dir / "snapshots").iterdir() if p.is_dir())
        for old in snaps[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
        return target

    def candidates(self, path: Path) -> list[Path]:
        """Every backup of ``path``, usable or not, newest first."""
        rel = path.relative_to(self.root)
        found = [self._rolling(path, n) for n in range(1, self.keep + 1)]
        snaps = self.dir / "snapshots"
        if snaps.is_dir():
            found += [s / rel for s in snaps.iterdir()]
        seen: set[tuple[int, int]] = set()
        out: list[tuple[int, Path]] = []
        for p in found:
            try:
                st = p.stat()
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            out.append((st.st_mtime_ns, p))
        return [p for _, p in sorted(out, key=lambda t: t[0], reverse=True)]

    def usable(self, path: Path) -> list[Path]:
        """The backups of ``path`` that parse, newest first."""
        return [p for p in self.candidates(path) if is_usable(p)]


# --- TinyDB pieces ----------------------------------------------------------------------


class StrIdTable(Table):
    """A TinyDB table whose document ids are strings chosen by the caller.

    TinyDB's int ids come from a per-process counter (``_next_id``) that another process
    cannot see; with caller-chosen uuids two processes can never pick the same id.
    """

    document_id_class = str

    def _get_next_id(self) -> str:  # pragma: no cover - we always pass ids
        raise TypeError("StrIdTable documents need an explicit string id.")

    def apply(self, changes: Mapping[str, Mapping[str, Any] | None]) -> None:
        """Upsert or (for ``None``) remove several documents in one file write."""

        def updater(table: dict[str, Mapping[str, Any]]) -> None:
            for doc_id, doc in changes.items():
                if doc is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = dict(doc)

        self._update_table(updater)  # type: ignore[arg-type]


class StoreDB(TinyDB):
    """TinyDB with string-id tables."""

    table_class = StrIdTable


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes atomically and keeps the parsed data in memory.

    ``read`` returns the version last read or written (no disk access), so the caller
    decides when to look at the disk again (``changed_on_disk``/``reload``), under the
    file's lock. A failed write forgets the cached data, so the next read comes from
    disk: memory never runs ahead of the file.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backups: Backups | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.backups = backups
        self.read_only = read_only
        self._data: dict[str, dict[str, Any]] | None = None
        self._loaded = False
        self._sig: Signature | None = None

    def reload(self) -> None:
        """Read the file from disk; ``StoreDamaged`` if it does not parse."""
        self._loaded = False
        self._data = None
        try:
            with open(self.path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            self._sig = None
            self._loaded = True
            return
        self._data = parse_tables(raw, self.path)
        self._sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        self._loaded = True

    @property
    def signature(self) -> Signature | None:
        """The signature of the version held in memory (``None``: none, or no file)."""
        return self._sig if self._loaded else None

    def forget(self) -> None:
        """Drop the cached data: the next read comes from disk."""
        self._loaded = False
        self._data = None

    def changed_on_disk(self) -> bool:
        """Whether another process replaced the file since we last read or wrote it."""
        return not self._loaded or signature(self.path) != self._sig

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self._loaded:
            self.reload()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            self.forget()
            raise StoreReadOnly(
                f"The annotations in {self.path.parent} are open read-only; nothing was changed."
            )
        try:
            payload = orjson.dumps(data)
            rotate = (lambda: self.backups.rotate(self.path)) if self.backups else None
            atomic_write_bytes(self.path, payload, before_replace=rotate)
            self._sig = signature(self.path)
        except OSError as err:
            self.forget()
            raise write_error(err, self.path) from err
        except BaseException:
            self.forget()
            raise
        self._data = data
        self._loaded = True


class TinyFile:
    """One small TinyDB file of the store, with its lock and backups."""

    def __init__(
        self,
        root: Path,
        relpath: str,
        lock: filelock.BaseFileLock,
        *,
        backups: Backups | None,
        read_only: bool,
    ) -> None:
        self.root = root
        self.relpath = relpath
        self.path = root / relpath
        self.lock = lock
        self.db = StoreDB(
            self.path, storage=AtomicJSONStorage, backups=backups, read_only=read_only
        )
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]

    def table(self, name: str) -> dict[str, dict[str, Any]]:
        """The raw documents of table ``name`` (id → dict); do not mutate them."""
        data = self.storage.read() or {}
        return data.get(name, {})

    def refresh(self) -> bool:
        """Re-read the file if another process replaced it; True if it did."""
        if self.storage.changed_on_disk():
            self.storage.reload()
            return True
        return False

    def apply(self, table: str, changes: Mapping[str, Mapping[str, Any] | None]) -> None:
        """Write ``changes`` to ``table`` in one atomic file write (hold ``locked()``)."""
        self.db.table(table).apply(changes)  # type: ignore[attr-defined]


def make_lock(path: Path, timeout: float | None = None) -> filelock.BaseFileLock:
    """An OS-level (flock) lock: released by the kernel if its holder dies."""
    # Not thread-local: the store serialises its threads itself, and a lock taken in
    # one thread (the session lock) may be released by another (a UI worker).
    return filelock.FileLock(
        path, timeout=LOCK_TIMEOUT if timeout is None else timeout, thread_local=False
    )
