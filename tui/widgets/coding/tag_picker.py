"""Tag a passage: search the codebook as you type, create a tag when nothing matches.

The picker stays open so a passage can get several tags in a row; the passage's current
tags are listed below the matches and one can be removed (tab to the list, then ``x`` or
``delete``). Every change goes straight to the annotation store, so each one is its own
undo step and nothing is lost if the picker is closed with ``escape``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.codebook import normalise_tag
from store.tinystore import StoreError
from tui.widgets.coding.passage_list import one_line

if TYPE_CHECKING:
    from store.models import Tag
    from tui.coding import Passage

NEW_TAG_ID = "\x00new"
"""Option id of the "create a new tag" row (no tag name can contain a NUL)."""


def rank_tags(tags: list[Tag], typed: str) -> list[Tag]:
    """Tags matching ``typed`` (case-insensitive), best first.

    An exact name comes first, then names where a path segment starts with the text
    (``terr`` finds ``topic/terrorism``), then names that merely contain it.
    """
    needle = typed.strip().casefold()
    if not needle:
        return sorted(tags, key=lambda t: t.name.casefold())
    ranked: list[tuple[int, str, Tag]] = []
    for tag in tags:
        name = tag.name.casefold()
        if name == needle:
            rank = 0
        elif name.startswith(needle):
            rank = 1
        elif any(seg.startswith(needle) for seg in name.split("/")):
            rank = 2
        elif needle in name:
            rank = 3
        else:
            continue
        ranked.append((rank, name, tag))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [tag for _, _, tag in ranked]


def tag_label(tag: Tag, count: int | None = None) -> Text:
    """A tag as a swatch, its name, and optionally how many passages carry it."""
    label = Text.assemble(("■ ", tag.colour), tag.name)
    if count is not None:
        label.append(f"  {count}", style="dim")
    if tag.description:
        label.append("  " + one_line(tag.description, 60), style="dim italic")
    return label


class TagPicker(ModalScreen[None]):
    """Add and remove tags on one passage."""

    HELP: ClassVar[str | None] = (
        "## Tag picker\n\nType to find a tag, enter adds it (or creates a new one), "
        "up/down choose, tab to the passage's tags, x or delete removes one, escape closes."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="tagpicker.close"),
        Binding("down", "move(1)", "Next match", show=False, id="tagpicker.down"),
        Binding("up", "move(-1)", "Previous match", show=False, id="tagpicker.up"),
        Binding("x,delete", "remove", "Remove tag", id="tagpicker.remove"),
    ]

    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 90%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    TagPicker #quote { height: auto; max-height: 3; color: $text-muted; }
    TagPicker #matches { height: auto; max-height: 12; }
    TagPicker #current { height: auto; max-height: 8; }
    TagPicker .heading { margin-top: 1; text-style: bold; }
    """

    def __init__(self, store: Any, passage: Passage) -> None:
        super().__init__()
        self._store = store
        self._passage = passage
        self._tags: list[Tag] = []
        self._counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        p = self._passage
        with Vertical():
            yield Static(
                Text("“" + one_line(p.meeting_text[p.start : p.end], 200) + "”"), id="quote"
            )
            yield Input(placeholder="type to find or create a tag", id="query")
            yield OptionList(id="matches", markup=False)
            yield Static("Tags on this passage", classes="heading")
            yield OptionList(id="current", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        # The matches follow the query box (up/down move them while typing), so tab
        # goes straight from the query to the passage's tags.
        self.query_one("#matches", OptionList).can_focus = False
        self._reload()
        self.query_one("#query", Input).focus()

    # -- state -------------------------------------------------------------------------

    def current_tags(self) -> tuple[str, ...]:
        """The tags the passage carries now, as stored."""
        p = self._passage
        annotation = self._store.find_span(p.meeting_id, p.start, p.end)
        return annotation.tags if annotation else ()

    def _reload(self) -> None:
        self._tags = list(self._store.tags())
        self._counts = dict(self._store.tag_counts())
        self._show_matches()
        self._show_current()

    def _show_matches(self) -> None:
        typed = self.query_one("#query", Input).value.strip()
        applied = set(self.current_tags())
        ranked = [t for t in rank_tags(self._tags, typed) if t.name not in applied]
        options = [Option(tag_label(t, self._counts.get(t.name, 0)), id=t.name) for t in ranked]
        exact = any(t.name.casefold() == typed.casefold() for t in self._tags)
        if typed and not exact:
            options.append(Option(Text.assemble("+ new tag ", (typed, "bold")), id=NEW_TAG_ID))
        matches = self.query_one("#matches", OptionList)
        matches.set_options(options)
        if options:
            matches.highlighted = 0

    def _show_current(self) -> None:
        by_name = {t.name: t for t in self._tags}
        current = self.query_one("#current", OptionList)
        names = self.current_tags()
        current.set_options(
            [Option(tag_label(by_name[n]) if n in by_name else Text(n), id=n) for n in names]
            or [Option(Text("none yet", style="dim"), disabled=True)]
        )
        if names:
            current.highlighted = 0

    # -- actions -----------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_matches()

    def action_move(self, step: int) -> None:
        focused = self.focused
        target = (
            focused if isinstance(focused, OptionList) else self.query_one("#matches", OptionList)
        )
        if step > 0:
            target.action_cursor_down()
        else:
            target.action_cursor_up()

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        matches = self.query_one("#matches", OptionList)
        option = matches.highlighted_option
        if option is None or option.id is None:
            if event.value.strip():
                self.notify("That tag is already on this passage.", timeout=2, markup=False)
            return
        self.apply(event.value.strip() if option.id == NEW_TAG_ID else option.id)

    @on(OptionList.OptionSelected, "#matches")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        typed = self.query_one("#query", Input).value.strip()
        if event.option_id is not None:
            self.apply(typed if event.option_id == NEW_TAG_ID else event.option_id)

    def apply(self, name: str) -> None:
        """Put tag ``name`` on the passage, creating it in the codebook if it is new."""
        p = self._passage
        try:
            # tag_span adds a new name to the codebook itself, as part of the same undo step.
            name = normalise_tag(name)
            self._store.tag_span(p.meeting_id, p.start, p.end, p.meeting_text, name)
        except (ValueError, StoreError) as error:  # a name with no text, a read-only store
            self.notify(str(error), severity="error", markup=False)
            return
        self.query_one("#query", Input).value = ""
        self._reload()
        self.notify(f"Tagged {name}.", timeout=2, markup=False)

    def action_remove(self) -> None:
        """Remove the highlighted tag of the passage's tags (when that list has focus)."""
        current = self.query_one("#current", OptionList)
        if self.focused is not current:
            if self.focused is self.query_one("#query", Input):
                # x and delete are ordinary keys while typing.
                return
            current.focus()
            return
        option = current.highlighted_option
        if option is None or option.id is None:
            return
        p = self._passage
        try:
            self._store.untag_span(p.meeting_id, p.start, p.end, option.id)
        except (ValueError, StoreError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._reload()
        self.notify(f"Removed {option.id}.", timeout=2, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
