"""Markdown: a readable report of the coded passages, grouped by tag or by meeting.

Each passage is a blockquote followed by who said it, when and in which meeting, then
the note. Document text is data, not Markdown: characters that would start emphasis,
links, headings, HTML or lists are backslash-escaped (CommonMark allows escaping any
ASCII punctuation), so a transcript containing ``*`` or ``<b>`` prints as written.
The order is fixed (tags by name, passages in the records' order), so a report of the
same library is the same file every time and can be compared with an expected file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from store.export.records import UNTAGGED, Record, codebook
from store.models import Tag

Grouping = Literal["tag", "meeting"]
Progress = Callable[[int, int], None]

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START_LIST = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)")


def md_escape(text: str) -> str:
    """Plain text made literal in Markdown, one line at a time."""
    out = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        line = _LINE_START_LIST.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1] + m[3], line)
        out.append(line)
    return "\n".join(out)


def _blockquote(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.strip().split("\n")]
    return [f"> {md_escape(ln)}" if ln else ">" for ln in lines]


def _attribution(r: Record, *, with_tags: bool) -> str:
    who = "; ".join(r.speakers) if r.speakers else "unattributed"
    parts = [f"**{md_escape(who)}**", md_escape(r.date or "undated")]
    if r.meeting is not None:
        parts.append(f"*{md_escape(r.title)}*")
    else:
        parts.append(f"meeting {md_escape(r.annotation.meeting_id)} (not found: orphaned)")
    if r.annotation.orphaned and r.meeting is not None:
        parts.append("orphaned")
    if with_tags and r.annotation.tags:
        parts.append("tags: " + ", ".join(
            f"`{t}`" if "`" not in t else md_escape(t) for t in r.annotation.tags))
    if r.annotation.bookmark:
        parts.append("bookmarked")
    return "— " + " · ".join(parts)


def _passage(r: Record, *, with_tags: bool) -> list[str]:
    lines = _blockquote(r.text)
    lines.append(">")
    lines.append(f"> {_attribution(r, with_tags=with_tags)}")
    lines.append("")
    note = r.annotation.note.strip()
    if note:
        # Each line of the note its own paragraph: a single newline would be joined.
        first, *rest = [ln.strip() for ln in note.split("\n") if ln.strip()]
        lines += [f"**Note:** {md_escape(first)}", ""]
        for ln in rest:
            lines += [md_escape(ln), ""]
    return lines


def render_markdown(
    records: Sequence[Record],
    tags: Sequence[Tag],
    *,
    group: Grouping = "tag",
    title: str = "Parley report",
    progress: Progress | None = None,
) -> str:
    """The report as one Markdown string (ends with a single newline)."""
    n_meetings = len({r.annotation.meeting_id for r in records})
    lines = [f"# {md_escape(title)}", ""]
    lines.append(
        f"{len(records)} passage{'s' if len(records) != 1 else ''} from {n_meetings} "
        f"meeting{'s' if n_meetings != 1 else ''}, grouped by {group}."
    )
    lines.append("")
    total = len(records)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(min(done, total), total)

    if group == "meeting":
        current: str | None = None
        for r in records:
            if r.annotation.meeting_id != current:
                current = r.annotation.meeting_id
                head = f"{r.date or 'undated'} — {r.title}" if r.meeting else current
                lines += [f"## {md_escape(head)}", ""]
                if r.meeting is not None:
                    m = r.meeting
                    meta = [md_escape(x) for x in (m.outlet, m.place, m.kind) if x]
                    meta.append(f"meeting `{m.id}`")
                    lines += [" · ".join(meta), ""]
            lines += _passage(r, with_tags=True)
            tick()
    else:
        for tag in codebook(tags, records):
            members = [r for r in records if tag.name in r.annotation.tags]
            if not members:
                continue
            lines += [f"## {md_escape(tag.name)}", ""]
            if tag.description:
                lines += [f"*{md_escape(tag.description)}*", ""]
            for r in members:
                lines += _passage(r, with_tags=False)
                tick()
        untagged = [r for r in records if not r.annotation.tags]
        if untagged:
            lines += [f"## {md_escape(UNTAGGED)}", ""]
            for r in untagged:
                lines += _passage(r, with_tags=False)
                tick()
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def export_markdown(
    records: Sequence[Record],
    tags: Sequence[Tag],
    path: Path | str,
    *,
    group: Grouping = "tag",
    title: str = "Parley report",
    progress: Progress | None = None,
) -> int:
    """Write the report to ``path`` (UTF-8, ``\\n``); returns the passage count."""
    text = render_markdown(records, tags, group=group, title=title, progress=progress)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return len(records)
