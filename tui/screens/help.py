"""The help screen: every key, grouped by pane, with each pane's own help text.

Generated from the widgets' ``BINDINGS`` with the user's keymap applied, so it always
says what the keys really are, and it shows each binding's id, which is what the
``[keymap]`` table in ``config.toml`` uses to change a key.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from tui.settings import settings_path


class HelpScreen(ModalScreen[None]):
    """A scrollable list of every key Parley knows, by pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("down,j", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("up,k", "scroll(-1)", "Up", show=False, id="help.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="help.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="help.page_up"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%;
            max-width: 110;
            height: 90%;
            border: round $accent;
            border-title-color: $text;
            background: $surface;
            padding: 0 2;
        }
        & Markdown { margin: 0; padding: 0; background: $surface; }
        & .keys { margin: 0 0 1 0; }
    }
    """

    def __init__(self, groups: list[tuple[str, type[DOMNode] | None, list[type[DOMNode]]]]) -> None:
        """``groups``: (title, class whose HELP to show, classes whose BINDINGS to list)."""
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Parley keys"
            scroll.border_subtitle = "escape closes"
            for title, helped, bound in self.groups:
                help_text = getattr(helped, "HELP", None) if helped else None
                yield Markdown(help_text or f"## {title}")
                yield Static(self._keys_table(bound), classes="keys")
            yield Static(
                Text(
                    f"Change a key in {settings_path()}, e.g.\n"
                    '[keymap]\n"meetings.sort" = "o"\n'
                    "Themes: ctrl+p → Change theme (remembered there too).",
                    style="dim",
                ),
                classes="keys",
            )

    def _keys_table(self, classes: list[type[DOMNode]]) -> Text:
        keymap = getattr(self.app, "_keymap", {})
        rows: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for cls in classes:
            bindings = BindingsMap(cls.BINDINGS)
            if keymap:
                bindings.apply_keymap(keymap)
            by_action: dict[tuple[str, str], list[Binding]] = {}
            for binding in (b for group in bindings.key_to_bindings.values() for b in group):
                by_action.setdefault((binding.action, binding.description), []).append(binding)
            for (action, description), group in by_action.items():
                key_id = group[0].id or action
                if key_id in seen:
                    continue
                seen.add(key_id)
                keys = " ".join(self.app.get_key_display(b) for b in group)
                rows.append((keys, description or action, group[0].id or ""))
        text = Text()
        key_style = Style(bold=True, color="cyan")
        width = max((len(keys) for keys, _, _ in rows), default=4)
        described = max((len(description) for _, description, _ in rows), default=4)
        for keys, description, binding_id in rows:
            text.append(f"  {keys:<{width}}  ", key_style)
            text.append(f"{description:<{described}}")
            if binding_id:
                text.append(f"   {binding_id}", Style(dim=True))
            text.append("\n")
        text.rstrip()
        return text

    def action_scroll(self, step: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_relative(y=step * max(1, scroll.size.height - 2), animate=False)
