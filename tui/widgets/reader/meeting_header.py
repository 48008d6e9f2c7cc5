"""The lines above the reader: which meeting this is, when, where, from whom, with whom.

Built from ``rich.text.Text`` pieces, never markup, because titles and names come from
documents and may contain square brackets.

The header is always :data:`HEIGHT` lines tall: the title, the facts and the people
share them, each cut with "…" when they do not fit. A fixed height keeps the remarks
pane still while the reader holds ``j`` in the meetings pane (a header that grew and
shrank with each title would make the pane below jump), and it lets a new meeting
repaint just these lines: an ``auto`` height made every meeting change re-lay the whole
screen out, repainting panes that had not changed (``tests/bench/run.py`` keys).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from store.models import Meeting
from tui.speaker_colours import speaker_style
from tui.text_layout import display_text
from tui.widgets.strips import text_strip

HEIGHT = 5
"""Lines the header always takes: up to three of title, one of facts, one or more of people."""
ELLIPSIS = "…"


class MeetingHeader(Widget):
    """Title, then date · place · outlet · kind, then participants in their colours.

    Draws its lines itself (Line API) rather than as a ``Static``: every meeting shown
    with ``j`` held in the meetings pane replaces them, and a ``Static`` turned the Rich
    text into Textual content and wrapped it again, which cost more than the lines.
    """

    HELP: ClassVar[str] = """\
## Meeting header

The open meeting's title; its date (marked "inferred" when Parley worked the year out
rather than read it), place, outlet and kind; and the participants, each in the colour
used for them in the remarks and the transcript. What does not fit in its five lines
ends in "…"; the transcript (**v**) starts with the full title.
"""

    DEFAULT_CSS = f"""
    MeetingHeader {{
        height: {HEIGHT};
        padding: 0 1;
        background: $boost;
        color: $text;
    }}
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._meeting: Meeting | None = None
        self._loading = False
        self._strips: tuple[int, list[Strip]] | None = None  # (width, lines) drawn

    def show_meeting(self, meeting: Meeting | None, *, loading: bool = False) -> None:
        """Describe ``meeting`` (or say there is none / it is loading)."""
        self._meeting, self._loading = meeting, loading
        self._strips = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        if self._strips is None or self._strips[0] != width:
            base = self.rich_style
            console = self.app.console
            self._strips = (
                width, [text_strip(console, line, width, base) for line in self._describe()]
            )
        lines = self._strips[1]
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.rich_style)

    def _describe(self) -> list[Text]:
        meeting = self._meeting
        if meeting is None:
            return [Text("Loading…" if self._loading else "No meeting selected.", style="dim")]
        title = Text(display_text(meeting.title or "(untitled)"), style="bold")
        facts: list[str] = []
        date = meeting.date or "date unknown"
        facts.append(f"{date} (inferred)" if meeting.date_inferred and meeting.date else date)
        facts.extend(value for value in (meeting.place, meeting.outlet) if value)
        facts.append(meeting.kind)
        people = Text()
        for index, person in enumerate(meeting.participants):
            if index:
                people.append(", ")
            people.append(display_text(person.name), speaker_style(person.name))
            if person.role:
                people.append(display_text(f" ({person.role})"), style="dim")
        return self._fit(title, Text(display_text(" · ".join(facts)), style="italic"), people)

    def _fit(self, title: Text, facts: Text, people: Text) -> list[Text]:
        """The three parts in :data:`HEIGHT` lines of the content width, cut with "…"."""
        width = self.content_region.width
        if width <= 1:  # not laid out yet: drawn again at its size
            return [title, facts, people] if people else [title, facts]
        console = self.app.console
        title_lines = list(title.wrap(console, width))
        people_lines = list(people.wrap(console, width)) if people else []
        title_room = HEIGHT - 1 - min(1, len(people_lines))
        title_lines = _cut(title_lines, min(3, title_room), width)
        people_lines = _cut(people_lines, HEIGHT - 1 - len(title_lines), width)
        facts_lines = _cut(list(facts.wrap(console, width)), 1, width)
        return [*title_lines, *facts_lines, *people_lines]


def _cut(lines: list[Text], room: int, width: int) -> list[Text]:
    """At most ``room`` of ``lines``; the last one kept ends in "…" if any were dropped."""
    if len(lines) <= room:
        return lines
    kept = lines[:room]
    if kept:
        last = kept[-1].copy()
        last.rstrip()
        last.truncate(width - 1)
        last.append(ELLIPSIS, style=last.style)
        kept[-1] = last
    return kept
