"""Meetings written as small JSON files, read by a stand-in for ``store.ingest.extract``.

Library tests are about storing, listing and searching, so they use documents whose
meetings, speakers and remarks are exactly what the test says, independent of how the
ingest heuristics (owned and tested elsewhere) read real pages. ``install`` swaps the
extractor in for in-process imports (``jobs=0``); worker processes keep the real one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from store.ingest import Unreadable
from store.ingest.pipeline import meeting_id
from store.models import Meeting, Person, Remark

MARK = "PARLEY-TEST-MEETING\n"


def write_meeting(
    path: Path,
    *,
    title: str,
    turns: list[tuple[str | None, str, str]],
    date: str | None = None,
    outlet: str | None = "Test Wire",
    place: str | None = None,
    people: list[tuple[str, str | None]] | None = None,
    preamble: str = "",
    kind: str = "transcript",
) -> Path:
    """Write a meeting: ``turns`` are (speaker, remark kind, text); text is built from them.

    Each turn is a paragraph ``Speaker: text``; the remark spans the text after the label.
    ``preamble`` is a paragraph before the first turn that belongs to no remark.
    """
    text = ""
    if preamble:
        text = preamble + "\n\n"
    remarks = []
    for speaker, rkind, body in turns:
        label = f"{speaker or 'Question'}: "
        start = len(text) + len(label)
        text += label + body + "\n\n"
        remarks.append({"speaker": speaker, "kind": rkind, "start": start,
                        "end": start + len(body)})
    text = text.rstrip("\n")
    names = people if people is not None else [
        (s, None) for s in dict.fromkeys(t[0] for t in turns if t[0])
    ]
    data = {
        "title": title, "date": date, "outlet": outlet, "place": place, "kind": kind,
        "participants": [{"name": n, "role": r} for n, r in names],
        "remarks": remarks, "text": text,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MARK + json.dumps(data), encoding="utf-8")
    return path


def fake_extract(data: bytes, source: str) -> list[Meeting]:
    """Read a :func:`write_meeting` file; anything else is "not a document"."""
    raw = data.decode("utf-8", errors="replace")
    if not raw.startswith(MARK):
        raise Unreadable(f"{source} is not a test meeting.")
    d: dict[str, Any] = json.loads(raw[len(MARK):])
    text = d["text"]
    return [
        Meeting(
            id=meeting_id(text), title=d["title"], date=d["date"], date_inferred=False,
            place=d["place"], outlet=d["outlet"], kind=d["kind"],
            participants=tuple(Person(p["name"], p.get("role")) for p in d["participants"]),
            remarks=tuple(
                Remark(r["speaker"], r["kind"], text[r["start"]:r["end"]], r["start"], r["end"])
                for r in d["remarks"]
            ),
            text=text, source=source,
        )
    ]


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    import store.ingest

    monkeypatch.setattr(store.ingest, "extract", fake_extract)


def hang_worker(task: Any, timeout: float | None) -> Any:
    """A worker stuck where SIGALRM cannot reach (it never installs the handler)."""
    import os
    import time

    from store.importer import FileResult

    if os.path.basename(task.path).startswith("hang"):
        time.sleep(3600)
    return FileResult(task.path, "failed", error=f"{task.path} was seen.")


def crash_worker(task: Any, timeout: float | None) -> Any:
    """A worker process that dies on one file, as a segfault in a C parser would."""
    import os

    from store.importer import FileResult

    if os.path.basename(task.path).startswith("crash"):
        os._exit(3)
    return FileResult(task.path, "failed", error=f"{task.path} was seen.")
