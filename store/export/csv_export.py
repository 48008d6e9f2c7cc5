"""CSV: one row per coded passage, safe to open in a spreadsheet.

The standard library's ``csv`` writer does the quoting (``QUOTE_MINIMAL`` quotes any
cell with a comma, quote or line break and doubles inner quotes). What it does not do
is protect the person opening the file: a cell starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return is run as a formula by Excel, LibreOffice and Google Sheets.
Document text is untrusted, so such cells get a leading ``'`` as the OWASP CSV
injection guidance recommends. ``bom=True`` writes a UTF-8 byte order mark so Excel
reads the file as UTF-8 rather than the local code page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from store.export.records import Record

COLUMNS: tuple[str, ...] = (
    "meeting_id",
    "date",
    "title",
    "outlet",
    "speaker",
    "kind",
    "tags",
    "bookmark",
    "note",
    "text",
    "start",
    "end",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Progress = Callable[[int, int], None]


def safe_cell(value: str) -> str:
    """``value`` made inert for spreadsheets: formula-like starts get a leading ``'``."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def row_for(record: Record) -> list[str]:
    """The CSV cells for one passage, already made formula-safe."""
    a = record.annotation
    cells = [
        a.meeting_id,
        record.date or "",
        record.title,
        record.outlet or "",
        "; ".join(record.speakers),
        ";".join(record.remark_kinds),
        ";".join(a.tags),
        "yes" if a.bookmark else "",
        a.note,
        record.text,
        str(a.anchor.start),
        str(a.anchor.end),
    ]
    return [safe_cell(c) for c in cells]


def write_csv(
    records: Sequence[Record], out: IO[str], *, progress: Progress | None = None
) -> int:
    """Write the header and one row per record to a text stream; returns the row count.

    The stream should be opened with ``newline=""`` (the csv module's rule) so that line
    breaks inside a quoted cell are not translated.
    """
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    total = len(records)
    for i, record in enumerate(records, 1):
        writer.writerow(row_for(record))
        if progress is not None:
            progress(i, total)
    return total


def export_csv(
    records: Sequence[Record],
    path: Path | str,
    *,
    bom: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write ``records`` to ``path`` as UTF-8 CSV (with a BOM for Excel if asked)."""
    encoding = "utf-8-sig" if bom else "utf-8"
    with open(path, "w", encoding=encoding, newline="") as fh:
        return write_csv(records, fh, progress=progress)


def csv_text(records: Sequence[Record]) -> str:
    """The CSV as a string (for tests and for piping to stdout)."""
    buf = io.StringIO(newline="")
    write_csv(records, buf)
    return buf.getvalue()
