"""Title, date, place, outlet. (Skeleton: first line as title.)"""

from __future__ import annotations

from store.ingest.document import Header, Page


def read_header(text: str, page: Page) -> Header:
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "Untitled")
    return Header(title=page.title or first)
