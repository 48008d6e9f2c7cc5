"""A stable colour for each speaker, the same in every pane and every session.

The colour comes from a hash of the speaker's name (not from the order speakers appear),
so Lavrov is the same colour in the remarks list, the transcript gutter and next week's
session. The palette is 24 hues at one mid lightness, so it reads on dark and light themes alike
and two speakers of one meeting rarely share a colour.
"""

from __future__ import annotations

import colorsys
import zlib
from functools import lru_cache

from rich.style import Style


def _hue_palette(
    steps: int = 24, lightness: float = 0.68, saturation: float = 0.65
) -> tuple[str, ...]:
    """``steps`` hues evenly round the colour wheel, all at one mid lightness."""
    colours = []
    for step in range(steps):
        red, green, blue = colorsys.hls_to_rgb(step / steps, lightness, saturation)
        colours.append(f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}")
    return tuple(colours)


PALETTE: tuple[str, ...] = _hue_palette()
UNKNOWN_SPEAKER = "#8a8a8a"


@lru_cache(maxsize=4096)
def speaker_colour(name: str | None) -> str:
    """The hex colour for ``name``; grey for an unnamed voice."""
    if not name:
        return UNKNOWN_SPEAKER
    key = name.casefold().strip().encode("utf-8")
    return PALETTE[zlib.crc32(key) % len(PALETTE)]


# Kept (styles never change once made): the panes ask for them on every line they draw.
@lru_cache(maxsize=4096)
def speaker_style(name: str | None, *, bold: bool = True) -> Style:
    """A Rich style in the speaker's colour."""
    return Style(color=speaker_colour(name), bold=bold)


@lru_cache(maxsize=4096)
def speaker_colour_style(name: str | None) -> Style:
    """Only the speaker's colour, for marks beside their words and names among others."""
    return Style(color=speaker_colour(name))
