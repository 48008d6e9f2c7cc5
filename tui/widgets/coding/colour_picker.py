"""Pick a tag colour from the codebook palette (readable on dark and light terminals)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.codebook import PALETTE


class ColourPicker(ModalScreen[str | None]):
    """A list of colour swatches; ``enter`` picks one, ``escape`` keeps the old colour."""

    HELP: ClassVar[str | None] = "## Colours\n\nKeys: j/k move, enter picks, escape cancels."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="colour.cancel"),
        Binding("j", "move(1)", "Down", show=False, id="colour.down"),
        Binding("k", "move(-1)", "Up", show=False, id="colour.up"),
    ]

    DEFAULT_CSS = """
    ColourPicker { align: center middle; }
    ColourPicker > Vertical {
        width: 40; height: auto; max-height: 90%; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    ColourPicker OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, tag: str, current: str | None = None, palette: Sequence[str] = PALETTE):
        super().__init__()
        self._tag = tag
        self._current = (current or "").lower()
        self._palette = list(palette)
        if self._current and self._current not in self._palette:
            self._palette.insert(0, self._current)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text.assemble("Colour for ", (self._tag, "bold")))
            options = []
            for colour in self._palette:
                label = Text.assemble(("██████ ", colour), colour)
                if colour == self._current:
                    label.append("  (current)", style="dim")
                options.append(Option(label, id=colour))
            yield OptionList(*options, id="colours")

    def on_mount(self) -> None:
        colours = self.query_one(OptionList)
        colours.focus()
        if self._current in self._palette:
            colours.highlighted = self._palette.index(self._current)

    def action_move(self, step: int) -> None:
        colours = self.query_one(OptionList)
        if step > 0:
            colours.action_cursor_down()
        else:
            colours.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
