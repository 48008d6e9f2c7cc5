"""Helpers the ingest tests share: read a document of our own writing and look at it."""

from __future__ import annotations

from store.ingest import extract, extract_text
from store.models import Meeting, Person


def read(text: str, source: str = "doc.txt") -> Meeting:
    """The one meeting in ``text``."""
    (m,) = extract_text(text, source)
    return m


def read_html(html: str, source: str = "page.html") -> Meeting:
    """The one meeting in an HTML page, read from its UTF-8 bytes as an import would."""
    (m,) = extract(html.encode("utf-8"), source)
    return m


def report(text: str) -> Meeting:
    """The one meeting in a news text, which must read as a report with exact spans."""
    m = read(text)
    assert m.kind == "report"
    check_offsets(m)
    return m


def check_offsets(m: Meeting) -> None:
    """Every remark's span slices the meeting's text to the remark's text."""
    for r in m.remarks:
        assert m.text[r.start : r.end] == r.text


def said(m: Meeting, snippet: str, kind: str = "quote") -> str | None:
    """The speaker of the one remark of ``kind`` holding ``snippet`` (asserting it exists)."""
    hits = [r for r in m.remarks if snippet in r.text and r.kind == kind]
    assert len(hits) == 1, (snippet, kind, m.remarks)
    return hits[0].speaker


def turns(m: Meeting) -> list[tuple[str | None, str]]:
    """(speaker, kind) of every remark, in order."""
    return [(r.speaker, r.kind) for r in m.remarks]


def first_words(m: Meeting, words: int) -> list[str]:
    """The first ``words`` words of every remark."""
    return [" ".join(r.text.split()[:words]) for r in m.remarks]


def person(m: Meeting, name: str) -> Person:
    """The participant called ``name`` (asserting there is one)."""
    p = m.participant(name)
    assert p is not None, [x.name for x in m.participants]
    return p
