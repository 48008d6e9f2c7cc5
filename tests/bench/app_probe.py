"""Subprocess probe for the app benchmarks: start time, key latency, memory.

Run by ``tests/bench/run.py`` in a fresh interpreter for every measurement (a cold
start must pay for imports), never imported by it. Usage::

    python tests/bench/app_probe.py startup --app empty
    python tests/bench/app_probe.py startup --app parley --library LIB
    python tests/bench/app_probe.py keys --library LIB --presses 200

and it prints one JSON object on stdout.

How "ready" is decided, the same way for both apps so the ratio is fair:

- ``App.run`` is wrapped to run headless at a fixed size (120×40) — the app under test
  is started exactly as ``parley`` starts it, through ``tui.cli.main(["--library",
  LIB])``, so whatever app class and start-up the CLI uses is what is measured.
- ``App._display`` is wrapped to note every paint. Headless Textual skips turning the
  compositor's update into terminal bytes, so the wrapper does that part too
  (``render_segments``) — a real terminal pays for it, and both apps pay alike.
- The empty app (``Header`` + ``Footer``) is ready at its first paint. Parley is ready
  at the first paint in which the meetings pane drew real meeting rows (not loading
  placeholders); its key bindings are live from then on.
- Time is counted from the parent's ``time.monotonic()`` just before it started this
  process (passed in ``BENCH_T0``; CLOCK_MONOTONIC is system-wide on Linux), so the
  interpreter's own start-up and imports are included.

Key latency (``keys``): keys are delivered as the terminal driver delivers them
(``driver.send_message(events.Key)``), and each one is timed from that moment to the
paint that shows its effect: for ``j`` in the meetings pane, the paint in which the
remarks pane holds the newly highlighted meeting (loaded from the library on the
library thread); for ``j``/``k`` in the remarks pane, the paint showing the moved
cursor. Keys come at most every 40 ms, like a held key's auto-repeat. Parley's runs
use the frame rate ``parley`` sets for itself (``tui.cli.open.FPS``); the empty app
keeps Textual's default.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BEGAN = float(os.environ.get("BENCH_T0") or 0) or time.monotonic()
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if sys.argv[1:2] == ["keys"] or "parley" in sys.argv:
    # ``parley`` sets its frame rate before Textual is first imported; this process
    # imports Textual first (for the empty app), so it does the same for Parley's runs.
    from tui.cli.open import FPS

    os.environ.setdefault("TEXTUAL_FPS", FPS)

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Footer, Header  # noqa: E402

SIZE = (120, 40)
KEY_GAP = 0.040  # seconds between key presses at most (auto-repeat rate)
TIMEOUT = 10.0  # a paint that never comes counts as this long


def rss_mb() -> float:
    """Resident set size now, from /proc (falls back to the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Paints:
    """Every paint, and whoever waits for one that satisfies a condition."""

    def __init__(self) -> None:
        self.ready: asyncio.Event | None = None
        self.ready_at: float | None = None
        self.ready_cpu: float | None = None  # CPU seconds of this process until ready
        self.is_ready: Callable[[App[Any]], bool] = lambda app: True
        self.waiters: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []

    def painted(self, app: App[Any]) -> None:
        now = time.monotonic()
        if self.ready_at is None and self.is_ready(app):
            self.ready_at = now
            self.ready_cpu = time.process_time()
            if self.ready is not None:
                self.ready.set()
        for pair in list(self.waiters):
            check, future = pair
            if not future.done() and check():
                future.set_result(now)
                self.waiters.remove(pair)

    async def wait_for(self, check: Callable[[], bool], timeout: float = TIMEOUT) -> float:
        """The time of the first paint after now at which ``check()`` holds."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters.append((check, future))
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            return time.monotonic()


PAINTS = Paints()


def _patch_app(auto_pilot: Callable[[Any], Any] | None) -> None:
    """Run every app headless at ``SIZE`` with ``auto_pilot``, and note every paint."""
    original_run = App.run
    original_display = App._display

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE, auto_pilot=auto_pilot)
        return original_run(self, **kwargs)

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and self.is_headless:
            # What a real terminal pays for and headless Textual skips: encode the update.
            render = getattr(renderable, "render_segments", None)
            if render is not None:
                render(self.console)
        original_display(self, screen, renderable)
        if renderable is not None:
            PAINTS.painted(self)

    App.run = run  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]


class EmptyApp(App[None]):
    """The baseline: a bare Textual app with a header and a footer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


def _parley_ready_marker() -> None:
    """Parley is ready once its meetings pane has drawn a real row (not a placeholder)."""
    from tui.widgets.meetings.meeting_list import MeetingList

    original = MeetingList._row_segments
    drawn = {"rows": False}

    def row_line(self: MeetingList, *args: Any, **kwargs: Any) -> Any:
        drawn["rows"] = True
        return original(self, *args, **kwargs)

    MeetingList._row_segments = row_line  # type: ignore[method-assign]
    PAINTS.is_ready = lambda app: drawn["rows"]


PROFILE: dict[str, Any] = {}
"""``--profile FILE``: a pyinstrument profiler running over the measured part."""


def _profile_start(path: str | None) -> None:
    if path:
        from pyinstrument import Profiler

        PROFILE["path"] = path
        PROFILE["profiler"] = Profiler(interval=0.001, async_mode="disabled")
        PROFILE["profiler"].start()


def _finish(result: dict[str, Any]) -> None:
    profiler = PROFILE.get("profiler")
    if profiler is not None:
        profiler.stop()
        from pyinstrument.renderers import ConsoleRenderer

        session = profiler.last_session
        tree = ConsoleRenderer(unicode=True, time="percent_of_total").render(session)
        flat = ConsoleRenderer(flat=True, time="percent_of_total").render(session)
        # the call tree, then the functions by their own time (what to make cheaper)
        Path(PROFILE["path"]).write_text(tree + "\n\nBy own time:\n" + flat[:6000])
    print(json.dumps(result), flush=True)
    os._exit(0)  # no shutdown work: the measurement is over


def _run_parley(library: str) -> None:
    from tui.cli import main as cli_main

    cli_main(["--library", library])


def startup(args: argparse.Namespace) -> None:
    """Start one app, note when it is ready, then its memory once it has settled."""

    async def pilot(p: Any) -> None:
        PAINTS.ready = asyncio.Event()
        if PAINTS.ready_at is None:
            await asyncio.wait_for(PAINTS.ready.wait(), 60)
        ready_s = (PAINTS.ready_at or time.monotonic()) - BEGAN
        ready_cpu_s = PAINTS.ready_cpu or time.process_time()
        if args.app == "parley":
            remarks = _widget(p.app, "RemarkList")
            await PAINTS.wait_for(lambda: remarks.meeting is not None)
        await p.pause()
        _finish(
            {"app": args.app, "ready_s": ready_s, "ready_cpu_s": ready_cpu_s, "rss_mb": rss_mb()}
        )

    _profile_start(args.profile)
    _patch_app(pilot)
    if args.app == "empty":
        EmptyApp().run()
    else:
        _parley_ready_marker()
        _run_parley(args.library)
    _finish({"app": args.app, "error": "the app exited before it was ready"})


def _widget(app: App[Any], name: str) -> Any:
    from tui.widgets.meetings.meeting_list import MeetingList
    from tui.widgets.reader.remark_list import RemarkList

    kind = {"MeetingList": MeetingList, "RemarkList": RemarkList}[name]
    return app.screen.query_one(kind)


CPU: list[float] = []
"""Process CPU time (all threads) at each key press, to separate the app's own work from
waiting for a CPU on a loaded machine."""


def _send(app: App[Any], key: str) -> float:
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    began = time.monotonic()
    CPU.append(time.process_time())
    assert app._driver is not None
    app._driver.send_message(event)
    return began


async def _pace(began: float) -> None:
    await asyncio.sleep(max(0.0, KEY_GAP - (time.monotonic() - began)))


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _summary(ms: list[float]) -> dict[str, float]:
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(_p(ms, 95), 2),
        "max_ms": round(max(ms), 2),
    }


def keys(args: argparse.Namespace) -> None:
    """Time ``j`` in the meetings pane, then ``j``/``k`` in the remarks pane."""

    async def pilot(p: Any) -> None:
        app = p.app
        PAINTS.ready = asyncio.Event()
        if PAINTS.ready_at is None:
            await asyncio.wait_for(PAINTS.ready.wait(), 60)
        meetings = _widget(app, "MeetingList")
        remarks = _widget(app, "RemarkList")
        await PAINTS.wait_for(lambda: remarks.meeting is not None)
        meetings.focus()
        await p.pause()
        _profile_start(args.profile)

        meeting_ms: list[float] = []
        meeting_cpu: list[float] = []
        step = 1
        for _ in range(args.presses if meetings.total > 1 and args.pane != "remarks" else 0):
            if not 0 <= meetings.cursor + step < meetings.total:
                step = -step
            target = meetings.cursor + step

            def shown(target: int = target) -> bool:
                row = meetings.row_at(target)
                return (
                    DRAWN["list_cursor"] == target
                    and row is not None
                    and DRAWN["remarks_of"] == row.id
                )

            began = _send(app, "j" if step > 0 else "k")
            meeting_ms.append((await PAINTS.wait_for(shown) - began) * 1000)
            meeting_cpu.append((time.process_time() - CPU[-1]) * 1000)
            await _pace(began)

        # A meeting with enough remarks to move around in (untimed search for one).
        for _ in range(min(500, meetings.total) if args.pane != "meetings" else 0):
            if len(remarks._remarks) >= 20:
                break
            if not 0 <= meetings.cursor + step < meetings.total:
                step = -step
            target = meetings.cursor + step
            _send(app, "j" if step > 0 else "k")
            await PAINTS.wait_for(
                lambda t=target: remarks.meeting is not None
                and meetings.row_at(t) is not None
                and remarks.meeting.id == meetings.row_at(t).id
            )
        remarks.focus()
        await p.pause()
        remark_ms: list[float] = []
        remark_cpu: list[float] = []
        step = 1
        n = len(remarks._remarks)
        for _ in range(args.presses if n > 1 and args.pane != "meetings" else 0):
            if not 0 <= remarks.cursor + step < n:
                step = -step
            target = remarks.cursor + step
            began = _send(app, "j" if step > 0 else "k")
            at = await PAINTS.wait_for(lambda t=target: DRAWN["remark_cursor"] == t)
            remark_ms.append((at - began) * 1000)
            remark_cpu.append((time.process_time() - CPU[-1]) * 1000)
            await _pace(began)
        _finish(
            {
                "meetings_pane": _summary(meeting_ms or [0.0]),
                "remarks_pane": _summary(remark_ms or [0.0]),
                "meetings_pane_cpu": _summary(meeting_cpu or [0.0]),
                "remarks_pane_cpu": _summary(remark_cpu or [0.0]),
                "remarks_in_meeting": n,
                "rss_mb": rss_mb(),
            }
        )

    _patch_app(pilot)
    _parley_ready_marker()
    _note_what_is_drawn()
    _run_parley(args.library)
    _finish({"error": "the app exited before the keys were timed"})


DRAWN: dict[str, Any] = {"list_cursor": None, "remarks_of": None, "remark_cursor": None}
"""What the panes last drew (not what their state says): a key counts as shown at the
paint whose lines show it. A pane's state can change a frame before its lines are drawn,
when Textual paints between the key's messages."""


def _note_what_is_drawn() -> None:
    from tui.widgets.meetings.meeting_list import ROW_HEIGHT, MeetingList
    from tui.widgets.reader.remark_list import RemarkList

    list_line = MeetingList.render_line
    remark_line = RemarkList.render_line

    def meeting_line(self: MeetingList, y: int) -> Any:
        index = (int(self.scroll_offset.y) + y) // ROW_HEIGHT
        if index == self.cursor:
            DRAWN["list_cursor"] = index
        return list_line(self, y)

    def remarks_line(self: RemarkList, y: int) -> Any:
        DRAWN["remarks_of"] = self.meeting.id if self.meeting is not None else None
        line = int(self.scroll_offset.y) + y
        if 0 <= line < len(self._lines) and self._lines[line][0] == self.cursor:
            DRAWN["remark_cursor"] = self.cursor
        return remark_line(self, y)

    MeetingList.render_line = meeting_line  # type: ignore[method-assign]
    RemarkList.render_line = remarks_line  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("startup")
    s.add_argument("--app", choices=("empty", "parley"), required=True)
    s.add_argument("--library")
    s.add_argument("--profile", help="write a pyinstrument profile of the start here")
    k = sub.add_parser("keys")
    k.add_argument("--library", required=True)
    k.add_argument("--presses", type=int, default=200)
    k.add_argument(
        "--pane", choices=("both", "meetings", "remarks"), default="both",
        help="time (and profile) one pane's keys only",
    )
    k.add_argument("--profile", help="write a pyinstrument profile of the timed keys here")
    args = parser.parse_args()
    if args.mode == "startup":
        startup(args)
    else:
        keys(args)


if __name__ == "__main__":
    main()
