"""A scrollbar that repaints only when what it draws changes, for the long virtual lists.

Textual repaints a scrollbar, every one of its lines, whenever its ``position`` changes,
and a scroll by one line changes it. In a list of 50,000 meetings the thumb is one cell
that moves once in thousands of lines, so holding ``j`` repainted an unchanged bar on
every key: about a third of all the lines Textual drew per key in the meetings and
remarks panes (``tests/bench/run.py`` keys). :class:`ThumbScrollBar` works out where its
thumb is, in the eighths of a cell Textual draws it in, and lets a repaint through only
when that, its size, its colours or the mouse over it change.

:class:`QuietScrollbars` gives a ``ScrollView`` such a vertical scrollbar, and a way to
change its scrollable size without laying out the whole screen.
"""

from __future__ import annotations

from math import ceil
from typing import Any, Self

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget


def thumb_eighths(size: int, virtual_size: float, window_size: float, position: float
                  ) -> tuple[int, int] | None:
    """Start and end of the thumb in eighths of a cell, as ``ScrollBarRender`` draws it.

    ``None`` when no thumb is drawn (everything fits). Mirrors
    ``ScrollBarRender.render_bar`` so that equal results mean identical bars.
    """
    virtual = ceil(virtual_size)
    window = ceil(window_size if window_size < virtual_size else 0)
    if not (window and size and virtual and size != virtual):
        return None
    thumb_size = max(1, window / (virtual / size))
    ratio = position / (virtual - window)
    start = int((size - thumb_size) * ratio * len(ScrollBarRender.VERTICAL_BARS))
    return start, start + ceil(thumb_size * len(ScrollBarRender.VERTICAL_BARS))


class ThumbScrollBar(ScrollBar):
    """A ``ScrollBar`` whose repaints are skipped while its drawing stays the same."""

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1
                 ) -> None:
        self._drawn: tuple[Any, ...] | None = None
        self._background: Any = None
        self._lines: tuple[tuple[Any, ...], list[Strip]] | None = None
        super().__init__(vertical, name, thickness=thickness)

    def _look(self) -> tuple[Any, ...]:
        """Everything the drawn bar depends on."""
        parent = self.parent
        styles = getattr(parent, "styles", None)
        size = self.size.height if self.vertical else self.size.width
        return (
            self.size,
            thumb_eighths(size, self.window_virtual_size, self.window_size, self.position),
            self.mouse_over,
            self.grabbed,
            None if styles is None else (
                styles.scrollbar_color, styles.scrollbar_background,
                styles.scrollbar_color_hover, styles.scrollbar_background_hover,
                styles.scrollbar_color_active, styles.scrollbar_background_active,
                self._parent_background(),
            ),
        )

    def _parent_background(self) -> Any:
        """The pane's background colours: a walk over every ancestor's styles, so kept
        until the styles change (Textual restyles a pane's scrollbars with the pane).
        ``_look`` is asked on every refresh, three times for each meeting shown."""
        if self._background is None:
            self._background = self.parent.background_colors  # type: ignore[union-attr]
        return self._background

    def render(self) -> Any:
        self._drawn = self._look()
        return super().render()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's lines made straight from ``ScrollBarRender.render_bar``'s cells.

        Textual would draw the bar's renderable through Rich and then its per-line style
        pipeline, though a bar has no border, padding or text to style: 0.6 ms a repaint
        at 50,000 meetings, and every meeting shown repaints the remarks pane's bar. The
        cells are the same ones (``render_bar`` makes them either way), so the bar looks
        the same; the lines are kept until its look changes. One difference: a bar with
        nothing to scroll (the reader's panes always keep theirs) is drawn in its pane's
        own background, an empty gutter rather than a dark stripe beside a short meeting.
        """
        if not self.vertical:
            return super().render_lines(crop)
        width, height = self.size
        filters = tuple(self.get_line_filters())
        look = self._look()
        key = (look, width, height, filters)
        if self._lines is None or self._lines[0] != key:
            renderable = self.render()
            if not isinstance(renderable, ScrollBarRender):  # a custom renderer: Textual's way
                self._lines = None
                return super().render_lines(crop)
            style = renderable.style if isinstance(renderable.style, Style) else Style()
            back = style.bgcolor or RichColor.parse("#555555")
            thumb = look[1]
            if thumb is None and self.parent is not None:  # nothing scrolls
                back = self.parent.background_colors[1].rich_color
            bar = ScrollBarRender.render_bar(
                size=height,
                virtual_size=renderable.virtual_size,
                window_size=renderable.window_size,
                position=renderable.position,
                thickness=width,
                vertical=True,
                back_color=back,
                bar_color=style.color or RichColor.parse("bright_magenta"),
            )
            background = self.background_colors[1]
            # Most cells are alike (track or thumb): one Strip serves every line with the
            # same cell (a Strip is never changed once made), rather than one made and
            # then filtered for each of the bar's lines at every repaint.
            made: dict[Segment, Strip] = {}
            strips = []
            for segment in bar.segments:
                strip = made.get(segment)
                if strip is None:
                    strip = Strip([segment], width)
                    for line_filter in filters:
                        strip = strip.apply_filter(line_filter, background)
                    made[segment] = strip
                strips.append(strip)
            self._lines = (key, strips)
        strips = self._lines[1][crop.y : crop.bottom]
        if crop.x or crop.width != width:
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips

    def notify_style_update(self) -> None:
        self._drawn = None
        self._background = None
        super().notify_style_update()

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if (
            self._drawn is not None
            and not (regions or layout or recompose)
            and self._look() == self._drawn
        ):
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class QuietScrollbars:
    """Mixin (before ``ScrollView`` in the bases) for a vertical :class:`ThumbScrollBar`
    and :meth:`set_virtual_size`."""

    _vertical_scrollbar: ScrollBar | None

    def set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size, laying out the screen only if the scrollbar comes or goes.

        Textual's ``virtual_size`` is a layout reactive: every change reflows every
        widget on the screen and then composites all of it again. The reader's views
        change it with each meeting shown, so holding ``j`` in the meetings pane laid
        the whole screen out on every key. A scroll view's scrollable size changes
        nothing outside it except whether its scrollbar shows, and Textual's own
        ``_refresh_scrollbars`` (run here through ``_scroll_update``) sets a layout
        reactive when that changes; otherwise updating the scrollbar, clamping the
        scroll offset and repainting this view is all there is to do.
        """
        widget: Any = self
        if size == widget.virtual_size:
            return
        widget.set_reactive(Widget.virtual_size, size)
        if widget.container_size:  # not before the first layout: that one sizes it all
            widget._scroll_update(size)
        widget.refresh()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar, made on first use (as Textual's own property does)."""
        if self._vertical_scrollbar is not None:
            return self._vertical_scrollbar
        bar = ThumbScrollBar(
            vertical=True, name="vertical", thickness=self.scrollbar_size_vertical  # type: ignore[attr-defined]
        )
        bar.display = False
        self._vertical_scrollbar = bar
        self.app._start_widget(self, bar)  # type: ignore[attr-defined]
        return bar
