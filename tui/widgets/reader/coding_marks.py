"""Where the open meeting is coded, in the form the two reader views draw it.

Issue 5 asks that tagged and bookmarked text be marked in both views in the tag's colour.
The annotation store knows annotations by meeting; the views draw one screen line (a span
of the meeting's text) at a time. :func:`read_marks` turns a meeting's annotations into
:class:`MeetingMarks` once (on a worker thread: the store may re-read a file), and the
views ask it, per line, which marks overlap that line's span. Colours are resolved here,
so drawing never touches the store.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from rich.color import Color as RichColor
from rich.style import Style
from textual.color import Color

if TYPE_CHECKING:
    from store.models import Annotation, Tag

DEFAULT_TAG_COLOUR = "#5f87d7"  # the codebook's default (``store.models.Tag.colour``)
BOOKMARK = "★"
NOTE = "✎"
FLAG_STYLE = Style(color="#e5b33d", bold=True)  # ★ and ✎: gold reads on dark and light
TINT = 0.38  # how much of the tag's colour shows through behind coded text


class MarkSource(Protocol):
    """The part of ``store.annotations.AnnotationStore`` the marks are read from."""

    def for_meeting(self, meeting_id: str) -> list[Annotation]: ...
    def tags(self) -> list[Tag]: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotated span: its first tag's colour (None when it has no tag) and flags."""

    start: int
    end: int
    tags: tuple[str, ...]
    colour: str | None
    bookmark: bool
    note: bool


@dataclass(frozen=True, slots=True)
class MeetingMarks:
    """The marks of one meeting, ordered by start, and the colour of every tag named."""

    meeting_id: str
    marks: tuple[Mark, ...] = ()
    colours: dict[str, str] = field(default_factory=dict)
    _starts: tuple[int, ...] = ()

    @classmethod
    def build(
        cls, meeting_id: str, marks: Iterable[Mark], colours: dict[str, str]
    ) -> MeetingMarks:
        ordered = tuple(sorted(marks, key=lambda m: (m.start, m.end)))
        return cls(meeting_id, ordered, colours, tuple(m.start for m in ordered))

    def __bool__(self) -> bool:
        return bool(self.marks)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        """The marks that share at least one character with ``[start, end)``."""
        if not self.marks:
            return []
        stop = bisect_left(self._starts, max(end, start + 1))
        return [m for m in self.marks[:stop] if m.end > start]

    def colour(self, tag: str) -> str:
        return self.colours.get(tag, DEFAULT_TAG_COLOUR)


def no_marks(meeting_id: str = "") -> MeetingMarks:
    """Marks of a meeting nothing is known about yet (drawn as plain text)."""
    return MeetingMarks(meeting_id)


def read_marks(store: MarkSource, meeting_id: str, text_length: int) -> MeetingMarks:
    """The marks of ``meeting_id`` from ``store``; spans clipped to the meeting's text.

    Orphaned annotations (their text is gone after a re-import) have no place to be
    drawn and are left out; they stay listed in the coding screens.
    """
    colours = {tag.name: tag.colour for tag in store.tags()}
    marks: list[Mark] = []
    for annotation in store.for_meeting(meeting_id):
        if annotation.orphaned:
            continue
        start = min(max(0, annotation.anchor.start), text_length)
        end = min(max(start, annotation.anchor.end), text_length)
        if end <= start:
            continue
        tags = tuple(annotation.tags)
        note = bool(annotation.note.strip())
        if not (tags or annotation.bookmark or note):
            continue
        colour = colours.get(tags[0], DEFAULT_TAG_COLOUR) if tags else None
        marks.append(Mark(start, end, tags, colour, annotation.bookmark, note))
    return MeetingMarks.build(meeting_id, marks, colours)


def _parse(colour: str) -> Color:
    with contextlib.suppress(Exception):
        return Color.parse(colour)
    return Color.parse(DEFAULT_TAG_COLOUR)


@lru_cache(maxsize=256)
def tint_style(colour: str, background: RichColor | None) -> Style:
    """A background of ``colour`` blended into ``background``, so coded text stays legible."""
    base = Color.from_rich_color(background) if background is not None else Color(0, 0, 0)
    return Style(bgcolor=base.blend(_parse(colour), TINT).rich_color)


@lru_cache(maxsize=256)
def colour_style(colour: str, *, bold: bool = False) -> Style:
    """Foreground ``colour`` (a tag's name, a gutter bar), falling back to the default."""
    return Style(color=_parse(colour).rich_color, bold=bold)


def paint_marks(
    body_style: Style, marks: Sequence[Mark], start: int, end: int
) -> list[tuple[int, int, Style]]:
    """``(from, to, style)`` relative to ``start``: the tints of ``marks`` on one line.

    Marks later in the list are painted over earlier ones; an untagged bookmark or note
    gets no tint (its ★/✎ in the gutter marks it).
    """
    spans: list[tuple[int, int, Style]] = []
    for mark in marks:
        if mark.colour is None:
            continue
        low, high = max(start, mark.start), min(end, mark.end)
        if high > low:
            spans.append((low - start, high - start, tint_style(mark.colour, body_style.bgcolor)))
    return spans
