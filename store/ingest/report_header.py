"""The header of a news report: dateline, year inference, outlet, one-line title.

(Skeleton: recognises nothing; the reports helper fills it in.)
"""

from __future__ import annotations

from store.ingest.document import Header, Page


def read_report_header(text: str, page: Page) -> Header | None:
    """A :class:`Header` when ``text`` opens like a news report (a dateline), else None."""
    return None
