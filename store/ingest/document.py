"""The intermediate values the ingest stages hand each other.

The pipeline is ``read`` (bytes → :class:`Page`) → ``clean`` (:class:`Page` text →
:class:`Cleaned`) → ``metadata`` (→ :class:`Header`) → ``turns`` or ``quotes``
(→ remarks and people). Keeping these types here lets every stage be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from store.models import Person, Remark, Section


class Unreadable(Exception):
    """A document Parley cannot read. ``str(exc)`` is one clear sentence for the user."""


@dataclass(slots=True)
class Page:
    """A source document decoded to plain text.

    ``text`` has ``\\n`` line ends and blank lines between paragraphs. For HTML,
    ``title`` and ``date`` are what the page's own markup says, and ``labels`` holds the
    speaker labels the page set in bold (``"President of Russia Vladimir Putin"``), which
    mark turns more reliably than any text pattern.
    """

    text: str
    format: str = "text"  # "text", "html" or "markdown"
    encoding: str = "utf-8"
    title: str | None = None
    date: str | None = None
    labels: frozenset[str] = frozenset()
    source: str = ""
    site: str | None = None  # an HTML page's own site name ("BBC News"), when it gives one


@dataclass(slots=True)
class Cleaned:
    """Text with page furniture removed and scrape damage repaired.

    ``offsets[i]`` is the index in the page text that cleaned character ``i`` came from
    (inserted characters map to the next source character), so a span of the cleaned
    text can always be traced back to the source.
    """

    text: str
    trace: Callable[[], list[int]] | None = field(default=None, repr=False, compare=False)
    _offsets: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def offsets(self) -> list[int]:
        """Built by ``trace`` on first use: the import never asks for it."""
        if self._offsets is None:
            self._offsets = self.trace() if self.trace is not None else []
        return self._offsets

    def to_source(self, i: int) -> int:
        if not self.offsets:
            return i
        if i >= len(self.offsets):
            return self.offsets[-1] + 1 + (i - len(self.offsets))
        return self.offsets[i]


@dataclass(slots=True)
class Header:
    """What a document says about its meeting before anyone speaks."""

    title: str
    date: str | None = None
    date_inferred: bool = False
    place: str | None = None
    outlet: str | None = None
    people: tuple[Person, ...] = ()  # people the title/lead names as taking part
    body_start: int = 0  # where the meeting's own text begins in the cleaned text
    sections: tuple[Section, ...] = ()


@dataclass(slots=True)
class Reading:
    """Remarks and the people who made them, as one of the remark finders reads them."""

    remarks: list[Remark] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
