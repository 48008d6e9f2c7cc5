"""Layout of the annotations folder, its schema version, and migrations between versions.

Version 1 (current)::

    <library>/annotations/
      store.json              {"meta": {"schema": {"schema_version": 1, ...}}}
      codebook.json           tables "tags" (id = tag name) and "searches" (id = name)
      shards/ab/<hash>.json   table "annotations" (id = uuid4 hex), one file per meeting
      locks/                  flock files (empty; a lock dies with its process)
      backups/rolling/        last versions of each file, backups/snapshots/ per open
      damaged/                damaged files set aside by restore_backup

Version 0 is the plain TinyDB layout Parley started from: a single ``annotations.json``
written by TinyDB's default ``JSONStorage`` with integer ids, annotations in the
``_default`` table as flat ``{meeting_id, start, end, text, tags, bookmark, note,
created}`` documents and tags in a ``tags`` table. One big file meant every write
rewrote every annotation, which is why version 1 shards it.

``MIGRATIONS[n]`` turns an on-disk version ``n`` into ``n + 1``. Each migration is
idempotent (deterministic ids, upserts), and the version is written last, so a crash in
the middle simply runs it again on the next open.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from store.codebook import default_colour, normalise_tag
from store.store_errors import StoreTooNew
from store.tinystore import (
    StoreDamaged,
    atomic_write_bytes,
    parse_tables,
    utc_stamp,
)

SCHEMA_VERSION = 1
STORE_FILE = "store.json"
CODEBOOK_FILE = "codebook.json"
V0_FILE = "annotations.json"

_V0_NAMESPACE = uuid.UUID("9b6a1e1c-3d0c-4f57-9a55-7d0f1c2b7e10")


def shard_relpath(meeting_id: str) -> str:
    """The file holding a meeting's annotations: ``shards/<2 hex>/<24 hex>.json``.

    A hash, not the id itself, so any meeting id is a safe file name; the first two
    hex digits spread the files over 256 folders and also name the lock bucket.
    """
    digest = hashlib.sha1(meeting_id.encode("utf-8")).hexdigest()[:24]
    return f"shards/{digest[:2]}/{digest}.json"


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds (orders edits)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def read_version(root: Path) -> int | None:
    """The schema version on disk: an int, ``0`` for the old layout, ``None`` if empty."""
    store = root / STORE_FILE
    if store.exists():
        tables = parse_tables(store.read_bytes(), store)
        meta = tables.get("meta", {}).get("schema", {})
        version = meta.get("schema_version")
        if not isinstance(version, int):
            raise StoreDamaged(f"The annotations file {store} has no schema version.", store)
        return version
    if (root / V0_FILE).exists():
        return 0
    return None


def write_version(root: Path, version: int) -> None:
    """Record ``version`` in ``store.json`` (atomically)."""
    doc = {"meta": {"schema": {"schema_version": version, "written": now_iso()}}}
    atomic_write_bytes(root / STORE_FILE, orjson.dumps(doc))


def _merge_write(path: Path, table: str, docs: dict[str, dict[str, Any]]) -> None:
    """Upsert ``docs`` into ``table`` of the TinyDB file ``path`` (created if missing)."""
    tables: dict[str, dict[str, Any]] = {}
    if path.exists():
        tables = parse_tables(path.read_bytes(), path)
    tables.setdefault(table, {}).update(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, orjson.dumps(tables))


def migrate_0_to_1(root: Path) -> None:
    """Split the single version-0 ``annotations.json`` into per-meeting shards.

    Each v0 document becomes an annotation with a deterministic uuid (from its meeting
    and old integer id) and an anchor quoting its old ``text`` (no context was stored
    in v0, so prefix/suffix are empty). The old file is moved to ``backups/migrated``.
    """
    old = root / V0_FILE
    tables = parse_tables(old.read_bytes(), old)
    shards: dict[str, dict[str, dict[str, Any]]] = {}
    tag_docs: dict[str, dict[str, Any]] = {}
    for doc_id, doc in tables.get("_default", {}).items():
        meeting_id = str(doc["meeting_id"])
        new_id = uuid.uuid5(_V0_NAMESPACE, f"{meeting_id}:{doc_id}").hex
        tags = sorted({normalise_tag(t) for t in doc.get("tags") or ()})
        created = doc.get("created") or now_iso()
        shards.setdefault(shard_relpath(meeting_id), {})[new_id] = {
            "id": new_id,
            "meeting_id": meeting_id,
            "anchor": {
                "start": int(doc["start"]),
                "end": int(doc["end"]),
                "exact": doc.get("text", ""),
                "prefix": "",
                "suffix": "",
            },
            "tags": tags,
            "bookmark": bool(doc.get("bookmark")),
            "note": doc.get("note") or "",
            "created": created,
            "updated": created,
            "orphaned": False,
        }
        for t in tags:
            tag_docs.setdefault(t, {"name": t, "colour": default_colour(t), "description": ""})
    for tag in tables.get("tags", {}).values():
        name = normalise_tag(tag["name"])
        tag_docs[name] = {
            "name": name,
            "colour": tag.get("colour") or default_colour(name),
            "description": tag.get("description", ""),
        }
    for rel, docs in shards.items():
        _merge_write(root / rel, "annotations", docs)
    _merge_write(root / CODEBOOK_FILE, "tags", tag_docs)
    write_version(root, 1)
    done = root / "backups" / "migrated"
    done.mkdir(parents=True, exist_ok=True)
    os.replace(old, done / f"annotations.v0.{utc_stamp()}.json")


MIGRATIONS: dict[int, Callable[[Path], None]] = {0: migrate_0_to_1}
"""``MIGRATIONS[n](root)`` upgrades the folder at ``root`` from version n to n + 1."""


def migrate(root: Path, version: int) -> list[int]:
    """Run every migration from ``version`` up to ``SCHEMA_VERSION``; the steps run."""
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"The annotations in {root} were written by a newer Parley (schema {version}, "
            f"this one reads up to {SCHEMA_VERSION}); update Parley to open them."
        )
    steps = []
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](root)
        steps.append(version)
        version += 1
    return steps
