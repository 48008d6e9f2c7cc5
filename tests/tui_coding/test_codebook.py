"""The codebook screen: tree, counts, passages, rename, merge, recolour, delete, jump."""

from __future__ import annotations

from textual.widgets import Input, Tree

from tests.tui_coding.host import HostApp, async_test, remark_passage, settle
from tui.screens.codebook import CodebookScreen, tag_tree
from tui.widgets.coding.colour_picker import ColourPicker
from tui.widgets.coding.confirm import ConfirmDialog
from tui.widgets.coding.passage_list import PassageList
from tui.widgets.coding.text_prompt import TextPrompt

SIZE = (110, 32)


def _code(library, annotations):
    """Three passages: two on terrorism (one also on sanctions), one on sanctions."""
    p1 = remark_passage(library, "m-2015-06", 0)
    p2 = remark_passage(library, "m-2015-06", 2)
    p3 = remark_passage(library, "m-2015-09", 2)
    annotations.tag_span(*p1, "topic/terrorism")
    annotations.tag_span(*p2, "topic/terrorism")
    annotations.tag_span(*p2, "topic/sanctions")
    annotations.tag_span(*p3, "topic/sanctions")
    annotations.update_tag("topic/terrorism", description="Violence against civilians [sic]")
    return p1, p2, p3


def _select(screen: CodebookScreen, name: str) -> None:
    tree = screen.query_one("#tags", Tree)
    node = next(n for n in _walk(tree.root) if n.data == name)
    tree.move_cursor(node)


def _walk(node):
    for child in node.children:
        yield child
        yield from _walk(child)


async def _open(pilot) -> CodebookScreen:
    await pilot.press("C")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CodebookScreen)
    return screen


def test_tag_tree_implies_parents():
    from store.models import Tag

    tree = tag_tree([Tag("topic/terrorism"), Tag("frame"), Tag("topic/a/b")])
    assert tree[""] == ["frame", "topic"]
    assert tree["topic"] == ["topic/a", "topic/terrorism"]
    assert tree["topic/a"] == ["topic/a/b"]


@async_test
async def test_tree_counts_passages_and_jump(fixed):
    library, annotations = fixed
    p1, p2, _ = _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        tree = screen.query_one("#tags", Tree)
        names = [n.data for n in _walk(tree.root)]
        assert names == ["topic", "topic/sanctions", "topic/terrorism"]
        # The implied parent lists the passages of everything under it.
        _select(screen, "topic")
        await settle(pilot)
        assert len(screen.query_one(PassageList).items) == 3
        _select(screen, "topic/terrorism")
        await settle(pilot)
        items = screen.query_one(PassageList).items
        assert [(i.meeting_id, i.start, i.end) for i in items] == [p1[:3], p2[:3]]
        assert items[0].speaker == "Sergey Lavrov"
        assert items[0].title == "Talks with John Kerry"
        label = next(n for n in _walk(tree.root) if n.data == "topic/terrorism").label
        assert "terrorism" in label.plain and "2" in label.plain and "[sic]" in label.plain
        # enter on the tag moves to its passages; j moves down; enter jumps.
        tree.focus()
        await pilot.press("enter")
        assert screen.focused is screen.query_one(PassageList)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen is app.host
        assert app.host.jumps == [p2[:3]]


@async_test
async def test_rename_merge_recolour(fixed):
    library, annotations = fixed
    _, p2, p3 = _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        _select(screen, "topic/sanctions")
        await pilot.press("r")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "topic/economy"
        await pilot.press("enter")
        await settle(pilot)
        assert "topic/economy" in {t.name for t in annotations.tags()}
        assert annotations.find_span(*p3[:3]).tags == ("topic/economy",)
        assert screen.selected_tag == "topic/economy"
        # Merge economy into terrorism: its passages get terrorism instead.
        await pilot.press("m")
        app.screen.query_one(Input).value = "topic/terrorism"
        await pilot.press("enter")
        await settle(pilot)
        assert "topic/economy" not in {t.name for t in annotations.tags()}
        assert annotations.find_span(*p3[:3]).tags == ("topic/terrorism",)
        assert annotations.find_span(*p2[:3]).tags == ("topic/terrorism",)
        assert screen.selected_tag == "topic/terrorism"
        # Recolour from the palette.
        before = {t.name: t.colour for t in annotations.tags()}["topic/terrorism"]
        await pilot.press("c")
        assert isinstance(app.screen, ColourPicker)
        await pilot.press("j", "enter")
        await settle(pilot)
        after = {t.name: t.colour for t in annotations.tags()}["topic/terrorism"]
        assert after != before and after.startswith("#")
        # Undo on the codebook screen takes the colour back and says so.
        await pilot.press("u")
        await settle(pilot)
        assert {t.name: t.colour for t in annotations.tags()}["topic/terrorism"] == before
        assert any(n.message.startswith("Undone") for n in app._notifications)


@async_test
async def test_delete_asks_with_count(fixed):
    library, annotations = fixed
    _, p2, _ = _code(library, annotations)
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        _select(screen, "topic/terrorism")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.query_one("#question").render()
        assert "on 2 passages" in str(question)
        await pilot.press("n")
        assert "topic/terrorism" in {t.name for t in annotations.tags()}
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        assert "topic/terrorism" not in {t.name for t in annotations.tags()}
        assert annotations.find_span(*p2[:3]).tags == ("topic/sanctions",)
        assert screen.selected_tag != "topic/terrorism"


@async_test
async def test_add_and_describe(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("a")
        app.screen.query_one(Input).value = "actor/state"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.selected_tag == "actor/state"
        await pilot.press("e")
        app.screen.query_one(Input).value = "A government acting [bold]"
        await pilot.press("enter")
        await settle(pilot)
        tag = {t.name: t for t in annotations.tags()}["actor/state"]
        assert tag.description == "A government acting [bold]"


@async_test
async def test_tag_names_are_not_markup(fixed):
    library, annotations = fixed
    passage = remark_passage(library, "m-2015-06", 0)
    app = HostApp(library, annotations, passage)
    async with app.run_test(size=SIZE) as pilot:
        # A tag name with markup in it: tagged, listed and renamed without being parsed.
        await pilot.press("t", *"odd/[bold]x[/]", "enter", "escape")
        assert annotations.find_span(*passage[:3]).tags == ("odd/[bold]x[/]",)
        screen = await _open(pilot)
        _select(screen, "odd/[bold]x[/]")
        await settle(pilot)
        await pilot.press("r")
        app.screen.query_one(Input).value = "odd/[/]y"
        await pilot.press("enter")
        await settle(pilot)
        assert annotations.find_span(*passage[:3]).tags == ("odd/[/]y",)
        assert any("[/]y" in n.message for n in app._notifications)
