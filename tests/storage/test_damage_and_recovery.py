"""Damaged files, backups, read-only folders, full disks, stale locks, migrations."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

import store.tinystore as tinystore
from store.annotations import (
    AnnotationStore,
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    StoreTooNew,
    StoreWriteFailed,
)
from store.schema import SCHEMA_VERSION, shard_relpath
from tests.conftest import ROOT
from tests.storage.conftest import TEXT, span


def one_sentence(message: str) -> bool:
    body = message.rstrip(".")
    return message.endswith(".") and ". " not in body and "\n" not in message


def shard(library: Path, meeting: str) -> Path:
    return library / "annotations" / shard_relpath(meeting)


def make_history(library: Path) -> list[str]:
    """Several writes to meeting m1 (so its file has rolling backups); the tags in order."""
    tags = []
    with AnnotationStore.open(library) as store:
        for i, word in enumerate(["talks", "Syria", "Moscow", "Yemen"]):
            store.tag_span("m1", *span(TEXT, word), TEXT, f"t{i}")
            tags.append(f"t{i}")
    return tags


DAMAGES = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "garbled": lambda raw: raw[:10] + b"\x00\xff{{not json" + raw[30:],
    "zero-length": lambda raw: b"",
    "not-tinydb": lambda raw: b"[1, 2, 3]",
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damaged_shard_is_reported_kept_and_restorable(library: Path, damage: str) -> None:
    make_history(library)
    path = shard(library, "m1")
    broken = DAMAGES[damage](path.read_bytes())
    path.write_bytes(broken)

    with pytest.raises(StoreDamaged) as info:
        AnnotationStore.open(library)
    err = info.value
    assert one_sentence(str(err)), str(err)
    assert str(path) in str(err) and "backup" in str(err)
    assert err.path == path and err.damaged == [path]
    assert len(err.backups) >= 2
    mtimes = [b.stat().st_mtime_ns for b in err.backups]
    assert mtimes == sorted(mtimes, reverse=True), "backups are listed newest first"
    assert path.read_bytes() == broken, "a damaged file is never written over"

    used = AnnotationStore.restore_backup(path)
    assert used == err.backups[0]
    kept = list((library / "annotations" / "damaged").rglob("*.json.*"))
    assert [k.read_bytes() for k in kept] == [broken]
    with AnnotationStore.open(library) as store:
        # the newest backup is the version before the last write: 3 of the 4 passages
        assert len(store.for_meeting("m1")) == 3
        store.tag_span("m1", *span(TEXT, "Yemen"), TEXT, "again")


def test_saves_within_one_clock_tick_keep_their_backups_in_order(library: Path) -> None:
    """The kernel stamps files from a coarse clock: saves a few ms apart may get one
    modification time. Backups are ordered by it, so each version must still be newer
    than the one it replaced, or "the newest backup" can be an older version."""
    path = shard(library, "m1")
    with AnnotationStore.open(library) as store:
        store.tag_span("m1", *span(TEXT, "talks"), TEXT, "t0")  # version 1
        ahead = path.stat().st_mtime_ns + 10**9  # the clock has not moved past it since
        os.utime(path, ns=(ahead, ahead))
        store.tag_span("m1", *span(TEXT, "Syria"), TEXT, "t1")  # version 2
        store.tag_span("m1", *span(TEXT, "Moscow"), TEXT, "t2")  # version 3, the live one
    assert path.stat().st_mtime_ns > ahead
    path.write_bytes(b"{")
    AnnotationStore.restore_backup(path)
    with AnnotationStore.open(library) as store:
        assert len(store.for_meeting("m1")) == 2  # version 2, not version 1


def test_damaged_codebook(library: Path) -> None:
    make_history(library)
    book = library / "annotations" / "codebook.json"
    book.write_bytes(b'{"tags": {"t0": {"name": "t0", "col')
    with pytest.raises(StoreDamaged) as info:
        AnnotationStore.open(library)
    assert info.value.path == book and one_sentence(str(info.value))
    AnnotationStore.restore_backup(book)
    with AnnotationStore.open(library) as store:
        assert {t.name for t in store.tags()} >= {"t0", "t1", "t2"}


def test_several_damaged_files_are_counted(library: Path) -> None:
    with AnnotationStore.open(library) as store:
        store.tag_span("m1", 0, 6, TEXT, "x")
        store.tag_span("m2", 0, 6, TEXT, "x")
    shard(library, "m1").write_bytes(b"{")
    shard(library, "m2").write_bytes(b"")
    with pytest.raises(StoreDamaged) as info:
        AnnotationStore.open(library)
    assert len(info.value.damaged) == 2
    assert "1 more file is damaged" in str(info.value) and one_sentence(str(info.value))


def test_damaged_without_backup_can_be_set_aside(library: Path) -> None:
    with AnnotationStore.open(library) as store:
        store.tag_span("m1", 0, 6, TEXT, "x")  # one write: no older version to back up
        store.tag_span("m2", 0, 6, TEXT, "y")
    for snap in (library / "annotations" / "backups" / "snapshots").iterdir():
        for f in snap.rglob("*.json"):
            f.unlink()
    path = shard(library, "m1")
    path.write_bytes(b"garbage")
    with pytest.raises(StoreDamaged) as info:
        AnnotationStore.open(library)
    assert info.value.backups == [] and "no usable backup" in str(info.value)
    with pytest.raises(StoreError, match="No usable backup"):
        AnnotationStore.restore_backup(path)
    where = AnnotationStore.set_aside(path)
    assert where.read_bytes() == b"garbage"
    with AnnotationStore.open(library) as store:
        assert [a.meeting_id for a in store.all()] == ["m2"]


def test_file_damaged_while_open_blocks_writes_to_it_only(library: Path) -> None:
    store = AnnotationStore.open(library)
    store.tag_span("m1", 0, 6, TEXT, "x")
    store.tag_span("m2", 0, 6, TEXT, "x")
    shard(library, "m1").write_bytes(b"{oops")
    assert len(store.for_meeting("m1")) == 1  # reading goes on from memory
    with pytest.raises(StoreDamaged):
        store.tag_span("m1", 0, 6, TEXT, "y")
    assert shard(library, "m1").read_bytes() == b"{oops"
    store.tag_span("m2", 0, 6, TEXT, "y")
    store.close()


def deny_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every new file fail as on a read-only mount (tests may run as root)."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def test_read_only_folder(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_history(library)
    files = {p: p.read_bytes() for p in (library / "annotations").rglob("*.json")}
    deny_writes(monkeypatch)
    with pytest.raises(StoreReadOnly) as info:
        AnnotationStore.open(library)
    assert one_sentence(str(info.value)) and "read-only" in str(info.value)
    store = AnnotationStore.open(library, read_only=True)
    assert len(store.for_meeting("m1")) == 4
    with pytest.raises(StoreReadOnly, match="open read-only"):
        store.tag_span("m1", 0, 6, TEXT, "new")
    with pytest.raises(StoreReadOnly):
        store.create_tag("new")
    assert len(store.for_meeting("m1")) == 4
    store.close()
    assert {p: p.read_bytes() for p in (library / "annotations").rglob("*.json")} == files


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a chmod 555 folder")
def test_read_only_folder_by_permissions(library: Path) -> None:  # pragma: no cover
    make_history(library)
    folder = library / "annotations"
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(StoreReadOnly):
            AnnotationStore.open(library)
        with AnnotationStore.open(library, read_only=True) as store:
            assert len(store.all()) == 4
    finally:
        os.chmod(folder, 0o755)


def test_read_only_open_of_missing_library_is_empty(tmp_path: Path) -> None:
    with AnnotationStore.open(tmp_path / "none", read_only=True) as store:
        assert store.all() == [] and store.tags() == []
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    ("call", "code"),
    [("replace", errno.ENOSPC), ("fsync", errno.ENOSPC), ("fsync", errno.EIO)],
)
def test_failed_write_changes_nothing(
    store: AnnotationStore, library: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    s, e = span(TEXT, "Syria")
    store.tag_span("m1", s, e, TEXT, "geo")
    store.create_tag("topic")
    path = shard(library, "m1")
    before_disk = path.read_bytes()
    before_mem = store.for_meeting("m1")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, fail)
    with pytest.raises(StoreWriteFailed) as info:
        store.tag_span("m1", s, e, TEXT, "topic")
    with pytest.raises(StoreWriteFailed):
        store.set_note("m1", *span(TEXT, "Moscow"), TEXT, "n")
    monkeypatch.undo()

    message = str(info.value)
    assert one_sentence(message) and "nothing was changed" in message
    if code == errno.ENOSPC:
        assert "full" in message
    assert info.value.errno == code
    assert store.for_meeting("m1") == before_mem
    assert path.read_bytes() == before_disk
    assert list((library / "annotations").rglob("*.tmp")) == []
    assert store.undo() == "Created tag topic"  # the failed actions are not on the stack
    assert store.redo() == "Created tag topic"
    assert store.tag_span("m1", s, e, TEXT, "topic").tags == ("geo", "topic")
    store.close()
    with AnnotationStore.open(library) as again:
        assert again.find_span("m1", s, e).tags == ("geo", "topic")  # type: ignore[union-attr]


HOLD_LOCK = """
import sys, time, filelock
lock = filelock.FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_stale_lock_of_a_killed_process_is_recovered(library: Path) -> None:
    with AnnotationStore.open(library) as store:
        store.tag_span("m1", 0, 6, TEXT, "x")
    bucket = shard_relpath("m1").split("/")[1]
    lock_file = library / "annotations" / "locks" / f"{bucket}.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    holder.kill()
    holder.wait()
    assert lock_file.exists()  # the lock file stays behind, the OS lock does not
    with AnnotationStore.open(library) as store:
        started = time.monotonic()
        store.tag_span("m1", 0, 6, TEXT, "y")
        assert time.monotonic() - started < 1.0


def test_live_lock_holder_gives_busy_not_a_hang(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tinystore, "LOCK_TIMEOUT", 0.3)
    store = AnnotationStore.open(library)
    store.tag_span("m1", 0, 6, TEXT, "x")
    bucket = shard_relpath("m1").split("/")[1]
    lock_file = library / "annotations" / "locks" / f"{bucket}.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(StoreBusy) as info:
            store.tag_span("m1", 0, 6, TEXT, "y")
        assert one_sentence(str(info.value))
    finally:
        holder.kill()
        holder.wait()
    assert store.tag_span("m1", 0, 6, TEXT, "y").tags == ("x", "y")
    store.close()


def _dead_pid() -> str:
    """The pid of a process that has exited (a writer that died)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_temp_files_of_dead_writers_are_removed(library: Path) -> None:
    AnnotationStore.open(library).close()
    folder = library / "annotations"
    dead = _dead_pid()
    stale = folder / f".codebook.json.{dead}.abc123.tmp"
    stale.write_bytes(b"{half")
    alive = folder / f".codebook.json.{os.getppid()}.abc123.tmp"
    alive.write_bytes(b"{half")
    AnnotationStore.open(library).close()
    assert not stale.exists()
    assert alive.exists()


def test_migration_from_version_0(library: Path) -> None:
    folder = library / "annotations"
    folder.mkdir()
    with TinyDB(folder / "annotations.json") as db:  # TinyDB's default storage, int ids
        db.insert(
            {
                "meeting_id": "m1",
                "start": 13,
                "end": 18,
                "text": TEXT[13:18],
                "tags": ["Topic / talks"],
                "bookmark": True,
                "note": "v0 note",
                "created": "2025-01-01T00:00:00+00:00",
            }
        )
        db.insert({"meeting_id": "m2", "start": 0, "end": 6, "text": TEXT[0:6], "tags": []})
        db.table("tags").insert({"name": "Topic/talks", "colour": "#010203"})
    with AnnotationStore.open(library) as store:
        [a] = store.for_meeting("m1")
        assert a.tags == ("Topic/talks",) and a.bookmark and a.note == "v0 note"
        assert a.anchor.exact == TEXT[13:18] and a.created == "2025-01-01T00:00:00+00:00"
        assert len(store.for_meeting("m2")) == 1
        assert [(t.name, t.colour) for t in store.tags()] == [("Topic/talks", "#010203")]
        ids = {x.id for x in store.all()}
    version = orjson.loads((folder / "store.json").read_bytes())
    assert version["meta"]["schema"]["schema_version"] == SCHEMA_VERSION
    assert not (folder / "annotations.json").exists()
    assert list((folder / "backups" / "migrated").glob("annotations.v0.*.json"))
    with AnnotationStore.open(library) as store:
        assert {x.id for x in store.all()} == ids  # ids are stable


def test_newer_schema_is_refused(library: Path) -> None:
    folder = library / "annotations"
    folder.mkdir()
    (folder / "store.json").write_bytes(b'{"meta": {"schema": {"schema_version": 99}}}')
    with pytest.raises(StoreTooNew) as info:
        AnnotationStore.open(library)
    assert one_sentence(str(info.value)) and "newer Parley" in str(info.value)


def test_snapshots_rotate(library: Path) -> None:
    for _ in range(8):
        with AnnotationStore.open(library) as store:
            store.tag_span("m1", 0, 6, TEXT, f"t{len(store.tags())}")
    snaps = list((library / "annotations" / "backups" / "snapshots").iterdir())
    assert len(snaps) == tinystore.SNAPSHOTS_KEPT


def test_unconfirmed_write_is_reported_and_memory_follows_disk(
    store: AnnotationStore, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, e = span(TEXT, "Syria")
    store.tag_span("m1", s, e, TEXT, "geo")
    store.create_tag("topic")

    def fail(directory: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(tinystore, "fsync_dir", fail)
    with pytest.raises(StoreWriteFailed) as info:
        store.tag_span("m1", s, e, TEXT, "topic")
    monkeypatch.undo()
    assert one_sentence(str(info.value)) and "power cut" in str(info.value)
    # the new file is in place, so memory shows it too
    assert store.find_span("m1", s, e).tags == ("geo", "topic")  # type: ignore[union-attr]
    store.close()
    with AnnotationStore.open(library) as again:
        assert again.find_span("m1", s, e).tags == ("geo", "topic")  # type: ignore[union-attr]


def test_rolling_backups_keep_the_last_versions_newest_first(library: Path) -> None:
    with AnnotationStore.open(library) as store:
        for i in range(6):
            store.tag_span("m1", 0, 6, TEXT, f"v{i}")
    path = shard(library, "m1")
    rolling = [b for b in AnnotationStore.backups_of(path) if "rolling" in b.parts]
    assert len(rolling) == tinystore.ROLLING_COPIES
    versions = []
    for b in rolling:
        [doc] = orjson.loads(b.read_bytes())["annotations"].values()
        versions.append(doc["tags"][-1])
    assert versions == ["v4", "v3", "v2"]  # the versions replaced by the last 3 writes
    # older versions went through the trash and were deleted by the time close returned
    assert list((library / "annotations" / "backups" / "trash").iterdir()) == []


def test_versions_a_dead_writer_left_in_the_trash_are_deleted(library: Path) -> None:
    AnnotationStore.open(library).close()
    trash = library / "annotations" / "backups" / "trash"
    trash.mkdir(parents=True, exist_ok=True)
    dead = _dead_pid()
    stale = trash / f"{dead}.7"
    stale.write_bytes(b"{}")
    alive = trash / f"{os.getppid()}.7"  # a running Parley's: its own thread deletes it
    alive.write_bytes(b"{}")
    AnnotationStore.open(library).close()
    assert not stale.exists()
    assert alive.exists()
