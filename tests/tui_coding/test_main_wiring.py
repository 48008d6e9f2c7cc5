"""The coding keys on Parley's real main screen, wired through ``ReaderCoding``.

``class MainScreen(ReaderCoding, Screen[None])``: these tests drive the real app (tag and
bookmark the remark under the cursor, jump back to it from the codebook) and check that
the coding keys reach the screen from every pane and can be remapped by binding id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.library import Library
from tests.tui_coding.host import async_test, fixed_library, settle
from tui.app import ParleyApp
from tui.coding import ReaderCoding, paragraph_at
from tui.screens.codebook import CodebookScreen
from tui.screens.main import MainScreen
from tui.widgets.reader.transcript_view import TranscriptView


def test_paragraph_at():
    text = "One.\n\n  Two lines\nof it.  \n\nThree."
    assert text[slice(*paragraph_at(text, 8))] == "Two lines\nof it."
    assert text[slice(*paragraph_at(text, 0))] == "One."
    assert text[slice(*paragraph_at(text, len(text) - 1))] == "Three."
    assert paragraph_at("", 0) is None


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    library = fixed_library(tmp_path, monkeypatch)
    path = library.path
    library.close()
    return path


@async_test
async def test_tag_bookmark_and_jump_on_the_real_main_screen(library_dir):
    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen) and isinstance(main, ReaderCoding)
        await pilot.press("enter")  # open the highlighted meeting in the reader
        await settle(pilot)
        passage = main.current_passage()
        assert passage is not None
        mid, start, end, text = passage
        assert main.meeting is not None and mid == main.meeting.id
        assert text[start:end] == main.meeting.remarks[0].text
        await pilot.press("t", *"topic/iran", "enter", "escape")
        await pilot.press("b")
        await settle(pilot)
        store = app.annotations
        found = store.find_span(mid, start, end)
        assert found.tags == ("topic/iran",) and found.bookmark
        assert app.client.counts[mid] == (1, 1)
        # From the codebook, enter on the passage shows it selected in the transcript.
        await pilot.press("v")  # away from the remark, to check the jump moves back
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, CodebookScreen)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.screen is main
        selection = main.query_one(TranscriptView).selection
        assert selection is not None
        assert (selection.meeting_id, selection.start, selection.end) == (mid, start, end)
        # With a selection in the transcript, the selection is the passage.
        assert main.current_passage()[:3] == (mid, start, end)


def test_every_coding_binding_has_an_id_and_description():
    from textual.binding import Binding

    from tui.coding import coding_help_groups
    from tui.widgets.coding.colour_picker import ColourPicker
    from tui.widgets.coding.confirm import ConfirmDialog
    from tui.widgets.coding.passage_list import PassageList
    from tui.widgets.coding.text_prompt import TextPrompt

    classes = {c for _, _, bound in coding_help_groups() for c in bound}
    classes |= {ColourPicker, ConfirmDialog, PassageList, TextPrompt}
    for cls in classes:
        assert cls.HELP and cls.HELP.startswith("## "), cls
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding)
            assert binding.id and binding.description, (cls, binding)


@async_test
async def test_help_screen_lists_the_coding_keys(library_dir):
    from textual.widgets import Markdown, Static

    from tui.coding import coding_help_groups
    from tui.screens.help import HelpScreen

    app = ParleyApp(lambda: Library.open(library_dir), remember=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.push_screen(HelpScreen(coding_help_groups()))
        await settle(pilot)
        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "coding.tag" in shown and "codebook.merge" in shown
        headings = [m._markdown for m in app.screen.query(Markdown)]
        assert any(h.startswith("## Codebook") for h in headings)


@async_test
async def test_palette_opens_coding_screens_and_saved_searches(fixed):
    from textual.app import App

    from tests.tui_coding.host import HostApp
    from tui.coding import CodingCommands
    from tui.screens.search import SearchScreen

    library, annotations = fixed
    annotations.save_search("odd [/] name", "sanctions", {"kind": "answer"})

    class PaletteApp(HostApp):
        COMMANDS = App.COMMANDS | {CodingCommands}

    app = PaletteApp(library, annotations)
    async with app.run_test(size=(110, 32)) as pilot:
        app.action_command_palette()
        await settle(pilot)
        await pilot.press(*"codebook", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CodebookScreen)
        await pilot.press("escape")
        app.action_command_palette()
        await settle(pilot)
        await pilot.press(*"saved search odd", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.query_one("#query").value == "sanctions"
        assert screen.filters() == {"kind": "answer"}
        assert sorted(i.meeting_id for i in screen.query_one("#results").items) == [
            "m-2015-06", "m-2015-09"
        ]
