"""The search screen: query, every filter, ranking, saved searches, jump, text as data."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select

from tests.tui_coding.host import HostApp, async_test, remark_passage, settle
from tui.screens.search import SearchScreen, clean_filters
from tui.widgets.coding.passage_list import PassageList, render_item

SIZE = (120, 34)


def _spans(screen: SearchScreen) -> list[tuple[str, int]]:
    return [(i.meeting_id, i.start) for i in screen.query_one("#results", PassageList).items]


async def _open(pilot, query: str = "") -> SearchScreen:
    await pilot.press("slash")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    if query:
        await pilot.press(*query)
        await settle(pilot)
    return screen


def _start(library, mid: str, index: int) -> tuple[str, int]:
    return (mid, library.meeting(mid).remarks[index].start)


def test_clean_filters_keeps_only_values():
    assert clean_filters({"speaker": "  ", "tag": "a", "bookmarked": False, "x": 1}) == {"tag": "a"}


@async_test
async def test_query_ranked_with_snippet_and_jump(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "terrorism")
        assert screen.query_one("#query", Input).cursor_blink is False  # steady snapshots
        spans = _spans(screen)
        assert sorted(spans) == sorted([
            _start(library, "m-2015-06", 0), _start(library, "m-2015-06", 2),
            _start(library, "m-2015-06", 3), _start(library, "m-2004-05", 0),
        ])
        assert spans == [(h.meeting_id, h.start) for h in library.search("terrorism")]
        status = str(screen.query_one("#status").render())
        assert "4 hits" in status
        item = screen.query_one("#results", PassageList).items[0]
        assert item.title and item.speaker and "terrorism" in item.text.lower()
        await pilot.press("enter")  # from the query box to the results
        assert screen.focused is screen.query_one("#results", PassageList)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.host
        assert app.host.jumps[0][:2] == spans[0]


@async_test
async def test_document_text_is_not_markup(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "threat")
        items = screen.query_one("#results", PassageList).items
        assert len(items) == 1
        plain = render_item(items[0]).plain
        assert "[bold]" in plain and "[/]" in plain
        option = screen.query_one("#results", OptionList).get_option_at_index(0)
        assert "[bold] the threat [/]" in option.prompt.plain


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("speaker", "Kerry", [("m-2015-06", 3)]),
        ("participant", "Ivanov", [("m-2004-05", 0)]),
        ("outlet", "Nobody's Wire", []),
        ("date_from", "2010-01-01", [("m-2015-06", 0), ("m-2015-06", 2), ("m-2015-06", 3)]),
        ("date_to", "2005", [("m-2004-05", 0)]),
        ("kind", "answer", [("m-2015-06", 2)]),
    ],
)
@async_test
async def test_library_filters_combine_with_query(fixed, field, value, expected):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "terrorism")
        widget = screen.query_one(f"#{field}")
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
        await settle(pilot)
        want = sorted(_start(library, m, i) for m, i in expected)
        assert sorted(_spans(screen)) == want
        assert screen.filters()[field] == value


@async_test
async def test_coded_filters_tag_bookmark_note(fixed):
    library, annotations = fixed
    answer = remark_passage(library, "m-2015-06", 2)
    first = remark_passage(library, "m-2015-06", 0)
    ivanov = remark_passage(library, "m-2004-05", 0)
    annotations.tag_span(*answer, "topic/terrorism")
    annotations.toggle_bookmark(*first)
    annotations.set_note(*ivanov, "early example")
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "terrorism")
        # The tag list offers the codebook; a parent tag finds passages under it.
        screen.query_one("#tag", Select).value = "topic/terrorism"
        await settle(pilot)
        assert _spans(screen) == [answer[:2]]
        screen.query_one("#tag", Select).clear()
        screen.query_one("#bookmarked", Checkbox).value = True
        await settle(pilot)
        assert _spans(screen) == [first[:2]]
        screen.query_one("#bookmarked", Checkbox).value = False
        screen.query_one("#has_note", Checkbox).value = True
        await settle(pilot)
        assert _spans(screen) == [ivanov[:2]]
        # No words: the coded passages themselves are listed.
        screen.query_one("#query", Input).value = ""
        await settle(pilot)
        assert _spans(screen) == [ivanov[:2]]
        assert "1 coded passage" in str(screen.query_one("#status").render())


@async_test
async def test_speaker_filter_without_words_lists_remarks(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert "Type words" in str(screen.query_one("#status").render())
        screen.query_one("#speaker", Input).value = "Ivanov"
        await settle(pilot)
        assert _spans(screen) == [_start(library, "m-2004-05", 0), _start(library, "m-2004-05", 1)]


@async_test
async def test_bad_query_is_one_sentence(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, '"')
        assert _spans(screen) == []
        status = str(screen.query_one("#status").render())
        assert status and "Traceback" not in status


@async_test
async def test_saved_search_create_and_rerun(fixed):
    library, annotations = fixed
    annotations.toggle_bookmark(*remark_passage(library, "m-2015-09", 2))
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "sanctions")
        screen.query_one("#bookmarked", Checkbox).value = True
        await settle(pilot)
        assert len(_spans(screen)) == 1
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+u", *"bookmarked sanctions", "enter")
        await settle(pilot)
        assert annotations.saved_searches() == [
            ("bookmarked sanctions", "sanctions", {"bookmarked": True})
        ]
        saved = screen.query_one("#saved", OptionList)
        assert saved.get_option_at_index(0).prompt.plain == "bookmarked sanctions  1"
        await pilot.press("escape")
        # The library's coding grows; reopening re-runs the saved search.
        annotations.toggle_bookmark(*remark_passage(library, "m-2015-06", 2))
        screen = await _open(pilot)
        saved = screen.query_one("#saved", OptionList)
        assert saved.get_option_at_index(0).prompt.plain == "bookmarked sanctions  2"
        saved.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#query", Input).value == "sanctions"
        assert screen.query_one("#bookmarked", Checkbox).value is True
        assert len(_spans(screen)) == 2
        # d deletes it after asking.
        saved.focus()
        await pilot.press("d", "y")
        await settle(pilot)
        assert annotations.saved_searches() == []


@async_test
async def test_search_on_seed_documents(seeds):
    library, annotations = seeds
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "terrorism")
        expected = [(h.meeting_id, h.start) for h in library.search("terrorism")]
        assert expected and _spans(screen) == expected


@async_test
async def test_matches_are_highlighted_in_rows(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, 'terror* "fight against"')
        items = screen.query_one("#results", PassageList).items
        assert items
        row = render_item(items[0])
        spans = [s for s in row.spans if s.style == "bold underline"]
        marked = {row.plain[s.start : s.end].lower() for s in spans}
        assert marked == {"terrorism", "fight against"}
