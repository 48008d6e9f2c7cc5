"""The session's undo/redo stack for coding actions.

Every coding action (tag, untag, bookmark, note, delete, codebook edits) is recorded
as a ``Command``: the state of each annotation and tag it touched *before* and *after*.
Undo writes the before-states back, redo the after-states; the inverse of any action,
however many passages a tag rename touched, is therefore exact and needs no per-action
inverse code. The store checks each item still has its after-state first, so undo never
overwrites a change made since (by this session or by another running Parley).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.models import Annotation, Tag

UNDO_DEPTH = 500
"""Commands kept; the oldest fall off, as in an editor."""


@dataclass(frozen=True, slots=True)
class Command:
    """One user action: what it said and what it changed (``None`` = did not exist)."""

    description: str
    annotations: tuple[tuple[Annotation | None, Annotation | None], ...] = ()
    tags: tuple[tuple[Tag | None, Tag | None], ...] = ()

    def inverse(self) -> Command:
        """The command that puts every before-state back."""
        return Command(
            self.description,
            tuple((after, before) for before, after in self.annotations),
            tuple((after, before) for before, after in self.tags),
        )

    @property
    def empty(self) -> bool:
        return not self.annotations and not self.tags


@dataclass(slots=True)
class UndoStack:
    """Undo and redo lists; a new command clears redo, as everywhere else."""

    depth: int = UNDO_DEPTH
    done: list[Command] = field(default_factory=list)
    undone: list[Command] = field(default_factory=list)

    def push(self, command: Command) -> None:
        if command.empty:
            return
        self.done.append(command)
        del self.done[: -self.depth]
        self.undone.clear()

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()
