"""The data Parley works with, as frozen dataclasses.

Everything that crosses a module boundary (ingest → library → TUI → export) is one of
these types, so each layer can be tested without the others. They are frozen because a
meeting read from disk is shared between views; changing one means building a new one.
The JSON shapes produced by ``to_json`` are the ``parley extract --json`` contract in
``design.md`` and must not change lightly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

RemarkKind = Literal["statement", "question", "answer", "quote", "reported"]
MeetingKind = Literal["transcript", "report"]

REMARK_KINDS: tuple[RemarkKind, ...] = ("statement", "question", "answer", "quote", "reported")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who takes part in a meeting.

    ``name`` is the canonical form ("Sergey Lavrov"); ``aliases`` are the other ways the
    text refers to the same person ("Lavrov", "Mr Lavrov", "the minister"), kept so
    that search and speaker filters find every mention.
    """

    name: str
    role: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "affiliation": self.affiliation,
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Person:
        return cls(
            name=d["name"],
            role=d.get("role"),
            affiliation=d.get("affiliation"),
            aliases=tuple(d.get("aliases") or ()),
        )


@dataclass(frozen=True, slots=True)
class Remark:
    """One thing someone said: a transcript turn, a quote, or reported speech.

    Invariant: ``meeting.text[start:end] == text``. ``speaker`` is a person's canonical
    name, or ``None`` for an unnamed journalist or an unresolved voice. It is nearly
    always a participant's; a correspondent quoted in a news report about the meeting
    keeps their name but takes no part in it, so is not among the participants.
    """

    speaker: str | None
    kind: RemarkKind
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Remark:
        return cls(
            speaker=d.get("speaker"),
            kind=d["kind"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
        )


@dataclass(frozen=True, slots=True)
class Section:
    """A heading inside one meeting ("Beginning of meeting with …", "* * *").

    Parley keeps the parts of one event in one meeting and marks where each part starts,
    rather than splitting a page into several meetings.
    """

    title: str
    start: int

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "start": self.start}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Section:
        return cls(title=d["title"], start=int(d["start"]))


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting found in a source document, with its cleaned text and remarks.

    ``date`` is ISO ``YYYY-MM-DD``, or ``--MM-DD`` when the year is unknown;
    ``date_inferred`` says the year (or date) was worked out rather than read.
    ``id`` depends only on the cleaned text, so re-importing the same text keeps it.
    """

    id: str
    title: str
    date: str | None
    date_inferred: bool
    place: str | None
    outlet: str | None
    kind: MeetingKind
    participants: tuple[Person, ...]
    remarks: tuple[Remark, ...]
    text: str
    source: str
    sections: tuple[Section, ...] = ()

    def participant(self, name: str) -> Person | None:
        """The participant called ``name`` (canonical name or alias, any case)."""
        key = name.casefold()
        for person in self.participants:
            if person.name.casefold() == key or any(a.casefold() == key for a in person.aliases):
                return person
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "date_inferred": self.date_inferred,
            "place": self.place,
            "outlet": self.outlet,
            "kind": self.kind,
            "participants": [p.to_json() for p in self.participants],
            "remarks": [r.to_json() for r in self.remarks],
            "sections": [s.to_json() for s in self.sections],
            "text": self.text,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Meeting:
        return cls(
            id=d["id"],
            title=d["title"],
            date=d.get("date"),
            date_inferred=bool(d.get("date_inferred")),
            place=d.get("place"),
            outlet=d.get("outlet"),
            kind=d["kind"],
            participants=tuple(Person.from_json(p) for p in d.get("participants") or ()),
            remarks=tuple(Remark.from_json(r) for r in d.get("remarks") or ()),
            text=d["text"],
            source=d.get("source", ""),
            sections=tuple(Section.from_json(s) for s in d.get("sections") or ()),
        )


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits: a span by position and by quoted text with context.

    Like the W3C Web Annotation TextQuoteSelector plus TextPositionSelector: when a
    re-import moves the offsets, ``exact`` with ``prefix``/``suffix`` finds the span again.
    """

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Anchor:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            exact=d["exact"],
            prefix=d.get("prefix", ""),
            suffix=d.get("suffix", ""),
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    """A person's coding of one passage: tags, a bookmark flag and a note.

    ``orphaned`` is set when the passage can no longer be found in its meeting's
    text; an orphaned annotation is kept and listed, never dropped.
    """

    id: str
    meeting_id: str
    anchor: Anchor
    tags: tuple[str, ...] = ()
    bookmark: bool = False
    note: str = ""
    created: str = ""
    updated: str = ""
    orphaned: bool = False

    def with_changes(self, **changes: Any) -> Annotation:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "anchor": self.anchor.to_json(),
            "tags": list(self.tags),
            "bookmark": self.bookmark,
            "note": self.note,
            "created": self.created,
            "updated": self.updated,
            "orphaned": self.orphaned,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Annotation:
        return cls(
            id=d["id"],
            meeting_id=d["meeting_id"],
            anchor=Anchor.from_json(d["anchor"]),
            tags=tuple(d.get("tags") or ()),
            bookmark=bool(d.get("bookmark")),
            note=d.get("note", ""),
            created=d.get("created", ""),
            updated=d.get("updated", ""),
            orphaned=bool(d.get("orphaned")),
        )


@dataclass(frozen=True, slots=True)
class Tag:
    """A code in the codebook. Names may be hierarchical: ``topic/terrorism``."""

    name: str
    colour: str = "#5f87d7"
    description: str = ""

    @property
    def parent(self) -> str | None:
        head, sep, _ = self.name.rpartition("/")
        return head if sep else None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "colour": self.colour, "description": self.description}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Tag:
        return cls(
            name=d["name"],
            colour=d.get("colour", "#5f87d7"),
            description=d.get("description", ""),
        )


@dataclass(slots=True)
class ExtractError:
    """A file that could not be read, with one sentence saying why."""

    source: str
    error: str
    details: dict[str, Any] = field(default_factory=dict)
