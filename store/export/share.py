"""Sharing annotations between colleagues who each have their own Parley library.

``parley annotations export FILE`` writes one self-contained JSON file::

    {"parley_annotations": 1,
     "codebook": [{"name", "colour", "description"}, ...],
     "meetings": {"<id>": {"title", "date", "outlet", "fingerprint": "sha256:…",
                           "length": <characters>}},
     "annotations": [{"id", "meeting_id", "anchor": {"start", "end", "exact", "prefix",
                      "suffix"}, "tags", "bookmark", "note", "created", "updated"}]}

The anchor carries the quoted passage and its context, the fingerprint says whether the
colleague's meeting text is the very same. On import each annotation is placed on the
library meeting with that id — or, when the colleague's library lacks it (a different
import of the same document), on the meeting that contains the quote — and
re-anchored by quote when the offsets moved (:func:`store.anchoring.locate`). The
merge itself (no duplicates, conflicting notes kept side by side, undoable batch) is
:mod:`store.export.merge`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.anchoring import locate
from store.export.finders import MeetingFinder
from store.export.merge import Incoming
from store.export.records import MeetingsLike, meeting_getter
from store.models import Anchor, Annotation, Tag

FORMAT_KEY = "parley_annotations"
FORMAT_VERSION = 1
CONTEXT = 32


class ShareError(Exception):
    """The file is not a Parley annotation file Parley can read (one sentence)."""


def fingerprint(text: str) -> str:
    """A fingerprint of a meeting's exact text (same text ⇔ same offsets)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _anchor_with_context(a: Annotation, text: str | None) -> Anchor:
    anchor = a.anchor
    if text is None or a.orphaned or text[anchor.start : anchor.end] != anchor.exact:
        return anchor
    return Anchor(anchor.start, anchor.end, anchor.exact,
                  anchor.prefix or text[max(0, anchor.start - CONTEXT) : anchor.start],
                  anchor.suffix or text[anchor.end : anchor.end + CONTEXT])


def share_document(
    meetings: MeetingsLike, annotations: Sequence[Annotation], tags: Sequence[Tag]
) -> dict[str, Any]:
    """The sharing file's content for ``annotations`` (ordered by meeting and span)."""
    get = meeting_getter(meetings)
    out_meetings: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    used = {t for a in annotations for t in a.tags}
    for a in sorted(annotations, key=lambda a: (a.meeting_id, a.anchor.start, a.anchor.end, a.id)):
        m = get(a.meeting_id)
        if m is not None and a.meeting_id not in out_meetings:
            out_meetings[a.meeting_id] = {
                "title": m.title,
                "date": m.date,
                "outlet": m.outlet,
                "fingerprint": fingerprint(m.text),
                "length": len(m.text),
            }
        items.append({
            "id": a.id,
            "meeting_id": a.meeting_id,
            "anchor": _anchor_with_context(a, m.text if m else None).to_json(),
            "tags": list(a.tags),
            "bookmark": a.bookmark,
            "note": a.note,
            "created": a.created,
            "updated": a.updated,
        })
    book = {t.name: t for t in tags if t.name in used}
    for name in sorted(used - book.keys()):
        book[name] = Tag(name)
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "codebook": [book[n].to_json() for n in sorted(book, key=str.casefold)],
        "meetings": out_meetings,
        "annotations": items,
    }


def write_share(
    path: Path | str,
    meetings: MeetingsLike,
    annotations: Sequence[Annotation],
    tags: Sequence[Tag],
) -> int:
    """Write the sharing file; returns the number of annotations in it."""
    doc = share_document(meetings, annotations, tags)
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(doc["annotations"])


@dataclass(slots=True)
class ShareFile:
    """A sharing file as read: codebook, annotations and per-meeting facts."""

    codebook: list[Tag] = field(default_factory=list)
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)


def read_share(path: Path | str) -> ShareFile:
    """Read and check a sharing file; :class:`ShareError` with one sentence if it is not one."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShareError(f"{p} does not exist.") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise ShareError(f"{p} is not a Parley annotation file (it is not JSON).") from None
    if not isinstance(doc, dict) or FORMAT_KEY not in doc:
        raise ShareError(f"{p} is not a Parley annotation file.")
    if doc[FORMAT_KEY] != FORMAT_VERSION:
        raise ShareError(
            f"{p} is a version {doc[FORMAT_KEY]} annotation file; this Parley reads version "
            f"{FORMAT_VERSION}."
        )
    try:
        return ShareFile(
            codebook=[Tag.from_json(t) for t in doc.get("codebook") or ()],
            meetings=dict(doc.get("meetings") or {}),
            annotations=[Annotation.from_json(a) for a in doc.get("annotations") or ()],
        )
    except (KeyError, TypeError, ValueError):
        raise ShareError(f"{p} is damaged: an annotation lacks its meeting or anchor.") from None


def place_shared(share: ShareFile, finder: MeetingFinder) -> tuple[list[Incoming], list[str]]:
    """Place each shared annotation on a library meeting; returns (passages, unmatched)."""
    passages: list[Incoming] = []
    unmatched: list[str] = []
    for a in share.annotations:
        anchor = a.anchor
        quote = " ".join(anchor.exact.split())
        short = quote if len(quote) <= 60 else quote[:59] + "…"
        where = f"meeting {a.meeting_id} {anchor.start}–{anchor.end} (“{short}”)"
        candidates = []
        m = finder.get(a.meeting_id)
        if m is not None:
            candidates.append(m)
        candidates += [c for c in finder.containing(anchor.exact) if c.id != a.meeting_id]
        placed = None
        for c in candidates:
            span = locate(anchor, c.text)
            if span is not None:
                placed = (c.id, *span)
                break
        if placed is None:
            reason = "its passage is no longer in the meeting" if m else "its meeting is not here"
            unmatched.append(f"{where}: {reason}.")
            continue
        passages.append(Incoming(placed[0], placed[1], placed[2], a.tags, a.bookmark, a.note,
                                 where))
    return passages, unmatched
