"""The line above the reader: which meeting this is, when, where, from whom, with whom.

Built from ``rich.text.Text`` pieces, never markup, because titles and names come from
documents and may contain square brackets.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from store.models import Meeting
from tui.speaker_colours import speaker_style
from tui.text_layout import display_text


class MeetingHeader(Static):
    """Title, then date · place · outlet · kind, then participants in their colours."""

    HELP: ClassVar[str] = """\
## Meeting header

The open meeting's title; its date (marked "inferred" when Parley worked the year out
rather than read it), place, outlet and kind; and the participants, each in the colour
used for them in the remarks and the transcript.
"""

    DEFAULT_CSS = """
    MeetingHeader {
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $boost;
        color: $text;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.show_meeting(None)

    def show_meeting(self, meeting: Meeting | None, *, loading: bool = False) -> None:
        """Describe ``meeting`` (or say there is none / it is loading)."""
        if meeting is None:
            message = "Loading…" if loading else "No meeting selected."
            self.update(Text(message, style="dim"))
            return
        text = Text()
        text.append(display_text(meeting.title or "(untitled)"), style="bold")
        text.append("\n")
        facts: list[str] = []
        date = meeting.date or "date unknown"
        facts.append(f"{date} (inferred)" if meeting.date_inferred and meeting.date else date)
        facts.extend(value for value in (meeting.place, meeting.outlet) if value)
        facts.append(meeting.kind)
        text.append(display_text(" · ".join(facts)), style="italic")
        if meeting.participants:
            text.append("\n")
            for index, person in enumerate(meeting.participants):
                if index:
                    text.append(", ")
                text.append(display_text(person.name), speaker_style(person.name))
                if person.role:
                    text.append(display_text(f" ({person.role})"), style="dim")
        self.update(text)
