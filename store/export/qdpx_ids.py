"""Stable GUIDs and shared names for the REFI-QDA (QDPX) export and import.

Every GUID in a Parley QDPX is ``uuid5`` of a fixed namespace and a key built from
things that do not change between exports (tag names, meeting ids, annotation ids,
remark spans), so exporting the same library twice gives byte-identical files and an
import can recognise Parley's own structural codes (bookmarks, speakers) by GUID even
after a round trip through another program that keeps GUIDs.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

NS_URI = "urn:QDA-XML:project:1.0"
NS = "{" + NS_URI + "}"

# Fixed namespace for every Parley GUID (chosen once; never change it, or exports of
# the same library stop being identical and imports stop recognising Parley codes).
PARLEY_NAMESPACE = uuid.UUID("0b6f2f8e-5a0c-4c61-9d0e-3f4b1a7c2d90")

BOOKMARK_CODE_NAME = "Bookmarked"
SPEAKERS_CODE_NAME = "Parley speakers"
BOOKMARK_COLOUR = "#ffaf00"
SPEAKER_COLOUR = "#8a8a8a"
USER_NAME = "Parley"


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for one thing of ``kind`` identified by ``parts``."""
    key = "\x1f".join([kind, *(str(p) for p in parts)])
    return str(uuid.uuid5(PARLEY_NAMESPACE, key))


USER_GUID = guid("user", USER_NAME)
BOOKMARK_GUID = guid("code", "bookmark")
SPEAKERS_GUID = guid("code", "speakers")

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (lxml refuses them)."""
    return _XML_ILLEGAL.sub("", text)


def xsd_datetime(value: str | None) -> str | None:
    """An ISO time stamp as ``xsd:dateTime`` in UTC (``2024-05-01T10:00:00Z``), or None.

    Naive times are taken as UTC; anything unparseable is dropped rather than written
    as an invalid attribute.
    """
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
