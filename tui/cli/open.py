"""``parley`` with no subcommand: open the library in the terminal browser."""

from __future__ import annotations

import argparse
import os

#: Frames per second Textual may draw. A key's effect waits for the next frame, so at
#: Textual's default 60 a key costs up to 17 ms more than its work; 120 halves that
#: (``tests/bench/run.py``: meetings-pane key p50 about 48 -> 33 ms). Idle costs
#: nothing either way; ``TEXTUAL_FPS`` in the environment still wins.
FPS = "120"


def open_app(args: argparse.Namespace) -> int:
    """Run the app on ``--library`` (or the default library, or the bundled sample)."""
    os.environ.setdefault("TEXTUAL_FPS", FPS)  # read when Textual is first imported
    from store.library import Library
    from tui.app import ParleyApp

    override = getattr(args, "library", None)
    app = ParleyApp(lambda: Library.open_default(override), settle_gc=True)
    app.run()
    return int(app.return_code or 0)
