"""Bytes → text. (Skeleton: UTF-8 only; the reading helper replaces this.)"""

from __future__ import annotations

from store.ingest.document import Page, Unreadable


def page_from_text(text: str, source: str = "<text>") -> Page:
    return Page(text=text.replace("\r\n", "\n").replace("\r", "\n"), source=source)


def read_page(data: bytes, source: str) -> Page:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(f"{source} is not UTF-8 text.") from exc
    return page_from_text(text, source)
