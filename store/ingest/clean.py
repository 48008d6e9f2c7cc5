"""Page furniture out, scrape damage repaired. (Skeleton: identity.)"""

from __future__ import annotations

from store.ingest.document import Cleaned


def clean(text: str) -> Cleaned:
    return Cleaned(text=text, offsets=list(range(len(text))))
