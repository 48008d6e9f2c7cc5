"""Every bookmark across the library, with its note; ``enter`` shows it in context.

Bookmarks are the reader's own reading list, so they are listed in date order of the
meetings (then position), each with the meeting's date and title, the speaker, the
quoted passage and the note written on it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from store.models import Annotation
from tui.coding import CodingScreen
from tui.widgets.coding.passage_list import MAX_ROWS, PassageList
from tui.widgets.coding.passage_source import annotation_items


class BookmarksScreen(CodingScreen):
    """All bookmarked passages with their notes."""

    HELP: ClassVar[str | None] = (
        "## Bookmarks\n\nEvery bookmarked passage with its note; j/k move, enter shows it in "
        "context, escape closes."
    )

    DEFAULT_CSS = """
    BookmarksScreen PassageList { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Bookmarks", id="title")
        yield PassageList(id="passages", empty="No bookmarks yet: b on the main screen adds one.")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(PassageList).focus()

    def reload(self) -> None:
        """Read the bookmarks from the store again and list them."""
        marked = [a for a in self.store.all() if a.bookmark]
        n = len(marked)
        self.query_one("#title", Static).update(Text(f"Bookmarks — {n}"))
        self._load(marked[: MAX_ROWS * 2], n, self.tag_colours())

    @work(thread=True, exclusive=True, group="bookmarks")
    def _load(self, marked: list[Annotation], total: int, colours: dict[str, str]) -> None:
        items = annotation_items(self.library, marked, colours, with_tags=True)
        self.app.call_from_thread(self.query_one(PassageList).set_items, items, total)

    def coding_changed(self) -> None:
        self.reload()
