"""A list of passages across meetings (tag hits, bookmarks, search hits, remarks).

Each row shows where the passage is (date, meeting title, speaker) and the quoted text,
so a person can scan the evidence for a code without opening each meeting; ``enter``
posts :class:`PassageList.Chosen` and the screen jumps there. It is an ``OptionList``
(measured at ~0.5 s for 10k rows), and callers cap what they put in it: the last row then
says "showing N of M" rather than hiding that the list is incomplete. Every piece of
document text goes in as ``rich.text.Text``, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MAX_ROWS = 500
"""How many passages a list shows at most; the rest is counted, not rendered."""

PAGE = 25
"""How many rows are built at a time (more as the cursor or the scroll nears the end)."""

QUOTE_CHARS = 240
"""How much of a passage's text a row quotes before it is cut with an ellipsis."""


@dataclass(frozen=True, slots=True)
class PassageItem:
    """One passage as a list row: where it is and what it says."""

    meeting_id: str
    start: int
    end: int
    text: str
    date: str | None = None
    title: str = ""
    speaker: str | None = None
    kind: str | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    extra: str = ""
    orphaned: bool = False
    marks: tuple[str, ...] = ()
    colours: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def one_line(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` with its white space collapsed, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def render_item(item: PassageItem) -> Text:
    """The row for ``item``: where it is, its tags, the quote, and the note if any."""
    head = Text()
    head.append(item.date or "undated", style="bold")
    head.append("  ")
    head.append(one_line(item.title, 70) or "(untitled)", style="italic")
    if item.speaker:
        head.append("  ")
        head.append(item.speaker, style="bold")
    if item.kind:
        head.append(f" ({item.kind})", style="dim")
    if item.extra:
        head.append("  ")
        head.append(item.extra, style="dim")
    lines = [head]
    if item.tags:
        tags = Text("  ")
        for tag in item.tags:
            tags.append("■ ", style=item.colours.get(tag, ""))
            tags.append(tag)
            tags.append("  ")
        tags.rstrip()
        lines.append(tags)
    body = Text("  “")
    body.append(one_line(item.text))
    body.append("”")
    for pattern in item.marks:  # the search's words, so the eye finds why it matched
        body.highlight_regex(re.compile(pattern, re.IGNORECASE), style="bold underline")
    lines.append(body)
    if item.note:
        note = Text("  ✎ ", style="dim")
        note.append(one_line(item.note, 160), style="italic")
        lines.append(note)
    return Text("\n").join(lines)


class PassageList(OptionList):
    """Passages, one option each; ``enter`` chooses, j/k move like everywhere else."""

    HELP: ClassVar[str | None] = (
        "## Passages\n\nj/k or arrows move, enter shows the passage in context."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="passages.down"),
        Binding("k", "cursor_up", "Up", show=False, id="passages.up"),
        Binding("g", "first", "First", show=False, id="passages.first"),
        Binding("G", "last", "Last", show=False, id="passages.last"),
    ]

    DEFAULT_CSS = """
    PassageList > .option-list--option { padding: 0 1; }
    """

    class Chosen(Message):
        """A passage was chosen (enter or click)."""

        def __init__(self, passage_list: PassageList, item: PassageItem) -> None:
            super().__init__()
            self.passage_list = passage_list
            self.item = item

        @property
        def control(self) -> PassageList:
            return self.passage_list

    def __init__(self, *, empty: str = "Nothing to show.", **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._items: list[PassageItem] = []
        self._empty = empty
        self._total = 0
        self._rendered = 0
        self._note = False

    @property
    def items(self) -> list[PassageItem]:
        """The passages shown, in order."""
        return list(self._items)

    @property
    def highlighted_item(self) -> PassageItem | None:
        """The passage under the cursor, if any."""
        index = self.highlighted
        if index is None or index >= len(self._items):
            return None
        return self._items[index]

    def set_items(
        self, items: Sequence[PassageItem], total: int | None = None, *, empty: str | None = None
    ) -> None:
        """Show ``items`` (capped at :data:`MAX_ROWS`); ``total`` is how many there are.

        Only the first :data:`PAGE` rows are built now; the next page is added when the
        cursor or the scroll position comes near the end. Building an ``OptionList`` row
        costs about a millisecond on the UI thread, so 500 at once would freeze typing.
        """
        self._items = list(items[:MAX_ROWS])
        self._total = len(items) if total is None else total
        self._rendered = 0
        self._note = False
        if not self._items:
            self.set_options([Option(Text(empty or self._empty, style="dim"), disabled=True)])
            return
        self.clear_options()
        self._render_more()
        self.highlighted = 0

    @property
    def rendered(self) -> int:
        """How many rows are built so far (the rest are added on the way down)."""
        return self._rendered

    def _render_more(self, count: int = PAGE) -> None:
        start = self._rendered
        end = min(len(self._items), start + count)
        if start >= end:
            return
        if self._note:
            self.remove_option_at_index(self.option_count - 1)
            self._note = False
        options = [
            Option(render_item(item), id=f"p{start + i}")
            for i, item in enumerate(self._items[start:end])
        ]
        self._rendered = end
        shown = len(self._items)
        if end < shown:
            note = f"… {shown - end} more below" + (
                f" (showing {shown} of {self._total})" if self._total > shown else ""
            )
        elif self._total > shown:
            note = f"showing {shown} of {self._total}"
        else:
            note = ""
        if note:
            options.append(Option(Text(note, style="dim italic"), disabled=True))
            self._note = True
        self.add_options(options)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self._rendered - 5:
            self._render_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value >= self.max_scroll_y - 2 and self._rendered < len(self._items):
            self.call_later(self._render_more)

    def action_last(self) -> None:
        """To the last passage: build the remaining rows first."""
        self._render_more(len(self._items))
        super().action_last()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self._items):
            self.post_message(self.Chosen(self, self._items[index]))
