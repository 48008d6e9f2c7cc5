"""Transcript turns. (Skeleton: finds none.)"""

from __future__ import annotations

from store.ingest.document import Header, Page, Reading


def find_turns(text: str, header: Header, page: Page) -> Reading | None:
    return None
