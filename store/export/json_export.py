"""JSON: the full annotation records with their meeting metadata, in a versioned shape.

Shape (version 1)::

    {"parley_export": 1,
     "filters": {...the filters used...},
     "tags": [{"name", "colour", "description"}, ...],      # the codebook used
     "annotations": [                                       # one per coded passage
        {"id", "meeting_id", "start", "end", "text", "anchor": {start, end, exact,
         prefix, suffix}, "tags": [...], "bookmark", "note", "created", "updated",
         "orphaned", "speakers": [...], "remark_kinds": [...],
         "meeting": {"id", "title", "date", "date_inferred", "place", "outlet", "kind",
                     "source", "participants": [...]} | null}]}

``meeting`` is ``null`` when the meeting could not be loaded; ``text`` is then the
quote the annotation carries. Keys are written in this order and no time stamp is
added, so exporting the same library twice gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from store.export.records import Filters, Record, codebook
from store.models import Tag

FORMAT_VERSION = 1

Progress = Callable[[int, int], None]


def export_document(
    records: Sequence[Record],
    tags: Sequence[Tag],
    filters: Filters | None = None,
    *,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    items = []
    total = len(records)
    for i, r in enumerate(records, 1):
        items.append(r.to_json())
        if progress is not None:
            progress(i, total)
    return {
        "parley_export": FORMAT_VERSION,
        "filters": (filters or Filters()).to_json(),
        "tags": [t.to_json() for t in codebook(tags, records)],
        "annotations": items,
    }


def export_json(
    records: Sequence[Record],
    tags: Sequence[Tag],
    path: Path | str,
    filters: Filters | None = None,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the JSON export to ``path`` (UTF-8, indented); returns the passage count."""
    doc = export_document(records, tags, filters, progress=progress)
    Path(path).write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return len(records)
