"""The real ``parley`` settles the garbage collector once it is up; test apps do not.

Why: a full cyclic collection walks every object Textual made at start-up and costs up
to 100 ms of a key's latency at 50,000 meetings (see ``tui.screens.main``).
"""

from __future__ import annotations

import argparse
import gc
import os
from pathlib import Path

import pytest

from tests.tui.conftest import run_async, wait_ready
from tui.app import ParleyApp
from tui.cli import open as open_cli
from tui.screens import main as main_screen


@pytest.fixture(autouse=True)
def _collector_back_on() -> object:
    """``open_app`` pauses the collector (its app would restart it): restart it here."""
    yield
    gc.enable()


def test_settling_freezes_what_exists_and_raises_the_first_threshold() -> None:
    thresholds = gc.get_threshold()
    try:
        main_screen._settle_garbage_collector()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == main_screen._GC_THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_parley_settles_the_collector_and_sets_its_frame_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[ParleyApp] = []
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: made.append(self))
    monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    assert open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib"))) == 0
    assert made and made[0].settle_gc is True
    assert os.environ["TEXTUAL_FPS"] == open_cli.FPS


def test_a_chosen_fps_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: None)
    monkeypatch.setenv("TEXTUAL_FPS", "30")
    open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib")))
    assert os.environ["TEXTUAL_FPS"] == "30"


@pytest.mark.parametrize("settle", [True, False])
@run_async
async def test_main_screen_settles_only_when_asked(demo_app, monkeypatch, settle) -> None:
    calls: list[int] = []
    monkeypatch.setattr(main_screen, "_settle_garbage_collector", lambda: calls.append(1))
    monkeypatch.setattr(main_screen, "SETTLE_DELAY", 0.05)
    app = demo_app(settle_gc=settle)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.3)
    assert calls == ([1] if settle else [])


def test_parley_pauses_the_collector_for_start_up_and_settling_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ParleyApp, "run", lambda self, *a, **k: None)
    thresholds = gc.get_threshold()
    try:
        open_cli.open_app(argparse.Namespace(library=str(tmp_path / "lib")))
        assert not gc.isenabled()
        main_screen._settle_garbage_collector()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*thresholds)


@run_async
async def test_the_collector_runs_again_even_if_the_library_never_opens(
    demo_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import app as app_module

    monkeypatch.setattr(app_module, "GC_PAUSE_LIMIT", 0.05)
    monkeypatch.setattr(main_screen, "SETTLE_DELAY", 60)  # the settle will not come
    app = demo_app(settle_gc=True)
    gc.disable()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            assert gc.isenabled()
    finally:
        gc.enable()
