"""Finding the library meeting an imported passage belongs to.

Imports (QDPX projects, colleagues' annotation files) name documents by their text, not
by Parley's ids, so the importer asks two questions: "which meeting has exactly this
text?" and "which meetings contain this quote?". :class:`MappingFinder` answers them
over meetings in memory (tests, small sets); :class:`LibraryFinder` over a
``store.library.Library`` without loading every meeting: a meeting's id is a hash of
its white-space-normalised text, so the exact-text question is one lookup, and the
quote question goes through the library's full-text search before the text is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from store.models import Meeting

_WORD = re.compile(r"\w+", re.UNICODE)


def same_text(a: str, b: str) -> bool:
    """Whether two document texts are the same up to line-end style."""
    return a == b or a.replace("\r\n", "\n") == b.replace("\r\n", "\n")


class MeetingFinder(Protocol):
    """How importers find meetings; see the module docstring."""

    def get(self, meeting_id: str) -> Meeting | None: ...

    def by_text(self, text: str) -> Meeting | None: ...

    def containing(self, quote: str) -> list[Meeting]: ...


class MappingFinder:
    """A :class:`MeetingFinder` over meetings held in memory."""

    def __init__(self, meetings: Mapping[str, Meeting] | Iterable[Meeting]) -> None:
        items = meetings.values() if isinstance(meetings, Mapping) else meetings
        self._meetings = {m.id: m for m in items}
        self._by_text: dict[str, Meeting] = {}
        for m in self._meetings.values():
            self._by_text.setdefault(m.text.replace("\r\n", "\n"), m)

    def get(self, meeting_id: str) -> Meeting | None:
        return self._meetings.get(meeting_id)

    def by_text(self, text: str) -> Meeting | None:
        return self._by_text.get(text.replace("\r\n", "\n"))

    def containing(self, quote: str) -> list[Meeting]:
        return [m for m in self._meetings.values() if quote and quote in m.text]


class LibraryFinder:
    """A :class:`MeetingFinder` over a ``Library`` (the API contract in ``team.md``)."""

    def __init__(self, library: Any, search_limit: int = 50) -> None:
        self._lib = library
        self._limit = search_limit
        self._cache: dict[str, Meeting | None] = {}

    def get(self, meeting_id: str) -> Meeting | None:
        if meeting_id not in self._cache:
            try:
                self._cache[meeting_id] = self._lib.meeting(meeting_id)
            except Exception:  # missing or unreadable: the caller reports it as unmatched
                self._cache[meeting_id] = None
        return self._cache[meeting_id]

    def by_text(self, text: str) -> Meeting | None:
        from store.ingest.pipeline import meeting_id

        for candidate in (text, text.replace("\r\n", "\n")):
            m = self.get(meeting_id(candidate))
            if m is not None and same_text(m.text, text):
                return m
        return None

    def containing(self, quote: str) -> list[Meeting]:
        # The index holds paragraphs and remarks, so a phrase that crosses a line break
        # would match nothing: search with the longest line of the quote.
        lines = [_WORD.findall(line) for line in quote.splitlines()]
        words = max(lines, key=len, default=[])
        if not words:
            return []
        phrase = " ".join(words[:12])
        try:
            hits = self._lib.search(f'"{phrase}"', limit=self._limit)
        except Exception:  # a query the index cannot parse: no candidates, reported
            return []
        out: list[Meeting] = []
        for mid in dict.fromkeys(h.meeting_id for h in hits):
            m = self.get(mid)
            if m is not None and quote in m.text:
                out.append(m)
        return out
