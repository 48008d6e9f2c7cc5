"""The quiet scrollbar: repaints when its thumb, size or look changes, and only then."""

from __future__ import annotations

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

from tests.tui.conftest import run_async
from tui.widgets.scrollbar import QuietScrollbars, ThumbScrollBar, thumb_eighths


class Long(QuietScrollbars, ScrollView):
    """A Line-API view of ``lines`` numbered lines."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.virtual_size = Size(20, lines)

    def render_line(self, y: int) -> Strip:
        return Strip([Segment(str(int(self.scroll_offset.y) + y))])


class LongApp(App[None]):
    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield Long(self.lines)


def _thumb_from_render_bar(size: int, virtual: int, window: int, position: float) -> list[int]:
    """Cells that ``ScrollBarRender`` draws as (part of) the thumb."""
    bar = ScrollBarRender.render_bar(size, virtual, window, position)
    return [i for i, seg in enumerate(bar.segments) if seg.style and seg.style.meta == {
        "@mouse.down": "grab"}]


def test_same_eighths_mean_the_same_bar() -> None:
    """Positions Textual draws identically get the same key; others get another one."""
    drawn: dict[tuple[int, int] | None, list[int]] = {}
    for position in range(0, 99_960, 7):
        key = thumb_eighths(38, 100_000, 38, position)
        cells = _thumb_from_render_bar(38, 100_000, 38, position)
        assert drawn.setdefault(key, cells) == cells
    assert len(drawn) > 30  # the thumb does travel down the bar
    assert thumb_eighths(38, 20, 38, 0) is None  # everything fits: no thumb


@run_async
async def test_scrolling_repaints_the_bar_only_when_the_thumb_moves() -> None:
    app = LongApp(100_000)
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(Long)
        bar = view.vertical_scrollbar
        assert isinstance(bar, ThumbScrollBar)
        await pilot.pause()
        renders = 0
        original = bar.render

        def counting_render():  # type: ignore[no-untyped-def]
            nonlocal renders
            renders += 1
            return original()

        bar.render = counting_render  # type: ignore[method-assign]
        for y in range(1, 40):  # 39 lines of a 100,000-line list: the thumb stays put
            view.scroll_to(y=y, animate=False)
            await pilot.pause()
        assert renders == 0
        view.scroll_to(y=60_000, animate=False)
        await pilot.pause()
        assert renders == 1
        assert thumb_eighths(bar.size.height, 100_000, bar.window_size, bar.position) == \
            bar._drawn[1]  # what it drew is where the thumb now is


@run_async
async def test_a_new_scrollable_size_lays_out_the_screen_only_when_the_bar_comes_or_goes(
) -> None:
    app = LongApp(1_000)
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(Long)
        await pilot.pause()
        view.scroll_to(y=900, animate=False)
        await pilot.pause()
        layouts = 0
        original = app.screen._refresh_layout

        def counting_layout(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal layouts
            layouts += 1
            return original(*args, **kwargs)

        app.screen._refresh_layout = counting_layout  # type: ignore[method-assign]
        view.set_virtual_size(Size(20, 500))  # another meeting, still longer than the view
        await pilot.pause()
        assert layouts == 0
        assert view.scroll_offset.y == view.max_scroll_y == 500 - view.size.height
        bar = view.vertical_scrollbar
        assert bar.window_virtual_size == 500  # the thumb knows the new length
        assert view.show_vertical_scrollbar

        view.set_virtual_size(Size(20, 5))  # fits: the bar goes, the screen is laid out
        await pilot.pause()
        assert layouts == 1
        assert not view.show_vertical_scrollbar
        assert view.scroll_offset.y == 0


class Kept(Long):
    DEFAULT_CSS = """
    Kept { overflow-y: scroll; background: #203040; }
    Kept.other { background: #402030; }
    """


class KeptApp(App[None]):
    def __init__(self, lines: int) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield Kept(self.lines)


@run_async
async def test_a_kept_bar_with_nothing_to_scroll_is_drawn_in_its_panes_colour() -> None:
    for lines, empty in ((5, True), (500, False)):
        app = KeptApp(lines)
        async with app.run_test(size=(40, 20)) as pilot:
            await pilot.pause()
            view = app.query_one(Kept)
            bar = view.vertical_scrollbar
            assert view.show_vertical_scrollbar  # overflow-y: scroll keeps it
            strips = bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))
            backgrounds = {seg.style.bgcolor for strip in strips for seg in strip if seg.style}
            pane = view.background_colors[1].rich_color
            if empty:
                assert backgrounds == {pane}  # an empty gutter, not a dark stripe
            else:
                assert pane not in backgrounds  # a real track, with its thumb


@run_async
async def test_the_bar_follows_its_panes_new_colours() -> None:
    """The pane's colours are kept between repaints; a change of style must reach them."""
    app = KeptApp(5)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(Kept)
        bar = view.vertical_scrollbar
        before = view.background_colors[1].rich_color
        view.add_class("other")  # as a theme or a focus change would restyle it
        await pilot.pause()
        after = view.background_colors[1].rich_color
        assert after != before
        strips = bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))
        assert {seg.style.bgcolor for strip in strips for seg in strip if seg.style} == {after}
