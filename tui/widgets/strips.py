"""Turn one line of Rich ``Text`` into a ``Strip`` of exactly the widget's width.

The Line-API views build each visible line as ``Text`` (document text goes in as plain
strings, never markup) and need it cut or padded to the pane width with the line's
background, which is what this does.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any, Self

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._border import get_box
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style as TextualStyle


def text_strip(console: Console, text: Text, width: int, style: Style) -> Strip:
    """``text`` rendered on ``style``, cropped or padded to ``width`` cells.

    Cut, padded and styled as segments and made into one ``Strip`` at the end: each
    ``Strip`` carries seven caches of its own, and building a line through
    ``crop``/``apply_style`` made four of them per line drawn.
    """
    if text.style:  # Text.render leaves the text's own style to its caller
        own = text.style
        style = style + (own if isinstance(own, Style) else console.get_style(own))
    return fitted_strip(list(text.render(console, end="")), width, style)


def fitted_strip(segments: list[Segment], width: int, style: Style) -> Strip:
    """``segments`` cropped or padded to ``width`` cells, on ``style``, as one ``Strip``."""
    segments = Segment.adjust_line_length(segments, width, style)
    return Strip(Segment.apply_style(segments, style), width)


class FramedStrip(Strip):
    """A finished line of a view, as handed to Textual's compositor.

    The compositor divides every line it is given at the screen's cuts, and
    ``Strip.divide`` keeps its answer in the line's own cache. For a line that no cut
    crosses the answer is the line itself, so the line came to refer to itself and only
    the cycle collector could free it, with its seven caches. This division gives the
    same answer without keeping it. (Textual's own lines still do: ``tui.gc_pacer``
    keeps the collections they need out of the keys; ``tests/bench/key_garbage.py
    --garbage`` counts what is left.)
    """

    __slots__ = ()

    def divide(self, cuts: Iterable[int]) -> Sequence[Strip]:
        length = self.cell_length
        cuts = [cut for cut in cuts if cut <= length]
        if cuts == [length]:
            return [self]
        return super().divide(cuts)


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
    ``__init__`` and gives :meth:`_paint_styles` (its component styles); its
    :meth:`render_line` asks :meth:`_paint` for them, the content width and the top line,
    which are worked out once per paint rather than once per line (each is a walk over
    the widget's styles or its ancestors). The styles are kept from one paint to the next
    until Textual says they changed (``notify_style_update``, which it calls for a theme,
    a focus or any other change of the rules that apply). A refresh of the whole view may
    mean anything changed, so it draws every line anew; a refresh of some regions (a
    scroll, a cursor move) reuses the kept lines.
    """

    _line_cache: LineCache
    _kept_styles: Any = None  # the last _paint_styles(), until the styles change
    _painting: tuple[Any, int, int] | None = None  # (styles, width, top) during a paint
    _kept_frame: tuple[Any, Any] | None = None  # (size and styles key, _frame_parts())
    _frame: Any = None  # what the framed lines below were framed with
    _framed: dict[int, tuple[Strip, Strip]]  # id(content line) -> (it, framed), set with _frame
    _edges: dict[int, tuple[Any, Strip]]  # top or bottom row -> (its title, the row), ditto

    def _paint_styles(self) -> Any:
        raise NotImplementedError

    def _paint(self) -> tuple[Any, int, int]:
        """(styles, content width, first line shown) of the paint under way.

        Outside a paint (a test drawing one line) they are worked out on the spot.
        """
        painting = self._painting
        if painting is not None:
            return painting
        widget: Any = self
        styles = self._kept_styles
        if styles is None:
            styles = self._kept_styles = self._paint_styles()
        return styles, widget.scrollable_content_region.width, int(widget.scroll_offset.y)

    def notify_style_update(self) -> None:
        self._kept_styles = None
        self._kept_frame = None
        super().notify_style_update()  # type: ignore[misc]
        self.refresh()  # every line, in the new look

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
        self._painting = painting = self._paint()
        self._line_cache.begin_paint(painting[0])
        try:
            lines = self._framed_lines(crop)
            if lines is None:
                lines = super().render_lines(crop)  # type: ignore[misc]
            return lines
        finally:
            self._painting = None

    def _frame_parts(self) -> tuple[Any, ...] | None:
        """The left and right edge cells and the background inside the border, or
        ``None`` when the styles use anything :meth:`_framed_lines` does not draw
        (padding, outline, tint, opacity, hatching): then Textual frames everything.

        Worked out from the styles (the background from every ancestor's), so kept until
        they change (Textual's restyle, or a style of this view set in code) or the view
        is resized.
        """
        widget: Any = self
        size = (widget.region.size, widget.content_region.width)
        key = (size, widget.styles._cache_key)
        kept = self._kept_frame
        if kept is not None and kept[0] == key:
            return kept[1]
        styles = widget.styles
        border = styles.border
        parts: tuple[Any, ...] | None = None
        if not (
            widget.opacity != 1.0
            or styles.text_opacity != 1.0
            or styles.tint.a
            or any(styles.padding)
            or any(edge for edge, _ in styles.outline)
            or not all(edge for edge, _ in border)
            or styles.has_rule("hatch")
        ):
            base_background, background = widget.background_colors
            inner = TextualStyle(background=base_background + background)
            outer = TextualStyle(background=base_background)
            (_, _), (right_edge, right_colour), (_, _), (left_edge, left_colour) = border
            left_style = TextualStyle(foreground=base_background + left_colour)
            right_style = TextualStyle(foreground=base_background + right_colour)
            left = get_box(left_edge, inner, outer, left_style)[1][0]
            right = get_box(right_edge, inner, outer, right_style)[1][2]
            parts = (left, right, inner.rich_style, background, *size)
        self._kept_frame = (key, parts)
        return parts

    def _framed_lines(self, crop: Region) -> list[Strip] | None:
        """The view's lines inside its border, framed here rather than by Textual.

        Textual's ``StylesCache`` frames every content line anew whenever it changes,
        working out the border's styles, glyphs and effects for each one: about 0.05 ms a
        line, and a meetings-pane key changes some 75 lines (the list scrolls, the remarks
        pane shows another meeting). Here the two edge cells are worked out once for the
        styles (:meth:`_frame_parts`), the same way, and each framed line is kept while
        its content line is the same object (about the last paint's lines). The top and
        bottom border rows (title, subtitle) are Textual's, kept while their title and
        the frame stay the same. ``None`` when Textual is to frame everything.
        """
        widget: Any = self
        parts = self._frame_parts()
        if parts is None or (widget.auto_links and widget.hover_style._link_id):
            return None
        left, right, inner_style, background, _, content_width = parts
        width, height = widget.region.size
        filters = tuple(widget.get_line_filters())  # they change without a restyle
        frame = (parts, filters)
        if self._frame != frame:
            self._frame = frame
            self._framed = {}
            self._edges = {}
        kept = self._framed
        edges = self._edges
        lines: list[Strip] = []
        used: dict[int, tuple[Strip, Strip]] = {}
        for y in crop.line_range:
            if y == 0 or y == height - 1:
                title = widget.border_title if y == 0 else widget.border_subtitle
                edge = edges.get(y)
                if edge is None or edge[0] != title:  # only the last: a title per meeting
                    region = Region(0, y, width, 1)
                    edge = edges[y] = (title, super().render_lines(region)[0])  # type: ignore[misc]
                lines.append(edge[1])
                continue
            content = widget.render_line(y - 1)
            framed = kept.get(id(content))
            if framed is None or framed[0] is not content:
                # as Strip.adjust_cell_length and apply_filter would, making one Strip
                # (each carries seven caches) instead of three
                length = content.cell_length
                if length > content_width:
                    segments = list(content.adjust_cell_length(content_width, inner_style))
                else:
                    segments = list(content)
                    if length < content_width:
                        segments.append(Segment(" " * (content_width - length), inner_style))
                segments = [left, *segments, right]
                for line_filter in filters:
                    segments = line_filter.apply(segments, background)
                strip = FramedStrip(segments, width)
                framed = kept[id(content)] = (content, strip)
            used[id(content)] = framed
            lines.append(framed[1])
        if len(kept) > 2 * height:  # keep what this paint showed, not every line seen
            self._framed = used
        if crop.x or crop.width != width:
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines
