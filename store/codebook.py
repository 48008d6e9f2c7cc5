"""Rules for tag names and colours in the codebook, independent of storage.

Tag names are hierarchical paths (``topic/terrorism``): renaming or deleting ``topic``
also renames or deletes everything under it, which is how qualitative-coding tools
treat a code tree. Names are normalised once, here, so ``" Topic / terrorism "`` and
``"Topic/terrorism"`` are the same code everywhere. A new tag gets a deterministic
colour from a palette (by a hash of its name), so the same codebook looks the same on
every machine and in every export without anyone choosing colours.
"""

from __future__ import annotations

import re
import zlib

PALETTE: tuple[str, ...] = (
    "#5f87d7",
    "#d75f5f",
    "#5faf5f",
    "#d7af5f",
    "#af5fd7",
    "#5fafaf",
    "#d7875f",
    "#87afd7",
    "#afd75f",
    "#d75faf",
    "#8787af",
    "#5fd7af",
)
"""Colours readable on both dark and light terminals, handed out by hash of the name."""

_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


def normalise_tag(name: str) -> str:
    """The canonical form of a tag name: trimmed path segments joined by ``/``.

    Raises ``ValueError`` with one sentence for a name with no text in it.
    """
    parts = [" ".join(part.split()) for part in str(name).split("/")]
    parts = [p for p in parts if p]
    if not parts:
        raise ValueError(f"A tag needs a name; {name!r} has none.")
    return "/".join(parts)


def default_colour(name: str) -> str:
    """A stable palette colour for ``name`` (same name, same colour, everywhere)."""
    return PALETTE[zlib.crc32(name.encode("utf-8")) % len(PALETTE)]


def check_colour(colour: str) -> str:
    """``colour`` as lower-case ``#rrggbb``; ``ValueError`` with one sentence otherwise."""
    if not isinstance(colour, str) or not _COLOUR_RE.match(colour.strip()):
        raise ValueError(f"A tag colour must look like #rrggbb; {colour!r} does not.")
    return colour.strip().lower()


def is_within(name: str, root: str) -> bool:
    """Whether ``name`` is ``root`` itself or a tag below it in the hierarchy."""
    return name == root or name.startswith(root + "/")


def moved_name(name: str, old: str, new: str) -> str | None:
    """``name`` after moving the subtree ``old`` to ``new``; ``None`` if not in it."""
    if name == old:
        return new
    if name.startswith(old + "/"):
        return new + name[len(old) :]
    return None
