"""Every key of the browser, driven headless on two fixed meetings (tests/tui/fakes.py)."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from tests.tui.conftest import run_async, screen_text, wait_for_text, wait_ready, wait_until
from tests.tui.fakes import LAVROV, MADANI
from tui.screens.help import HelpScreen
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.remark_list import RemarkList
from tui.widgets.reader.transcript_view import TranscriptView

SIZE = (120, 36)


@run_async
async def test_main_screen_shows_meetings_header_and_remarks(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        text = screen_text(app)
        assert "Meetings (2)" in text
        # newest first: the 2015 talks above the 2004 visit
        assert text.index("2015-06-11") < text.index("2004-05-21")
        assert "Sergey Lavrov, Iya" in text  # participants in the list
        assert "¶  5" in text  # remark count
        # header: date, place, outlet, kind, participants with roles
        assert "2015-06-11 · Moscow · Russian Ministry of Foreign Affairs · transcript" in text
        assert "Sergey Lavrov (Foreign Minister)" in text
        # remarks: speaker, role, kind, words
        assert "▌ Sergey Lavrov · Foreign Minister  statement" in text
        assert "▌ Unnamed speaker  question" in text
        assert "Ladies and gentlemen" in text
        # the footer shows the keys that apply in the meetings pane
        assert "Sort" in text.splitlines()[-1] and "Open" in text.splitlines()[-1]


@run_async
async def test_meeting_keys_move_open_sort(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        assert app.focused is meetings and meetings.cursor == 0
        for key, expected in (
            ("j", 1),
            ("k", 0),
            ("down", 1),
            ("up", 0),
            ("G", 1),
            ("g", 0),
            ("end", 1),
            ("home", 0),
            ("pagedown", 1),
            ("pageup", 0),
        ):
            await pilot.press(key)
            assert meetings.cursor == expected, key
        await pilot.press("j")
        await wait_until(pilot, lambda: app.screen.meeting.id == "visit2004", "the 2004 meeting")
        await wait_for_text(pilot, "▌ Igor Ivanov · Security Council Secretary  quote")
        # s cycles the order: date oldest first puts 2004 on top, and the cursor
        # stays on the open meeting
        await pilot.press("s")
        await wait_until(pilot, lambda: meetings.row_at(0) is not None, "a page")
        assert meetings.sort == "date_asc" and meetings.row_at(0).id == "visit2004"
        await wait_until(pilot, lambda: meetings.cursor == 0, "the cursor to follow")
        assert app.screen.meeting.id == "visit2004"
        assert "by date, oldest first" in await wait_for_text(pilot, "oldest first")
        await pilot.press("s")  # by title: "Igor…" before "Sergey…"
        await wait_until(pilot, lambda: meetings.highlighted_row is not None, "a page")
        assert meetings.highlighted_row.id == "visit2004" and meetings.cursor == 0
        await pilot.press("s")  # most remarks first: the talks (5) before the visit (2)
        await wait_until(pilot, lambda: meetings.cursor == 1, "the cursor to follow")
        assert meetings.highlighted_row.id == "visit2004"
        assert app.screen.meeting.id == "visit2004"
        await pilot.press("s")
        assert meetings.sort == "date_desc"
        # enter moves into the reader
        await pilot.press("enter")
        assert isinstance(app.focused, RemarkList)


@run_async
async def test_tab_moves_between_panes(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, RemarkList)
        await pilot.press("tab")
        assert isinstance(app.focused, MeetingList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, RemarkList)
        await pilot.press("v")
        assert isinstance(app.focused, TranscriptView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, MeetingList)
        # a click picks a meeting (row 2 starts on the third line inside the border)
        meetings = app.screen.query_one(MeetingList)
        await pilot.click(meetings, offset=(5, 3))
        assert meetings.cursor == 1
        await wait_until(pilot, lambda: app.screen.meeting.id == "visit2004", "the clicked one")
        await pilot.click(meetings, offset=(5, 1))
        assert meetings.cursor == 0


@run_async
async def test_remark_keys_and_enter_opens_transcript(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")
        remarks = app.screen.query_one(RemarkList)
        meeting = app.screen.meeting
        await pilot.press("j")
        assert remarks.cursor == 1 and remarks.remark.kind == "question"
        await pilot.press("k", "right_square_bracket")  # Lavrov's next remark skips the question
        assert remarks.cursor == 2 and remarks.remark.speaker == LAVROV.name
        await pilot.press("right_square_bracket")
        assert remarks.cursor == 4
        await pilot.press("left_square_bracket")
        assert remarks.cursor == 2
        await pilot.press("G")
        assert remarks.cursor == 4
        await pilot.press("g")
        assert remarks.cursor == 0
        await pilot.press("pagedown")
        assert remarks.cursor > 0
        await pilot.press("pageup")
        assert remarks.cursor == 0
        await pilot.press("j", "j", "j")  # Madani's answer
        assert remarks.remark.speaker == MADANI.name
        await pilot.press("enter")
        transcript = app.screen.query_one(TranscriptView)
        assert app.screen.query_one(ContentSwitcher).current == "transcript"
        assert app.focused is transcript
        assert transcript.cursor == meeting.remarks[3].start
        text = screen_text(app)
        assert "I thank the minister" in text
        assert "Madani ▎" in text  # the gutter names the speaker where the remark starts
        # v goes back to the remarks with the cursor where it was
        await pilot.press("v")
        assert app.screen.query_one(ContentSwitcher).current == "remarks"
        assert app.focused is remarks and remarks.cursor == 3


@run_async
async def test_the_hidden_transcript_is_laid_out_when_shown(demo_app) -> None:
    """Meetings shown behind the remarks pane are wrapped only once the transcript shows."""
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        transcript = app.screen.query_one(TranscriptView)
        await pilot.press("v")  # the transcript, for the first meeting
        await wait_for_text(pilot, "Ladies and gentlemen")
        await pilot.press("v")  # back to the remarks
        meetings = app.screen.query_one(MeetingList)
        meetings.focus()
        await pilot.pause()
        await pilot.press("j")  # the second meeting, while the transcript is hidden
        second = app.screen.meeting
        assert second is not None and second.id == meetings.highlighted_row.id
        assert transcript.meeting is second
        assert transcript._stale  # given, not yet wrapped
        assert transcript.top_offset == 0
        await pilot.press("v")
        assert not transcript._stale
        assert transcript._lines and transcript._lines[-1][1] <= len(second.text)
        assert transcript.scroll_offset.y == 0 and transcript.cursor == 0
        await wait_for_text(pilot, second.text.split()[0])
        assert f"of {len(transcript._lines)}" in str(transcript.border_subtitle)


@run_async
async def test_transcript_moves_by_turn_paragraph_and_speaker(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("tab", "v")
        view = app.screen.query_one(TranscriptView)
        remarks = app.screen.meeting.remarks
        assert view.cursor == 0
        await pilot.press("right_parenthesis")
        assert view.cursor == remarks[0].start
        await pilot.press("right_parenthesis")
        assert view.cursor == remarks[1].start
        await pilot.press("left_parenthesis")
        assert view.cursor == remarks[0].start
        await pilot.press("right_square_bracket")  # Lavrov's next turn
        assert view.cursor == remarks[2].start
        await pilot.press("left_square_bracket")
        assert view.cursor == remarks[0].start
        await pilot.press("right_curly_bracket")  # the next paragraph is the question
        assert view.cursor == remarks[1].start
        await pilot.press("left_curly_bracket")
        assert view.cursor == remarks[0].start
        await pilot.press("l", "l")
        assert view.cursor == remarks[0].start + 2
        await pilot.press("h")
        assert view.cursor == remarks[0].start + 1
        await pilot.press("0")
        line_start = view.cursor
        await pilot.press("dollar_sign")
        assert view.cursor > line_start
        await pilot.press("j")
        assert view._line_of(view.cursor) == view._line_of(line_start) + 1
        await pilot.press("G")
        assert view.cursor == len(app.screen.meeting.text)
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("ctrl+right")
        assert view.cursor == 3  # "11 June": the next word starts at 3
        await pilot.press("pagedown")
        assert view.cursor > 0


@run_async
async def test_transcript_keyboard_selection(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter", "enter")  # the first remark, in the transcript
        view = app.screen.query_one(TranscriptView)
        start = app.screen.meeting.remarks[0].start
        assert view.selection is None
        await pilot.press("shift+right", "shift+right")
        selection = app.screen.selection
        assert (selection.meeting_id, selection.start, selection.end) == (
            "talks2015",
            start,
            start + 2,
        )
        assert selection.text == "La"
        await pilot.press("ctrl+shift+right")  # extend to the end of the word
        assert view.selection.text == "Ladies"
        await pilot.press("ctrl+shift+right")
        assert view.selection.text == "Ladies and"
        await pilot.press("shift+down")  # by line
        assert view.selection.end > start + 20
        assert "selected" in screen_text(app)
        await pilot.press("shift+up", "shift+left")
        assert view.selection.text == "Ladies an"
        await pilot.press("shift+end")
        line_end_selection = view.selection
        assert line_end_selection.text.startswith("Ladies and gentlemen")
        await pilot.press("escape")
        assert view.selection is None
        await pilot.press("shift+home")
        assert view.selection is not None
        await pilot.press("l")  # moving without shift drops the selection
        assert view.selection is None
        await pilot.press("y")  # nothing selected: says so, does not crash
        await wait_until(
            pilot,
            lambda: any("Nothing is selected" in n.message for n in app._notifications),
            "the notice",
        )


@run_async
async def test_transcript_mouse_drag_selects(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("tab", "v")
        view = app.screen.query_one(TranscriptView)
        line = 0  # "11 June 2015" at the top of the view
        gutter = 15
        await pilot.mouse_down(view, offset=(1 + gutter + 0, 1 + line))
        await pilot.hover(view, offset=(1 + gutter + 7, 1 + line))
        await pilot.mouse_up(view, offset=(1 + gutter + 7, 1 + line))
        await pilot.pause()
        assert view.selection is not None
        assert view.selection.text == "11 June"
        assert app.focused is view


@run_async
async def test_help_screen_lists_every_pane(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await wait_ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for heading in ("Everywhere", "Meetings", "Remarks"):
            assert heading in text
        assert "meetings.sort" in text and "Sort" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("end")
        helptext = "\n".join(str(w.render()) for w in app.screen.query("Static.keys"))
        assert "transcript.select_word_right" in helptext
        assert "ctrl+shift+right" in helptext or "^⇧→" in helptext or "shift" in helptext
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


@run_async
async def test_palette_runs_parley_commands(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"toggle remarks")
        await wait_for_text(pilot, "Toggle remarks / transcript")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: app.screen.query_one(ContentSwitcher).current == "transcript",
            "the transcript",
        )
        await pilot.press("ctrl+p")
        await pilot.press(*"ivanov receives")
        await wait_for_text(pilot, "2004-05-21  Igor Ivanov receives an OIC delegation")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.meeting.id == "visit2004", "the jump")
        assert app.screen.query_one(MeetingList).cursor == 1
        await pilot.press("ctrl+p")
        await pilot.press(*"sort meetings by title")
        await wait_for_text(pilot, "Sort meetings by title")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query_one(MeetingList).sort == "title", "sort")


@run_async
async def test_quit_key(demo_app) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running, "exit")
