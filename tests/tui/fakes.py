"""A small in-memory stand-in for ``store.library.Library``, for UI tests that must not
depend on how well extraction reads the seeds (snapshots) or that need 50,000 meetings.

It has the same ``count/rows/row/meeting/close`` methods and records which pages the UI
asked for, so a test can check the meetings pane reads only what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.models import Meeting, Person, Remark


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    date: str | None
    title: str
    outlet: str | None
    kind: str
    place: str | None
    participants: tuple[str, ...]
    n_remarks: int
    source: str


def build_meeting(
    meeting_id: str,
    title: str,
    date: str | None,
    turns: list[tuple[str | None, str, str]],
    *,
    people: tuple[Person, ...] = (),
    preamble: str = "",
    place: str | None = "Moscow",
    outlet: str | None = "Test Outlet",
) -> Meeting:
    """A meeting whose text is the preamble then each turn's words, one paragraph each."""
    parts: list[str] = []
    remarks: list[Remark] = []
    offset = 0
    if preamble:
        parts.append(preamble + "\n\n")
        offset = len(parts[0])
    for speaker, kind, words in turns:
        remarks.append(Remark(speaker, kind, words, offset, offset + len(words)))  # type: ignore[arg-type]
        parts.append(words + "\n\n")
        offset += len(words) + 2
    text = "".join(parts).rstrip("\n")
    return Meeting(
        id=meeting_id,
        title=title,
        date=date,
        date_inferred=False,
        place=place,
        outlet=outlet,
        kind="transcript",
        participants=people,
        remarks=tuple(remarks),
        text=text,
        source=f"/fake/{meeting_id}.txt",
    )


def _row(meeting: Meeting) -> Row:
    return Row(
        meeting.id,
        meeting.date,
        meeting.title,
        meeting.outlet,
        meeting.kind,
        meeting.place,
        tuple(p.name for p in meeting.participants),
        len(meeting.remarks),
        meeting.source,
    )


_SORT_KEYS = {
    "date_desc": (lambda r: r.date or "", True),
    "date_asc": (lambda r: r.date or "", False),
    "title": (lambda r: r.title.casefold(), False),
    "remarks_desc": (lambda r: r.n_remarks, True),
}


class FakeLibrary:
    """Meetings in a list; ``rows`` sorts like the real library."""

    def __init__(self, meetings: list[Meeting], path: Path = Path("/fake-library")) -> None:
        self.path = path
        self.is_sample = False
        self._meetings = {m.id: m for m in meetings}
        self._rows = [_row(m) for m in meetings]
        self.row_requests: list[tuple[int, int | None, str]] = []
        self.closed = False

    def count(self, filters: object = None) -> int:
        return len(self._rows)

    def rows(
        self,
        offset: int = 0,
        limit: int | None = None,
        sort: str = "date_desc",
        filters: object = None,
    ) -> list[Row]:
        self.row_requests.append((offset, limit, sort))
        key, reverse = _SORT_KEYS[sort]
        ordered = sorted(self._rows, key=lambda r: (key(r), r.id), reverse=reverse)
        return ordered[offset : None if limit is None else offset + limit]

    def row(self, meeting_id: str) -> Row:
        return _row(self._meetings[meeting_id])

    def meeting(self, meeting_id: str) -> Meeting:
        return self._meetings[meeting_id]

    def close(self) -> None:
        self.closed = True


class BigLibrary(FakeLibrary):
    """``n`` meetings made up on demand: nothing is built until the UI asks for it."""

    def __init__(self, n: int) -> None:
        super().__init__([])
        self.n = n

    def count(self, filters: object = None) -> int:
        return self.n

    def _make_row(self, index: int) -> Row:
        # date_desc order: index 0 is the newest
        day = self.n - index
        return Row(
            f"m{index:06d}",
            f"{2000 + day // 365:04d}-01-01",
            f"Meeting {index:06d}",
            "Wire",
            "report",
            "Geneva",
            ("A. Speaker",),
            index % 7,
            "/big",
        )

    def rows(
        self,
        offset: int = 0,
        limit: int | None = None,
        sort: str = "date_desc",
        filters: object = None,
    ) -> list[Row]:
        self.row_requests.append((offset, limit, sort))
        stop = self.n if limit is None else min(self.n, offset + limit)
        return [self._make_row(i) for i in range(offset, stop)]

    def row(self, meeting_id: str) -> Row:
        return self._make_row(int(meeting_id[1:]))

    def meeting(self, meeting_id: str) -> Meeting:
        index = int(meeting_id[1:])
        return build_meeting(
            meeting_id,
            f"Meeting {index:06d}",
            None,
            [("A. Speaker", "statement", f"Words of meeting {index}.")],
        )


LAVROV = Person("Sergey Lavrov", "Foreign Minister", "Russia", ("Lavrov",))
MADANI = Person("Iyad Ameen Madani", "OIC Secretary General", "OIC", ("Madani",))
IVANOV = Person("Igor Ivanov", "Security Council Secretary", "Russia", ("Ivanov",))


def demo_meetings() -> list[Meeting]:
    """Two fixed meetings for snapshots: they never change when extraction improves."""
    talks = build_meeting(
        "talks2015",
        "Sergey Lavrov's statement and answers to media questions, Moscow, June 11, 2015",
        "2015-06-11",
        [
            (
                LAVROV.name,
                "statement",
                "Ladies and gentlemen, we held talks with Secretary "
                "General of the Organisation of Islamic Cooperation, which were, as always, "
                "constructive and substantive. We meet regularly.",
            ),
            (None, "question", "Question: What did you discuss about Syria?"),
            (
                LAVROV.name,
                "answer",
                "We discussed the situation in Syria, Yemen and Libya, "
                "and the fight against terrorism [in all its forms].",
            ),
            (
                MADANI.name,
                "answer",
                "I thank the minister. Our cooperation is developing "
                "well and we hope it will go on.",
            ),
            (LAVROV.name, "answer", "We will continue our dialogue."),
        ],
        people=(LAVROV, MADANI),
        preamble="11 June 2015\n\nForeign Minister Sergey Lavrov's statement and answers",
        outlet="Russian Ministry of Foreign Affairs",
    )
    visit = build_meeting(
        "visit2004",
        "Igor Ivanov receives an OIC delegation",
        "2004-05-21",
        [
            (
                IVANOV.name,
                "quote",
                "We regard your visit to Moscow as the continuation of a very important meeting.",
            ),
            (
                IVANOV.name,
                "quote",
                "In a word, we are cooperating in all areas of mutual interest.",
            ),
        ],
        people=(IVANOV,),
        preamble="MOSCOW, May 21 (RIA Novosti) - Igor Ivanov met an OIC delegation.",
        outlet="RIA Novosti",
    )
    return [talks, visit]
