"""The remarks pane: who said what in the open meeting, one remark after another.

A meeting may have hundreds of remarks and each wraps over several lines, so this is a
Line-API ``ScrollView``: when the meeting or the width changes it works out, with
:func:`tui.text_layout.wrap_spans`, which screen line shows which part of which remark
(cheap: offsets only), and it draws only the lines on screen. The speaker's name is in the
speaker's colour everywhere (``tui.speaker_colours``). A remark that overlaps a coded
passage (:mod:`tui.widgets.reader.coding_marks`) names its tags in their colours, with ★
for a bookmark and ✎ for a note, and its coded words are tinted in the first tag's colour
with a bar of that colour beside their lines.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.models import Meeting, Remark
from tui.speaker_colours import speaker_colour_style, speaker_style
from tui.text_layout import display_text, reflowed, wrap_spans
from tui.widgets.reader.coding_marks import (
    BOOKMARK,
    FLAG_STYLE,
    NOTE,
    MeetingMarks,
    colour_style,
    no_marks,
    paint_marks,
)
from tui.widgets.scrollbar import QuietScrollbars
from tui.widgets.strips import CachedLines, LineCache, text_strip

INDENT = 3  # the speaker bar, the coded-lines bar, a space before the remark's text
CODED_BAR = "┃"


class _PaintStyles(NamedTuple):
    """The list's styles, looked up once per paint rather than once per line."""

    base: Style
    cursor: Style  # the base with the cursor's background
    role: Style
    kind: Style
    empty: Style


class RemarkList(CachedLines, QuietScrollbars, ScrollView, can_focus=True):
    """The remarks of one meeting, each headed by its speaker, with a remark cursor."""

    HELP: ClassVar[str] = """\
## Remarks

What each person said in the meeting on the left: the speaker (in the speaker's own
colour, the same everywhere), their role, the kind of remark (statement, question,
answer, quote, reported speech) and the words. A coded remark names its tags in their
colours (★ bookmarked, ✎ with a note) and its coded words are tinted in the tag's colour.
**enter** opens the remark at its place in the transcript; **]** and **[** jump to the
same speaker's next or previous remark.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="remarks.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="remarks.up"),
        Binding("g,home", "first", "First", show=False, id="remarks.first"),
        Binding("G,end", "last", "Last", show=False, id="remarks.last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="remarks.page_down"),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="remarks.page_up"),
        Binding(
            "right_square_bracket", "same_speaker(1)", "Speaker's next", id="remarks.speaker_next"
        ),
        Binding(
            "left_square_bracket",
            "same_speaker(-1)",
            "Speaker's prev",
            show=False,
            id="remarks.speaker_prev",
        ),
        Binding("enter", "open", "In transcript", id="remarks.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "remark-list--cursor",
        "remark-list--role",
        "remark-list--kind",
        "remark-list--empty",
    }

    DEFAULT_CSS = """
    RemarkList {
        height: 1fr;
        overflow-x: hidden;
        /* always there, so text never re-wraps (nor the screen re-lays out) between
           meetings that fit and meetings that scroll */
        overflow-y: scroll;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        &:focus { border: round $accent; border-title-color: $text; }
        & > .remark-list--cursor { background: $surface-lighten-1; }
        &:focus > .remark-list--cursor { background: $accent 25%; }
        & > .remark-list--role { color: $text-muted; }
        & > .remark-list--kind { color: $text-secondary; text-style: italic; }
        & > .remark-list--empty { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted remark (its watcher repaints only the lines that changed)."""

    class Highlighted(Message):
        """The cursor moved onto a remark."""

        def __init__(self, remark_list: RemarkList, index: int, remark: Remark | None):
            super().__init__()
            self.remark_list = remark_list
            self.index = index
            self.remark = remark

    class Opened(Message):
        """Enter on a remark: show it in the transcript."""

        def __init__(self, remark_list: RemarkList, remark: Remark):
            super().__init__()
            self.remark_list = remark_list
            self.remark = remark

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ):
        super().__init__(name=name, id=id, classes=classes)
        self.meeting: Meeting | None = None
        self._text = ""
        self._remarks: tuple[Remark, ...] = ()
        self._roles: dict[str | None, str] = {}
        self._layout_width = -1
        self._starts: list[int] = []  # first screen line of each remark
        self._lines: list[tuple[int, int, int]] = []  # (remark, start, end); start -1 = header
        self._fallback: dict[int, str] = {}
        self._pending_top: int | None = None
        self._marks: MeetingMarks = no_marks()
        self._coded: dict[int, tuple[tuple[str, ...], bool, bool]] = {}
        self._line_cache = LineCache()
        self.border_title = "Remarks"

    # -- data ------------------------------------------------------------------------------

    def show_meeting(
        self, meeting: Meeting | None, cursor: int = 0, top: int | None = None
    ) -> None:
        """Show ``meeting``'s remarks with the cursor on remark ``cursor``.

        ``top`` is the remark to show at the top of the pane (see :attr:`top_remark`), a
        position that survives a different terminal width, unlike a line number.
        """
        self.meeting = meeting
        if meeting is None or meeting.id != self._marks.meeting_id:
            self._marks, self._coded = no_marks(), {}
        self._remarks = meeting.remarks if meeting else ()
        self._text = display_text(reflowed(meeting.text)) if meeting else ""
        self._roles = {}
        if meeting:
            for person in meeting.participants:
                if person.role:
                    self._roles[person.name] = person.role
        self._layout_width = -1
        self._layout()
        self.border_title = f"Remarks ({len(self._remarks)})" if meeting else "Remarks"
        self.set_reactive(RemarkList.cursor, min(max(0, cursor), max(0, len(self._remarks) - 1)))
        self._pending_top = top
        if top is None:
            self._scroll_cursor_visible()
        self._apply_top()
        self.refresh()

    def set_marks(self, marks: MeetingMarks) -> None:
        """Draw ``marks`` (tags, bookmarks, notes) if they are the open meeting's."""
        if self.meeting is None or marks.meeting_id != self.meeting.id:
            return
        nothing_before = not self._marks and not self._coded
        self._marks = marks
        if nothing_before and not marks:
            return  # uncoded before and after: the lines drawn are right (most meetings)
        coded: dict[int, tuple[tuple[str, ...], bool, bool]] = {}
        if marks:
            for index, remark in enumerate(self._remarks):
                start, end = self._span(remark)
                found = marks.overlapping(start, end) if start >= 0 else []
                if found:
                    tags = tuple(dict.fromkeys(t for m in found for t in m.tags))
                    coded[index] = (
                        tags, any(m.bookmark for m in found), any(m.note for m in found)
                    )
        self._coded = coded
        self.refresh()

    @property
    def marks(self) -> MeetingMarks:
        """The coding marks drawn now."""
        return self._marks

    def coded(self, index: int) -> tuple[tuple[str, ...], bool, bool] | None:
        """(tags, bookmarked, noted) of remark ``index``, or None when it is not coded."""
        return self._coded.get(index)

    @property
    def top_remark(self) -> int:
        """The remark at the top of the pane."""
        if self._pending_top is not None:  # not shown yet: still where it is to be
            return self._pending_top
        return self._line_to_remark(int(self.scroll_offset.y)) if self._starts else 0

    def _apply_top(self) -> None:
        """Scroll to the remembered top remark once the pane has a real size."""
        if self._pending_top is None or self.scrollable_content_region.height <= 0:
            return
        if not self._starts or self._layout_width <= 0:
            self._pending_top = None
            return
        line = self._starts[min(self._pending_top, len(self._starts) - 1)]
        self._pending_top = None
        self.call_after_refresh(self.scroll_to, y=line, animate=False)

    @property
    def remark(self) -> Remark | None:
        """The highlighted remark."""
        return self._remarks[self.cursor] if 0 <= self.cursor < len(self._remarks) else None

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._layout_width:
            return
        self._layout_width = width
        self._fallback = {}
        lines: list[tuple[int, int, int]] = []
        starts: list[int] = []
        text_width = max(8, width - INDENT - 1)
        for index, remark in enumerate(self._remarks):
            starts.append(len(lines))
            lines.append((index, -1, -1))
            start, end = self._span(remark)
            if start < 0:  # offsets that do not fit the text: wrap the remark's own words
                self._fallback[index] = display_text(reflowed(remark.text))
                spans = wrap_spans(self._fallback[index], text_width)
                lines.extend((index, s, e) for s, e in spans)
            else:
                lines.extend(
                    (index, s, e) for s, e in wrap_spans(self._text, text_width, start, end)
                )
            lines.append((index, -2, -2))  # the blank line after each remark
        self._lines = lines
        self._starts = starts
        height = len(lines) if lines else 1
        self.set_virtual_size(Size(width, height))

    def _span(self, remark: Remark) -> tuple[int, int]:
        """Where the remark's text is in the display text (its own text if offsets are off)."""
        if 0 <= remark.start <= remark.end <= len(self._text) and remark.end > remark.start:
            return remark.start, remark.end
        return -1, -1

    # -- rendering ------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout()
        if self._pending_top is not None:
            self._apply_top()
        else:
            self._scroll_cursor_visible()
        self.refresh()

    def _paint_styles(self) -> _PaintStyles:
        base = self.rich_style
        component = self.get_component_rich_style
        return _PaintStyles(
            base=base,
            cursor=base + component("remark-list--cursor"),
            role=component("remark-list--role", partial=True),
            kind=component("remark-list--kind", partial=True),
            empty=component("remark-list--empty", partial=True),
        )

    def render_line(self, y: int) -> Strip:
        styles, width, top = self._paint()
        if self._layout_width != width:
            self._layout()
        line = top + y
        base = styles.base
        if not self._remarks:
            if y == 0:
                message = (
                    "No meeting selected."
                    if self.meeting is None
                    else ("No remarks were found in this meeting; press v to read its transcript.")
                )
                text = Text(f" {message}")
                text.stylize(styles.empty)
                return text_strip(self.app.console, text, width, base)
            return Strip.blank(width, base)
        if not 0 <= line < len(self._lines):
            return Strip.blank(width, base)
        index, start, end = self._lines[line]
        if start == -2:
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        key = (line, width, on_cursor)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache.put(
                key, self._render_remark_line(index, start, end, width, on_cursor, styles)
            )
        return strip

    def _render_remark_line(
        self, index: int, start: int, end: int, width: int, on_cursor: bool, styles: _PaintStyles
    ) -> Strip:
        """Screen line ``start``..``end`` of remark ``index`` (``start`` -1: its heading)."""
        remark = self._remarks[index]
        base = styles.cursor if on_cursor else styles.base
        bar = speaker_colour_style(remark.speaker)
        if start >= 0 and index not in self._fallback:
            plain = self._plain_body_line(start, end, width, base, bar)
            if plain is not None:
                return plain
        colour = speaker_style(remark.speaker)
        text = Text()
        text.append("▌", bar)
        if start == -1:
            text.append(" ")
            text.append(display_text(remark.speaker or "Unnamed speaker"), colour)
            role = self._roles.get(remark.speaker)
            if role:
                text.append(display_text(f" · {role}"), styles.role)
            text.append(f"  {remark.kind}", styles.kind)
            coded = self._coded.get(index)
            if coded is not None:
                self._append_coding(text, *coded)
        elif index in self._fallback:
            text.append("  ")
            text.append(self._fallback[index][start:end])
        else:
            found = self._marks.overlapping(start, end)
            tagged = next((m for m in found if m.colour is not None), None)
            if tagged is not None:
                text.append(CODED_BAR, colour_style(tagged.colour or ""))
                text.append(" ")
            else:
                text.append("  ")
            body = Text(self._text[start:end])
            for low, high, tint in paint_marks(base, found, start, end):
                body.stylize(tint, low, high)
            text.append_text(body)
        return text_strip(self.app.console, text, width, base)

    def _plain_body_line(
        self, start: int, end: int, width: int, base: Style, bar: Style
    ) -> Strip | None:
        """A line of a remark's words with no coding on it, made as segments.

        Most lines are just that, and this is what ``text_strip`` makes of them through
        Rich ``Text`` (the same segments and styles, ``tests/tui/test_remark_lines.py``),
        at a fraction of the cost: a new meeting draws a whole pane of them. ``None`` for
        a line with marks on it, or one that does not fit (``text_strip`` cuts it).
        """
        if self._marks.overlapping(start, end):
            return None
        words = "  " + self._text[start:end]
        length = 1 + cell_len(words)
        if length > width:
            return None
        segments = [Segment("▌", base + bar), Segment(words, base)]
        if length < width:
            segments.append(Segment(" " * (width - length), base))
        return Strip(segments, width)

    def _append_coding(
        self, text: Text, tags: tuple[str, ...], bookmark: bool, note: bool
    ) -> None:
        """After the kind: ★, ✎ and the tags' names, each in its colour (names are data)."""
        text.append("  ")
        if bookmark:
            text.append(BOOKMARK, FLAG_STYLE)
        if note:
            text.append(NOTE, FLAG_STYLE)
        for tag in tags:
            text.append(" ")
            text.append(display_text(f"#{tag}"), colour_style(self._marks.colour(tag), bold=True))

    # -- cursor --------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        scroll_y = self.scroll_offset.y
        self._scroll_cursor_visible()
        if self.scroll_offset.y == scroll_y:
            # Nothing scrolled: only the old and the new cursor remarks look different.
            self._refresh_remark(old)
            self._refresh_remark(new)
        self.post_message(self.Highlighted(self, new, self.remark))

    def _refresh_remark(self, index: int) -> None:
        """Repaint the lines of remark ``index`` (all of them when the layout is not made)."""
        if not 0 <= index < len(self._starts):
            self.refresh()
            return
        top = self._starts[index]
        bottom = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._lines)
        self.refresh_lines(top, bottom - top)

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if not self._starts or height <= 0:
            return
        top = self._starts[self.cursor]
        bottom = (
            self._starts[self.cursor + 1]
            if self.cursor + 1 < len(self._starts)
            else len(self._lines)
        )
        scroll_y = int(self.scroll_offset.y)
        if top < scroll_y or bottom - top > height:
            self.scroll_to(y=top, animate=False)
        elif bottom > scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False)

    def _move(self, to: int) -> None:
        if self._remarks:
            self.cursor = min(max(0, to), len(self._remarks) - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._remarks) - 1)

    def _line_to_remark(self, line: int) -> int:
        return max(0, bisect_right(self._starts, line) - 1)

    def action_page_down(self) -> None:
        if self._starts:
            target = self._starts[self.cursor] + self.scrollable_content_region.height
            self._move(max(self.cursor + 1, self._line_to_remark(target)))

    def action_page_up(self) -> None:
        if self._starts:
            target = self._starts[self.cursor] - self.scrollable_content_region.height
            self._move(min(self.cursor - 1, self._line_to_remark(max(0, target))))

    def action_same_speaker(self, step: int) -> None:
        """Move to the next (``step`` 1) or previous (-1) remark by the same speaker."""
        current = self.remark
        if current is None:
            return
        index = self.cursor + step
        while 0 <= index < len(self._remarks):
            if self._remarks[index].speaker == current.speaker:
                self.cursor = index
                return
            index += step
        self.app.bell()

    def action_open(self) -> None:
        if self.remark is not None:
            self.post_message(self.Opened(self, self.remark))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._lines:
            return
        line = int(self.scroll_offset.y) + offset.y
        if 0 <= line < len(self._lines):
            self.cursor = self._lines[line][0]
            if event.chain >= 2:
                self.action_open()
