"""Turn one line of Rich ``Text`` into a ``Strip`` of exactly the widget's width.

The Line-API views build each visible line as ``Text`` (document text goes in as plain
strings, never markup) and need it cut or padded to the pane width with the line's
background, which is what this does.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


def text_strip(console: Console, text: Text, width: int, style: Style) -> Strip:
    """``text`` rendered on ``style``, cropped or padded to ``width`` cells."""
    if isinstance(text.style, Style):
        style = style + text.style  # Text.render leaves the base style to its caller
    segments = list(text.render(console, end=""))
    strip = Strip(segments).crop(0, width)
    if strip.cell_length < width:
        strip = Strip([*strip, Segment(" " * (width - strip.cell_length), style)])
    return strip.apply_style(style)
