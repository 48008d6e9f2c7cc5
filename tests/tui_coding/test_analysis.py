"""The analysis screen: tag co-occurrence (pairs, evidence, jump) and the timeline."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from tests.tui_coding.host import HostApp, async_test, remark_passage, settle
from tui.screens.analysis import AnalysisScreen
from tui.widgets.coding.passage_list import PassageList

SIZE = (120, 34)


async def _open(pilot) -> AnalysisScreen:
    await pilot.press("A")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, AnalysisScreen)
    return screen


def _code(library, annotations):
    m = library.meeting("m-2015-06")
    answer = m.remarks[2]
    whole = remark_passage(library, "m-2015-06", 2)
    # Same passage, two tags.
    annotations.tag_span(*whole, "topic/terrorism")
    annotations.tag_span(*whole, "topic/sanctions")
    # An overlapping span (part of the answer) with a third tag.
    part = ("m-2015-06", answer.start, answer.start + 20, m.text)
    annotations.tag_span(*part, "frame/blame")
    # Elsewhere, terrorism again on its own.
    annotations.tag_span(*remark_passage(library, "m-2004-05", 0), "topic/terrorism")
    return whole, part


@async_test
async def test_cooccurrence_table_evidence_and_jump(fixed):
    library, annotations = fixed
    whole, _part = _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        table = screen.query_one("#pairs", DataTable)
        rows = [tuple(str(c).removeprefix("■ ") for c in table.get_row_at(i))
                for i in range(table.row_count)]
        assert sorted(rows) == [
            ("1", "frame/blame", "topic/sanctions"),
            ("1", "frame/blame", "topic/terrorism"),
            ("1", "topic/sanctions", "topic/terrorism"),
        ]
        # enter on a pair lists its passage pairs; enter on one jumps to both spans.
        index = rows.index(("1", "frame/blame", "topic/terrorism"))
        table.move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        passages = screen.query_one("#pair-passages", PassageList)
        assert [(i.meeting_id, i.start, i.end, i.extra) for i in passages.items] == [
            ("m-2015-06", whole[1], whole[2], "overlapping passages")
        ]
        assert screen.focused is passages
        await pilot.press("enter")
        await settle(pilot)
        assert app.host.jumps == [whole[:3]]


@async_test
async def test_cooccurrence_empty(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert screen.query_one("#pairs", DataTable).row_count == 0
        assert "No two tags" in str(screen.query_one("#pair-title").render())


@async_test
async def test_timeline_month_year_and_sources(fixed):
    library, annotations = fixed
    _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("2")
        await settle(pilot)
        # Meetings per month: 2004-05 … 2015-09 with the gaps filled; one undated.
        assert screen.period == "month"
        assert screen.series[0] == ("2004-05", 1)
        assert screen.series[-1] == ("2015-09", 1)
        assert dict(screen.series)["2015-06"] == 1
        assert dict(screen.series)["2010-01"] == 0
        assert screen.undated == 1
        assert "without a known year" in str(screen.query_one("#timeline-status").render())
        # p switches to years (from the timeline's controls too).
        await pilot.press("p")
        await settle(pilot)
        assert screen.period == "year"
        assert screen.series[0] == ("2004", 1)
        assert dict(screen.series)["2015"] == 2
        assert len(screen.series) == 12
        # A tag's passages per year.
        screen.query_one("#source", Select).value = "tag:topic/terrorism"
        await settle(pilot)
        assert [(p, n) for p, n in screen.series if n] == [("2004", 1), ("2015", 1)]
        # A search's hits per year (typing switches the source to search).
        screen.query_one("#timeline-query", Input).value = "sanctions"
        await settle(pilot)
        assert screen.query_one("#source", Select).value == "search"
        assert screen.series == [("2015", 4)]
        # In the query box p is a letter, not the month/year switch.
        screen.query_one("#timeline-query", Input).focus()
        await pilot.press("p")
        await settle(pilot)
        assert screen.query_one("#timeline-query", Input).value.endswith("p")
        assert screen.period == "year"


@async_test
async def test_timeline_of_a_saved_search(fixed):
    library, annotations = fixed
    annotations.save_search("kerry talks", "terrorism", {"participant": "Kerry"})
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen.query_one("#source", Select).value = "saved:kerry talks"
        await settle(pilot)
        assert screen.series == [("2015-06", 3)]
        assert "saved search kerry talks" in str(screen.query_one("#timeline-status").render())


@async_test
async def test_timeline_from_codebook_tag_and_from_search(fixed):
    from tui.screens.codebook import CodebookScreen
    from tui.screens.search import SearchScreen

    library, annotations = fixed
    _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("C")
        await settle(pilot)
        codebook = app.screen
        assert isinstance(codebook, CodebookScreen)
        codebook.reload(select="topic/terrorism")
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        assert screen.query_one("#source", Select).value == "tag:topic/terrorism"
        assert [(p, n) for p, n in screen.series if n] == [("2004-05", 1), ("2015-06", 1)]
        await pilot.press("escape")
        assert app.screen is codebook
        await pilot.press("escape", "slash", *"sanctions")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        assert screen.query_one("#timeline-query", Input).value == "sanctions"
        assert [(p, n) for p, n in screen.series if n] == [("2015-06", 2), ("2015-09", 2)]
