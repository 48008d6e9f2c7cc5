"""``parley`` with no subcommand: open the library (the app lands with the TUI issue)."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from store.ingest import extract
from store.paths import sample_documents


def open_app(args: argparse.Namespace) -> int:
    console = Console()
    for path in sample_documents():
        for m in extract(path.read_bytes(), str(path)):
            console.print(Text(f"{m.date or '----------'}  {m.title}"))
    return 0
