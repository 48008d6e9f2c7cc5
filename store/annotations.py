"""What people create while reading: tags, bookmarks, notes, the codebook, saved searches.

``AnnotationStore`` is the only door to this data (the TUI and the exporters never touch
TinyDB). It keeps everything in memory, indexed by id, by meeting, with per-tag and
per-meeting counts, so the UI reads dictionaries; and every change goes to disk before
the method returns, through ``store.tinystore``:

* one small TinyDB file per meeting (``shards/ab/<hash>.json``), so a write rewrites a
  few kilobytes whatever the size of the library, atomically (temp file, fsync,
  ``os.replace``, fsync of the folder): an acknowledged write survives ``kill -9``;
* each change is a read-modify-write under that file's ``flock`` lock, re-reading the
  file first if another process replaced it: two Parleys on one library both keep
  their work (no lost update), and each sees the other's changes on ``refresh()``
  (``for_meeting`` re-checks its meeting's file on every call, one ``stat``);
* string uuid ids, rolling backups of every file, a snapshot per open, a schema
  version with migrations, and damaged files reported (``StoreDamaged``) and kept.

Every coding action is recorded on a session undo stack (``undo``/``redo``), and
``reanchor`` moves a re-imported meeting's annotations to its new text.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import filelock
import orjson

from store.anchoring import locate, make_anchor
from store.codebook import check_colour, default_colour, is_within, moved_name, normalise_tag
from store.models import Anchor, Annotation, Tag
from store.schema import (
    CODEBOOK_FILE,
    SCHEMA_VERSION,
    STORE_FILE,
    V0_FILE,
    migrate,
    now_iso,
    read_version,
    shard_relpath,
    write_version,
)
from store.store_errors import StoreBusy, StoreTooNew
from store.tinystore import (
    Backups,
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    StoreWriteFailed,
    TinyFile,
    atomic_write_bytes,
    is_usable,
    make_lock,
    parse_tables,
    remove_orphan_temp_files,
    scan_store,
    signature,
    utc_stamp,
    write_error,
)
from store.undo import Command, UndoStack

__all__ = [
    "AnnotationStore",
    "StoreBusy",
    "StoreDamaged",
    "StoreError",
    "StoreReadOnly",
    "StoreTooNew",
    "StoreWriteFailed",
]

ANNOTATIONS_DIR = "annotations"
OPEN_SHARDS = 32
"""Shard files whose TinyDB objects and parsed documents stay in memory between writes
(the least recently used is dropped first). Coding happens a meeting or a few at a time,
so these are the files written again; any other is read again (a few kilobytes) on its
next write. Keeping every file ever written left ~100 objects behind per first write to
a meeting, so Python's cyclic GC ran 30 times as often at 100k annotations as at 1k
(per 1,000 writes: 160 young and 15 middle collections and a 0.26 s full one, against
5 young ones) and those collections were most of the extra cost of a write at 100k."""
_EDITABLE = frozenset({"tags", "bookmark", "note"})

Pair = tuple[Annotation | None, Annotation | None]
TagPair = tuple[Tag | None, Tag | None]


class _NoLock:
    """Stands in for a file lock when the folder is read-only (nothing is written)."""

    def acquire(self) -> None:
        return None

    def release(self) -> None:
        return None


def _probe_writable(root: Path) -> str | None:
    """``None`` if ``root`` can be created and written, else the reason in words."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".probe.{os.getpid()}.", suffix=".tmp", dir=root)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        return err.strerror or str(err)
    return None


def _passages(n: int) -> str:
    return f"{n} passage" if n == 1 else f"{n} passages"


def _is_empty(a: Annotation) -> bool:
    """An annotation with no tag, bookmark or note carries nothing and is removed."""
    return not a.tags and not a.bookmark and not a.note


def _decode(d: Mapping[str, Any]) -> Annotation:
    """``Annotation.from_json`` with positional construction (a third faster; 100k of
    these are built when a large library opens)."""
    a = d["anchor"]
    return Annotation(
        d["id"],
        d["meeting_id"],
        Anchor(
            int(a["start"]), int(a["end"]), a["exact"], a.get("prefix", ""), a.get("suffix", "")
        ),
        tuple(d.get("tags") or ()),
        bool(d.get("bookmark")),
        d.get("note", ""),
        d.get("created", ""),
        d.get("updated", ""),
        bool(d.get("orphaned")),
    )


def _decode_shard(path: Path, table: Mapping[str, Any]) -> dict[str, Annotation]:
    """The annotations of one shard table; ``StoreDamaged`` if a document is malformed."""
    try:
        return {i: _decode(d) for i, d in table.items()}
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise StoreDamaged(
            f"The annotations file {path} is damaged (an annotation lacks {err}).", path
        ) from None


def _annotation_root(path: Path) -> Path:
    for parent in path.parents:
        if parent.name == ANNOTATIONS_DIR:
            return parent
    raise StoreError(f"{path} is not inside an annotations folder.")


class AnnotationStore:
    """Annotations, codebook and saved searches of one library (see module docstring).

    Open with ``AnnotationStore.open(library_dir)``. Every method that changes something
    has written it durably when it returns, or raised a ``StoreError`` subclass whose
    message is one sentence, leaving memory and disk as they were.
    """

    def __init__(self, root: Path, *, read_only: bool) -> None:
        self.root = root
        self.read_only = read_only
        self.backups = Backups(root)
        self._lock = threading.RLock()
        self._locks: dict[str, Any] = {}
        self._files: OrderedDict[str, TinyFile] = OrderedDict()
        self._shard_docs: dict[str, dict[str, Annotation]] = {}
        self._seen: dict[str, tuple[int, int, int] | None] = {}
        self._docs: dict[str, Annotation] = {}
        self._sorted: list[Annotation] | None = None
        self._by_meeting: dict[str, dict[str, Annotation]] = {}
        self._tag_counts: Counter[str] = Counter()
        self._meeting_counts: dict[str, tuple[int, int]] = {}
        self._tags: dict[str, Tag] = {}
        self._searches: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self._undo = UndoStack()
        self._closed = False
        self._snapshotter: threading.Thread | None = None
        self._session: filelock.BaseFileLock | None = None
        self._codebook = self._tinyfile(CODEBOOK_FILE)

    # --- opening -------------------------------------------------------------------

    @classmethod
    def open(cls, library_dir: Path | str, *, read_only: bool = False) -> AnnotationStore:
        """Open (creating if needed) the annotations of the library at ``library_dir``.

        Raises ``StoreDamaged`` for a file that does not parse (nothing is changed;
        see ``restore_backup``/``set_aside``), ``StoreTooNew`` for a newer schema, and
        ``StoreReadOnly`` when the folder cannot be written, unless ``read_only`` is
        true, in which case it opens for reading and every write raises
        ``StoreReadOnly``.
        """
        root = Path(library_dir) / ANNOTATIONS_DIR
        if not read_only:
            reason = _probe_writable(root)
            if reason is not None:
                raise StoreReadOnly(
                    f"The annotations folder {root} cannot be written ({reason}); "
                    "open the library read-only or fix the folder's permissions."
                )
        store = cls(root, read_only=read_only)
        store._load()
        store._start_session()
        return store

    def _start_session(self) -> None:
        """Hold ``locks/session-<pid>.lock`` while open, so others can see us."""
        if self.read_only:
            return
        self.other_sessions()  # clears session files left by crashed copies
        lock = make_lock(self.root / "locks" / f"session-{os.getpid()}.lock", timeout=0)
        with contextlib.suppress(filelock.Timeout, OSError):
            lock.acquire()
            self._session = lock

    def other_sessions(self) -> list[int]:
        """Process ids of other running Parleys that have this library open for writing.

        Both copies can keep coding: every write merges into the latest file under its
        lock, so neither overwrites the other. The UI says so, and calls ``refresh()``
        to show the other copy's changes. A session file left by a crashed Parley is
        not locked by anyone; it is removed here.
        """
        found: list[int] = []
        try:
            with os.scandir(self.root / "locks") as it:
                names = [e.name for e in it if e.name.startswith("session-")]
        except FileNotFoundError:
            return []
        for name in names:
            try:
                pid = int(name.removeprefix("session-").removesuffix(".lock"))
            except ValueError:
                continue
            if pid == os.getpid():
                continue
            path = self.root / "locks" / name
            probe = make_lock(path, timeout=0)
            try:
                probe.acquire()
            except filelock.Timeout:
                found.append(pid)
                continue
            except OSError:
                continue
            try:
                if not self.read_only:
                    with contextlib.suppress(OSError):
                        os.unlink(path)
            finally:
                probe.release()
        return sorted(found)

    def _load(self) -> None:
        if not self.root.is_dir():  # read-only and never created: an empty store
            return
        with self._lock, self._lock_for("store"):  # type: ignore[attr-defined]
            self._prepare_layout()
            damaged: list[StoreDamaged] = []
            try:
                self._refresh_codebook()
            except StoreDamaged as err:
                damaged.append(err)
            rels = scan_store(self.root)[0]
            for rel in rels:
                if not rel.startswith("shards/"):
                    continue
                try:
                    self._load_shard(rel)
                except StoreDamaged as err:
                    damaged.append(err)
            if damaged:
                raise self._damaged_error(damaged)
            if not self.read_only:
                # A snapshot of the whole folder per session, made in the background:
                # hard links cost little, but 5,000 of them still take a while.
                self._snapshotter = threading.Thread(
                    target=self._snapshot, args=(rels,), name="parley-snapshot", daemon=True
                )
                self._snapshotter.start()

    def _snapshot(self, rels: list[str]) -> None:
        with contextlib.suppress(OSError):
            self.backups.snapshot(rels)

    def _prepare_layout(self) -> None:
        """Create, check or migrate the folder's schema; remove dead writers' temp files."""
        try:
            version = read_version(self.root)
        except StoreDamaged as err:
            raise self._damaged_error([err]) from None
        if version is not None and version > SCHEMA_VERSION:
            migrate(self.root, version)  # raises StoreTooNew
        if self.read_only:
            if version is not None and version < SCHEMA_VERSION:
                raise StoreReadOnly(
                    f"The annotations in {self.root} need upgrading to this Parley's format, "
                    "which needs a writable folder."
                )
            return
        try:
            if version is None:
                write_version(self.root, SCHEMA_VERSION)
            elif version < SCHEMA_VERSION:
                self.backups.snapshot(scan_store(self.root)[0])
                try:
                    migrate(self.root, version)
                except StoreDamaged as err:
                    raise self._damaged_error([err]) from None
            elif (self.root / V0_FILE).exists():  # a migration interrupted at its end
                done = self.root / "backups" / "migrated"
                done.mkdir(parents=True, exist_ok=True)
                os.replace(self.root / V0_FILE, done / f"annotations.v0.{utc_stamp()}.json")
            remove_orphan_temp_files(self.root)
            self.backups.remove_orphan_discards()
        except OSError as err:
            raise write_error(err, self.root / STORE_FILE, "the annotations folder") from err

    def _damaged_error(self, errors: list[StoreDamaged]) -> StoreDamaged:
        first = errors[0]
        backups = self.backups.usable(first.path) if first.path.is_relative_to(self.root) else []
        if backups:
            tail = (
                f"it is kept as it is, and its newest backup ({backups[0]}) can replace it: "
                "run parley doctor --repair"
            )
        else:
            tail = "it is kept as it is and no usable backup of it exists"
        extra = len(errors) - 1
        more = ""
        if extra:
            more = f", and {extra} more file{' is' if extra == 1 else 's are'} damaged"
        message = f"{str(first).rstrip('.')}; {tail}{more}."
        return StoreDamaged(message, first.path, backups, [e.path for e in errors])

    # --- repairing damaged files (the store cannot open while one is damaged) -------

    @classmethod
    def backups_of(cls, path: Path | str) -> list[Path]:
        """Usable backups of an annotations file, newest first."""
        path = Path(path)
        return Backups(_annotation_root(path)).usable(path)

    @classmethod
    def restore_backup(cls, path: Path | str, backup: Path | str | None = None) -> Path:
        """Replace the damaged ``path`` by ``backup`` (default: its newest usable backup).

        The damaged file is moved to ``annotations/damaged/`` (kept, never overwritten).
        Returns the backup used; raises ``StoreError`` when there is none.
        """
        path = Path(path)
        root = _annotation_root(path)
        chosen = Path(backup) if backup is not None else None
        if chosen is None:
            usable = Backups(root).usable(path)
            if not usable:
                raise StoreError(
                    f"No usable backup of {path} exists; use AnnotationStore.set_aside to "
                    "open the rest of the annotations without it."
                )
            chosen = usable[0]
        elif not is_usable(chosen):
            raise StoreError(f"The backup {chosen} is not a usable annotations file either.")
        with make_lock(root / "locks" / "store.lock"):
            data = chosen.read_bytes()
            if path.exists():
                cls._move_to_damaged(root, path)
            atomic_write_bytes(path, data)
        return chosen

    @classmethod
    def set_aside(cls, path: Path | str) -> Path:
        """Move a damaged file to ``annotations/damaged/`` so the rest can open.

        The annotations in it are no longer shown, but the file is kept; returns where.
        """
        path = Path(path)
        root = _annotation_root(path)
        with make_lock(root / "locks" / "store.lock"):
            return cls._move_to_damaged(root, path)

    @staticmethod
    def _move_to_damaged(root: Path, path: Path) -> Path:
        rel = path.relative_to(root)
        dest = root / "damaged" / rel.parent / f"{rel.name}.{utc_stamp()}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, dest)
        return dest

    # --- files, locks and indexes ------------------------------------------------------

    def _lock_for(self, bucket: str) -> Any:
        lock = self._locks.get(bucket)
        if lock is None:
            if self.read_only:
                lock = _NoLock()
            else:
                (self.root / "locks").mkdir(parents=True, exist_ok=True)
                lock = make_lock(self.root / "locks" / f"{bucket}.lock")
            self._locks[bucket] = lock
        return _Held(lock, bucket)

    def _tinyfile(self, rel: str) -> TinyFile:
        bucket = rel.split("/")[1] if rel.startswith("shards/") else rel.removesuffix(".json")
        held = self._lock_for(bucket)
        return TinyFile(self.root, rel, held.lock, backups=self.backups, read_only=self.read_only)

    def _file(self, rel: str) -> TinyFile:
        """The shard file ``rel`` (hold ``self._lock``): one of the ``OPEN_SHARDS``
        most recently used, the least recently used one being dropped for it."""
        tf = self._files.get(rel)
        if tf is None:
            tf = self._files[rel] = self._tinyfile(rel)
            if len(self._files) > OPEN_SHARDS:
                self._files.popitem(last=False)[1].db.close()
        else:
            self._files.move_to_end(rel)
        return tf

    def _load_shard(self, rel: str) -> None:
        """Read a shard at open, without building its TinyDB objects yet.

        At 100k annotations there are 5,000 shards; TinyDB objects for each cost a
        sixth of the opening time, and most shards are never written in a session.
        The stat signature read here lets ``_refresh_file`` skip them until changed.
        """
        path = os.path.join(self.root, rel)
        try:
            with open(path, "rb") as fh:
                st = os.fstat(fh.fileno())
                raw = fh.read()
        except FileNotFoundError:
            return
        tables = parse_tables(raw, Path(path))
        self._set_shard(rel, _decode_shard(Path(path), tables.get("annotations", {})))
        self._seen[rel] = (st.st_ino, st.st_mtime_ns, st.st_size)

    def _refresh_file(self, rel: str) -> bool:
        """Re-read a shard if its file is not the version the indexes hold (one stat).

        ``_seen[rel]`` is the signature of the version in the indexes (read at open,
        re-read here, or written by ``_edit``); a TinyFile's parsed copy, when it has
        one, is always that same version, so an unchanged file is neither read nor
        decoded again.
        """
        sig = signature(self.root / rel)
        if sig == self._seen.get(rel):
            tf = self._files.get(rel)
            if tf is not None and tf.storage.signature != sig:
                tf.storage.forget()  # never write from a copy older than the indexes
            return False
        tf = self._file(rel)
        tf.storage.reload()
        try:
            docs = _decode_shard(tf.path, tf.table("annotations"))
        except StoreDamaged:
            tf.storage.forget()
            raise
        self._set_shard(rel, docs)
        self._seen[rel] = tf.storage.signature
        return True

    def _refresh_codebook(self) -> bool:
        tf = self._codebook
        if not tf.refresh():
            return False
        try:
            self._read_codebook()
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            tf.storage.forget()
            raise StoreDamaged(
                f"The codebook file {tf.path} is damaged (an entry lacks {err}).", tf.path
            ) from None
        return True

    def _read_codebook(self) -> None:
        tf = self._codebook
        tags = {n: Tag.from_json(d) for n, d in tf.table("tags").items()}
        searches = {
            n: (d["name"], d["query"], dict(d.get("filters") or {}))
            for n, d in tf.table("searches").items()
        }
        self._tags, self._searches = tags, searches

    def _set_shard(self, rel: str, docs: dict[str, Annotation]) -> None:
        old = self._shard_docs.get(rel)
        if not old:  # the common case at open: nothing to compare with
            self._shard_docs[rel] = docs
            for a in docs.values():
                self._index(a)
            for meeting_id in {a.meeting_id for a in docs.values()}:
                self._recount(meeting_id)
            return
        touched: set[str] = set()
        for i, a in old.items():
            if docs.get(i) != a:
                self._unindex(a)
                touched.add(a.meeting_id)
        for i, a in docs.items():
            if old.get(i) != a:
                self._index(a)
                touched.add(a.meeting_id)
        self._shard_docs[rel] = docs
        for meeting_id in touched:
            self._recount(meeting_id)

    def _index(self, a: Annotation) -> None:
        current = self._docs.get(a.id)
        if current is not None:
            # The same id in two files: a re-anchoring interrupted between its two
            # writes. Show the newer copy; the other stays on disk, nothing is lost.
            if current.updated > a.updated:
                return
            self._unindex(current)
        self._docs[a.id] = a
        self._sorted = None
        self._by_meeting.setdefault(a.meeting_id, {})[a.id] = a
        counts = self._tag_counts
        for t in a.tags:
            counts[t] += 1

    def _unindex(self, a: Annotation) -> None:
        if self._docs.get(a.id) != a:
            return
        del self._docs[a.id]
        self._sorted = None
        meeting = self._by_meeting.get(a.meeting_id, {})
        meeting.pop(a.id, None)
        if not meeting:
            self._by_meeting.pop(a.meeting_id, None)
        self._tag_counts.subtract(a.tags)
        for t in a.tags:
            if self._tag_counts[t] <= 0:
                del self._tag_counts[t]

    def _recount(self, meeting_id: str) -> None:
        docs = self._by_meeting.get(meeting_id)
        if not docs:
            self._meeting_counts.pop(meeting_id, None)
            return
        tagged = sum(1 for a in docs.values() if a.tags)
        marked = sum(1 for a in docs.values() if a.bookmark)
        self._meeting_counts[meeting_id] = (tagged, marked)

    def _writable(self) -> None:
        if self._closed:
            raise StoreError("The annotation store is closed; reopen the library to edit.")
        if self.read_only:
            raise StoreReadOnly(
                f"The annotations in {self.root} are open read-only; nothing was changed."
            )

    def _edit(
        self,
        rel: str,
        fn: Callable[[Mapping[str, Annotation]], Mapping[str, Annotation | None]],
    ) -> list[Pair]:
        """Read-modify-write one shard under its lock, from its latest version on disk.

        ``fn`` gets the shard's current annotations (id → Annotation) and returns the
        changes (id → new Annotation, or ``None`` to delete). Memory is updated only
        after the file is safely written.
        """
        self._writable()
        with self._lock:
            tf = self._file(rel)
            with _Held(tf.lock, rel):
                self._refresh_file(rel)
                current = self._shard_docs.get(rel, {})
                changes = {i: a for i, a in fn(current).items() if current.get(i) != a}
                if not changes:
                    return []
                try:
                    tf.apply(
                        "annotations", {i: (a.to_json() if a else None) for i, a in changes.items()}
                    )
                except StoreError:
                    # Memory follows the disk: unchanged after a failed write, the new
                    # version if it was written but not confirmed.
                    with contextlib.suppress(StoreError, OSError):
                        self._refresh_file(rel)
                    raise
                pairs = [(current.get(i), a) for i, a in changes.items()]
                docs = dict(current)
                touched: set[str] = set()
                for i, a in changes.items():
                    old = current.get(i)
                    if old is not None:
                        self._unindex(old)
                        touched.add(old.meeting_id)
                    if a is None:
                        docs.pop(i, None)
                    else:
                        docs[i] = a
                        self._index(a)
                        touched.add(a.meeting_id)
                self._shard_docs[rel] = docs
                self._seen[rel] = tf.storage.signature
                for meeting_id in touched:
                    self._recount(meeting_id)
                return pairs

    def _edit_codebook(
        self,
        table: str,
        fn: Callable[[], Mapping[str, Mapping[str, Any] | None]],
    ) -> None:
        """Read-modify-write one codebook table under the codebook lock."""
        self._writable()
        tf = self._codebook
        with self._lock, _Held(tf.lock, CODEBOOK_FILE):
            self._refresh_codebook()
            changes = fn()
            if not changes:
                return
            try:
                tf.apply(table, changes)
            except StoreError:
                with contextlib.suppress(StoreError, OSError):
                    self._refresh_codebook()
                raise
            self._read_codebook()

    def _edit_tags(
        self, fn: Callable[[Mapping[str, Tag]], Mapping[str, Tag | None]]
    ) -> list[TagPair]:
        pairs: list[TagPair] = []

        def changes() -> dict[str, dict[str, Any] | None]:
            current = dict(self._tags)
            wanted = {n: t for n, t in fn(current).items() if current.get(n) != t}
            pairs.extend((current.get(n), t) for n, t in wanted.items())
            return {n: (t.to_json() if t else None) for n, t in wanted.items()}

        self._edit_codebook("tags", changes)
        return pairs

    def _ensure_tags(self, names: Iterable[str]) -> list[TagPair]:
        """Add codebook entries (default colours) for tags not in it yet."""
        names = list(names)
        if names and not self.read_only:
            self._refresh_codebook()  # one stat: another copy may have changed it
        missing = [n for n in names if n not in self._tags]
        if not missing:
            return []
        return self._edit_tags(
            lambda cur: {n: Tag(n, default_colour(n)) for n in missing if n not in cur}
        )

    def _push(self, description: str, pairs: list[Pair], tag_pairs: list[TagPair]) -> None:
        self._undo.push(Command(description, tuple(pairs), tuple(tag_pairs)))

    @staticmethod
    def _span_in(
        docs: Mapping[str, Annotation], meeting_id: str, start: int, end: int
    ) -> Annotation | None:
        for a in docs.values():
            if (
                a.meeting_id == meeting_id
                and a.anchor.start == start
                and a.anchor.end == end
                and not a.orphaned
            ):
                return a
        return None

    # --- annotations ------------------------------------------------------------------

    def add(
        self,
        meeting_id: str,
        start: int,
        end: int,
        meeting_text: str,
        *,
        tags: Iterable[str] = (),
        bookmark: bool = False,
        note: str = "",
    ) -> Annotation:
        """A new annotation on ``meeting_text[start:end]`` (always new, even on the
        same span: ``tag_span`` & co. are the ones that reuse a span's annotation)."""
        anchor = make_anchor(meeting_text, start, end)
        names = tuple(dict.fromkeys(normalise_tag(t) for t in tags))
        now = now_iso()
        new = Annotation(
            uuid.uuid4().hex, meeting_id, anchor, names, bool(bookmark), note, now, now
        )
        tag_pairs = self._ensure_tags(names)
        pairs = self._edit(shard_relpath(meeting_id), lambda cur: {new.id: new})
        self._push("Annotated 1 passage", pairs, tag_pairs)
        return new

    def get(self, annotation_id: str) -> Annotation:
        """The annotation with this id; ``KeyError`` (one sentence) if there is none."""
        try:
            return self._docs[annotation_id]
        except KeyError:
            raise KeyError(f"There is no annotation with id {annotation_id}.") from None

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change ``tags``, ``bookmark`` and/or ``note`` of one annotation."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"Only tags, bookmark and note can be changed, not {sorted(unknown)}.")
        if "tags" in changes:
            changes["tags"] = tuple(dict.fromkeys(normalise_tag(t) for t in changes["tags"]))
        if "bookmark" in changes:
            changes["bookmark"] = bool(changes["bookmark"])
        if "note" in changes:
            changes["note"] = str(changes["note"])
        meeting_id = self.get(annotation_id).meeting_id
        tag_pairs = self._ensure_tags(changes.get("tags", ()))
        result: list[Annotation] = []

        def fn(cur: Mapping[str, Annotation]) -> dict[str, Annotation | None]:
            a = cur.get(annotation_id)
            if a is None:
                raise KeyError(f"The annotation {annotation_id} was deleted meanwhile.")
            new = a.with_changes(**changes)
            if new != a:
                new = new.with_changes(updated=now_iso())
            result.append(new)
            return {annotation_id: new}

        pairs = self._edit(shard_relpath(meeting_id), fn)
        self._push("Edited 1 passage", pairs, tag_pairs)
        return result[0]

    def delete(self, annotation_id: str) -> None:
        """Delete one annotation (undoable)."""
        meeting_id = self.get(annotation_id).meeting_id
        pairs = self._edit(
            shard_relpath(meeting_id),
            lambda cur: {annotation_id: None} if annotation_id in cur else {},
        )
        self._push("Deleted 1 annotation", pairs, [])

    def for_meeting(self, meeting_id: str) -> list[Annotation]:
        """The meeting's annotations, ordered by start (re-checks its file: one stat)."""
        with self._lock:
            if not self._closed:
                # A damaged file is reported by the next write to it; reading goes on.
                with contextlib.suppress(StoreDamaged):
                    self._refresh_file(shard_relpath(meeting_id))
            docs = self._by_meeting.get(meeting_id, {})
            return sorted(docs.values(), key=lambda a: (a.anchor.start, a.anchor.end, a.created))

    def all(self) -> list[Annotation]:
        """Every annotation, by meeting id then start (sorted once per change)."""
        if self._sorted is None:
            self._sorted = sorted(
                self._docs.values(), key=lambda a: (a.meeting_id, a.anchor.start, a.anchor.end)
            )
        return list(self._sorted)

    def find_span(self, meeting_id: str, start: int, end: int) -> Annotation | None:
        """The (non-orphaned) annotation on exactly this span, if any."""
        return self._span_in(self._by_meeting.get(meeting_id, {}), meeting_id, start, end)

    def _span_action(
        self,
        meeting_id: str,
        start: int,
        end: int,
        meeting_text: str | None,
        change: Callable[[Annotation], Annotation],
        tag_pairs: list[TagPair],
        description: str,
    ) -> Annotation | None:
        """Apply ``change`` to the span's annotation (created first if ``meeting_text``
        is given), deleting it when nothing is left; returns the resulting state."""
        anchor = make_anchor(meeting_text, start, end) if meeting_text is not None else None
        result: list[Annotation | None] = []

        def fn(cur: Mapping[str, Annotation]) -> dict[str, Annotation | None]:
            a = self._span_in(cur, meeting_id, start, end)
            if a is None:
                if anchor is None:
                    result.append(None)
                    return {}
                now = now_iso()
                a = Annotation(uuid.uuid4().hex, meeting_id, anchor, created=now, updated=now)
                base = None
            else:
                base = a
            new = change(a)
            if new == a and base is not None:
                result.append(a)
                return {}
            new = new.with_changes(updated=now_iso())
            result.append(new)
            if _is_empty(new):
                return {new.id: None} if base is not None else {}
            return {new.id: new}

        pairs = self._edit(shard_relpath(meeting_id), fn)
        self._push(description, pairs, tag_pairs)
        return result[0] if result else None

    def tag_span(
        self, meeting_id: str, start: int, end: int, meeting_text: str, tag: str
    ) -> Annotation:
        """Add ``tag`` to the span's annotation (creating it and the codebook entry)."""
        name = normalise_tag(tag)
        make_anchor(meeting_text, start, end)  # reject a bad span before any write
        tag_pairs = self._ensure_tags([name])
        got = self._span_action(
            meeting_id,
            start,
            end,
            meeting_text,
            lambda a: a if name in a.tags else a.with_changes(tags=(*a.tags, name)),
            tag_pairs,
            f"Added tag {name} to 1 passage",
        )
        assert got is not None
        return got

    def untag_span(self, meeting_id: str, start: int, end: int, tag: str) -> Annotation | None:
        """Remove ``tag`` from the span's annotation.

        Returns the annotation as it is now, or ``None`` if there was none on the span
        or it was removed because nothing (tag, bookmark, note) was left on it.
        """
        name = normalise_tag(tag)
        got = self._span_action(
            meeting_id,
            start,
            end,
            None,
            lambda a: a.with_changes(tags=tuple(t for t in a.tags if t != name)),
            [],
            f"Removed tag {name} from 1 passage",
        )
        return None if got is None or _is_empty(got) else got

    def toggle_bookmark(
        self, meeting_id: str, start: int, end: int, meeting_text: str
    ) -> Annotation:
        """Bookmark the span, or un-bookmark it; returns its new state."""
        current = self.find_span(meeting_id, start, end)
        on = not (current is not None and current.bookmark)
        got = self._span_action(
            meeting_id,
            start,
            end,
            meeting_text,
            lambda a: a.with_changes(bookmark=not a.bookmark),
            [],
            "Bookmarked 1 passage" if on else "Removed bookmark from 1 passage",
        )
        assert got is not None
        return got

    def set_note(
        self, meeting_id: str, start: int, end: int, meeting_text: str, note: str
    ) -> Annotation:
        """Set (or, with ``""``, clear) the note on the span; returns its new state."""
        note = str(note)
        got = self._span_action(
            meeting_id,
            start,
            end,
            meeting_text,
            lambda a: a.with_changes(note=note),
            [],
            "Edited note on 1 passage" if note else "Removed note from 1 passage",
        )
        assert got is not None
        return got

    def counts_by_meeting(self) -> dict[str, tuple[int, int]]:
        """Meeting id → (tagged passages, bookmarked passages), for meetings with any."""
        return dict(self._meeting_counts)

    def live_counts(self) -> Mapping[str, tuple[int, int]]:
        """:meth:`counts_by_meeting` as a read-only view that follows every later change.

        For the meetings pane, which shows the counts after each coding action: copying
        them each time cost a copy of every coded meeting's entry per key (two, with
        the caller's), a few milliseconds at tens of thousands of coded meetings.
        """
        return MappingProxyType(self._meeting_counts)

    def orphaned(self) -> list[Annotation]:
        """Annotations whose passage could not be found after a re-import."""
        return [a for a in self.all() if a.orphaned]

    def refresh(self) -> int:
        """Pick up changes another running Parley wrote; returns files re-read."""
        with self._lock:
            n = 0
            known = set(self._seen)
            on_disk = {r for r in scan_store(self.root)[0] if r.startswith("shards/")}
            for rel in sorted(known | on_disk):
                with contextlib.suppress(StoreDamaged):
                    n += self._refresh_file(rel)
            with contextlib.suppress(StoreDamaged):
                n += self._refresh_codebook()
            return n

    # --- codebook ---------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        """The codebook, by name (parents sort before their children)."""
        return [self._tags[n] for n in sorted(self._tags)]

    def tag_counts(self) -> dict[str, int]:
        """Tag name → passages carrying exactly that tag."""
        return {t: n for t, n in self._tag_counts.items() if n > 0}

    def create_tag(self, name: str, colour: str | None = None, description: str = "") -> Tag:
        """Add a tag to the codebook; ``ValueError`` if it exists."""
        name = normalise_tag(name)
        tag = Tag(name, check_colour(colour) if colour else default_colour(name), description)
        with self._lock:
            self._refresh_codebook()
            if name in self._tags:
                raise ValueError(f"The tag {name} already exists.")
            pairs = self._edit_tags(lambda cur: {} if name in cur else {name: tag})
            self._push(f"Created tag {name}", [], pairs)
        return self._tags[name]

    def update_tag(
        self, name: str, *, colour: str | None = None, description: str | None = None
    ) -> Tag:
        """Change a tag's colour and/or description; ``KeyError`` if it is not there."""
        name = normalise_tag(name)
        new_colour = check_colour(colour) if colour is not None else None

        def fn(cur: Mapping[str, Tag]) -> dict[str, Tag | None]:
            if name not in cur:
                raise KeyError(f"There is no tag {name} in the codebook.")
            t = cur[name]
            return {
                name: Tag(
                    name,
                    new_colour or t.colour,
                    t.description if description is None else description,
                )
            }

        with self._lock:
            pairs = self._edit_tags(fn)
            what = (
                "colour"
                if colour is not None and description is None
                else ("description" if colour is None else "colour and description")
            )
            self._push(f"Changed {what} of tag {name}", [], pairs)
            return self._tags[name]

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag and everything under it (``topic/x`` → ``themes/x``).

        ``ValueError`` if a tag of the new name exists (use ``merge_tags``). Returns
        the number of passages changed.
        """
        old, new = normalise_tag(old), normalise_tag(new)
        if old == new:
            return 0
        with self._lock:
            self.refresh()
            if old not in self._tags and not any(is_within(t, old) for t in self._tag_counts):
                raise KeyError(f"There is no tag {old} in the codebook.")
            clash = [
                t
                for t in self._tags
                if moved_name(t, old, new) in self._tags and not is_within(t, new)
            ]
            if is_within(new, old):
                raise ValueError(f"A tag cannot be moved inside itself ({old} → {new}).")
            if clash:
                target = moved_name(clash[0], old, new)
                raise ValueError(
                    f"The tag {target} already exists; merge {old} into {new} instead."
                )
            return self._move_tags(old, new, f"Renamed tag {old} to {new}")

    def merge_tags(self, source: str, target: str) -> int:
        """Give every passage tagged ``source`` (or below it) the tag ``target`` (or the
        same path below it) instead, and drop ``source``; returns passages changed."""
        source, target = normalise_tag(source), normalise_tag(target)
        if source == target:
            return 0
        if is_within(target, source):
            raise ValueError(f"A tag cannot be merged into its own child ({source} → {target}).")
        with self._lock:
            self.refresh()
            if source not in self._tags and not any(is_within(t, source) for t in self._tag_counts):
                raise KeyError(f"There is no tag {source} in the codebook.")
            return self._move_tags(source, target, f"Merged tag {source} into {target}")

    def delete_tag(self, name: str) -> int:
        """Remove a tag and its children from the codebook and from every passage.

        A passage left with nothing on it is removed too (undo brings it back).
        Returns the number of passages changed.
        """
        name = normalise_tag(name)
        with self._lock:
            self.refresh()
            if name not in self._tags and not any(is_within(t, name) for t in self._tag_counts):
                raise KeyError(f"There is no tag {name} in the codebook.")

            def strip(a: Annotation) -> Annotation | None:
                tags = tuple(t for t in a.tags if not is_within(t, name))
                if tags == a.tags:
                    return a
                new = a.with_changes(tags=tags, updated=now_iso())
                return None if _is_empty(new) else new

            pairs = self._rewrite_passages(lambda a: any(is_within(t, name) for t in a.tags), strip)
            tag_pairs = self._edit_tags(lambda cur: {t: None for t in cur if is_within(t, name)})
            self._push(f"Deleted tag {name} from {_passages(len(pairs))}", pairs, tag_pairs)
            return len(pairs)

    def _move_tags(self, old: str, new: str, description: str) -> int:
        """Rename/merge the subtree ``old`` to ``new`` in the codebook and all passages.

        Crash-safe order: new names are added to the codebook first, then passages are
        rewritten shard by shard, then old names are removed; an interruption leaves
        both names, never a passage with a tag the codebook lacks.
        """

        def add_new(cur: Mapping[str, Tag]) -> dict[str, Tag | None]:
            out: dict[str, Tag | None] = {}
            names = [t for t in cur if is_within(t, old)] or [old]
            for t in names:
                moved = moved_name(t, old, new)
                assert moved is not None
                if moved not in cur:
                    src = cur.get(t)
                    out[moved] = Tag(
                        moved,
                        src.colour if src else default_colour(moved),
                        src.description if src else "",
                    )
            return out

        tag_pairs = self._edit_tags(add_new)

        def move(a: Annotation) -> Annotation:
            tags = tuple(dict.fromkeys(moved_name(t, old, new) or t for t in a.tags))
            return a if tags == a.tags else a.with_changes(tags=tags, updated=now_iso())

        pairs = self._rewrite_passages(lambda a: any(is_within(t, old) for t in a.tags), move)
        tag_pairs += self._edit_tags(lambda cur: {t: None for t in cur if is_within(t, old)})
        self._push(f"{description} ({_passages(len(pairs))})", pairs, tag_pairs)
        return len(pairs)

    def _rewrite_passages(
        self,
        wanted: Callable[[Annotation], bool],
        change: Callable[[Annotation], Annotation | None],
    ) -> list[Pair]:
        """Apply ``change`` to every annotation matching ``wanted``, one write per shard."""
        rels = sorted({shard_relpath(a.meeting_id) for a in self._docs.values() if wanted(a)})
        pairs: list[Pair] = []
        for rel in rels:
            pairs += self._edit(
                rel, lambda cur: {i: change(a) for i, a in cur.items() if wanted(a)}
            )
        return pairs

    # --- undo / redo ------------------------------------------------------------------

    def undo(self) -> str | None:
        """Undo the last coding action; its description, or ``None`` if nothing to undo."""
        with self._lock:
            if not self._undo.done:
                return None
            self._writable()
            command = self._undo.done[-1]
            skipped = self._apply(command.inverse())
            self._undo.done.pop()
            self._undo.undone.append(command)
            return self._described(command, skipped)

    def redo(self) -> str | None:
        """Redo the last undone action; its description, or ``None``."""
        with self._lock:
            if not self._undo.undone:
                return None
            self._writable()
            command = self._undo.undone[-1]
            skipped = self._apply(command)
            self._undo.undone.pop()
            self._undo.done.append(command)
            return self._described(command, skipped)

    @staticmethod
    def _described(command: Command, skipped: int) -> str:
        if not skipped:
            return command.description
        return f"{command.description} ({skipped} changed since by another edit, left as they are)"

    def _apply(self, command: Command) -> int:
        """Move each item from its first state to its second, if it is still in the
        first (else count it as skipped). Tags appear before passages use them and go
        after passages stop using them."""
        skipped = 0
        ups = [(b, a) for b, a in command.tags if a is not None]
        downs = [(b, a) for b, a in command.tags if a is None]

        def tag_step(items: list[TagPair]) -> None:
            nonlocal skipped
            if not items:
                return

            def fn(cur: Mapping[str, Tag]) -> dict[str, Tag | None]:
                nonlocal skipped
                out: dict[str, Tag | None] = {}
                for expected, target in items:
                    name = (expected or target).name  # type: ignore[union-attr]
                    if cur.get(name) == target:
                        continue
                    if cur.get(name) != expected:
                        skipped += 1
                        continue
                    out[name] = target
                return out

            self._edit_tags(fn)

        tag_step(ups)
        by_rel: dict[str, list[Pair]] = {}
        for expected, target in command.annotations:
            item = expected or target
            assert item is not None
            by_rel.setdefault(shard_relpath(item.meeting_id), []).append((expected, target))
        for rel, items in by_rel.items():

            def fn(
                cur: Mapping[str, Annotation], items: list[Pair] = items
            ) -> dict[str, Annotation | None]:
                nonlocal skipped
                out: dict[str, Annotation | None] = {}
                for expected, target in items:
                    ident = (expected or target).id  # type: ignore[union-attr]
                    if cur.get(ident) == target:
                        continue
                    if cur.get(ident) != expected:
                        skipped += 1
                        continue
                    out[ident] = target
                return out

            self._edit(rel, fn)
        tag_step(downs)
        return skipped

    # --- re-anchoring -----------------------------------------------------------------

    def reanchor(self, old_meeting_id: str, new_meeting_id: str, new_text: str) -> tuple[int, int]:
        """Move a re-imported meeting's annotations onto its new text.

        Each passage is found again by position, quote and context, or by a close fuzzy
        match (``store.anchoring.locate``); one that cannot be found is kept, moved to
        the new meeting with ``orphaned=True`` and its old anchor. The new file is
        written before the old one is emptied, so an interruption can duplicate but
        never lose an annotation. Returns ``(moved, orphaned)``.
        """
        self._writable()
        old_rel, new_rel = shard_relpath(old_meeting_id), shard_relpath(new_meeting_id)
        with self._lock:
            with contextlib.suppress(StoreDamaged):
                self._refresh_file(old_rel)
            before = {a.id: a for a in self._by_meeting.get(old_meeting_id, {}).values()}
            moved: dict[str, Annotation] = {}
            found = lost = 0
            now = now_iso()
            for a in before.values():
                span = locate(a.anchor, new_text)
                if span is None:
                    lost += 1
                    moved[a.id] = a.with_changes(
                        meeting_id=new_meeting_id, orphaned=True, updated=now
                    )
                else:
                    found += 1
                    moved[a.id] = a.with_changes(
                        meeting_id=new_meeting_id,
                        anchor=make_anchor(new_text, *span),
                        orphaned=False,
                        updated=now,
                    )
            if not moved:
                return 0, 0
            self._edit(new_rel, lambda cur: moved)
            if old_meeting_id != new_meeting_id:
                self._edit(
                    old_rel,
                    lambda cur: {
                        i: None
                        for i, a in cur.items()
                        if i in before and a == before[i]  # changed meanwhile: keep, never lose
                    },
                )
            return found, lost

    # --- saved searches ---------------------------------------------------------------

    def save_search(self, name: str, query: str, filters: Mapping[str, Any]) -> None:
        """Save (or overwrite) a named search; ``filters`` must be JSON-serialisable."""
        name = " ".join(str(name).split())
        if not name:
            raise ValueError("A saved search needs a name.")
        try:
            filters = orjson.loads(orjson.dumps(dict(filters)))
        except (TypeError, orjson.JSONEncodeError) as err:
            raise ValueError(f"The filters of a saved search must be plain JSON ({err}).") from None
        doc = {"name": name, "query": str(query), "filters": filters, "saved": now_iso()}
        self._edit_codebook("searches", lambda: {name: doc})

    def saved_searches(self) -> list[tuple[str, str, dict[str, Any]]]:
        """(name, query, filters) of every saved search, by name."""
        return [
            (n, q, dict(f))
            for n, q, f in sorted(self._searches.values(), key=lambda s: s[0].casefold())
        ]

    def delete_search(self, name: str) -> None:
        """Forget a saved search (no error if there is none of that name)."""
        name = " ".join(str(name).split())
        self._edit_codebook("searches", lambda: {name: None} if name in self._searches else {})

    # --- session ----------------------------------------------------------------------

    def close(self) -> None:
        """End the session: forget the undo history; nothing is left unsaved."""
        with self._lock:
            self._closed = True
            self._undo.clear()
            if self._snapshotter is not None:
                self._snapshotter.join(timeout=60)
            if self._session is not None:
                self._session.release()
                with contextlib.suppress(OSError):
                    os.unlink(self._session.lock_file)
                self._session = None
            for tf in (*self._files.values(), self._codebook):
                tf.db.close()
            self.backups.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Held:
    """Context manager around a (file) lock turning a timeout into ``StoreBusy``."""

    def __init__(self, lock: Any, what: str) -> None:
        self.lock = lock
        self.what = what

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except filelock.Timeout:
            raise StoreBusy(
                f"Another running Parley has been writing {self.what} for too long; "
                "nothing was changed, try again."
            ) from None
        except OSError as err:
            raise write_error(
                err, Path(str(getattr(self.lock, "lock_file", self.what))), "the lock"
            ) from err

    def __exit__(self, *exc: object) -> None:
        self.lock.release()
