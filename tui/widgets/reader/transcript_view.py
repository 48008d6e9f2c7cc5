"""The transcript view: the meeting's whole cleaned text, with a cursor and a selection.

Like the remarks pane it is a Line-API ``ScrollView`` over offsets: the text is wrapped into
``(start, end)`` spans once per width and only the lines on screen are drawn. A gutter names
the speaker where each remark starts and marks the lines of a remark with a bar in the
speaker's colour; text outside any remark (narration, page furniture) is dimmed. The cursor
and the selection are character offsets into ``Meeting.text``, so what is selected here is
exactly the span that annotations anchor to (:attr:`TranscriptView.selection`).
Coded passages (:mod:`tui.widgets.reader.coding_marks`) are drawn on a tint of their first
tag's colour, and a ★ (bookmark) or ✎ (note) in the gutter marks the line they start on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
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
    no_marks,
    paint_marks,
)
from tui.widgets.scrollbar import QuietScrollbars
from tui.widgets.strips import text_strip

LABEL_WIDTH = 12
GUTTER = LABEL_WIDTH + 3  # label, space, bar, space
_WORD_START = re.compile(r"\b\w")
_WORD_END = re.compile(r"\w\b")


@dataclass(frozen=True, slots=True)
class TextSelection:
    """A span of one meeting's text: ``Meeting.text[start:end] == text``."""

    meeting_id: str
    start: int
    end: int
    text: str


class TranscriptView(QuietScrollbars, ScrollView, can_focus=True):
    """The cleaned text of one meeting, marked by speaker, with keyboard and mouse selection."""

    ALLOW_SELECT = False  # this widget does its own selection, by character offset

    HELP: ClassVar[str] = """\
## Transcript

The meeting's whole cleaned text. The gutter names the speaker where a remark begins and
a bar in the speaker's colour runs down the remark; dim text belongs to no remark.
Coded text is tinted in its tag's colour; ★ marks a bookmark and ✎ a note.
Move by character, word (**ctrl+←/→**), line, paragraph (**{ }**), turn (**( )**) or the
same speaker's turn (**[ ]**). Hold **shift** to select, or drag with the mouse;
**escape** clears the selection and **y** copies it.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move_line(1)", "Down", show=False, id="transcript.down"),
        Binding("up,k", "move_line(-1)", "Up", show=False, id="transcript.up"),
        Binding("right,l", "move_char(1)", "Right", show=False, id="transcript.right"),
        Binding("left,h", "move_char(-1)", "Left", show=False, id="transcript.left"),
        Binding("ctrl+right", "move_word(1)", "Next word", show=False, id="transcript.word_next"),
        Binding(
            "ctrl+left", "move_word(-1)", "Previous word", show=False, id="transcript.word_prev"
        ),
        Binding("home,0", "line_edge(0)", "Line start", show=False, id="transcript.line_start"),
        Binding(
            "end,dollar_sign", "line_edge(1)", "Line end", show=False, id="transcript.line_end"
        ),
        Binding("g,ctrl+home", "text_edge(0)", "Top", show=False, id="transcript.top"),
        Binding("G,ctrl+end", "text_edge(1)", "Bottom", show=False, id="transcript.bottom"),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False, id="transcript.page_down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="transcript.page_up"),
        Binding(
            "right_curly_bracket",
            "paragraph(1)",
            "Next paragraph",
            show=False,
            id="transcript.paragraph_next",
        ),
        Binding(
            "left_curly_bracket",
            "paragraph(-1)",
            "Previous paragraph",
            show=False,
            id="transcript.paragraph_prev",
        ),
        Binding("right_parenthesis", "turn(1)", "Next turn", id="transcript.turn_next"),
        Binding(
            "left_parenthesis", "turn(-1)", "Previous turn", show=False, id="transcript.turn_prev"
        ),
        Binding(
            "right_square_bracket",
            "same_speaker(1)",
            "Speaker's next",
            id="transcript.speaker_next",
        ),
        Binding(
            "left_square_bracket",
            "same_speaker(-1)",
            "Speaker's prev",
            show=False,
            id="transcript.speaker_prev",
        ),
        Binding(
            "shift+right",
            "move_char(1, True)",
            "Select right",
            show=False,
            id="transcript.select_right",
        ),
        Binding(
            "shift+left",
            "move_char(-1, True)",
            "Select left",
            show=False,
            id="transcript.select_left",
        ),
        Binding(
            "shift+down",
            "move_line(1, True)",
            "Select down",
            show=False,
            id="transcript.select_down",
        ),
        Binding(
            "shift+up", "move_line(-1, True)", "Select up", show=False, id="transcript.select_up"
        ),
        Binding(
            "ctrl+shift+right",
            "move_word(1, True)",
            "Select word right",
            show=False,
            id="transcript.select_word_right",
        ),
        Binding(
            "ctrl+shift+left",
            "move_word(-1, True)",
            "Select word left",
            show=False,
            id="transcript.select_word_left",
        ),
        Binding(
            "shift+home",
            "line_edge(0, True)",
            "Select to line start",
            show=False,
            id="transcript.select_line_start",
        ),
        Binding(
            "shift+end",
            "line_edge(1, True)",
            "Select to line end",
            show=False,
            id="transcript.select_line_end",
        ),
        Binding(
            "escape",
            "clear_selection",
            "Clear selection",
            show=False,
            id="transcript.clear_selection",
        ),
        Binding("y", "copy", "Copy", id="transcript.copy"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript--cursor",
        "transcript--selection",
        "transcript--narration",
        "transcript--empty",
    }

    DEFAULT_CSS = """
    TranscriptView {
        height: 1fr;
        overflow-x: hidden;
        /* always there, so text never re-wraps (nor the screen re-lays out) between
           meetings that fit and meetings that scroll */
        overflow-y: scroll;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        &:focus { border: round $accent; border-title-color: $text; }
        & > .transcript--cursor { background: $foreground; color: $background; }
        & > .transcript--selection { background: $accent 50%; }
        & > .transcript--narration { color: $text-muted; }
        & > .transcript--empty { color: $text-muted; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """The caret, a character offset into the meeting's text."""
    anchor: reactive[int | None] = reactive(None, init=False)
    """The other end of the selection, or None when nothing is selected."""

    class SelectionChanged(Message):
        """The selection changed; ``selection`` is None when nothing is selected."""

        def __init__(self, view: TranscriptView, selection: TextSelection | None):
            super().__init__()
            self.view = view
            self.selection = selection

    class Moved(Message):
        """The caret moved (the screen remembers where the reader was)."""

        def __init__(self, view: TranscriptView, cursor: int):
            super().__init__()
            self.view = view
            self.cursor = cursor

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ):
        super().__init__(name=name, id=id, classes=classes)
        self.meeting: Meeting | None = None
        self._text = ""
        self._remarks: list[Remark] = []
        self._remark_starts: list[int] = []
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._layout_width = -1
        self._goal_column: int | None = None
        self._dragging = False
        self._pending_top: int | None = None
        self._stale = False  # shown a meeting while hidden: laid out by catch_up()
        self._marks: MeetingMarks = no_marks()
        self.border_title = "Transcript"

    # -- data ------------------------------------------------------------------------------

    def show_meeting(
        self,
        meeting: Meeting | None,
        cursor: int = 0,
        anchor: int | None = None,
        top: int | None = None,
    ) -> None:
        """Show ``meeting``'s text with the caret at ``cursor``.

        ``top`` is the character offset to show on the first line (see :attr:`top_offset`),
        a position that survives a different terminal width, unlike a line number.
        """
        self.meeting = meeting
        if meeting is None or meeting.id != self._marks.meeting_id:
            self._marks = no_marks()
        self._text = display_text(reflowed(meeting.text)) if meeting else ""
        self._remarks = sorted(
            (
                r
                for r in (meeting.remarks if meeting else ())
                if 0 <= r.start < r.end <= len(self._text)
            ),
            key=lambda r: (r.start, r.end),
        )
        self._remark_starts = [r.start for r in self._remarks]
        self._layout_width = -1
        self.border_title = (
            "Transcript" if meeting is None else f"Transcript · {len(self._text):,} characters"
        )
        length = len(self._text)
        self.set_reactive(TranscriptView.cursor, min(max(0, cursor), length))
        self.set_reactive(
            TranscriptView.anchor, None if anchor is None else min(max(0, anchor), length)
        )
        self._goal_column = None
        self._pending_top = top
        self._stale = True
        if self.display:
            self.catch_up()

    def catch_up(self) -> None:
        """Lay out and place the meeting given while the view was hidden.

        The transcript sits behind the remarks pane most of the time, and wrapping a
        whole meeting's text for it on every meeting shown was about a tenth of a
        meetings-pane key. The screen calls this when it shows the view; a view shown
        for the first time is laid out again when it gets its size (``on_resize``).
        """
        if not self._stale:
            return
        self._stale = False
        self._layout()
        if self._pending_top is None:
            self._scroll_cursor_visible()
        self._apply_top()
        self._update_subtitle()
        self.refresh()

    def set_marks(self, marks: MeetingMarks) -> None:
        """Draw ``marks`` (tag tints, bookmarks, notes) if they are the open meeting's."""
        if self.meeting is not None and marks.meeting_id == self.meeting.id:
            redraw = bool(marks) or bool(self._marks)  # not when uncoded before and after
            self._marks = marks
            if redraw:
                self.refresh()

    @property
    def marks(self) -> MeetingMarks:
        """The coding marks drawn now."""
        return self._marks

    @property
    def top_offset(self) -> int:
        """The offset in the text of the first line on screen."""
        if self._pending_top is not None:  # not shown yet: still where it is to be
            return self._pending_top
        if self._stale:  # not laid out since its meeting came: it starts at the top
            return 0
        line = int(self.scroll_offset.y)
        return self._lines[line][0] if 0 <= line < len(self._lines) else 0

    def _apply_top(self) -> None:
        """Scroll to the remembered top offset once the view has a real size."""
        if self._pending_top is None or self.scrollable_content_region.height <= 0:
            return
        if not self._lines or self._layout_width <= 0:
            self._pending_top = None
            return
        line = self._line_of(self._pending_top)
        self._pending_top = None
        self.call_after_refresh(self.scroll_to, y=line, animate=False)

    @property
    def selection(self) -> TextSelection | None:
        """The selected span of the meeting's text, or None."""
        if self.meeting is None or self.anchor is None or self.anchor == self.cursor:
            return None
        start, end = sorted((self.anchor, self.cursor))
        return TextSelection(self.meeting.id, start, end, self.meeting.text[start:end])

    def select(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (caret at ``end``) and bring it into view."""
        length = len(self._text)
        self.anchor = min(max(0, start), length)
        self.cursor = min(max(0, end), length)

    def go_to(self, offset: int) -> None:
        """Put the caret at ``offset`` with no selection, its line near the top of the view."""
        self.anchor = None
        self._pending_top = None
        self.cursor = min(max(0, offset), len(self._text))
        # the view may have just been shown at a new width: place the line after layout
        self.call_after_refresh(self._scroll_caret_near_top)

    def _scroll_caret_near_top(self) -> None:
        self._layout()
        self.scroll_to(y=max(0, self._line_of(self.cursor) - 2), animate=False)

    def remark_at(self, offset: int) -> Remark | None:
        """The remark containing ``offset`` (or the last one starting before it)."""
        index = bisect_right(self._remark_starts, offset) - 1
        while index >= 0:
            remark = self._remarks[index]
            if remark.start <= offset < remark.end:
                return remark
            index -= 1
            if index >= 0 and self._remarks[index].end <= offset:
                break
        return None

    # -- layout ----------------------------------------------------------------------------

    def _layout(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._layout_width:
            return
        self._layout_width = width
        self._lines = wrap_spans(self._text, max(8, width - GUTTER - 1)) if self._text else []
        self._line_starts = [start for start, _ in self._lines]
        self.set_virtual_size(Size(width, max(1, len(self._lines))))
        self._update_subtitle()

    def _line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    # -- rendering -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._layout()
        if self._pending_top is not None:
            self._apply_top()
        else:
            self._scroll_cursor_visible()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._layout_width != width:
            self._layout()
        base = self.rich_style
        line = int(self.scroll_offset.y) + y
        if not self._lines:
            if y == 0:
                text = Text(
                    " No meeting selected."
                    if self.meeting is None
                    else " This meeting has no text."
                )
                text.stylize(self.get_component_rich_style("transcript--empty", partial=True))
                return text_strip(self.app.console, text, width, base)
            return Strip.blank(width, base)
        if not 0 <= line < len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[line]
        text = self._gutter(start, end)
        body = Text(self._text[start:end])
        self._style_body(body, start, end)
        text.append_text(body)
        at_line_end = self.cursor == len(self._text) or self._text[end : end + 1] == "\n"
        if self.cursor == end and at_line_end and self._line_of(self.cursor) == line:
            text.append(" ", self.get_component_rich_style("transcript--cursor"))
        return text_strip(self.app.console, text, width, base)

    def _gutter(self, start: int, end: int) -> Text:
        remark = self.remark_at(start)
        index = bisect_left(self._remark_starts, start)
        starting = (
            self._remarks[index]
            if index < len(self._remarks) and self._remark_starts[index] < max(end, start + 1)
            else None
        )
        shown = starting or remark
        flag = self._flag(start, end)
        if shown is None:
            gutter = Text(" " * LABEL_WIDTH)
            gutter.append(flag, FLAG_STYLE)
            gutter.append("  ")
            return gutter
        style = speaker_style(shown.speaker)
        label = ""
        if starting is not None:
            label = display_text(_short_name(starting.speaker))
        gutter = Text()
        gutter.append(f"{label[:LABEL_WIDTH]:>{LABEL_WIDTH}}", style)
        gutter.append(flag, FLAG_STYLE)
        gutter.append("▎", speaker_colour_style(shown.speaker))
        gutter.append(" ")
        return gutter

    def _flag(self, start: int, end: int) -> str:
        """★ where a bookmarked passage starts on this line, ✎ where a noted one does."""
        flag = " "
        for mark in self._marks.overlapping(start, end):
            if start <= mark.start < max(end, start + 1):
                if mark.bookmark:
                    return BOOKMARK
                if mark.note:
                    flag = NOTE
        return flag

    def _style_body(self, body: Text, start: int, end: int) -> None:
        narration = self.get_component_rich_style("transcript--narration", partial=True)
        position = start
        index = max(0, bisect_right(self._remark_starts, start) - 1)
        covered: list[tuple[int, int]] = []
        while index < len(self._remarks) and self._remarks[index].start < end:
            remark = self._remarks[index]
            if remark.end > start:
                covered.append((max(start, remark.start), min(end, remark.end)))
            index += 1
        for cover_start, cover_end in covered:
            if cover_start > position:
                body.stylize(narration, position - start, cover_start - start)
            position = max(position, cover_end)
        if position < end:
            body.stylize(narration, position - start, end - start)
        for low, high, tint in paint_marks(self.rich_style, self._marks.overlapping(start, end),
                                           start, end):
            body.stylize(tint, low, high)
        if self.anchor is not None and self.anchor != self.cursor:
            sel_start, sel_end = sorted((self.anchor, self.cursor))
            if sel_start < end and sel_end > start:
                body.stylize(
                    self.get_component_rich_style("transcript--selection"),
                    max(sel_start, start) - start,
                    min(sel_end, end) - start,
                )
        if start <= self.cursor < end:
            body.stylize(
                self.get_component_rich_style("transcript--cursor"),
                self.cursor - start,
                self.cursor - start + 1,
            )

    # -- caret and selection ----------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_visible()
        self._update_subtitle()
        self.refresh()
        self.post_message(self.Moved(self, new))
        if self.anchor is not None:
            self.post_message(self.SelectionChanged(self, self.selection))

    def watch_anchor(self, old: int | None, new: int | None) -> None:
        self._update_subtitle()
        self.refresh()
        self.post_message(self.SelectionChanged(self, self.selection))

    def _update_subtitle(self) -> None:
        selection = self.selection
        if selection is not None:
            size = selection.end - selection.start
            self.border_subtitle = (
                f"selected {size:,} characters ({selection.start}–{selection.end})"
            )
        elif self.meeting is not None:
            remark = self.remark_at(self.cursor)
            who = display_text(f"{remark.speaker or 'unnamed speaker'} · ") if remark else ""
            # a speaker's name is document text: plain Content, never markup
            self.border_subtitle = Content(
                f"{who}line {self._line_of(self.cursor) + 1} of {len(self._lines)}"
            )
        else:
            self.border_subtitle = ""

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0 or not self._lines:
            return
        line = self._line_of(self.cursor)
        scroll_y = int(self.scroll_offset.y)
        if line < scroll_y:
            self.scroll_to(y=line, animate=False)
        elif line >= scroll_y + height:
            self.scroll_to(y=line - height + 1, animate=False)

    def _place(self, offset: int, extend: bool, keep_goal: bool = False) -> None:
        """Move the caret; with ``extend`` grow the selection, else drop it."""
        offset = min(max(0, offset), len(self._text))
        if not keep_goal:
            self._goal_column = None
        if extend:
            if self.anchor is None:
                self.anchor = self.cursor
        elif self.anchor is not None:
            self.anchor = None
        self.cursor = offset

    def action_move_char(self, step: int, extend: bool = False) -> None:
        self._place(self.cursor + step, extend)

    def action_move_line(self, step: int, extend: bool = False) -> None:
        if not self._lines:
            return
        line = self._line_of(self.cursor)
        start, _ = self._lines[line]
        if self._goal_column is None:
            self._goal_column = self.cursor - start
        target = min(max(0, line + step), len(self._lines) - 1)
        if target == line:
            offset = 0 if step < 0 else len(self._text)
        else:
            t_start, t_end = self._lines[target]
            offset = min(t_start + self._goal_column, t_end)
        self._place(offset, extend, keep_goal=True)

    def action_move_word(self, step: int, extend: bool = False) -> None:
        if step > 0:
            match = (_WORD_END if extend else _WORD_START).search(self._text, self.cursor + 1)
            offset = (match.end() if extend else match.start()) if match else len(self._text)
        else:
            offset = 0
            for match in _WORD_START.finditer(self._text, max(0, self.cursor - 400), self.cursor):
                offset = match.start()
        self._place(offset, extend)

    def action_line_edge(self, edge: int, extend: bool = False) -> None:
        if self._lines:
            start, end = self._lines[self._line_of(self.cursor)]
            if edge and end > start and self._text[end - 1] == " ":
                end -= 1
            self._place(end if edge else start, extend)

    def action_text_edge(self, edge: int) -> None:
        self._place(len(self._text) if edge else 0, False)

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        line = min(max(0, self._line_of(self.cursor) + step * height), max(0, len(self._lines) - 1))
        if self._lines:
            self.scroll_to(y=max(0, int(self.scroll_offset.y) + step * height), animate=False)
            self._place(self._lines[line][0], False)

    def action_paragraph(self, step: int) -> None:
        """Move to the start of the next (or previous) non-blank source line."""
        text = self._text
        if step > 0:
            pos = text.find("\n", self.cursor)
            while pos != -1:
                line_end = text.find("\n", pos + 1)
                line_end = len(text) if line_end == -1 else line_end
                if text[pos + 1 : line_end].strip():
                    self._place(pos + 1 + _indent(text, pos + 1, line_end), False)
                    return
                pos = text.find("\n", pos + 1)
            self._place(len(text), False)
        else:
            here = text.rfind("\n", 0, self.cursor) + 1  # start of the current source line
            if self.cursor > here + _indent(text, here, len(text)):
                self._place(here + _indent(text, here, len(text)), False)
                return
            pos = here - 1
            while pos > 0:
                line_start = text.rfind("\n", 0, pos) + 1
                if text[line_start:pos].strip():
                    self._place(line_start + _indent(text, line_start, pos), False)
                    return
                pos = line_start - 1
            self._place(0, False)

    def action_turn(self, step: int) -> None:
        """Move to the start of the next (or previous) remark of anyone."""
        if not self._remarks:
            self.app.bell()
            return
        if step > 0:
            index = bisect_right(self._remark_starts, self.cursor)
            if index < len(self._remarks):
                self._place(self._remark_starts[index], False)
                return
        else:
            index = bisect_left(self._remark_starts, self.cursor) - 1
            if index >= 0:
                self._place(self._remark_starts[index], False)
                return
        self.app.bell()

    def action_same_speaker(self, step: int) -> None:
        """Move to the next (or previous) remark by the speaker at the caret."""
        current = self.remark_at(self.cursor)
        if current is None:
            self.action_turn(step)
            return
        index = self._remarks.index(current) + step
        while 0 <= index < len(self._remarks):
            if self._remarks[index].speaker == current.speaker:
                self._place(self._remarks[index].start, False)
                return
            index += step
        self.app.bell()

    def action_clear_selection(self) -> None:
        self.anchor = None

    def action_copy(self) -> None:
        selection = self.selection
        if selection is None:
            self.notify("Nothing is selected: hold shift and move, or drag with the mouse.")
            return
        self.app.copy_to_clipboard(selection.text)
        self.notify(f"Copied {len(selection.text):,} characters.")

    # -- mouse -----------------------------------------------------------------------------

    def _offset_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset_capture(self)
        if not self._lines:
            return None
        line = int(self.scroll_offset.y) + offset.y
        if line < 0:
            return 0
        if line >= len(self._lines):
            return len(self._text)
        start, end = self._lines[line]
        column = max(0, offset.x - GUTTER)
        return min(start + column, end)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        position = self._offset_at(event)
        if position is None:
            return
        self.focus()
        self._dragging = True
        self.capture_mouse()
        self._goal_column = None
        self.anchor = position
        self.cursor = position

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            position = self._offset_at(event)
            if position is not None:
                self.cursor = position

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            if self.anchor == self.cursor:
                self.anchor = None


def _short_name(name: str | None) -> str:
    """The label in the gutter: a surname is enough to tell speakers apart at a glance."""
    if not name:
        return "—"
    parts = name.split()
    return parts[-1] if len(name) > LABEL_WIDTH and parts else name


def _indent(text: str, start: int, end: int) -> int:
    """How many spaces open the line at ``start``, so paragraph moves land on the first word."""
    position = start
    while position < end and text[position] == " ":
        position += 1
    return position - start
