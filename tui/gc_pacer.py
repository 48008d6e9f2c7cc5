"""When Python's cycle collector runs in ``parley``: after a frame, never inside a key.

Textual leaves reference cycles behind on every frame (a line the compositor divides
keeps itself in its own cache; every worker has a task, futures and locks pointing at
each other), and only the cycle collector frees them. Python runs it whenever enough new
objects have piled up, which is in the middle of whatever the app is doing: with ``j``
held in the meetings pane, inside 70 of 400 keys, adding about 3 ms to each, and now
and then 12-60 ms for an older generation (``tests/bench/key_garbage.py`` at 50,000
meetings). Those collections were most of the keys slower than the median.

:class:`GarbagePacer` runs the same collections where nobody waits for them:

- **Just after the paint that answers an input event**, once the young generation has
  grown past :data:`YOUNG` objects: the young collection, and every tenth time the
  middle one as well, as Python would have, but :data:`AFTER_PAINT` seconds after the
  frame went to the terminal (so that Textual's writer thread has sent it: a collection
  holds the interpreter). The next key of a held key comes 30-40 ms later; the
  collection takes a few.
- **When the user pauses** (:data:`IDLE` seconds without input, checked every
  :data:`IDLE_CHECK`): whatever is due, the full collection included, which is never
  run between keys.

Python's automatic collection stays on with a first threshold of :data:`SAFETY`, high
enough that it runs only when the pacer could not: input that never pauses while
something allocates a great deal.

At the start (:meth:`GarbagePacer.start`) everything start-up made is collected once
and frozen (``gc.freeze``): modules, classes, styles and widgets live as long as the
app, and an older collection walked all of them again (up to 100 ms at 50,000 meetings).
Only the real ``parley`` uses the pacer (``ParleyApp(settle_gc=True)``): a test process
runs many apps, and freezing each one's objects would keep them for good.
"""

from __future__ import annotations

import gc
from time import monotonic
from typing import Any

YOUNG = 5_000
"""Young objects (net new container objects since the last collection) worth collecting
after a paint: about ten held keys' worth, a 2 ms collection."""
IDLE_YOUNG = 700
"""At a pause, collect the young generation from this many (Python's own threshold)."""
OLDER = 10
"""Collections of the generation below that make one of the next generation due."""
SAFETY = (100_000, OLDER, OLDER)
"""Python's own thresholds while the pacer runs."""
AFTER_PAINT = 0.004
"""Seconds after a paint before its collection runs."""
IDLE = 0.5
"""Seconds without input that count as a pause."""
IDLE_CHECK = 1.0
"""Seconds between checks for a pause."""


def collect_due(*, paused: bool) -> int | None:
    """Run the collection that is due, if any; return the generation collected.

    ``gc.get_count()`` gives the young objects, the young collections since the last
    middle one, and the middle collections since the last full one; ``gc.collect`` keeps
    them up to date. The full collection waits for a pause.
    """
    young, middles_due, olds_due = gc.get_count()
    if paused and olds_due >= OLDER:
        generation = 2
    elif middles_due >= OLDER:
        generation = 1
    elif young >= (IDLE_YOUNG if paused else YOUNG):
        generation = 0
    else:
        return None
    gc.collect(generation)
    return generation


class GarbagePacer:
    """Runs the app's cycle collections after frames and in pauses (see the module)."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._last_input = monotonic()
        self._input_unpainted = False  # input came that no paint has answered yet
        self._collecting: Any = None  # the timer of a collection after a paint
        self._timer: Any = None

    @property
    def started(self) -> bool:
        return self._timer is not None

    def start(self) -> None:
        """Collect and freeze what exists now, and pace the collections from here on.

        Called once the library is open and shown (and at the latest a few seconds after
        the app mounts); calling it again freezes what was made since.
        """
        gc.collect()
        gc.freeze()
        gc.set_threshold(*SAFETY)
        gc.enable()  # ``parley`` starts with it paused (``tui.cli.open``)
        if self._timer is None:
            self._timer = self._app.set_interval(IDLE_CHECK, self._check_pause, name="gc")

    def input_seen(self) -> None:
        """An input event arrived (the app calls this for each one)."""
        self._last_input = monotonic()
        self._input_unpainted = True

    def painted(self) -> None:
        """The app sent a frame to the terminal: collect after it if input led to it."""
        if not self._input_unpainted or self._timer is None:
            return
        self._input_unpainted = False
        if self._collecting is None and gc.get_count()[0] >= YOUNG:
            self._collecting = self._app.set_timer(AFTER_PAINT, self._collect_after_paint)

    def _collect_after_paint(self) -> None:
        self._collecting = None
        collect_due(paused=False)

    def _check_pause(self) -> None:
        if monotonic() - self._last_input >= IDLE:
            collect_due(paused=True)
