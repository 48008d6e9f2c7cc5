"""Reading a REFI-QDA project (``.qdpx``) back into Parley annotations.

Works for projects Parley wrote and for ones written by QualCoder and other tools: the
reader walks the code tree (nested codes become ``parent/child`` tags; Parley's
``Bookmarked`` code becomes the bookmark flag and its ``Parley speakers`` group is
skipped), every ``TextSource`` with its text (``plainTextPath`` into ``sources/`` or
inline ``PlainTextContent``) and every ``PlainTextSelection`` inside it with its
``Coding``\\ s, its ``Description`` and any ``NoteRef``'d notes.

Each source is matched to a library meeting by its text: an exact text match keeps the
offsets as they are; otherwise each selection's quoted text is looked up (in the same
meeting when its text only changed, else across the library) and re-anchored with
:func:`store.anchoring.locate`. What cannot be placed is reported, one sentence each,
never silently dropped. The result is a list of :class:`~store.export.merge.Incoming`
passages for :func:`store.export.merge.merge`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from store.anchoring import locate
from store.export.finders import MeetingFinder, same_text
from store.export.merge import Incoming, clean_tag
from store.export.qdpx_export import normalise_newlines
from store.export.qdpx_ids import (
    BOOKMARK_CODE_NAME,
    BOOKMARK_GUID,
    SPEAKERS_CODE_NAME,
    SPEAKERS_GUID,
)
from store.models import Anchor, Meeting, Tag

CONTEXT = 32


class QdpxError(Exception):
    """The file is not a readable REFI-QDA project (message: one sentence)."""


@dataclass(slots=True)
class QdpxReading:
    """What a project holds that Parley can use, and what it could not place."""

    origin: str = ""
    codebook: list[Tag] = field(default_factory=list)
    passages: list[Incoming] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    sources: int = 0
    sources_matched: int = 0


@dataclass(slots=True)
class _Code:
    kind: str  # "tag", "bookmark" or "skip"
    name: str = ""


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in el:
        if _local(child) == name:
            yield child


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next(_children(el, name), None)


def _open_project(path: Path) -> tuple[zipfile.ZipFile, etree._Element]:
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise QdpxError(f"{path} does not exist.") from None
    except (zipfile.BadZipFile, OSError):
        raise QdpxError(f"{path} is not a QDPX project (it is not a zip archive).") from None
    names = [n for n in zf.namelist() if n.lower().endswith(".qde") and "/" not in n.strip("/")]
    if not names:
        zf.close()
        raise QdpxError(f"{path} holds no project.qde, so it is not a QDPX project.")
    qde = "project.qde" if "project.qde" in names else sorted(names)[0]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(zf.read(qde), parser)
    except etree.XMLSyntaxError as exc:
        zf.close()
        raise QdpxError(f"{path}: {qde} is not well-formed XML ({exc.msg}).") from None
    if _local(root) != "Project" or "QDA-XML:project" not in str(root.tag):
        zf.close()
        raise QdpxError(f"{path}: {qde} is not a REFI-QDA project document.")
    return zf, root


def _read_codes(root: etree._Element) -> tuple[dict[str, _Code], list[Tag]]:
    cases = {c.get("guid") for cs in _children(root, "Cases") for c in _children(cs, "Case")}
    codes: dict[str, _Code] = {}
    book: list[Tag] = []

    def walk(el: etree._Element, prefix: str, skip: bool) -> None:
        g = el.get("guid", "")
        name = clean_tag((el.get("name") or "").replace("/", "-"))
        top = not prefix
        if g == SPEAKERS_GUID or (top and name == SPEAKERS_CODE_NAME):
            skip = True
        path = f"{prefix}/{name}" if prefix and name else (name or prefix)
        if skip or g in cases or not name:  # ATLAS.ti gives case codes the case's GUID
            codes[g] = _Code("skip")
        elif g == BOOKMARK_GUID or (top and name == BOOKMARK_CODE_NAME and len(el) == 0):
            codes[g] = _Code("bookmark")
        else:
            codes[g] = _Code("tag", path)
            if el.get("isCodable", "true") != "false":
                desc = _child(el, "Description")
                colour = el.get("color") or ""
                book.append(Tag(path, colour if colour else "#5f87d7",
                                (desc.text or "").strip() if desc is not None else ""))
        for sub in _children(el, "Code"):
            walk(sub, path, skip)

    for cb in _children(root, "CodeBook"):
        for codes_el in _children(cb, "Codes"):
            for code in _children(codes_el, "Code"):
                walk(code, "", False)
    return codes, book


def _zip_index(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Files at the top or in a ``sources/`` folder (any case), by lower-case name."""
    index: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        p = PurePosixPath(info.filename)
        if len(p.parts) == 1 or p.parts[-2].lower() == "sources":
            index.setdefault(p.name.lower(), info)
    return index


def _member(zf: zipfile.ZipFile, index: dict[str, zipfile.ZipInfo], ref: str) -> str | None:
    """The text of an ``internal://`` file of the project."""
    if not ref.startswith("internal://"):
        return None
    info = index.get(PurePosixPath(ref[len("internal://") :].lstrip("/")).name.lower())
    if info is None:
        return None
    text = zf.read(info).decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def _source_text(
    zf: zipfile.ZipFile, index: dict[str, zipfile.ZipInfo], src: etree._Element
) -> str | None:
    inline = _child(src, "PlainTextContent")
    if inline is not None and inline.text is not None:
        return inline.text
    path = src.get("plainTextPath")
    return _member(zf, index, path) if path else None


def _notes(
    zf: zipfile.ZipFile, index: dict[str, zipfile.ZipInfo], root: etree._Element
) -> dict[str, str]:
    out: dict[str, str] = {}
    for notes in _children(root, "Notes"):
        for note in _children(notes, "Note"):
            text = _source_text(zf, index, note)
            if text and text.strip():
                out[note.get("guid", "")] = text.strip()
    return out


def read_qdpx(path: Path | str, finder: MeetingFinder) -> QdpxReading:
    """Read the project at ``path`` and place its coded passages on library meetings.

    Raises :class:`QdpxError` when the file is not a REFI-QDA project at all; problems
    with single sources or selections go into ``unmatched`` instead.
    """
    path = Path(path)
    zf, root = _open_project(path)
    try:
        return _read(zf, root, finder)
    finally:
        zf.close()


def _read(zf: zipfile.ZipFile, root: etree._Element, finder: MeetingFinder) -> QdpxReading:
    reading = QdpxReading(origin=root.get("origin") or "")
    codes, reading.codebook = _read_codes(root)
    index = _zip_index(zf)
    notes = _notes(zf, index, root)
    unknown_codes: set[str] = set()
    counts_crlf_as_one = "atlas" in reading.origin.casefold()

    for sources in _children(root, "Sources"):
        for src in sources:
            kind = _local(src)
            name = src.get("name") or src.get("guid") or "?"
            if kind != "TextSource":
                if kind:
                    reading.unmatched.append(f"{kind} '{name}': only text sources are imported.")
                continue
            reading.sources += 1
            raw = _source_text(zf, index, src)
            if raw is None:
                reading.unmatched.append(f"source '{name}': its text is missing from the project.")
                continue
            if counts_crlf_as_one:
                text = raw.replace("\r\n", "\n").replace("\r", "\n")
                remap = None
            else:
                text, remap = normalise_newlines(raw)
            whole = sum(1 for _ in _children(src, "Coding"))
            if whole:
                reading.unmatched.append(
                    f"source '{name}': {whole} coding(s) of the whole document are not imported."
                )
            meeting = finder.by_text(text)
            exact = meeting is not None and same_text(meeting.text, text)
            placed_any = False
            for sel in _children(src, "PlainTextSelection"):
                item = _selection(sel, codes, notes, unknown_codes)
                if item is None:
                    continue
                tags, bookmark, note = item
                try:
                    s0, e0 = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
                except ValueError:
                    reading.unmatched.append(f"source '{name}': a selection has no valid position.")
                    continue
                if remap is not None:
                    s0, e0 = remap(s0), remap(e0)
                where = f"source '{name}' {s0}–{e0}"
                if not (0 <= s0 < e0 <= len(text)):
                    reading.unmatched.append(f"{where}: the selection is outside the text.")
                    continue
                anchor = Anchor(s0, e0, text[s0:e0], text[max(0, s0 - CONTEXT) : s0],
                                text[e0 : e0 + CONTEXT])
                target = _place(anchor, meeting, exact, finder)
                if target is None:
                    quote = " ".join(anchor.exact.split())
                    short = quote if len(quote) <= 60 else quote[:59] + "…"
                    reading.unmatched.append(f"{where}: “{short}” was not found in the library.")
                    continue
                mid, s, e = target
                placed_any = True
                reading.passages.append(Incoming(mid, s, e, tags, bookmark, note, where))
            if placed_any or meeting is not None:
                reading.sources_matched += 1
    for g in sorted(unknown_codes):
        reading.unmatched.append(f"codings refer to code {g}, which the code book lacks.")
    return reading


def _selection(
    sel: etree._Element, codes: dict[str, _Code], notes: dict[str, str], unknown: set[str]
) -> tuple[tuple[str, ...], bool, str] | None:
    tags: list[str] = []
    bookmark = False
    for coding in _children(sel, "Coding"):
        ref = _child(coding, "CodeRef")
        g = ref.get("targetGUID", "") if ref is not None else ""
        code = codes.get(g)
        if code is None:
            unknown.add(g)
        elif code.kind == "bookmark":
            bookmark = True
        elif code.kind == "tag" and code.name not in tags:
            tags.append(code.name)
    texts: list[str] = []
    desc = _child(sel, "Description")
    if desc is not None and desc.text and desc.text.strip():
        texts.append(desc.text.strip())
    for ref in _children(sel, "NoteRef"):
        t = notes.get(ref.get("targetGUID", ""))
        if t and t not in texts:
            texts.append(t)
    note = "\n\n".join(texts)
    if not tags and not bookmark and not note:
        return None  # structure only (e.g. a speaker's remark): nothing to annotate
    return tuple(tags), bookmark, note


def _place(
    anchor: Anchor, meeting: Meeting | None, exact: bool, finder: MeetingFinder
) -> tuple[str, int, int] | None:
    if meeting is not None and exact:
        return meeting.id, anchor.start, anchor.end
    if meeting is not None:
        span = locate(anchor, meeting.text)
        if span is not None:
            return meeting.id, span[0], span[1]
    for candidate in finder.containing(anchor.exact):
        span = locate(anchor, candidate.text)
        if span is not None:
            return candidate.id, span[0], span[1]
    return None
