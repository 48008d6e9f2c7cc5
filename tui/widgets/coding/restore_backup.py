"""The question asked when an annotations file is damaged: restore its newest backup?

The store never writes over a damaged file and will not open while one is damaged, so
coding stops until something is decided. This dialog says in one sentence which file it
is and offers the newest usable backup by name and age; the answer is ``"restore"``,
``"read-only"`` (go on reading the library without coding) or ``None`` (cancel).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

RESTORE = "restore"
READ_ONLY = "read-only"


def age(path: Path, now: float | None = None) -> str:
    """How long ago ``path`` was written, in words ("4 minutes ago"); "" if unknown."""
    try:
        seconds = max(0.0, (time.time() if now is None else now) - path.stat().st_mtime)
    except OSError:
        return ""
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def backup_name(backup: Path, damaged: Path) -> str:
    """The backup as the user can find it: relative to the annotations folder if inside."""
    for parent in damaged.parents:
        if parent.name == "annotations" and backup.is_relative_to(parent):
            return str(backup.relative_to(parent))
    return backup.name


class RestoreBackupDialog(ModalScreen[str | None]):
    """Offer the newest backup of a damaged file; dismiss with the choice."""

    HELP: ClassVar[str | None] = (
        "## Damaged annotations\n\nKeys: r restores the newest backup (the damaged file is "
        "kept in annotations/damaged), o goes on reading without coding, escape cancels."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", "Restore", id="restore.restore"),
        Binding("o", "choose('read-only')", "Read-only", id="restore.read_only"),
        Binding("escape", "choose('')", "Cancel", id="restore.cancel"),
    ]

    DEFAULT_CSS = """
    RestoreBackupDialog { align: center middle; }
    RestoreBackupDialog > Vertical {
        width: 80; height: auto; padding: 1 2; border: thick $error; background: $surface;
    }
    RestoreBackupDialog #restore-question { margin-bottom: 1; }
    RestoreBackupDialog Button { width: 100%; margin-top: 1; }
    """

    def __init__(self, damaged: Path, backup: Path) -> None:
        super().__init__()
        self.damaged = damaged
        self.backup = backup

    def compose(self) -> ComposeResult:
        when = age(self.backup)
        label = backup_name(self.backup, self.damaged) + (f", {when}" if when else "")
        with Vertical():
            yield Static(
                Text(f"The annotations file {self.damaged} is damaged, so coding cannot "
                     "open until it is replaced or set aside."),
                id="restore-question",
            )
            # Button labels are parsed as markup; a path is data.
            yield Button(Text(f"Restore the newest backup ({label})"), id="restore",
                         variant="warning")
            yield Button(Text("Open read-only without coding"), id="read-only")
            yield Button(Text("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in (RESTORE, READ_ONLY) else None)
