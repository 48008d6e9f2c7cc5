"""The joined record every export format shares: one coded passage with its meeting.

An :class:`~store.models.Annotation` only knows its meeting's id and span; a report needs
the meeting's date, title and outlet, and who was speaking. :func:`build_records` joins
them once, applies the export filters and fixes one deterministic order, so CSV, JSON,
Markdown and QDPX agree on what was exported and in which order, and two exports of the
same library are identical.

The exports take meetings as a ``Mapping[str, Meeting]`` *or* any callable
``meeting_id -> Meeting`` (``Library.meeting``), so they run without a library in tests.
A meeting that cannot be loaded never stops an export: its passages are kept, marked
``orphaned``, with the quoted text the annotation carries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from store.models import Annotation, Meeting, Tag

MeetingsLike = Mapping[str, Meeting] | Callable[[str], Meeting]
"""Where exports get meetings from: a mapping, or a loader such as ``Library.meeting``."""

UNTAGGED = "(untagged)"


def meeting_getter(meetings: MeetingsLike) -> Callable[[str], Meeting | None]:
    """A loader that returns ``None`` instead of raising for a meeting it cannot give.

    Library loaders raise for a missing or unreadable meeting; an export must go on and
    list the passage as orphaned, so every failure becomes ``None`` here (the reason is
    not needed: the record says the meeting could not be found).
    """
    cache: dict[str, Meeting | None] = {}

    def get(meeting_id: str) -> Meeting | None:
        if meeting_id in cache:
            return cache[meeting_id]
        found: Meeting | None
        try:
            if isinstance(meetings, Mapping):
                found = meetings.get(meeting_id)
            else:
                found = meetings(meeting_id)
        except Exception:  # a damaged or missing meeting must not stop the export
            found = None
        cache[meeting_id] = found
        return found

    return get


@dataclass(frozen=True, slots=True)
class Filters:
    """What ``parley export`` narrows the passages to; every field is optional (AND).

    ``tags`` match a tag or any tag below it (``topic`` matches ``topic/terrorism``),
    ``speaker`` matches a remark speaker overlapping the passage by canonical name or an
    alias of a participant, case-insensitively. Dates are ISO and inclusive.
    """

    tags: tuple[str, ...] = ()
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    bookmarked: bool = False
    meeting_ids: frozenset[str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "tags": list(self.tags),
            "speaker": self.speaker,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "bookmarked": self.bookmarked,
            "meeting_ids": sorted(self.meeting_ids) if self.meeting_ids is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """One coded passage joined with its meeting: the row every format writes."""

    annotation: Annotation
    meeting: Meeting | None
    text: str
    speakers: tuple[str, ...]
    remark_kinds: tuple[str, ...]

    @property
    def start(self) -> int:
        return self.annotation.anchor.start

    @property
    def end(self) -> int:
        return self.annotation.anchor.end

    @property
    def orphaned(self) -> bool:
        return self.annotation.orphaned or self.meeting is None

    @property
    def date(self) -> str | None:
        return self.meeting.date if self.meeting else None

    @property
    def title(self) -> str:
        return self.meeting.title if self.meeting else ""

    @property
    def outlet(self) -> str | None:
        return self.meeting.outlet if self.meeting else None

    def to_json(self) -> dict[str, Any]:
        """The JSON export's shape for one passage (``parley_export`` version 1)."""
        a = self.annotation
        m = self.meeting
        return {
            "id": a.id,
            "meeting_id": a.meeting_id,
            "start": a.anchor.start,
            "end": a.anchor.end,
            "text": self.text,
            "anchor": a.anchor.to_json(),
            "tags": list(a.tags),
            "bookmark": a.bookmark,
            "note": a.note,
            "created": a.created,
            "updated": a.updated,
            "orphaned": self.orphaned,
            "speakers": list(self.speakers),
            "remark_kinds": list(self.remark_kinds),
            "meeting": None
            if m is None
            else {
                "id": m.id,
                "title": m.title,
                "date": m.date,
                "date_inferred": m.date_inferred,
                "place": m.place,
                "outlet": m.outlet,
                "kind": m.kind,
                "source": m.source,
                "participants": [p.to_json() for p in m.participants],
            },
        }


def passage_speakers(
    meeting: Meeting, start: int, end: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Speakers and remark kinds of the remarks that contain or overlap ``[start, end)``.

    In text order, each once. A passage inside one remark gets that remark's speaker; a
    passage across two turns gets both, so a CSV row never hides who said what.
    """
    speakers: list[str] = []
    kinds: list[str] = []
    for remark in meeting.remarks:
        overlaps = remark.start < end and start < remark.end
        inside_empty = start == end and remark.start <= start <= remark.end
        if not (overlaps or inside_empty):
            continue
        if remark.speaker and remark.speaker not in speakers:
            speakers.append(remark.speaker)
        if remark.kind not in kinds:
            kinds.append(remark.kind)
    return tuple(speakers), tuple(kinds)


def tag_matches(tag: str, wanted: str) -> bool:
    """``wanted`` names this tag or one of its ancestors (``topic`` ⊇ ``topic/x``)."""
    t, w = tag.casefold(), wanted.casefold().rstrip("/")
    return t == w or t.startswith(w + "/")


def _speaker_matches(meeting: Meeting | None, speakers: Sequence[str], wanted: str) -> bool:
    key = wanted.casefold()
    for name in speakers:
        if name.casefold() == key:
            return True
        if meeting is not None:
            person = meeting.participant(name)
            if person is not None and any(a.casefold() == key for a in person.aliases):
                return True
    return False


def _in_dates(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    if date_from is None and date_to is None:
        return True
    if not date or date.startswith("--"):  # unknown year: cannot be placed in a range
        return False
    if date_from and date < date_from:
        return False
    return not (date_to and date[: len(date_to)] > date_to)


def build_records(
    meetings: MeetingsLike,
    annotations: Iterable[Annotation],
    filters: Filters | None = None,
) -> list[Record]:
    """Join, filter and order the passages for export.

    Order: meeting date (undated last), title, meeting id, then start, end and
    annotation id, so the output does not depend on the store's internal order.
    """
    f = filters or Filters()
    get = meeting_getter(meetings)
    out: list[Record] = []
    for a in annotations:
        if f.meeting_ids is not None and a.meeting_id not in f.meeting_ids:
            continue
        if f.bookmarked and not a.bookmark:
            continue
        if f.tags and not any(tag_matches(t, w) for t in a.tags for w in f.tags):
            continue
        meeting = get(a.meeting_id)
        if meeting is not None and not a.orphaned:
            text = meeting.text[a.anchor.start : a.anchor.end]
            speakers, kinds = passage_speakers(meeting, a.anchor.start, a.anchor.end)
        else:
            text, speakers, kinds = a.anchor.exact, (), ()
        if f.speaker and not _speaker_matches(meeting, speakers, f.speaker):
            continue
        if not _in_dates(meeting.date if meeting else None, f.date_from, f.date_to):
            continue
        out.append(Record(a, meeting, text, speakers, kinds))
    out.sort(key=_order)
    return out


def _order(r: Record) -> tuple[Any, ...]:
    date = r.date or ""
    return (
        date == "",
        date,
        r.title.casefold(),
        r.annotation.meeting_id,
        r.start,
        r.end,
        r.annotation.id,
    )


def codebook(tags: Sequence[Tag], records: Iterable[Record]) -> list[Tag]:
    """The codebook's tags plus any tag a passage uses that the codebook lacks, by name.

    A tag used on a passage but missing from the codebook (an older store, a tag typed
    before the codebook existed) still needs a code in QDPX and a section in Markdown.
    """
    by_name = {t.name: t for t in tags}
    for r in records:
        for name in r.annotation.tags:
            by_name.setdefault(name, Tag(name))
    return sorted(by_name.values(), key=lambda t: t.name.casefold())
