"""``parley`` with no subcommand: open the library in the terminal browser."""

from __future__ import annotations

import argparse
import gc
import os

#: Frames per second Textual may draw. A key's effect waits for the screen's update
#: timer, and after a frame that timer sleeps one to two frame periods, so at Textual's
#: default 60 a held key's paint waited up to 33 ms on top of its work. At 240 the wait
#: is a few ms (``tests/bench/run.py`` at 50,000 meetings, meetings-pane key p50 43 ->
#: 30 ms at 120 -> 25 ms at 240; beyond that nothing more). Only changes are drawn, so
#: idle costs nothing either way; ``TEXTUAL_FPS`` in the environment still wins.
FPS = "240"


def open_app(args: argparse.Namespace) -> int:
    """Run the app on ``--library`` (or the default library, or the bundled sample).

    The cyclic garbage collector is paused from here until the app has settled it
    (``tui.screens.main``): start-up makes modules, classes, styles and widgets that live
    as long as the app, so collecting while they are made frees nothing, and it cost a
    third of what start-up takes beyond an empty Textual app (a full collection of
    25-35 ms and 150 young ones before the first paint at 50,000 meetings).
    """
    os.environ.setdefault("TEXTUAL_FPS", FPS)  # read when Textual is first imported
    gc.disable()
    from store.library import Library
    from tui.app import ParleyApp

    override = getattr(args, "library", None)
    app = ParleyApp(lambda: Library.open_default(override), settle_gc=True)
    # Before Textual reads the stylesheets and starts the terminal rather than when the
    # app loads (as test apps do): the library is then open in time for the first paint
    # far more often, instead of a paint of an empty pane and one more to fill it.
    app.begin_opening()
    app.run()
    return int(app.return_code or 0)
