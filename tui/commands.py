"""Parley's commands in the command palette (ctrl+p).

Two providers: the app's own actions (toggle the view, sort, theme, help, quit…) and
"jump to a meeting" by title. Titles are document text, so hits are built with
``Content``/``Matcher.highlight`` on plain strings, never as markup. The titles are read
once, on the library thread, the first time the palette opens.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch

from tui.library_client import SORT_LABELS, SORTS
from tui.text_layout import display_text

if TYPE_CHECKING:
    from tui.app import ParleyApp

MAX_TITLE_HITS = 40


class ParleyCommands(Provider):
    """The app's actions, by name."""

    @property
    def _app(self) -> ParleyApp:
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self._app
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (
                "Toggle remarks / transcript",
                "Switch the reader between the remarks list and the transcript (v)",
                partial(app.run_action, "screen.toggle_view"),
            ),
            ("Cycle meeting sort", "Next order for the meetings pane (s)", app.action_cycle_sort),
        ]
        for sort in SORTS:
            commands.append(
                (
                    f"Sort meetings by {SORT_LABELS[sort]}",
                    "Change the order of the meetings pane",
                    partial(app.action_sort, sort),
                )
            )
        commands += [
            ("Change theme", "Pick a colour theme; Parley remembers it", app.action_change_theme),
            ("Show keys and help", "Every key, by pane (? or F1)", app.action_help),
            (
                "Focus meetings pane",
                "Move to the list of meetings",
                partial(app.action_focus_pane, "meetings"),
            ),
            (
                "Focus reader",
                "Move to the remarks or transcript",
                partial(app.action_focus_pane, "reader"),
            ),
            ("Quit Parley", "Leave the app (q)", app.action_quit),
        ]
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


class MeetingTitleCommands(Provider):
    """Jump to a meeting by typing part of its title."""

    async def startup(self) -> None:
        app: ParleyApp = self.app  # type: ignore[assignment]
        self._titles = [
            (meeting_id, date, display_text(title), title.casefold())
            for meeting_id, date, title in await app.meeting_titles()
        ]
        self._fuzzy = FuzzySearch()

    async def search(self, query: str) -> Hits:
        app: ParleyApp = self.app  # type: ignore[assignment]
        words = query.casefold().split()
        shown = 0
        for meeting_id, date, title, folded in self._titles:
            if not all(word in folded for word in words):
                continue
            score, offsets = self._fuzzy.match(query, title)
            label = Content(title)  # a title is document text: never parsed as markup
            for offset in offsets:
                label = label.stylize("underline", offset, offset + 1)
            label = Content(f"{date or '—'}  ") + label
            score = 0.1 + 0.9 * score / (score + 10)
            yield Hit(
                score,
                label,
                partial(app.jump_to_meeting, meeting_id),
                text=title,
                help="Open this meeting",
            )
            shown += 1
            if shown >= MAX_TITLE_HITS:
                return
