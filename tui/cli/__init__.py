"""The ``parley`` command line.

Each subcommand lives in its own module under ``tui.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a callable taking
the parsed arguments and returning the exit status. ``parley`` with no subcommand
opens the app.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Subcommand modules, in the order ``parley --help`` lists them.
COMMANDS: tuple[str, ...] = ("extract", "importing", "listing", "search", "export", "annotations",
                             "doctor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parley",
        description="Read and code records of diplomatic meetings in the terminal.",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library directory (default: $PARLEY_LIBRARY or the platform data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"tui.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        from tui.cli.open import open_app

        return open_app(args)
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
