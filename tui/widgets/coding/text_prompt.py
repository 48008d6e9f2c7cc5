"""A one-line question with an input: a new tag name, a merge target, a search's name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static


class TextPrompt(ModalScreen[str | None]):
    """Ask for a line of text; ``enter`` answers it (trimmed), ``escape`` gives ``None``.

    ``suggestions`` complete as you type (right arrow accepts), e.g. existing tag names
    when choosing where to merge a tag.
    """

    HELP: ClassVar[str | None] = (
        "## Prompt\n\nType and press enter; right arrow accepts a suggestion; escape cancels."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical {
        width: 70; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    TextPrompt #question { margin-bottom: 1; }
    """

    def __init__(
        self, question: str | Text, value: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self._question = question if isinstance(question, Text) else Text(question)
        self._value = value
        self._suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question, id="question")
            suggester = (
                SuggestFromList(self._suggestions, case_sensitive=False)
                if self._suggestions
                else None
            )
            yield Input(self._value, suggester=suggester, id="answer")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        if answer:
            self.dismiss(answer)
        else:
            self.notify(
                "Type something, or press escape to cancel.", severity="warning", markup=False
            )

    def action_cancel(self) -> None:
        self.dismiss(None)
