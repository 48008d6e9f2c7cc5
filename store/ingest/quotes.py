"""Quotes and reported speech in news reports. (Skeleton: finds none.)"""

from __future__ import annotations

from store.ingest.document import Header, Reading


def find_report_remarks(text: str, header: Header) -> Reading:
    return Reading()
