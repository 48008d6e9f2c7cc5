"""The coding keys on the host screen: tag picker, bookmark, note, undo and redo."""

from __future__ import annotations

from textual.widgets import Input, OptionList, TextArea

from tests.tui_coding.host import HostApp, async_test, remark_passage, settle
from tui.widgets.coding.note_editor import NoteEditor
from tui.widgets.coding.tag_picker import TagPicker

SIZE = (100, 32)


def _tags(annotations, passage):
    found = annotations.find_span(*passage[:3])
    return found.tags if found else ()


@async_test
async def test_tag_existing_new_several_and_remove(fixed):
    library, annotations = fixed
    annotations.create_tag("topic/terrorism")
    annotations.create_tag("topic/sanctions")
    passage = remark_passage(library, "m-2015-06", 0)
    app = HostApp(library, annotations, passage)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, TagPicker)
        # An existing tag, found by a word inside its path.
        await pilot.press(*"terr", "enter")
        assert _tags(annotations, passage) == ("topic/terrorism",)
        # A new tag: nothing matches, enter creates it.
        await pilot.press(*"frame/security", "enter")
        assert _tags(annotations, passage) == ("topic/terrorism", "frame/security")
        assert "frame/security" in {t.name for t in annotations.tags()}
        # A third one, chosen with the arrow keys among the matches.
        await pilot.press(*"topic")
        matches = app.screen.query_one("#matches", OptionList)
        # topic/terrorism is already on the passage; "topic" itself could be a new tag.
        assert [o.id for o in matches.options] == ["topic/sanctions", "\x00new"]
        await pilot.press("down")
        assert matches.highlighted_option.id == "\x00new"
        await pilot.press("up", "enter")
        assert set(_tags(annotations, passage)) == {
            "topic/terrorism", "frame/security", "topic/sanctions"
        }
        # The picker lists the current tags; remove one from there.
        current = app.screen.query_one("#current", OptionList)
        assert [o.id for o in current.options] == list(_tags(annotations, passage))
        await pilot.press("tab")
        assert app.screen.focused is current
        current.highlighted = [o.id for o in current.options].index("frame/security")
        await pilot.press("x")
        assert "frame/security" not in _tags(annotations, passage)
        # Letters typed into the query never remove tags.
        app.screen.query_one("#query", Input).focus()
        await pilot.press("x", "backspace")
        assert len(_tags(annotations, passage)) == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, TagPicker)
        assert app.host.refreshes >= 1


@async_test
async def test_tag_without_selection_says_so(fixed):
    library, annotations = fixed
    app = HostApp(library, annotations, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, TagPicker)
        assert any("Select a remark" in n.message for n in app._notifications)


@async_test
async def test_bookmark_toggle(fixed):
    library, annotations = fixed
    passage = remark_passage(library, "m-2015-06", 2)
    app = HostApp(library, annotations, passage)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert annotations.find_span(*passage[:3]).bookmark
        await pilot.press("b")
        found = annotations.find_span(*passage[:3])
        assert found is None or not found.bookmark
        assert app.host.refreshes == 2


@async_test
async def test_note_write_edit_cancel_and_clear(fixed):
    library, annotations = fixed
    passage = remark_passage(library, "m-2015-09", 0)
    app = HostApp(library, annotations, passage)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Key claim", "enter", *"[bold] not markup [/]")
        await pilot.press("ctrl+s")
        assert annotations.find_span(*passage[:3]).note == "Key claim\n[bold] not markup [/]"
        # Editing starts from the saved note; escape leaves it as it was.
        await pilot.press("n")
        assert app.screen.query_one(TextArea).text == "Key claim\n[bold] not markup [/]"
        await pilot.press(*" more", "escape")
        assert annotations.find_span(*passage[:3]).note == "Key claim\n[bold] not markup [/]"
        # An empty note removes it.
        await pilot.press("n")
        app.screen.query_one(TextArea).text = ""
        await pilot.press("ctrl+s")
        found = annotations.find_span(*passage[:3])
        assert found is None or found.note == ""


@async_test
async def test_undo_and_redo_say_what_they_did(fixed):
    library, annotations = fixed
    passage = remark_passage(library, "m-2015-06", 0)
    app = HostApp(library, annotations, passage)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert annotations.find_span(*passage[:3]).bookmark
        await pilot.press("u")
        found = annotations.find_span(*passage[:3])
        assert found is None or not found.bookmark
        assert any(n.message.startswith("Undone: ") and "ookmark" in n.message
                   for n in app._notifications)
        await pilot.press("ctrl+r")
        assert annotations.find_span(*passage[:3]).bookmark
        assert any(n.message.startswith("Redone: ") for n in app._notifications)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert any(n.message == "Nothing to redo." for n in app._notifications)
