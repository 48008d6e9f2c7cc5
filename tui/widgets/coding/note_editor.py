"""Write or edit the note on a passage, in a modal multi-line editor.

``ctrl+s`` saves (an empty note removes it), ``escape`` leaves without saving. The passage
is quoted above the editor so the note is written while looking at what it is about.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from tui.widgets.coding.passage_list import one_line


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note text on save, ``None`` on cancel."""

    HELP: ClassVar[str | None] = (
        "## Note\n\nType freely; ctrl+s saves, escape cancels (an empty note is removed)."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 90%; max-width: 100; height: 80%; max-height: 30; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    NoteEditor #quote { height: auto; max-height: 4; color: $text-muted; margin-bottom: 1; }
    NoteEditor TextArea { height: 1fr; }
    """

    def __init__(self, note: str = "", *, quote: str = "") -> None:
        super().__init__()
        self._note = note
        self._quote = quote

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("“" + one_line(self._quote, 300) + "”"), id="quote")
            yield TextArea(self._note, id="note", soft_wrap=True, show_line_numbers=False)
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
