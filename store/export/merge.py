"""Merging imported passages into the annotation store, as one batch that can be undone.

Both importers (a QDPX project, a colleague's annotation file) end here with a list of
:class:`Incoming` passages already placed on a library meeting. Parley keeps one
annotation per span, so merging is per span:

- no annotation on that span yet → add one;
- same span → the tags are united (no duplicate tags), a bookmark is kept if either
  side has it, and notes: an empty or identical note changes nothing, a different note
  is **kept next to** the existing one under a visible
  ``— conflicting note from <file> —`` line and listed in the report;
- nothing new at all → counted as a duplicate and left alone.

Every change is written to ``<library>/import-batches/<batch>.json`` (what was added,
what each updated annotation looked like before and after), so
:func:`undo_import` can take exactly that import back out later — even in another
session — without touching anything the person changed since.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from store.models import Annotation, Tag

BATCH_DIR_NAME = "import-batches"


def conflict_marker(label: str) -> str:
    """The line that separates an existing note from a conflicting imported one."""
    return f"— conflicting note from {label} —"


def clean_tag(name: str) -> str:
    """A tag name with trimmed path segments (``" a / b "`` → ``"a/b"``); may be empty."""
    parts = [" ".join(p.split()) for p in name.split("/")]
    return "/".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One imported passage, placed on a library meeting, with the coding it carries."""

    meeting_id: str
    start: int
    end: int
    tags: tuple[str, ...] = ()
    bookmark: bool = False
    note: str = ""
    origin: str = ""  # where it came from, for the report ("source 'X', 120–180")


@dataclass(slots=True)
class MergeReport:
    """What an import did; ``batch`` is what ``undo-import`` takes."""

    batch: str
    label: str
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    conflicts: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    tags_created: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "label": self.label,
            "added": self.added,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "conflicts": list(self.conflicts),
            "unmatched": list(self.unmatched),
            "tags_created": list(self.tags_created),
        }

    def lines(self) -> list[str]:
        """The report as sentences for a person."""
        out = [
            f"Imported from {self.label}: {self.added} added, {self.updated} updated, "
            f"{self.duplicates} already present (batch {self.batch})."
        ]
        if self.tags_created:
            out.append("New tags: " + ", ".join(self.tags_created) + ".")
        out += [f"Conflicting note kept: {c}" for c in self.conflicts]
        out += [f"Not matched: {u}" for u in self.unmatched]
        return out


def _state(a: Annotation) -> dict[str, Any]:
    return {"tags": list(a.tags), "bookmark": a.bookmark, "note": a.note}


def _merge_note(existing: str, incoming: str, label: str) -> tuple[str, bool]:
    """The note after merging and whether the two conflicted."""
    incoming = incoming.strip()
    if not incoming or incoming == existing.strip() or incoming in existing:
        return existing, False
    if not existing.strip():
        return incoming, False
    return f"{existing.rstrip()}\n\n{conflict_marker(label)}\n{incoming}", True


def combine(passages: Iterable[Incoming]) -> list[Incoming]:
    """One :class:`Incoming` per (meeting, span): tags united, notes joined, in order.

    Other tools write one selection per code, so the same span often arrives several
    times; merging them first keeps the report's counts about passages, not codings.
    """
    groups: dict[tuple[str, int, int], Incoming] = {}
    for p in passages:
        key = (p.meeting_id, p.start, p.end)
        old = groups.get(key)
        if old is None:
            groups[key] = p
            continue
        notes = [n for n in dict.fromkeys((old.note.strip(), p.note.strip())) if n]
        groups[key] = Incoming(
            p.meeting_id, p.start, p.end,
            tags=tuple(dict.fromkeys((*old.tags, *p.tags))),
            bookmark=old.bookmark or p.bookmark,
            note="\n\n".join(notes),
            origin=old.origin,
        )
    return list(groups.values())


def new_batch_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)


def merge(
    store: Any,
    passages: Iterable[Incoming],
    meeting_text: Callable[[str], str | None],
    *,
    label: str,
    codebook: Sequence[Tag] = (),
    batch_dir: Path | None = None,
    unmatched: Sequence[str] = (),
) -> MergeReport:
    """Merge ``passages`` into ``store`` (an ``AnnotationStore``); see the module doc.

    ``meeting_text`` gives a meeting's text (the store anchors new annotations on it).
    ``codebook`` carries colours and descriptions for tags the library does not have
    yet. ``unmatched`` sentences from the reader are carried into the report. When
    ``batch_dir`` is given the batch is recorded there for :func:`undo_import`.
    """
    report = MergeReport(batch=new_batch_id(), label=label, unmatched=list(unmatched))
    record: dict[str, Any] = {
        "batch": report.batch,
        "label": label,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "added": [],
        "updated": [],
        "tags_created": [],
    }
    items = [
        Incoming(p.meeting_id, p.start, p.end,
                 tuple(t for t in dict.fromkeys(clean_tag(t) for t in p.tags) if t),
                 p.bookmark, p.note, p.origin)
        for p in passages
    ]
    items = combine(items)

    known = {t.name for t in store.tags()}
    described = {clean_tag(t.name): t for t in codebook}
    # The whole code book comes along (codes without passages too), then any tag a
    # passage uses that the code book lacks.
    wanted = list(dict.fromkeys([*(n for n in described if n),
                                 *(t for p in items for t in p.tags)]))
    for name in wanted:
        if name in known:
            continue
        spec = described.get(name)
        try:
            store.create_tag(name, spec.colour if spec else None,
                             spec.description if spec else "")
        except ValueError:  # a colour the codebook refuses: keep the tag, default colour
            store.create_tag(name, None, spec.description if spec else "")
        known.add(name)
        report.tags_created.append(name)
        record["tags_created"].append(name)

    for p in items:
        text = meeting_text(p.meeting_id)
        if text is None:
            where = p.origin or p.meeting_id
            report.unmatched.append(f"{where}: its meeting is not in the library.")
            continue
        if not (0 <= p.start < p.end <= len(text)):
            report.unmatched.append(f"{p.origin or p.meeting_id}: the span is outside the text.")
            continue
        existing = store.find_span(p.meeting_id, p.start, p.end)
        if existing is None:
            new = store.add(p.meeting_id, p.start, p.end, text,
                            tags=p.tags, bookmark=p.bookmark, note=p.note.strip())
            report.added += 1
            record["added"].append({"id": new.id, "after": _state(new)})
            continue
        tags = tuple(dict.fromkeys((*existing.tags, *p.tags)))
        bookmark = existing.bookmark or p.bookmark
        note, conflicted = _merge_note(existing.note, p.note, label)
        if tags == tuple(existing.tags) and bookmark == existing.bookmark and note == existing.note:
            report.duplicates += 1
            continue
        after = store.update(existing.id, tags=tags, bookmark=bookmark, note=note)
        report.updated += 1
        if conflicted:
            quote = " ".join(text[p.start : p.end].split())
            short = quote if len(quote) <= 60 else quote[:59] + "…"
            report.conflicts.append(f"meeting {p.meeting_id} at {p.start}–{p.end} (“{short}”)")
        record["updated"].append({"id": existing.id, "before": _state(existing),
                                  "after": _state(after)})
    if batch_dir is not None:
        _write_json_atomic(batch_dir / f"{report.batch}.json", record)
    return report


@dataclass(slots=True)
class UndoReport:
    """What undoing an import batch did, and what it left because it changed since."""

    batch: str
    removed: int = 0
    restored: int = 0
    kept: list[str] = field(default_factory=list)
    tags_removed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Undid import {self.batch}: {self.removed} removed, {self.restored} restored."]
        if self.tags_removed:
            out.append("Tags removed: " + ", ".join(self.tags_removed) + ".")
        out += [f"Kept (changed since the import): {k}" for k in self.kept]
        return out


class BatchNotFound(LookupError):
    """No recorded import batch has this id (message: one sentence)."""


def list_batches(batch_dir: Path) -> list[dict[str, Any]]:
    """Recorded import batches that can still be undone, oldest first."""
    out = []
    if batch_dir.is_dir():
        for p in sorted(batch_dir.glob("*.json")):
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            out.append({
                "batch": data.get("batch", p.stem),
                "label": data.get("label", ""),
                "created": data.get("created", ""),
                "added": len(data.get("added", [])),
                "updated": len(data.get("updated", [])),
            })
    return out


def _get(store: Any, annotation_id: str) -> Annotation | None:
    try:
        return store.get(annotation_id)
    except Exception:  # deleted since the import: nothing to undo for it
        return None


def undo_import(store: Any, batch_dir: Path, batch: str) -> UndoReport:
    """Take one recorded import back out of ``store``.

    Added annotations are deleted and updated ones restored to their state before the
    import — but only where they still look exactly as the import left them; anything
    changed since is kept and listed. Tags the import created are removed if no passage
    uses them any more. The batch file is then renamed ``*.undone`` so it cannot be
    applied twice.
    """
    path = batch_dir / f"{batch}.json"
    if not path.is_file():
        raise BatchNotFound(f"There is no import batch {batch!r} to undo.")
    data = json.loads(path.read_text(encoding="utf-8"))
    report = UndoReport(batch=batch)
    for item in data.get("added", []):
        current = _get(store, item["id"])
        if current is None:
            continue
        if _state(current) == item["after"]:
            store.delete(item["id"])
            report.removed += 1
        else:
            report.kept.append(f"annotation {item['id']} in meeting {current.meeting_id}")
    for item in reversed(data.get("updated", [])):
        current = _get(store, item["id"])
        if current is None:
            continue
        if _state(current) == item["after"]:
            before = item["before"]
            store.update(item["id"], tags=tuple(before["tags"]), bookmark=before["bookmark"],
                         note=before["note"])
            report.restored += 1
        else:
            report.kept.append(f"annotation {item['id']} in meeting {current.meeting_id}")
    created = list(data.get("tags_created", []))
    # Deepest first; a tag is removed only when neither it nor anything below it is in
    # use and nothing below it predates the import (deleting a tag deletes its subtree).
    for name in sorted(created, key=lambda n: -n.count("/")):
        counts = store.tag_counts()
        names = {t.name for t in store.tags()}
        below = [t for t in names if t == name or t.startswith(name + "/")]
        if name not in names or any(counts.get(t, 0) for t in below):
            continue
        if any(t not in created for t in below):
            continue
        store.delete_tag(name)
        report.tags_removed.append(name)
    path.replace(path.with_suffix(".undone"))
    return report
