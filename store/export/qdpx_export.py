"""QDPX: a REFI-QDA 1.0 project that NVivo, ATLAS.ti, MAXQDA and QualCoder can import.

A ``.qdpx`` is a zip of ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``,
valid against ``Project.xsd``) and a ``sources/`` folder with one UTF-8 plain text per
meeting (``\\n`` line ends), referenced as ``plainTextPath="internal://<guid>.txt"``.

How Parley's data maps onto the standard:

- tags → a code tree (``topic/terrorism`` is the code ``terrorism`` inside ``topic``),
  with colours and descriptions; a path segment that is not itself a tag is a
  non-codable grouping code;
- each coded passage → a ``PlainTextSelection`` inside its ``TextSource``, positions in
  Unicode code points with the end exclusive, one ``Coding`` per tag;
- a bookmark → a ``Coding`` with the top-level code ``Bookmarked``;
- a note → the selection's ``Description`` (QualCoder reads it as the coding memo; a
  selection with a note and no code becomes a QualCoder annotation);
- speakers → ``Case`` elements whose ``SelectionRef``\\ s point at one selection per
  remark; those remark selections are coded with a per-speaker code under the
  non-codable ``Parley speakers`` code, so tools that ignore case selections (QualCoder)
  still show who said what;
- meeting metadata → the source's ``Description`` and text ``Variables``.

GUIDs come from :mod:`store.export.qdpx_ids` (``uuid5`` of stable keys) and the zip has
fixed time stamps and sorted entries, so two exports of one library are byte-identical.
Passages whose meeting cannot be loaded (orphaned) cannot be placed in a source and are
counted in the summary instead.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from store.export.qdpx_ids import (
    BOOKMARK_CODE_NAME,
    BOOKMARK_COLOUR,
    BOOKMARK_GUID,
    NS_URI,
    SPEAKER_COLOUR,
    SPEAKERS_CODE_NAME,
    SPEAKERS_GUID,
    USER_GUID,
    USER_NAME,
    guid,
    xml_safe,
    xsd_datetime,
)
from store.export.records import Record, codebook
from store.models import Meeting, Tag

Progress = Callable[[int, int], None]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ORIGIN = "Parley"

# Meeting metadata written as text variables on each source: (variable name, getter).
VARIABLES: tuple[tuple[str, Callable[[Meeting], str | None]], ...] = (
    ("Date", lambda m: m.date),
    ("Outlet", lambda m: m.outlet),
    ("Place", lambda m: m.place),
    ("Meeting kind", lambda m: m.kind),
    ("Parley meeting id", lambda m: m.id),
)


@dataclass(slots=True)
class QdpxSummary:
    """What went into the project, and the passages that could not."""

    sources: int = 0
    passages: int = 0
    codes: int = 0
    cases: int = 0
    skipped_orphaned: list[str] = field(default_factory=list)  # annotation ids


class _Node:
    """One element of the project document.

    The document is built as plain Python nodes and written as text in one pass: at
    tens of thousands of selections this is several times faster than lxml's
    ``SubElement``, and the tests validate every export against the XSD with lxml.
    """

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, attrs: list[tuple[str, str]], text: str | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node] = []
        self.text = text


_NEEDS_ESCAPE = re.compile(r'[&<>"\n\r\t]')


def _attr(value: str) -> str:
    """An attribute value, quoted; line ends and tabs as character references."""
    value = xml_safe(value)
    if _NEEDS_ESCAPE.search(value):
        value = (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                 .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
                 .replace("\t", "&#9;"))
    return f'"{value}"'


def _text(value: str) -> str:
    value = xml_safe(value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;")


def _e(parent: _Node, tag: str, **attrs: str | None) -> _Node:
    node = _Node(tag, [(k, v) for k, v in attrs.items() if v is not None])
    parent.children.append(node)
    return node


def _text_el(parent: _Node, tag: str, text: str) -> _Node:
    node = _Node(tag, [], text)
    parent.children.append(node)
    return node


def _serialise(node: _Node, out: list[str], depth: int = 0) -> None:
    pad = "  " * depth
    head = "<" + node.tag + "".join(f" {k}={_attr(v)}" for k, v in node.attrs)
    if node.children:
        out.append(f"{pad}{head}>")
        for child in node.children:
            _serialise(child, out, depth + 1)
        out.append(f"{pad}</{node.tag}>")
    elif node.text is not None:
        out.append(f"{pad}{head}>{_text(node.text)}</{node.tag}>")
    else:
        out.append(f"{pad}{head}/>")


def _colour(value: str | None) -> str | None:
    """A colour as ``#rrggbb`` for ``RGBType``; named or odd colours via rich, else None."""
    if not value:
        return None
    v = value.strip()
    if len(v) in (4, 7) and v.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in v[1:]):
        return v.lower()
    try:
        from rich.color import Color

        return Color.parse(v).get_truecolor().hex.lower()
    except Exception:  # an unreadable colour is dropped, the code is kept
        return None


def normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with ``\\r\\n`` and ``\\r`` as ``\\n``, and a map from old to new offsets.

    REFI-QDA counts code points of the plain text with ``\\n`` line ends; a meeting text
    that still holds ``\\r\\n`` would otherwise put every selection after it off by one.
    """
    if "\r" not in text:
        return text, lambda pos: pos
    dropped: list[int] = []  # old offsets of the \r removed from \r\n pairs
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                dropped.append(i)
            else:
                out.append("\n")
        else:
            out.append(ch)
        i += 1
    return "".join(out), lambda pos: pos - bisect_left(dropped, pos)


@dataclass(slots=True)
class _CodeNode:
    name: str
    path: str
    tag: Tag | None = None
    children: dict[str, _CodeNode] = field(default_factory=dict)


def _code_tree(tags: Sequence[Tag]) -> dict[str, _CodeNode]:
    roots: dict[str, _CodeNode] = {}
    for tag in tags:
        parts = tag.name.split("/")
        level = roots
        for depth, part in enumerate(parts):
            path = "/".join(parts[: depth + 1])
            node = level.get(part)
            if node is None:
                node = level[part] = _CodeNode(part, path)
            if depth == len(parts) - 1:
                node.tag = tag
            level = node.children
    return roots


def _write_codes(parent: _Node, nodes: dict[str, _CodeNode]) -> int:
    count = 0
    for key in sorted(nodes, key=lambda k: (k.casefold(), k)):
        node = nodes[key]
        tag = node.tag
        el = _e(
            parent,
            "Code",
            guid=guid("code", node.path),
            name=xml_safe(node.name),
            isCodable="true" if tag is not None else "false",
            color=_colour(tag.colour) if tag is not None else None,
        )
        if tag is not None and tag.description:
            _text_el(el, "Description", tag.description)
        count += 1 + _write_codes(el, node.children)
    return count


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _source_name(m: Meeting) -> str:
    """A readable, file-name-safe source name (QualCoder copies sources by name)."""
    title = " ".join(m.title.split()) or "Untitled"
    for ch in '/\\:*?"<>|':
        title = title.replace(ch, "-")
    if len(title) > 80:
        title = title[:79] + "…"
    return f"{m.date or 'undated'} {title} ({m.id[:8]})"


def _source_description(m: Meeting) -> str:
    lines = [m.title]
    date = f"{m.date} (inferred)" if m.date and m.date_inferred else m.date
    for label, value in (
        ("Date", date),
        ("Place", m.place),
        ("Outlet", m.outlet),
        ("Kind", m.kind),
        ("Participants", ", ".join(p.name for p in m.participants) or None),
        ("Source file", m.source or None),
        ("Parley meeting id", m.id),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def build_project(
    records: Sequence[Record],
    tags: Sequence[Tag],
    *,
    project_name: str = "Parley project",
    progress: Progress | None = None,
) -> tuple[bytes, dict[str, str], QdpxSummary]:
    """The ``project.qde`` bytes, the source texts by zip path, and a summary."""
    summary = QdpxSummary()
    placed = [r for r in records if not r.orphaned]
    summary.skipped_orphaned = [r.annotation.id for r in records if r.orphaned]

    created = sorted(t for r in placed if (t := xsd_datetime(r.annotation.created)))
    updated = sorted(
        t for r in placed if (t := xsd_datetime(r.annotation.updated or r.annotation.created))
    )
    root = _Node("Project", [("xmlns", NS_URI)])
    root.attrs += [("name", project_name), ("origin", ORIGIN), ("creatingUserGUID", USER_GUID)]
    if created:
        root.attrs.append(("creationDateTime", created[0]))
    root.attrs.append(("modifyingUserGUID", USER_GUID))
    if updated:
        root.attrs.append(("modifiedDateTime", updated[-1]))

    users = _e(root, "Users")
    _e(users, "User", guid=USER_GUID, name=USER_NAME)

    # Meetings in the records' order, each once; speakers of their remarks.
    meetings: dict[str, Meeting] = {}
    for r in placed:
        assert r.meeting is not None
        meetings.setdefault(r.meeting.id, r.meeting)
    speakers = sorted(
        {rm.speaker for m in meetings.values() for rm in m.remarks if rm.speaker},
        key=lambda s: (s.casefold(), s),
    )

    # Code book: tags, then Bookmarked, then the speakers group.
    book = _e(_e(root, "CodeBook"), "Codes")
    summary.codes = _write_codes(book, _code_tree(codebook(tags, placed)))
    _e(book, "Code", guid=BOOKMARK_GUID, name=BOOKMARK_CODE_NAME, isCodable="true",
       color=BOOKMARK_COLOUR)
    summary.codes += 1
    if speakers:
        group = _e(book, "Code", guid=SPEAKERS_GUID, name=SPEAKERS_CODE_NAME, isCodable="false")
        _text_el(group, "Description", "Who speaks in each remark, as found by Parley.")
        for name in speakers:
            _e(group, "Code", guid=guid("speaker-code", name), name=xml_safe(name),
               isCodable="true", color=SPEAKER_COLOUR)
        summary.codes += 1 + len(speakers)

    if meetings:
        variables = _e(root, "Variables")
        for var_name, _ in VARIABLES:
            _e(variables, "Variable", guid=guid("variable", var_name), name=var_name,
               typeOfVariable="Text")

    # Remark selections per speaker, for the Cases.
    case_refs: dict[str, list[str]] = {s: [] for s in speakers}
    if speakers:
        cases = _e(root, "Cases")
        for m in meetings.values():
            for rm in m.remarks:
                if rm.speaker:
                    case_refs[rm.speaker].append(
                        guid("remark", m.id, rm.start, rm.end, rm.speaker))
        for name in speakers:
            case = _e(cases, "Case", guid=guid("case", name), name=xml_safe(name))
            roles = sorted({
                ", ".join(x for x in (p.role, p.affiliation) if x)
                for m in meetings.values()
                if (p := m.participant(name)) is not None and (p.role or p.affiliation)
            })
            if roles:
                _text_el(case, "Description", "; ".join(roles))
            _e(case, "CodeRef", targetGUID=guid("speaker-code", name))
            for ref in dict.fromkeys(case_refs[name]):
                _e(case, "SelectionRef", targetGUID=ref)
        summary.cases = len(speakers)

    texts: dict[str, str] = {}
    by_meeting: dict[str, list[Record]] = {}
    for r in placed:
        by_meeting.setdefault(r.annotation.meeting_id, []).append(r)
    total = len(placed)
    done = 0
    if meetings:
        sources = _e(root, "Sources")
        for m in meetings.values():
            sguid = guid("source", m.id)
            text, remap = normalise_newlines(m.text)
            texts[f"sources/{sguid}.txt"] = text
            src = _e(sources, "TextSource", guid=sguid, name=xml_safe(_source_name(m)),
                     plainTextPath=f"internal://{sguid}.txt", creatingUser=USER_GUID)
            _text_el(src, "Description", _source_description(m))
            selections: list[tuple[tuple[int, int, int, str], Callable[[], None]]] = []
            for r in by_meeting[m.id]:
                selections.append(((r.start, r.end, 0, r.annotation.id),
                                   _annotation_selection(src, r, remap)))
            seen_remarks: set[tuple[int, int, str]] = set()
            for rm in m.remarks:
                if rm.speaker and (rm.start, rm.end, rm.speaker) not in seen_remarks:
                    seen_remarks.add((rm.start, rm.end, rm.speaker))
                    selections.append(((rm.start, rm.end, 1, rm.speaker),
                                       _remark_selection(src, m, rm.start, rm.end, rm.speaker,
                                                         rm.kind, remap)))
            for _, write in sorted(selections, key=lambda s: s[0]):
                write()
            for var_name, getter in VARIABLES:
                value = getter(m)
                if value:
                    vv = _e(src, "VariableValue")
                    _e(vv, "VariableRef", targetGUID=guid("variable", var_name))
                    _text_el(vv, "TextValue", value)
            summary.sources += 1
            done += len(by_meeting[m.id])
            if progress is not None:
                progress(done, total)
    summary.passages = total

    out = ["<?xml version='1.0' encoding='UTF-8'?>"]
    _serialise(root, out)
    xml = ("\n".join(out) + "\n").encode("utf-8")
    return xml, texts, summary


def _annotation_selection(
    src: _Node, r: Record, remap: Callable[[int], int]
) -> Callable[[], None]:
    def write() -> None:
        a = r.annotation
        created = xsd_datetime(a.created)
        modified = xsd_datetime(a.updated) or created
        sel = _e(src, "PlainTextSelection", guid=guid("selection", a.id),
                 name=xml_safe(_excerpt(r.text)),
                 startPosition=str(remap(a.anchor.start)), endPosition=str(remap(a.anchor.end)),
                 creatingUser=USER_GUID, creationDateTime=created,
                 modifyingUser=USER_GUID, modifiedDateTime=modified)
        if a.note:
            _text_el(sel, "Description", a.note)
        for tag in a.tags:
            coding = _e(sel, "Coding", guid=guid("coding", a.id, tag),
                        creatingUser=USER_GUID, creationDateTime=created)
            _e(coding, "CodeRef", targetGUID=guid("code", tag))
        if a.bookmark:
            coding = _e(sel, "Coding", guid=guid("coding", a.id, "\x00bookmark"),
                        creatingUser=USER_GUID, creationDateTime=created)
            _e(coding, "CodeRef", targetGUID=BOOKMARK_GUID)

    return write


def _remark_selection(
    src: _Node, m: Meeting, start: int, end: int, speaker: str, kind: str,
    remap: Callable[[int], int],
) -> Callable[[], None]:
    def write() -> None:
        sel = _e(src, "PlainTextSelection", guid=guid("remark", m.id, start, end, speaker),
                 name=xml_safe(f"{speaker} ({kind})"),
                 startPosition=str(remap(start)), endPosition=str(remap(end)),
                 creatingUser=USER_GUID)
        coding = _e(sel, "Coding", guid=guid("remark-coding", m.id, start, end, speaker),
                    creatingUser=USER_GUID)
        _e(coding, "CodeRef", targetGUID=guid("speaker-code", speaker))

    return write


def write_qdpx(path: Path | str, xml: bytes, texts: dict[str, str]) -> None:
    """Write the zip with fixed time stamps and sorted entries (byte-identical output)."""
    entries = [("project.qde", xml)] + [(k, texts[k].encode("utf-8")) for k in sorted(texts)]
    tmp = Path(str(path) + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    tmp.replace(path)


def export_qdpx(
    records: Sequence[Record],
    tags: Sequence[Tag],
    path: Path | str,
    *,
    project_name: str = "Parley project",
    progress: Progress | None = None,
) -> QdpxSummary:
    """Write a REFI-QDA project of ``records`` to ``path``; returns what went in."""
    xml, texts, summary = build_project(records, tags, project_name=project_name,
                                        progress=progress)
    write_qdpx(path, xml, texts)
    return summary
