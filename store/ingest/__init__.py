"""Turn a raw document into meetings: pure functions, no TinyDB, no Textual.

``extract(data, source)`` runs the stages in order; each stage lives in its own module:

- ``read``: bytes → text (encodings, HTML main text, Markdown), refusing what is not text;
- ``clean``: page furniture out, scrape damage repaired, with an offset map to the source;
- ``metadata``: title, date, place, outlet and the people the header names;
- ``turns``: transcript turns (``Name:``, ``Question:``, labels on their own line …);
- ``quotes``: direct quotes and reported speech in news reports.
"""

from store.ingest.document import Unreadable
from store.ingest.pipeline import extract, extract_text

__all__ = ["Unreadable", "extract", "extract_text"]
