"""A stable colour for each speaker, the same in every pane and every session.

The colour comes from a hash of the speaker's name (not from the order speakers appear),
so Lavrov is the same colour in the remarks list, the transcript gutter and next week's
session. The palette is mid-tone so it reads on dark and light themes alike.
"""

from __future__ import annotations

import zlib

from rich.style import Style

PALETTE: tuple[str, ...] = (
    "#e06c75",  # rose
    "#61afef",  # blue
    "#98c379",  # green
    "#d19a66",  # orange
    "#c678dd",  # violet
    "#56b6c2",  # cyan
    "#e5c07b",  # amber
    "#ff79c6",  # pink
    "#8be9fd",  # sky
    "#a3be8c",  # sage
    "#f78c6c",  # coral
    "#82aaff",  # periwinkle
)
UNKNOWN_SPEAKER = "#8a8a8a"


def speaker_colour(name: str | None) -> str:
    """The hex colour for ``name``; grey for an unnamed voice."""
    if not name:
        return UNKNOWN_SPEAKER
    key = name.casefold().strip().encode("utf-8")
    return PALETTE[zlib.crc32(key) % len(PALETTE)]


def speaker_style(name: str | None, *, bold: bool = True) -> Style:
    """A Rich style in the speaker's colour."""
    return Style(color=speaker_colour(name), bold=bold)
