"""The Parley app: a thin shell that holds the library client, settings and state,
and composes the screens (``tui.screens``) and palette commands (``tui.commands``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from rich.console import RenderableType
from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme

from tui.coding import CodingCommands, coding_help_groups
from tui.commands import MeetingTitleCommands, ParleyCommands
from tui.gc_pacer import GarbagePacer
from tui.library_client import SORTS, LibraryClient, LibraryLike
from tui.screens.main import MainScreen
from tui.settings import Settings, load_settings, save_theme
from tui.ui_state import UIState, load_state, save_state
from tui.widgets.meetings.meeting_list import PAGE_SIZE, MeetingList
from tui.widgets.reader.meeting_header import MeetingHeader
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.reader.transcript_view import TranscriptView

GC_PAUSE_LIMIT = 5.0
"""Seconds after mounting by which the garbage collector runs again at the latest, even if
the library is still opening (a first run's import, an upgrade's re-index); normally the
main screen starts its pacer (``tui.gc_pacer``) a second after the library opened."""


class ParleyApp(App[None]):
    """Browse the meetings in a library: list, remarks, transcript."""

    TITLE = "Parley"
    HELP = """\
## Everywhere

**tab** / **shift+tab** move between panes, **v** switches the reader between the remarks
and the transcript, **ctrl+p** opens the command palette (sort, theme, jump to a meeting
by title…), **?** or **F1** shows this help and **q** quits.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    COMMANDS = App.COMMANDS | {ParleyCommands, MeetingTitleCommands, CodingCommands}

    def __init__(
        self,
        open_library: Callable[[], LibraryLike],
        *,
        settings: Settings | None = None,
        state: UIState | None = None,
        remember: bool = True,
        settle_gc: bool = False,
    ) -> None:
        """``open_library`` runs on the library thread; ``remember`` writes state and theme;
        ``settle_gc`` paces the garbage collector once started (the real ``parley`` only)."""
        super().__init__()
        self.client = LibraryClient(open_library)
        self.settings = settings if settings is not None else load_settings()
        self.state = state if state is not None else load_state()
        self.start_sort = "date_desc"
        self.remember = remember
        self.gc_pacer = GarbagePacer(self) if settle_gc else None
        """Paces the cycle collector (the real ``parley`` only: see ``tui.gc_pacer``)."""
        self._titles: list[tuple[str, str | None, str]] | None = None

    @property
    def library(self) -> LibraryLike | None:
        """The open library (None until the main screen has opened it)."""
        return self.client.library

    # -- start and stop ------------------------------------------------------------------

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_load(self) -> None:
        self.begin_opening()

    def _start_gc_pacer(self) -> None:
        if self.gc_pacer is not None and not self.gc_pacer.started:
            self.gc_pacer.start()

    async def on_event(self, event: events.Event) -> None:
        if self.gc_pacer is not None and isinstance(event, events.InputEvent):
            self.gc_pacer.input_seen()
        await super().on_event(event)

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        """Textual's paint, then the garbage collector's pacer hears of it."""
        super()._display(screen, renderable)
        if renderable is not None and self.gc_pacer is not None:
            self.gc_pacer.painted()

    def begin_opening(self) -> None:
        """Start opening the library on its thread, once (:meth:`LibraryClient.begin`).

        Called when the app loads, before its stylesheet and screen are built, so that
        the library is open by the time the main screen mounts.
        """
        if self.client.begun:
            return
        state = self.state
        self.start_sort = state.sort if state.sort in SORTS else "date_desc"
        self.client.begin(self.start_sort, state.last_meeting, state.last_index, PAGE_SIZE)

    def on_mount(self) -> None:
        if self.gc_pacer is not None:  # paused by ``parley`` for start-up: back on regardless
            self.set_timer(GC_PAUSE_LIMIT, self._start_gc_pacer)
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        if self.settings.theme:
            try:
                self.theme = self.settings.theme
            except Exception:
                self.notify(
                    f"There is no theme called {self.settings.theme!r}; using the default.",
                    severity="warning",
                )
        if self.settings.problem:
            self.notify(self.settings.problem, severity="warning", timeout=15)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        if self.remember and not save_theme(theme.name):
            self.notify(
                "The theme could not be saved: the settings file is not valid TOML.",
                severity="warning",
            )

    async def action_quit(self) -> None:
        main = self._main_screen()
        if main is not None:
            main._remember_scroll()
        if self.remember:
            save_state(self.state)
        self.client.close()
        self.exit()

    def _main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    @work(thread=True, exclusive=True, group="save-state")
    def _save_state_in_thread(self, snapshot: UIState) -> None:
        save_state(snapshot)

    def save_state(self) -> None:
        """Write the reader's place on a worker thread (the UI never waits for the disk)."""
        if self.remember:
            self._save_state_in_thread(UIState.from_json(self.state.to_json()))

    # -- actions the palette and keys share ---------------------------------------------

    def action_help(self) -> None:
        # imported here: the help screen pulls in Markdown (and pygments), which would
        # otherwise cost every start-up for a screen most sessions never open
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        groups: list[tuple[str, type[DOMNode] | None, list[type[DOMNode]]]] = [
            ("Everywhere", ParleyApp, [ParleyApp, MainScreen]),
            ("Meetings", MeetingList, [MeetingList]),
            ("Remarks", RemarkList, [RemarkList]),
            ("Transcript", TranscriptView, [TranscriptView]),
            ("Meeting header", MeetingHeader, []),
            *coding_help_groups(),
        ]
        self.push_screen(HelpScreen(groups))

    def action_cycle_sort(self) -> None:
        main = self._main_screen()
        if main is not None:
            main.query_one(MeetingList).action_cycle_sort()

    def action_sort(self, sort: str) -> None:
        main = self._main_screen()
        if main is not None and sort in SORTS:
            main.query_one(MeetingList).sort = sort

    def action_focus_pane(self, pane: str) -> None:
        main = self._main_screen()
        if main is None:
            return
        if pane == "meetings":
            main.query_one(MeetingList).focus()
        else:
            main._current_view().focus()

    async def meeting_titles(self) -> list[tuple[str, str | None, str]]:
        """(id, date, title) of every meeting, read once on the library thread for the palette."""
        if self._titles is None:
            if self.client.library is None:
                return []
            rows = await self.client.rows(0, 1_000_000, "date_desc")
            self._titles = [(row.id, row.date, row.title) for row in rows]
        return self._titles

    def jump_to_meeting(self, meeting_id: str) -> None:
        """Show a meeting chosen in the palette and move the list's cursor to it."""
        main = self._main_screen()
        if main is not None:
            main.jump_to(meeting_id)

    def on_unmount(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
