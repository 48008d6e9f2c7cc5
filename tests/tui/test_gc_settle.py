"""The real ``parley`` paces the garbage collector once it is up; test apps do not.

Why: a collection inside a key adds to its latency (3-6 ms for a young one, up to 100 ms
for a full one at 50,000 meetings); see ``tui.gc_pacer``.
"""

from __future__ import annotations

import argparse
import gc
import os
from pathlib import Path

import pytest
from textual.app import App

from tests.tui.conftest import run_async, wait_ready, wait_until
from tui import gc_pacer
from tui.app import ParleyApp
from tui.cli import open as open_cli
from tui.gc_pacer import GarbagePacer, collect_due
from tui.screens import main as main_screen


@pytest.fixture(autouse=True)
def _collector_back_on() -> object:
    """``open_app`` pauses the collector (its app would restart it): restart it here."""
    yield
    gc.enable()


@pytest.fixture
def gc_restored() -> object:
    """Whatever a test does to the collector's thresholds and frozen objects is undone."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    gc.enable()


@pytest.mark.usefixtures("gc_restored")
def test_starting_freezes_what_exists_and_leaves_python_a_safety_threshold() -> None:
    class Host:
        def set_interval(self, *args: object, **kwargs: object) -> object:
            return object()

    gc.disable()
    pacer = GarbagePacer(Host())
    pacer.start()
    assert pacer.started
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == gc_pacer.SAFETY


@pytest.mark.parametrize(
    ("counts", "paused", "expected"),
    [
        ((gc_pacer.YOUNG - 1, 0, 0), False, None),  # not enough to be worth it
        ((gc_pacer.YOUNG, 0, 0), False, 0),
        ((gc_pacer.YOUNG, gc_pacer.OLDER, 0), False, 1),  # every tenth: the middle one
        ((gc_pacer.YOUNG, gc_pacer.OLDER, gc_pacer.OLDER), False, 1),  # full: only in a pause
        ((gc_pacer.IDLE_YOUNG, 0, 0), True, 0),
        ((gc_pacer.IDLE_YOUNG - 1, 0, 0), True, None),
        ((0, gc_pacer.OLDER, gc_pacer.OLDER), True, 2),
    ],
)
def test_the_collection_due_is_pythons_own_choice_with_the_full_one_kept_for_pauses(
    monkeypatch: pytest.MonkeyPatch, counts: tuple[int, int, int], paused: bool,
    expected: int | None,
) -> None:
    collected: list[int] = []
    monkeypatch.setattr(gc_pacer.gc, "get_count", lambda: counts)
    monkeypatch.setattr(gc_pacer.gc, "collect", lambda generation=2: collected.append(generation))
    assert collect_due(paused=paused) == expected
    assert collected == ([] if expected is None else [expected])


@run_async
async def test_a_keys_collection_comes_after_the_paint_that_shows_it(
    demo_app, monkeypatch: pytest.MonkeyPatch, gc_restored: object
) -> None:
    """Held keys: the young generation is always due, and each collection must wait
    until the key's frame has gone out."""
    from tui.widgets.meetings.meeting_list import MeetingList

    events: list[str] = []
    monkeypatch.setattr(main_screen, "SETTLE_DELAY", 0.01)
    app = demo_app(settle_gc=True)
    painted = App._display

    def display(self: App[object], screen: object, renderable: object) -> None:
        if renderable is not None and events and events[-1] == "key":
            events.append("painted")
        painted(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", display)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.1)
        assert app.gc_pacer is not None and app.gc_pacer.started
        monkeypatch.setattr(gc_pacer.gc, "get_count", lambda: (gc_pacer.YOUNG, 0, 0))
        monkeypatch.setattr(
            gc_pacer.gc, "collect", lambda generation=2: events.append(f"collect {generation}")
        )
        meetings = app.screen.query_one(MeetingList)
        meetings.focus()
        for key in ("j", "k"):
            events.append("key")
            await pilot.press(key)
            await wait_until(pilot, lambda: events[-1].startswith("collect"), "a collection")
        assert events == ["key", "painted", "collect 0"] * 2


def test_parley_settles_the_collector_and_sets_its_frame_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[ParleyApp] = []
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: made.append(self))
    monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    assert open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib"))) == 0
    assert made and made[0].gc_pacer is not None
    assert os.environ["TEXTUAL_FPS"] == open_cli.FPS


def test_a_chosen_fps_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: None)
    monkeypatch.setenv("TEXTUAL_FPS", "30")
    open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib")))
    assert os.environ["TEXTUAL_FPS"] == "30"


@pytest.mark.parametrize("settle", [True, False])
@run_async
async def test_main_screen_starts_the_pacer_only_when_asked(demo_app, monkeypatch, settle) -> None:
    calls: list[int] = []
    monkeypatch.setattr(GarbagePacer, "start", lambda self: calls.append(1))
    monkeypatch.setattr(main_screen, "SETTLE_DELAY", 0.05)
    app = demo_app(settle_gc=settle)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.3)
    assert calls == ([1] if settle else [])
    assert (app.gc_pacer is not None) is settle


@pytest.mark.usefixtures("gc_restored")
def test_parley_pauses_the_collector_for_start_up_and_the_pacer_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[ParleyApp] = []
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: made.append(self))
    monkeypatch.setattr(ParleyApp, "set_interval", lambda self, *a, **k: object())
    open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib")))
    assert not gc.isenabled()
    assert made[0].gc_pacer is not None
    made[0].gc_pacer.start()
    assert gc.isenabled()


@run_async
async def test_the_collector_runs_again_even_if_the_library_never_opens(
    demo_app, monkeypatch: pytest.MonkeyPatch, gc_restored: object
) -> None:
    from tui import app as app_module

    monkeypatch.setattr(app_module, "GC_PAUSE_LIMIT", 0.05)
    monkeypatch.setattr(main_screen, "SETTLE_DELAY", 60)  # the settle will not come
    app = demo_app(settle_gc=True)
    gc.disable()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert gc.isenabled()
        assert app.gc_pacer is not None and app.gc_pacer.started
