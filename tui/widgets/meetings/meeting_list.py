"""The meetings pane: every meeting in the library, drawn a page at a time.

A library may hold 50,000 meetings, so this is a Line-API ``ScrollView`` (like Toolong's
``LogLines``) that never holds them all: it knows only the count, and when a line is drawn
whose page of rows is not in its cache it draws a placeholder and asks the library for that
page on the library thread. Each meeting takes two lines: date and title, then participants
and the counts of remarks, tagged passages and bookmarks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.library_client import SORT_LABELS, SORTS, LibraryClient, MeetingRowLike
from tui.speaker_colours import speaker_colour_style
from tui.text_layout import display_text
from tui.widgets.scrollbar import QuietScrollbars
from tui.widgets.strips import CachedLines, LineCache, fitted_strip

ROW_HEIGHT = 2
PAGE_SIZE = 100
CACHED_PAGES = 64


class _PaintStyles(NamedTuple):
    """The list's styles, looked up once per paint rather than once per line."""

    base: Style
    cursor: Style  # the base with the cursor's background
    date: Style
    title: Style
    meta: Style
    counts: Style
    placeholder: Style


class MeetingList(CachedLines, QuietScrollbars, ScrollView, can_focus=True):
    """A virtual list of meetings with a cursor, fed page by page from the library."""

    HELP: ClassVar[str] = """\
## Meetings

Every meeting in the library, newest first. Each shows its date and title, then the
participants, the number of remarks (¶), of tagged passages (#) and of bookmarks (★).
Moving the cursor shows the meeting on the right; **enter** moves into its remarks.
**s** cycles the order: date (newest or oldest first), title, most remarks.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="meetings.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="meetings.up"),
        Binding("g,home", "first", "First", show=False, id="meetings.first"),
        Binding("G,end", "last", "Last", show=False, id="meetings.last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="meetings.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="meetings.page_up"),
        Binding("enter,l", "open", "Open", id="meetings.open"),
        Binding("s", "cycle_sort", "Sort", id="meetings.sort"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "meeting-list--cursor",
        "meeting-list--date",
        "meeting-list--title",
        "meeting-list--meta",
        "meeting-list--counts",
        "meeting-list--placeholder",
    }

    DEFAULT_CSS = """
    MeetingList {
        width: 1fr;
        height: 1fr;
        overflow-x: hidden;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0;
        &:focus {
            border: round $accent;
            border-title-color: $text;
        }
        & > .meeting-list--cursor { background: $surface-lighten-2; }
        &:focus > .meeting-list--cursor { background: $accent 40%; }
        & > .meeting-list--date { color: $text-accent; text-style: bold; }
        & > .meeting-list--title { color: $text; }
        & > .meeting-list--meta { color: $text-muted; }
        & > .meeting-list--counts { color: $text-secondary; }
        & > .meeting-list--placeholder { color: $text-disabled; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted meeting in the current order (its watcher repaints only
    the rows that changed)."""
    sort: reactive[str] = reactive("date_desc", init=False)
    """The order: one of ``library_client.SORTS``."""
    total: reactive[int] = reactive(0, init=False)
    """How many meetings the library holds."""

    class Highlighted(Message):
        """The cursor moved onto a meeting (its row may still be loading: ``row`` is None)."""

        def __init__(self, meeting_list: MeetingList, index: int, row: MeetingRowLike | None):
            super().__init__()
            self.meeting_list = meeting_list
            self.index = index
            self.row = row

    class Opened(Message):
        """Enter on a meeting: the reader should take focus."""

        def __init__(self, meeting_list: MeetingList, row: MeetingRowLike):
            super().__init__()
            self.meeting_list = meeting_list
            self.row = row

    class SortChanged(Message):
        """The order changed (to remember it)."""

        def __init__(self, meeting_list: MeetingList, sort: str):
            super().__init__()
            self.meeting_list = meeting_list
            self.sort = sort

    def __init__(
        self,
        client: LibraryClient | None = None,
        *,
        counts: Callable[[], dict[str, tuple[int, int]]] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.client = client
        self._counts = counts or (lambda: {})
        self._pages: LRUCache[int, list[MeetingRowLike]] = LRUCache(CACHED_PAGES)
        self._pending: set[tuple[str, int]] = set()
        self._generation = 0  # bumped when the order changes, so stale pages are dropped
        self._pending_highlight = False
        self._line_cache = LineCache()
        self.border_title = "Meetings"

    # -- data -------------------------------------------------------------------------

    def attach(
        self,
        client: LibraryClient,
        total: int,
        sort: str,
        cursor: int = 0,
        rows: Sequence[MeetingRowLike] | None = None,
    ) -> None:
        """Start showing ``client``'s library: ``total`` meetings in ``sort`` order.

        ``rows``, if given, are the page that holds ``cursor``, read already.
        """
        cursor = min(max(0, cursor), max(0, total - 1))
        self.client = client
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if rows is not None:
            self._pages[cursor // PAGE_SIZE] = list(rows)
        self.set_reactive(MeetingList.sort, sort if sort in SORTS else "date_desc")
        self.total = total
        self.cursor = cursor
        self._update_titles()
        self.call_after_refresh(self._scroll_cursor_visible, center=True)

    def row_at(self, index: int) -> MeetingRowLike | None:
        """The row at ``index`` if its page is loaded; otherwise ask for the page."""
        if not 0 <= index < self.total:
            return None
        page = index // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request_page(page)
            return None
        offset = index - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    @property
    def highlighted_row(self) -> MeetingRowLike | None:
        return self.row_at(self.cursor)

    def _request_page(self, page: int) -> None:
        key = (self.sort, page)
        if self.client is None or key in self._pending:
            return
        self._pending.add(key)
        self.run_worker(self._load_page(page, self.sort, self._generation), group="meeting-pages")

    async def _load_page(self, page: int, sort: str, generation: int) -> None:
        assert self.client is not None
        try:
            rows = await self.client.rows(page * PAGE_SIZE, PAGE_SIZE, sort)
        finally:
            self._pending.discard((sort, page))
        if generation != self._generation:
            return
        self._pages[page] = rows
        self.refresh()
        if self._pending_highlight and self.cursor // PAGE_SIZE == page:
            self._pending_highlight = False
            self._post_highlight()

    def refresh_counts(self) -> None:
        """Redraw after the annotation counts changed."""
        self.refresh()

    # -- reactive watchers ---------------------------------------------------------------

    def watch_total(self, total: int) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, total * ROW_HEIGHT)
        self._update_titles()
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        scroll_y = self.scroll_offset.y
        self._scroll_cursor_visible()
        if self.scroll_offset.y == scroll_y:
            # Nothing scrolled: only the old and the new cursor rows look different.
            self.refresh_lines(old * ROW_HEIGHT, ROW_HEIGHT)
            self.refresh_lines(new * ROW_HEIGHT, ROW_HEIGHT)
        self._post_highlight()

    def watch_sort(self, sort: str) -> None:
        """New order: drop the cached pages; the screen then finds the same meeting again."""
        self._pages.clear()
        self._generation += 1
        self._update_titles()
        self.set_reactive(MeetingList.cursor, 0)
        self.scroll_to(y=0, animate=False)
        self.refresh()
        self.post_message(self.SortChanged(self, sort))

    def _post_highlight(self) -> None:
        row = self.row_at(self.cursor)
        if row is None:
            self._pending_highlight = True
        if self.total:
            self.post_message(self.Highlighted(self, self.cursor, row))

    def _update_titles(self) -> None:
        self.border_title = f"Meetings ({self.total:,})"
        self.border_subtitle = f"by {SORT_LABELS.get(self.sort, self.sort)} · ¶ # ★"

    # -- rendering ------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total * ROW_HEIGHT)

    def _paint_styles(self) -> _PaintStyles:
        base = self.rich_style
        component = self.get_component_rich_style
        return _PaintStyles(
            base=base,
            cursor=base + component("meeting-list--cursor"),
            date=component("meeting-list--date", partial=True),
            title=component("meeting-list--title", partial=True),
            meta=component("meeting-list--meta", partial=True),
            counts=component("meeting-list--counts", partial=True),
            placeholder=component("meeting-list--placeholder", partial=True),
        )

    def render_line(self, y: int) -> Strip:
        styles, width, top = self._paint()
        line = top + y
        index, part = divmod(line, ROW_HEIGHT)
        if not 0 <= index < self.total:
            return Strip.blank(width, styles.base)
        on_cursor = index == self.cursor
        row = self.row_at(index)
        key = (index, part, width, on_cursor, row is None)
        strip = self._line_cache.get(key)
        if strip is not None:
            return strip
        base = styles.cursor if on_cursor else styles.base
        if row is None:
            segments = [] if part else [Segment("  …", styles.placeholder)]
        else:
            segments = self._row_segments(row, part, width, styles)
        return self._line_cache.put(key, fitted_strip(segments, width, base))

    def _row_segments(
        self, row: MeetingRowLike, part: int, width: int, styles: _PaintStyles
    ) -> list[Segment]:
        """Line ``part`` of ``row``, before it is fitted to ``width`` and put on the
        line's background.

        Made as segments, not through Rich ``Text``: a held key draws a few new rows
        each time, and ``Text`` cost most of a row (``tests/tui/test_meeting_rows.py``
        checks the two give the same line).
        """
        if part == 0:
            return [
                Segment(" "),
                Segment(f"{row.date or '—':<10}", styles.date),
                Segment("  "),
                Segment(display_text(row.title or "(untitled)"), styles.title),
            ]
        tagged, bookmarked = self._counts().get(row.id, (0, 0))
        counts = f" ¶{row.n_remarks:>3} #{tagged:>2} ★{bookmarked:>2} "
        meta_width = max(0, width - len(counts) - 13)
        meta_style = styles.meta
        meta: list[Segment] = []
        if row.participants:  # each name in its speaker colour, as everywhere else
            for index, name in enumerate(row.participants):
                if index:
                    meta.append(Segment(", ", meta_style))
                meta.append(Segment(display_text(name), speaker_colour_style(name)))
        elif row.outlet or row.place:
            meta.append(Segment(display_text(row.outlet or row.place or ""), meta_style))
        length = sum(cell_len(segment.text) for segment in meta)
        if length > meta_width:  # cut, with an ellipsis where there is room for one
            kept = max(0, meta_width - 1)
            meta = list(Segment.adjust_line_length(meta, kept)) if kept else []
            length = kept
            if meta_width:
                meta.append(Segment("…", meta_style))
                length += 1
        if length < meta_width:
            meta.append(Segment(" " * (meta_width - length)))
        return [Segment(" " * 13), *meta, Segment(counts, styles.counts)]

    def _scroll_cursor_visible(self, center: bool = False) -> None:
        """Scroll by whole rows, so a pane of an odd height never starts mid-row (with a
        meeting's second line and no title); its spare line is left at the bottom."""
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        rows = max(1, height // ROW_HEIGHT)
        top = self.cursor * ROW_HEIGHT
        scroll_y = int(self.scroll_offset.y)
        if center:
            self.scroll_to(y=max(0, self.cursor - rows // 2) * ROW_HEIGHT, animate=False)
        elif top < scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > scroll_y + height:
            self.scroll_to(y=(self.cursor + 1 - rows) * ROW_HEIGHT, animate=False)

    # -- actions ---------------------------------------------------------------------------

    def _move(self, to: int) -> None:
        if self.total:
            self.cursor = min(max(0, to), self.total - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(self.total - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.scrollable_content_region.height // ROW_HEIGHT))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.scrollable_content_region.height // ROW_HEIGHT))

    def action_open(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Opened(self, row))

    def action_cycle_sort(self) -> None:
        position = SORTS.index(self.sort) if self.sort in SORTS else -1
        self.sort = SORTS[(position + 1) % len(SORTS)]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (int(self.scroll_offset.y) + offset.y) // ROW_HEIGHT
        if 0 <= index < self.total:
            self.cursor = index
            if event.chain >= 2:
                self.action_open()
