"""``parley`` with no subcommand: open the library.

Until the Textual app lands this prints the library's meetings as a table: the
user's library, or the bundled samples when it is empty, exactly what the app will
open on. ``open_app(args) -> int`` is the entry point the app replaces.
"""

from __future__ import annotations

import argparse

from rich.console import Console

from tui.cli.listing import open_for_reading, print_rows


def open_app(args: argparse.Namespace) -> int:
    lib = open_for_reading(getattr(args, "library", None), Console(stderr=True))
    if lib is None:
        return 1
    try:
        rows = lib.rows()
    finally:
        lib.close()
    print_rows(Console(), rows)
    return 0
