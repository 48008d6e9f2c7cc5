"""The ingest pipeline: run the stages in order and assemble :class:`Meeting` objects."""

from __future__ import annotations

import hashlib
import re

from store.ingest import clean, metadata, quotes, read, turns
from store.ingest.document import Page
from store.ingest.speakers import with_home_affiliation
from store.models import Meeting, Person


def meeting_id(text: str) -> str:
    """A stable id from the cleaned text alone, blind to white-space changes."""
    norm = " ".join(text.split())  # the same as collapsing r"\s+" and stripping, faster
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def extract(data: bytes, source: str) -> list[Meeting]:
    """Read one file's bytes and return the meetings in it.

    Raises :class:`~store.ingest.document.Unreadable` with one clear sentence when the
    bytes are not a document Parley can read.
    """
    return extract_page(read.read_page(data, source))


def extract_text(text: str, source: str = "<text>") -> list[Meeting]:
    """Like :func:`extract` for text already decoded (tests, pasted text)."""
    return extract_page(read.page_from_text(text, source))


def extract_page(page: Page) -> list[Meeting]:
    cleaned = clean.clean(page.text)
    text = cleaned.text
    header, from_dateline = metadata.read_header_and_origin(text, page)
    reading = turns.find_turns(text, header, page, report=from_dateline)
    kind = "transcript"
    excerpts = (
        quotes.interview_in_report(text, header, reading)
        if reading is not None and from_dateline
        else None
    )
    if excerpts is not None:  # a news report with unlabelled Q&A excerpts in the middle
        reading, kind = excerpts, "report"
    if reading is None:
        kind = "report"
        reading = quotes.find_report_remarks(text, header)
    # A transcript's speaker book already holds the title's people under their final
    # canonical names; merging the header's copies again could duplicate "Biden".
    participants = (
        _merge_people(with_home_affiliation(reading.people, header.outlet))
        if kind == "transcript"
        else _who_take_part(
            _merge_people(header.people, reading.people),
            reading.people,
            text[header.body_start :],
        )
    )
    return [
        Meeting(
            id=meeting_id(text),
            title=header.title,
            date=header.date,
            date_inferred=header.date_inferred,
            place=header.place,
            outlet=header.outlet,
            kind=kind,
            participants=participants,
            remarks=tuple(reading.remarks),
            text=text,
            source=page.source,
            sections=header.sections,
        )
    ]


def _who_take_part(
    people: tuple[Person, ...], speakers: list[Person], body: str
) -> tuple[Person, ...]:
    """``report-participants``: a report's people are those who speak or whom its body names.

    The header's people lend their role and aliases to a speaker of the same name, and
    the title's parties ("Putin met with Tony Blair") stay when the body names them
    too; a header name the body never uses (a byline's "By Paul Kirby", a headline's
    "Peace Plan") is no participant.
    """
    names = {p.name.casefold() for p in speakers}
    return tuple(
        p
        for p in people
        if p.name.casefold() in names
        or re.search(rf"\b{re.escape(p.name.split()[-1])}\b", body) is not None
    )


def _merge_people(*groups: tuple[Person, ...] | list[Person]) -> tuple[Person, ...]:
    """People from the header and from the remarks, one entry per canonical name."""
    seen: dict[str, Person] = {}
    for group in groups:
        for person in group:
            key = person.name.casefold()
            old = seen.get(key)
            if old is None:
                seen[key] = person
            else:
                aliases = tuple(dict.fromkeys((*old.aliases, *person.aliases)))
                seen[key] = Person(
                    name=old.name,
                    role=old.role or person.role,
                    affiliation=old.affiliation or person.affiliation,
                    aliases=aliases,
                )
    return tuple(seen.values())
