"""Coded passages are marked in both reader views, in the tag's colour (issue 5).

The real app on a real library of hand-written meetings: tag, bookmark and note passages
with the keys, then read the drawn lines (``render_line`` strips) for the tag's colour,
the ★ and ✎ flags and the tint behind exactly the coded characters; undo takes them away.
The coding keys are also checked from every pane, and through a remapped keymap.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color as RichColor
from textual.strip import Strip

from store.library import Library
from tests.tui_coding.host import async_test, fixed_library, settle
from tui.app import ParleyApp
from tui.screens.main import MainScreen
from tui.settings import Settings
from tui.ui_state import UIState
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.coding_marks import (
    Mark,
    MeetingMarks,
    read_marks,
    tint_style,
)
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.reader.transcript_view import LABEL_WIDTH, TranscriptView

SIZE = (120, 36)


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    library = fixed_library(tmp_path, monkeypatch)
    path = library.path
    library.close()
    return path


def _app(library_dir: Path, keymap: dict[str, str] | None = None) -> ParleyApp:
    return ParleyApp(
        lambda: Library.open(library_dir),
        settings=Settings(keymap=keymap or {}),
        state=UIState(),
        remember=False,
    )


def _bookmarked(app: ParleyApp, meeting_id: str, start: int, end: int) -> bool:
    found = app.annotations.find_span(meeting_id, start, end)
    return found is not None and found.bookmark


def _segments_with(strip: Strip, needle: str) -> list:
    return [segment for segment in strip if needle in segment.text]


def _colour(hex_colour: str) -> RichColor:
    return RichColor.parse(hex_colour)


def _remark_lines(view: RemarkList, index: int) -> list[Strip]:
    """The drawn lines of remark ``index`` (header first), scrolled to the top."""
    view.scroll_to(y=0, animate=False)
    first = view._starts[index]
    last = view._starts[index + 1] if index + 1 < len(view._starts) else len(view._lines)
    return [view.render_line(y) for y in range(first, last)]


def _tinted_text(strip: Strip, background: RichColor | None) -> str:
    """The characters of ``strip`` drawn on a background other than ``background``."""
    return "".join(
        s.text for s in strip if s.style is not None and s.style.bgcolor not in (None, background)
    )


@async_test
async def test_tag_bookmark_note_are_marked_in_both_views_and_undo_removes_them(library_dir):
    app = _app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("enter")  # into the remarks of the highlighted meeting
        await settle(pilot)
        remarks = main.query_one(RemarkList)
        assert remarks.coded(0) is None
        meeting = main.meeting
        assert meeting is not None
        remark = meeting.remarks[0]

        await pilot.press("t", *"topic/terrorism", "enter", "escape")
        await settle(pilot)
        colours = {tag.name: tag.colour for tag in app.annotations.tags()}
        colour = colours["topic/terrorism"]
        assert remarks.coded(0) == (("topic/terrorism",), False, False)
        header, *body, _blank = _remark_lines(remarks, 0)
        (name,) = _segments_with(header, "#topic/terrorism")
        assert name.style.color == _colour(colour)
        # every word of the remark sits on the tag's tint (blended into the line's own
        # background: this is the cursor's line), and a bar in the tag's colour
        background = list(body[0])[-1].style.bgcolor  # the padding at the end of the line
        tint = tint_style(colour, background).bgcolor
        words = "".join(
            s.text for line in body for s in line if s.style and s.style.bgcolor == tint
        )
        assert words.replace(" ", "") == remark.text.replace(" ", "")
        assert all(_segments_with(line, "┃")[0].style.color == _colour(colour) for line in body)
        # the other remarks are not marked
        assert remarks.coded(1) is None
        assert "#" not in "".join(s.text for s in _remark_lines(remarks, 1)[0])

        await pilot.press("b")
        await settle(pilot)
        assert remarks.coded(0) == (("topic/terrorism",), True, False)
        assert _segments_with(_remark_lines(remarks, 0)[0], "★")

        # the transcript tints exactly the coded span and flags its first line with ★
        await pilot.press("v")
        await settle(pilot)
        transcript = main.query_one(TranscriptView)
        transcript.scroll_to(y=0, animate=False)
        await pilot.pause()
        line = transcript._line_of(remark.start)
        first = transcript.render_line(line)
        assert first.text[LABEL_WIDTH] == "★"
        body_background = transcript.rich_style.bgcolor
        tinted = "".join(
            _tinted_text(transcript.render_line(y), body_background)
            for y in range(line, transcript._line_of(remark.end - 1) + 1)
        )
        # the caret (reverse colours) sits on the first character of the text
        assert tinted.replace(" ", "").endswith(remark.text.replace(" ", "")[1:])

        # a note on a selected span of the next remark: ✎ in the gutter, no tint (no tag)
        second = meeting.remarks[1]
        transcript.select(second.start, second.start + 9)
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"check this", "ctrl+s")
        await settle(pilot)
        marks = transcript.marks
        assert [(m.start, m.end, m.note) for m in marks.marks][-1] == (
            second.start, second.start + 9, True
        )
        transcript.action_clear_selection()
        await pilot.pause()
        assert transcript.render_line(transcript._line_of(second.start)).text[LABEL_WIDTH] == "✎"

        # undo the note, the bookmark and the tag: every mark goes
        for _ in range(3):
            await pilot.press("u")
            await settle(pilot)
        assert not transcript.marks
        assert not _tinted_text(transcript.render_line(line), body_background).strip()
        assert transcript.render_line(line).text[LABEL_WIDTH] == " "
        await pilot.press("v")
        await settle(pilot)
        assert remarks.coded(0) is None
        assert not _segments_with(_remark_lines(remarks, 0)[0], "#")


@async_test
async def test_coding_keys_work_from_every_pane(library_dir):
    app = _app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(app.focused, MeetingList)
        meeting = main.meeting
        first = meeting.remarks[0]
        # meetings pane: the remark under the remarks cursor
        await pilot.press("b")
        await settle(pilot)
        assert _bookmarked(app, meeting.id, first.start, first.end)
        # remarks pane: the highlighted remark
        await pilot.press("tab", "j", "b")
        await settle(pilot)
        second = meeting.remarks[1]
        assert _bookmarked(app, meeting.id, second.start, second.end)
        # transcript: the selection first
        await pilot.press("v")
        transcript = main.query_one(TranscriptView)
        transcript.select(first.start, first.start + 5)
        await pilot.pause()
        await pilot.press("b")
        await settle(pilot)
        assert _bookmarked(app, meeting.id, first.start, first.start + 5)
        # ... else the remark under the caret
        transcript.go_to(first.start + 2)
        await pilot.pause()
        await pilot.press("b")  # takes the remark's bookmark away again
        await settle(pilot)
        assert not _bookmarked(app, meeting.id, first.start, first.end)
        # u and ctrl+r from the transcript
        await pilot.press("u")
        await settle(pilot)
        assert _bookmarked(app, meeting.id, first.start, first.end)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not _bookmarked(app, meeting.id, first.start, first.end)
        # the coding screens open from the transcript and close back to it
        for key, screen_name in (
            ("C", "CodebookScreen"), ("B", "BookmarksScreen"), ("slash", "SearchScreen"),
            ("P", "SpeakersScreen"), ("A", "AnalysisScreen"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == screen_name
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is main


@async_test
async def test_coding_keys_can_be_remapped_by_id(library_dir):
    app = _app(library_dir, {"coding.bookmark": "x", "coding.codebook": "ctrl+k"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        meeting = main.meeting
        remark = meeting.remarks[0]
        await pilot.press("b")
        await settle(pilot)
        assert getattr(app, "annotations", None) is None  # b is no longer bound
        await pilot.press("x")
        await settle(pilot)
        assert _bookmarked(app, meeting.id, remark.start, remark.end)
        assert main.query_one(RemarkList).coded(0) == ((), True, False)
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert type(app.screen).__name__ == "CodebookScreen"


@async_test
async def test_marks_follow_a_jump_and_a_tag_renamed_in_the_codebook(library_dir):
    from store.annotations import AnnotationStore

    store = AnnotationStore.open(library_dir)
    library = Library.open(library_dir)
    other = library.meeting("m-2004-05")
    remark = other.remarks[1]
    store.create_tag("tone/hope", colour="#d75f5f")
    store.tag_span(other.id, remark.start, remark.end, other.text, "tone/hope")
    store.close()
    library.close()
    app = _app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        assert main.meeting.id != other.id
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("enter", "enter")  # the tag, then its passage
        await settle(pilot)
        assert app.screen is main and main.meeting.id == other.id
        marks = main.query_one(TranscriptView).marks
        assert [(m.start, m.end, m.tags, m.colour) for m in marks.marks] == [
            (remark.start, remark.end, ("tone/hope",), "#d75f5f")
        ]
        assert main.query_one(RemarkList).coded(1) == (("tone/hope",), False, False)
        # a colour changed in the store shows after the next refresh
        app.annotations.update_tag("tone/hope", colour="#5fd75f")
        main.refresh_coding()
        await settle(pilot)
        assert main.query_one(TranscriptView).marks.marks[0].colour == "#5fd75f"


def test_read_marks_clips_skips_orphans_and_colours_first_tag(tmp_path):
    from store.models import Anchor, Annotation, Tag

    class Source:
        def for_meeting(self, meeting_id: str) -> list[Annotation]:
            def make(start, end, **kw):
                return Annotation("a", meeting_id, Anchor(start, end, "x"), **kw)

            return [
                make(5, 99, tags=("b", "a")),
                make(0, 3, bookmark=True),
                make(1, 2, tags=("a",), orphaned=True),
                make(2, 4),  # nothing on it: no mark
                make(6, 8, note="  "),  # a blank note is no note
            ]

        def tags(self) -> list[Tag]:
            return [Tag("a", "#ff0000"), Tag("b", "#00ff00")]

        def close(self) -> None:
            pass

    marks = read_marks(Source(), "m", 20)
    assert marks.marks == (
        Mark(0, 3, (), None, True, False),
        Mark(5, 20, ("b", "a"), "#00ff00", False, False),
    )
    assert marks.overlapping(3, 5) == []
    assert [m.start for m in marks.overlapping(2, 6)] == [0, 5]
    assert marks.colour("missing") == "#5f87d7"
    assert not MeetingMarks("m")
