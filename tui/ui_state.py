"""Where the reader was: last meeting, sort, and per meeting the selection and scroll.

Kept in ``state.json`` beside the config (not in TinyDB, which holds what people create:
this is disposable). Written atomically — a temporary file in the same directory, fsync,
``os.replace`` — so a crash leaves the old state or the new one, never half of each. A
missing or unreadable file means a fresh start, never an error.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from store.paths import config_dir

MAX_MEETINGS = 2000  # remembered positions; the oldest are forgotten first


@dataclass(slots=True)
class MeetingPlace:
    """Where the reader was inside one meeting."""

    remark: int = 0
    remarks_scroll: int = 0  # the remark at the top of the remarks pane
    cursor: int = 0
    anchor: int | None = None  # the other end of the transcript selection, if any
    transcript_scroll: int = 0  # the text offset at the top of the transcript (width-proof)
    view: str = "remarks"

    def to_json(self) -> dict[str, Any]:
        """The place as JSON (by hand: ``asdict`` deep-copies, and a state has 2,000)."""
        return {name: getattr(self, name) for name in _PLACE_FIELDS}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeetingPlace:
        place = cls()
        for name in _PLACE_FIELDS:
            value = data.get(name, getattr(place, name))
            if name == "view":
                place.view = value if value in ("remarks", "transcript") else "remarks"
            elif name == "anchor":
                place.anchor = value if isinstance(value, int) and value >= 0 else None
            elif isinstance(value, int) and value >= 0:
                setattr(place, name, value)
        return place


_PLACE_FIELDS = tuple(f.name for f in fields(MeetingPlace))


@dataclass(slots=True)
class UIState:
    """The whole remembered state."""

    last_meeting: str | None = None
    last_index: int = 0
    sort: str = "date_desc"
    meetings: dict[str, MeetingPlace] = field(default_factory=dict)

    def place(self, meeting_id: str) -> MeetingPlace:
        """The remembered place in ``meeting_id`` (a fresh one if none), made most recent."""
        place = self.meetings.pop(meeting_id, None) or MeetingPlace()
        self.meetings[meeting_id] = place
        while len(self.meetings) > MAX_MEETINGS:
            self.meetings.pop(next(iter(self.meetings)))
        return place

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "last_meeting": self.last_meeting,
            "last_index": self.last_index,
            "sort": self.sort,
            "meetings": {key: value.to_json() for key, value in self.meetings.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> UIState:
        if not isinstance(data, dict):
            return cls()
        state = cls()
        last = data.get("last_meeting")
        state.last_meeting = last if isinstance(last, str) else None
        index = data.get("last_index")
        state.last_index = index if isinstance(index, int) and index >= 0 else 0
        sort = data.get("sort")
        state.sort = sort if isinstance(sort, str) else "date_desc"
        meetings = data.get("meetings")
        if isinstance(meetings, dict):
            for key, value in meetings.items():
                if isinstance(key, str) and isinstance(value, dict):
                    state.meetings[key] = MeetingPlace.from_json(value)
        return state


def state_path() -> Path:
    return config_dir() / "state.json"


def load_state(path: Path | None = None) -> UIState:
    """The saved state, or a fresh one if there is none or it cannot be read."""
    path = path or state_path()
    try:
        return UIState.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return UIState()


def save_state(state: UIState, path: Path | None = None) -> None:
    """Write ``state`` atomically; silently keep the old file if the disk says no."""
    path = path or state_path()
    data = json.dumps(state.to_json(), ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(OSError):
        atomic_write(path, data)


def atomic_write(path: Path, data: str) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
