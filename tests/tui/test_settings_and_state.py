"""Keymap and theme from config.toml; the reader's place in state.json; counts from the
annotation store."""

from __future__ import annotations

import json

from store.library import Library
from store.paths import config_dir
from tests.tui.conftest import (
    make_app,
    run_async,
    screen_text,
    wait_for_text,
    wait_ready,
    wait_until,
)
from tests.tui.fakes import FakeLibrary, demo_meetings
from tui.settings import load_settings, save_theme, settings_path
from tui.ui_state import UIState, load_state, save_state, state_path
from tui.widgets.meetings.meeting_list import MeetingList
from tui.widgets.reader.transcript_view import TranscriptView


def _demo(**kwargs: object):
    return make_app(lambda: FakeLibrary(demo_meetings()), **kwargs)


@run_async
async def test_keymap_from_config_rebinds_and_help_shows_it() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('# mine\n[keymap]\n"meetings.sort" = "o"\n', encoding="utf-8")
    app = _demo(settings=load_settings(), remember=False)
    async with app.run_test(size=(120, 60)) as pilot:
        await wait_ready(pilot)
        meetings = app.screen.query_one(MeetingList)
        await pilot.press("s")
        assert meetings.sort == "date_desc"  # s no longer sorts
        await pilot.press("o")
        assert meetings.sort == "date_asc"
        await pilot.press("f1")
        text = screen_text(app)
        assert "o  " in text and "meetings.sort" in text


@run_async
async def test_theme_is_remembered_and_comments_kept() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('# my settings\n[keymap]\n"app.quit" = "q"\n', encoding="utf-8")
    app = _demo(settings=load_settings(), remember=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.theme = "nord"
        await wait_until(pilot, lambda: "nord" in settings_path().read_text(), "the theme saved")
    saved = settings_path().read_text(encoding="utf-8")
    assert saved.startswith('theme = "nord"\n# my settings\n[keymap]')
    again = _demo(settings=load_settings(), remember=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert again.theme == "nord"


def test_broken_config_is_reported_and_left_alone() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("theme = = broken", encoding="utf-8")
    settings = load_settings()
    assert settings.problem and "not valid TOML" in settings.problem
    assert save_theme("nord") is False
    assert settings_path().read_text(encoding="utf-8") == "theme = = broken"


def test_state_round_trip_and_damaged_file() -> None:
    state = UIState(last_meeting="m1", last_index=3, sort="title")
    place = state.place("m1")
    place.remark, place.cursor, place.anchor, place.view = 2, 40, 35, "transcript"
    save_state(state)
    assert state_path().parent == config_dir()
    loaded = load_state()
    assert loaded.last_meeting == "m1" and loaded.sort == "title" and loaded.last_index == 3
    assert loaded.meetings["m1"].cursor == 40 and loaded.meetings["m1"].anchor == 35
    assert loaded.meetings["m1"].view == "transcript"
    assert not [p for p in state_path().parent.iterdir() if p.name.endswith(".tmp")]
    state_path().write_text("{not json", encoding="utf-8")
    assert load_state().last_meeting is None  # a fresh start, not a crash
    state_path().write_text(json.dumps({"meetings": {"x": {"cursor": -5, "view": "bogus"}}}))
    odd = load_state().meetings["x"]
    assert odd.cursor == 0 and odd.view == "remarks"


@run_async
async def test_transcript_place_and_selection_remembered() -> None:
    app = _demo(state=load_state(), remember=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter", "j", "j", "enter", "shift+right", "shift+right", "shift+right")
        view = app.screen.query_one(TranscriptView)
        expected = (view.selection.start, view.selection.end)
        await pilot.press("q")
    again = _demo(state=load_state(), remember=False)
    async with again.run_test(size=(120, 36)) as pilot:
        await wait_ready(pilot)
        view = again.screen.query_one(TranscriptView)
        assert again.screen.query_one("ContentSwitcher").current == "transcript"
        assert (view.selection.start, view.selection.end) == expected
        assert view.selection.text == "We "


@run_async
async def test_counts_of_tags_and_bookmarks_per_meeting() -> None:
    from store.annotations import AnnotationStore

    library = Library.open_default(None)
    rows = library.rows()
    meeting = library.meeting(rows[0].id)
    path = library.path
    library.close()
    store = AnnotationStore.open(path)
    store.add(meeting.id, 0, 5, meeting.text, tags=("topic/test",))
    store.add(meeting.id, 10, 20, meeting.text, tags=("topic/other",), bookmark=True)
    store.close()
    app = make_app(lambda: Library.open_default(None), remember=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_ready(pilot)
        text = await wait_for_text(pilot, "# 2 ★ 1")
        assert "# 0 ★ 0" in text  # the other meeting has none


@run_async
async def test_library_that_cannot_open_is_one_sentence_not_a_crash() -> None:
    from store.library import LibraryError

    def broken() -> FakeLibrary:
        raise LibraryError(
            "The library file /x/library.sqlite is damaged (file is not a database)."
        )

    app = make_app(broken, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(
            pilot,
            lambda: any("could not be opened" in n.message for n in app._notifications),
            "the error notice",
        )
        assert app.is_running
        assert "Meetings (none)" in screen_text(app)
        await pilot.press("j", "enter", "v", "question_mark", "escape")  # keys still safe
        assert app.is_running


@run_async
async def test_empty_library_says_how_to_import() -> None:
    app = make_app(lambda: FakeLibrary([]), remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(
            pilot,
            lambda: any("parley import" in n.message for n in app._notifications),
            "the empty-library notice",
        )
        await pilot.press("j", "enter", "v", "right_parenthesis", "shift+right")
        text = screen_text(app)
        assert "Meetings (0)" in text and "No meeting selected" in text


@run_async
async def test_scroll_places_survive_a_restart_at_another_width() -> None:
    from tests.tui.fakes import LAVROV, build_meeting
    from tui.widgets.reader.remark_list import RemarkList

    turns = [
        (LAVROV.name, "answer", f"Answer {i:03d}. " + "Words that wrap. " * 12) for i in range(80)
    ]
    meeting = build_meeting("long", "Long", "2020-01-01", turns, people=(LAVROV,))

    def app_for(**kwargs: object):
        return make_app(lambda: FakeLibrary([meeting]), state=load_state(), **kwargs)

    app = app_for(remember=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter", *["pagedown"] * 3)
        remarks = app.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.scroll_offset.y > 0, "the remarks to scroll")
        top_remark = remarks.top_remark
        await pilot.press("v", *["pagedown"] * 4)
        view = app.screen.query_one(TranscriptView)
        await wait_until(pilot, lambda: view.scroll_offset.y > 0, "the transcript to scroll")
        top_offset = view.top_offset
        await pilot.press("v")  # leave the remarks showing; the transcript's place is kept
        await pilot.press("q")
    assert top_remark > 0 and top_offset > 0
    again = app_for(remember=False)
    async with again.run_test(size=(90, 40)) as pilot:  # another width and height
        await wait_ready(pilot)
        remarks = again.screen.query_one(RemarkList)
        await wait_until(pilot, lambda: remarks.top_remark == top_remark, "the remarks place")
        await pilot.press("tab", "v")
        view = again.screen.query_one(TranscriptView)
        await wait_until(pilot, lambda: view.scroll_offset.y > 0, "the transcript place")
        # the same text is at the top, though it wraps differently now
        line_start, line_end = view._lines[int(view.scroll_offset.y)]
        assert line_start <= top_offset < max(line_end, line_start + 1) or (
            view._line_of(top_offset) == int(view.scroll_offset.y)
        )
