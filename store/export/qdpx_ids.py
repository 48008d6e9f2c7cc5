"""Stable GUIDs and shared names for the REFI-QDA (QDPX) export and import.

Every GUID in a Parley QDPX is ``uuid5`` of a fixed namespace and a key built from
things that do not change between exports (tag names, meeting ids, annotation ids,
remark spans), so exporting the same library twice gives byte-identical files and an
import can recognise Parley's own structural codes (bookmarks, speakers) by GUID even
after a round trip through another program that keeps GUIDs.
"""

from __future__ import annotations

import hashlib
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


_NS_BYTES = PARLEY_NAMESPACE.bytes


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for one thing of ``kind`` identified by ``parts``.

    Exactly ``str(uuid.uuid5(PARLEY_NAMESPACE, key))``, computed without building a
    ``UUID`` object: a large export makes hundreds of thousands of these.
    """
    key = "\x1f".join([kind, *(str(p) for p in parts)])
    digest = bytearray(hashlib.sha1(_NS_BYTES + key.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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
