"""Bookmarks and speakers: list across meetings, then jump in context."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui_coding.host import HostApp, async_test, remark_passage, settle
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.speakers import SpeakersScreen, narrow
from tui.widgets.coding.passage_list import PassageList

SIZE = (110, 32)


@async_test
async def test_bookmarks_list_with_notes_and_jump(fixed):
    library, annotations = fixed
    p_old = remark_passage(library, "m-2004-05", 0)
    p_new = remark_passage(library, "m-2015-09", 0)
    annotations.toggle_bookmark(*p_new)
    annotations.toggle_bookmark(*p_old)
    annotations.set_note(*p_old, "Compare with 2015 [/] closing tag")
    annotations.tag_span(*remark_passage(library, "m-2015-06", 0), "not/bookmarked")
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        items = screen.query_one(PassageList).items
        # Oldest meeting first; the note travels with the bookmark.
        assert [(i.meeting_id, i.start, i.end) for i in items] == [p_old[:3], p_new[:3]]
        assert items[0].note == "Compare with 2015 [/] closing tag"
        assert items[0].speaker == "Igor Ivanov"
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen is app.host
        assert app.host.jumps == [p_new[:3]]


@async_test
async def test_bookmarks_empty(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        assert app.screen.query_one(PassageList).items == []
        await pilot.press("enter", "escape")
        assert app.screen is app.host
        assert app.host.jumps == []


def test_narrow_by_name_or_role():
    people = [("Sergey Lavrov", ("Foreign Minister",), 3, 5), ("John Kerry", ("Secretary",), 1, 1)]
    assert narrow(people, "kerr") == [people[1]]
    assert narrow(people, "minister") == [people[0]]
    assert narrow(people, "") == people


@async_test
async def test_speakers_remarks_in_date_order_and_jump(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        table = screen.query_one("#people", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["Sergey Lavrov", "5", "3", "Foreign Minister"]
        assert [r[0] for r in rows] == ["Sergey Lavrov", "Igor Ivanov", "John Kerry"]
        remarks = screen.query_one("#remarks", PassageList)
        dated = [i.date for i in remarks.items]
        assert len(dated) == 5 and all(i.speaker == "Sergey Lavrov" for i in remarks.items)
        assert [d for d in dated if d[0].isdigit()] == sorted(d for d in dated if d[0].isdigit())
        # Down to Kerry (j moves the table), enter goes to his remarks, enter jumps.
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.person == "John Kerry"
        assert [i.text for i in remarks.items] == [
            "We agree that terrorism must be fought together."
        ]
        await pilot.press("enter")
        assert screen.focused is remarks
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.host
        meeting = library.meeting("m-2015-06")
        mid, start, end = app.host.jumps[0]
        assert mid == "m-2015-06"
        assert meeting.text[start:end] == "We agree that terrorism must be fought together."


@async_test
async def test_speakers_narrow_by_typing(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"ivan")
        await settle(pilot)
        assert screen.query_one("#find", Input).value == "ivan"
        assert screen.query_one("#people", DataTable).row_count == 1
        assert screen.person == "Igor Ivanov"


@async_test
async def test_speakers_on_seed_documents(seeds):
    library, annotations = seeds
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("P")
        await settle(pilot)
        screen = app.screen
        speakers = library.speakers()
        table = screen.query_one("#people", DataTable)
        assert table.row_count == len(speakers)
        if speakers:
            name = speakers[0][0]
            pairs = library.remarks_by(name)
            expected = [(r.id, rm.start) for r, rm in pairs if rm.speaker == name]
            items = screen.query_one("#remarks", PassageList).items
            assert [(i.meeting_id, i.start) for i in items] == expected[:500]


@async_test
async def test_orphaned_bookmark_is_listed_and_says_so(fixed):
    library, annotations = fixed
    passage = remark_passage(library, "m-2015-09", 2)
    annotations.toggle_bookmark(*passage)
    moved, orphaned = annotations.reanchor("m-2015-09", "m-2015-09", "Nothing of it is left.")
    assert (moved, orphaned) == (0, 1)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await settle(pilot)
        items = app.screen.query_one(PassageList).items
        assert len(items) == 1 and items[0].orphaned and "orphaned" in items[0].extra
        await pilot.press("enter")
        await settle(pilot)
        assert app.host.jumps == [("m-2015-09", 0, 0)]
        assert any("no longer in its meeting" in n.message for n in app._notifications)


@async_test
async def test_passage_list_builds_rows_a_page_at_a_time():
    from textual.app import App, ComposeResult

    from tui.widgets.coding.passage_list import MAX_ROWS, PAGE, PassageItem

    items = [
        PassageItem(f"m{i}", i, i + 5, f"passage {i} [bold] not markup", date="2015-06-11")
        for i in range(MAX_ROWS + 20)
    ]

    class ListApp(App[None]):
        def compose(self) -> ComposeResult:
            yield PassageList()

    app = ListApp()
    async with app.run_test(size=(80, 30)) as pilot:
        passages = app.query_one(PassageList)
        passages.set_items(items, 9999)
        passages.focus()
        await pilot.pause()
        assert passages.rendered == PAGE and len(passages.items) == MAX_ROWS
        # Walking down past the built rows builds the next page.
        for _ in range(PAGE - 3):
            await pilot.press("j")
        assert passages.rendered == 2 * PAGE
        assert passages.highlighted_item is items[PAGE - 3]
        # G goes to the very last passage (building the rest), then the note says the cap.
        await pilot.press("G")
        assert passages.rendered == MAX_ROWS
        assert passages.highlighted_item is items[MAX_ROWS - 1]
        last = passages.get_option_at_index(passages.option_count - 1)
        assert last.disabled and last.prompt.plain == f"showing {MAX_ROWS} of 9999"
