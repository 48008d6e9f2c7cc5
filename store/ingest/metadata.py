"""Title, date, place, outlet. (Skeleton: first line as title.)"""

from __future__ import annotations

from store.ingest.document import Header, Page
from store.ingest.report_header import read_report_header


def read_header(text: str, page: Page) -> Header:
    report = read_report_header(text, page)
    if report is not None:
        return report
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "Untitled")
    return Header(title=page.title or first)
