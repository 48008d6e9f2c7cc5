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

# Subcommand name → its module, in the order ``parley --help`` lists them.
COMMANDS: dict[str, str] = {
    "extract": "extract",
    "import": "importing",
    "list": "listing",
    "search": "search",
    "export": "export",
    "annotations": "annotations",
    "doctor": "doctor",
}


def _wanted_command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, if any, found without importing any command.

    Building every subcommand's parser would import ingest, exports and the doctor on
    each start (about 0.7 s), so only the one being run is loaded; ``--help`` and
    unknown words load them all so argparse can list them or say what is wrong.
    """
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--library")
    _, rest = pre.parse_known_args(list(argv))
    first = next((word for word in rest if not word.startswith("-")), None)
    if first is None:
        return "" if not any(w in ("-h", "--help") for w in rest) else None
    return first if first in COMMANDS else None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
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
    wanted = None if argv is None else _wanted_command(argv)
    for name, module in COMMANDS.items():
        if wanted is None or name == wanted:
            importlib.import_module(f"tui.cli.{module}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
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
