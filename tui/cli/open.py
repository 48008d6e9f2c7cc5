"""``parley`` with no subcommand: open the library in the terminal browser."""

from __future__ import annotations

import argparse


def open_app(args: argparse.Namespace) -> int:
    """Run the app on ``--library`` (or the default library, or the bundled sample)."""
    from store.library import Library
    from tui.app import ParleyApp

    override = getattr(args, "library", None)
    app = ParleyApp(lambda: Library.open_default(override))
    app.run()
    return int(app.return_code or 0)
