"""Turn annotations, search hits and remarks into :class:`PassageItem` rows.

Annotations only know a meeting id and a span; a person reading a list of passages
wants the meeting's date and title and who was speaking. This module looks those up
in the library once per meeting (meetings load lazily from disk, so the cache matters
when a tag has hundreds of passages in the same few meetings). It runs inside worker
threads, never on the UI thread, and imports nothing from Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tui.widgets.coding.passage_list import PassageItem

if TYPE_CHECKING:
    from store.models import Annotation, Meeting, Remark


def remark_at(meeting: Meeting, start: int, end: int) -> Remark | None:
    """The remark that contains (or most overlaps) the span ``start:end``, if any."""
    best: Remark | None = None
    best_overlap = 0
    for remark in meeting.remarks:
        overlap = min(end, remark.end) - max(start, remark.start)
        if remark.start <= start < remark.end and remark.start < end <= remark.end:
            return remark
        if overlap > best_overlap:
            best, best_overlap = remark, overlap
    return best


class MeetingCache:
    """Meeting rows and meetings by id, loaded at most once per list."""

    def __init__(self, library: Any) -> None:
        self._library = library
        self._rows: dict[str, Any] = {}
        self._meetings: dict[str, Meeting | None] = {}

    def row(self, meeting_id: str) -> Any | None:
        """The meeting's list row, or ``None`` if the library no longer has it."""
        if meeting_id not in self._rows:
            try:
                self._rows[meeting_id] = self._library.row(meeting_id)
            except (KeyError, LookupError, ValueError):
                self._rows[meeting_id] = None
        return self._rows[meeting_id]

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The full meeting, or ``None`` if it cannot be loaded."""
        if meeting_id not in self._meetings:
            try:
                self._meetings[meeting_id] = self._library.meeting(meeting_id)
            except (KeyError, LookupError, ValueError, OSError):
                self._meetings[meeting_id] = None
        return self._meetings[meeting_id]


def annotation_items(
    library: Any,
    annotations: Iterable[Annotation],
    colours: dict[str, str] | None = None,
    *,
    cache: MeetingCache | None = None,
    with_tags: bool = False,
) -> list[PassageItem]:
    """Rows for ``annotations``, in date order then position in the meeting."""
    cache = cache or MeetingCache(library)
    items: list[PassageItem] = []
    for annotation in annotations:
        row = cache.row(annotation.meeting_id)
        meeting = cache.meeting(annotation.meeting_id)
        anchor = annotation.anchor
        remark = remark_at(meeting, anchor.start, anchor.end) if meeting else None
        extra = "orphaned: its text is no longer in the meeting" if annotation.orphaned else ""
        items.append(
            PassageItem(
                meeting_id=annotation.meeting_id,
                start=anchor.start,
                end=anchor.end,
                text=anchor.exact,
                date=row.date if row else None,
                title=row.title if row else "(meeting no longer in the library)",
                speaker=remark.speaker if remark else None,
                note=annotation.note,
                tags=annotation.tags if with_tags else (),
                extra=extra,
                orphaned=annotation.orphaned,
                colours=colours or {},
            )
        )
    items.sort(key=lambda i: (i.date or "9999", i.meeting_id, i.start))
    return items


def hit_items(hits: Iterable[Any]) -> list[PassageItem]:
    """Rows for the library's search hits, in the library's rank order."""
    return [
        PassageItem(
            meeting_id=h.meeting_id,
            start=h.start,
            end=h.end,
            text=h.snippet,
            date=h.date,
            title=h.title,
            speaker=h.speaker,
            kind=h.kind,
        )
        for h in hits
    ]


def remark_items(pairs: Iterable[tuple[Any, Remark]]) -> list[PassageItem]:
    """Rows for ``(MeetingRow, Remark)`` pairs, e.g. everything one person said."""
    return [
        PassageItem(
            meeting_id=row.id,
            start=remark.start,
            end=remark.end,
            text=remark.text,
            date=row.date,
            title=row.title,
            speaker=remark.speaker,
            kind=remark.kind,
        )
        for row, remark in pairs
    ]
