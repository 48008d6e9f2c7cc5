"""Turn one line of Rich ``Text`` into a ``Strip`` of exactly the widget's width.

The Line-API views build each visible line as ``Text`` (document text goes in as plain
strings, never markup) and need it cut or padded to the pane width with the line's
background, which is what this does.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Self

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip


def text_strip(console: Console, text: Text, width: int, style: Style) -> Strip:
    """``text`` rendered on ``style``, cropped or padded to ``width`` cells.

    Cut, padded and styled as segments and made into one ``Strip`` at the end: each
    ``Strip`` carries seven caches of its own, and building a line through
    ``crop``/``apply_style`` made four of them per line drawn.
    """
    if isinstance(text.style, Style):
        style = style + text.style  # Text.render leaves the base style to its caller
    segments = Segment.adjust_line_length(list(text.render(console, end="")), width, style)
    return Strip(Segment.apply_style(segments, style), width)


class LineCache:
    """Rendered lines (``Strip``s) of a Line-API view, kept from one paint to the next.

    Building a line (Rich ``Text`` → segments → cropped, padded and styled ``Strip``) is
    most of what a paint costs, and a cursor move or a scroll shows almost the same lines
    again, so a view keeps them here (like Textual's ``Log`` line cache) under a key that
    holds everything the line's look depends on: which line, the width, whether the cursor
    or selection is on it. What the key cannot see — the widget's styles (theme, focus) —
    is checked once per paint by :meth:`begin_paint`, which empties the cache when they
    changed. The view empties it itself when its data changes.
    """

    def __init__(self, maxsize: int = 1024) -> None:
        self._lines: LRUCache[Hashable, Strip] = LRUCache(maxsize)
        self._styles: object = None

    def begin_paint(self, styles: object) -> None:
        """Start a paint drawn with ``styles``; lines drawn with other styles are dropped."""
        if styles != self._styles:
            self._lines.clear()
            self._styles = styles

    def get(self, key: Hashable) -> Strip | None:
        """The line kept under ``key``, if any."""
        return self._lines.get(key)

    def put(self, key: Hashable, strip: Strip) -> Strip:
        """Keep ``strip`` under ``key`` and hand it back."""
        self._lines[key] = strip
        return strip

    def clear(self) -> None:
        """Forget every line (the data, size or look changed)."""
        self._lines.clear()
        self._styles = None


class CachedLines:
    """Mixin for a Line-API ``ScrollView`` that keeps its drawn lines in a :class:`LineCache`.

    Put it before ``ScrollView`` in the bases. The view sets ``self._line_cache`` in its
    ``__init__`` and gives :meth:`_paint_styles` (its component styles, looked up once per
    paint); :meth:`render_line` reads them from ``self._styles``. A refresh of the whole
    view may mean anything changed, so it draws every line anew; a refresh of some
    regions (a scroll, a cursor move) reuses the kept lines.
    """

    _line_cache: LineCache
    _styles: Any = None

    def _paint_styles(self) -> Any:
        raise NotImplementedError

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        cache = getattr(self, "_line_cache", None)
        if cache is not None and not regions and repaint:
            cache.clear()
        return super().refresh(  # type: ignore[misc]
            *regions, repaint=repaint, layout=layout, recompose=recompose
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = self._paint_styles()
        self._line_cache.begin_paint(self._styles)
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._styles = None
