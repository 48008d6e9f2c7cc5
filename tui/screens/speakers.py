"""Everyone who speaks in the library, and everything one of them said.

The left table lists each person with their roles, how many meetings they speak in and
how many remarks they made, most remarks first; typing in the box above narrows it by
name. The highlighted person's remarks fill the right list in date order (they are read
in a worker thread, so moving down the table never waits for the library), and ``enter``
on a remark shows it in its meeting.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Input, Static

from tui.coding import CodingScreen
from tui.widgets.coding.passage_list import MAX_ROWS, PassageList, one_line
from tui.widgets.coding.passage_source import remark_items

Speaker = tuple[str, tuple[str, ...], int, int]


def narrow(speakers: list[Speaker], typed: str) -> list[Speaker]:
    """Speakers whose name or a role contains ``typed`` (case-insensitive)."""
    needle = typed.strip().casefold()
    if not needle:
        return speakers
    return [
        s
        for s in speakers
        if needle in s[0].casefold() or any(needle in r.casefold() for r in s[1])
    ]


class SpeakersScreen(CodingScreen):
    """People with their counts; their remarks across meetings; enter jumps."""

    HELP: ClassVar[str | None] = (
        "## Speakers\n\nType to narrow by name or role, j/k or arrows move, enter lists the "
        "person's remarks (enter again shows one in context), tab switches panes."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch pane", show=False, id="speakers.switch"),
        Binding("slash", "find", "Find person", key_display="/", id="speakers.find"),
    ]

    DEFAULT_CSS = """
    SpeakersScreen #panes { height: 1fr; }
    SpeakersScreen #left { width: 50%; min-width: 40; border-right: solid $panel; }
    SpeakersScreen #people { height: 1fr; }
    SpeakersScreen #find { margin: 0 1; }
    SpeakersScreen #right { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Speakers", id="title")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(placeholder="narrow by name or role", id="find", compact=True)
                table: DataTable[Text] = DataTable(
                    id="people", cursor_type="row", zebra_stripes=True
                )
                yield table
                yield Static("", id="people-status", classes="status")
            with Vertical(id="right"):
                yield Static("", id="who", classes="pane-title")
                yield PassageList(id="remarks", empty="No remarks.")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        table.add_column("Name", key="name")
        table.add_column("Remarks", key="remarks")
        table.add_column("Meetings", key="meetings")
        table.add_column("Roles", key="roles")  # last: the longest, cut first when narrow
        self._speakers: list[Speaker] = []
        self._shown: list[Speaker] = []
        self._load_speakers()
        table.focus()

    @work(thread=True, exclusive=True, group="speakers")
    def _load_speakers(self) -> None:
        speakers = list(self.library.speakers())
        self.app.call_from_thread(self._got_speakers, speakers)

    def _got_speakers(self, speakers: list[Speaker]) -> None:
        self._speakers = speakers
        n = len(speakers)
        self.query_one("#title", Static).update(
            Text(f"Speakers — {n} {'person' if n == 1 else 'people'}")
        )
        self._fill(self.query_one("#find", Input).value)

    def _fill(self, typed: str) -> None:
        table = self.query_one("#people", DataTable)
        matching = narrow(self._speakers, typed)
        self._shown = matching[:MAX_ROWS]
        table.clear()
        for name, roles, n_meetings, n_remarks in self._shown:
            table.add_row(
                Text(name, style="bold"),
                Text(str(n_remarks), justify="right"),
                Text(str(n_meetings), justify="right"),
                Text(one_line("; ".join(roles), 40), style="dim"),
                key=name,
            )
        status = self.query_one("#people-status", Static)
        if len(matching) > len(self._shown):
            status.update(Text(f"showing {len(self._shown)} of {len(matching)}; type to narrow"))
        else:
            status.update(Text(f"{len(matching)} shown"))
        if self._shown:
            table.move_cursor(row=0)
            self._show_person(self._shown[0][0])
        else:
            self.query_one("#remarks", PassageList).set_items([], empty="Nobody matches.")
            self.query_one("#who", Static).update("")

    @on(Input.Changed, "#find")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#find")
    def _find_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#people", DataTable).focus()

    def action_find(self) -> None:
        """Put the cursor in the box that narrows the list of people."""
        self.query_one("#find", Input).focus()

    @on(DataTable.RowHighlighted, "#people")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._show_person(event.row_key.value)

    @on(DataTable.RowSelected, "#people")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        remarks = self.query_one("#remarks", PassageList)
        remarks.focus()

    @property
    def person(self) -> str | None:
        """The person whose remarks are listed."""
        return getattr(self, "_person", None)

    def _show_person(self, name: str) -> None:
        if name == self.person:
            return
        self._person = name
        self.query_one("#who", Static).update(Text(f"Remarks by {name}"))
        self._load_remarks(name)

    @work(thread=True, exclusive=True, group="speaker-remarks")
    def _load_remarks(self, name: str) -> None:
        pairs = self.library.remarks_by(name)
        # remarks_by also resolves aliases and words of names; keep only this person.
        exact = [(row, remark) for row, remark in pairs if remark.speaker == name] or pairs
        items = remark_items(exact)
        self.app.call_from_thread(self._got_remarks, name, items)

    def _got_remarks(self, name: str, items: list) -> None:
        if name != self.person:
            return
        n = len(items)
        self.query_one("#who", Static).update(Text(f"Remarks by {name} — {n} in date order"))
        self.query_one("#remarks", PassageList).set_items(items)

    def action_switch_pane(self) -> None:
        """Move focus between the people and their remarks."""
        table = self.query_one("#people", DataTable)
        (self.query_one("#remarks", PassageList) if table.has_focus else table).focus()
