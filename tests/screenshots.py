"""Make the README's pictures from the real app on the bundled sample library.

    python -m tests.screenshots [OUT_DIR]      (default: screenshots/)

Runs Parley headless (``App.run_test`` + ``save_screenshot``) in a throw-away home, so
nothing of the user's library or settings is used or changed. Writes SVG, and PNG too
when ``rsvg-convert`` (Debian: librsvg2-bin) or the ``cairosvg`` module is available.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.tui.conftest import work_done

SIZE = (140, 40)
ROOT = Path(__file__).resolve().parents[1]


async def _wait(pilot: Pilot, condition: Callable[[], bool]) -> None:
    for _ in range(500):
        await pilot.pause()
        if condition():
            await work_done(pilot.app)
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise RuntimeError("the app did not reach the state to photograph in time")


async def _main_screen(pilot: Pilot) -> None:
    pass


async def _transcript(pilot: Pilot) -> None:
    await pilot.press("enter", "j", "enter")
    await pilot.press("ctrl+shift+right", "ctrl+shift+right", "ctrl+shift+right", "shift+down")


async def _help(pilot: Pilot) -> None:
    await pilot.press("question_mark")


async def _palette(pilot: Pilot) -> None:
    await pilot.press("ctrl+p", *"sort")
    # the palette searches in a worker: wait until its hits are drawn
    await _wait(pilot, lambda: "by title" in _screen_text(pilot))


async def _settle(pilot: Pilot) -> None:
    """Until the workers (coding marks, lists) are done and their results drawn."""
    for _ in range(3):
        await pilot.pause()
        await work_done(pilot.app)
    await pilot.pause()


async def _code_passages(pilot: Pilot) -> None:
    """Code quotes of the 2004 meeting: two tags, a bookmark, a passage in two tags, a note.

    Real keys on the real app, so the annotations land in the throw-away sample library
    and the later shots (coded transcript, codebook) show them too.
    """
    await pilot.press("j", "enter")  # the 2004 meeting (short quotes), into its remarks
    await _settle(pilot)
    await pilot.press("t", *"topic/cooperation", "enter", "escape", "b")
    await _settle(pilot)
    await pilot.press("j", "j", "j", "t", *"topic/terrorism", "enter", "escape")
    await _settle(pilot)
    await pilot.press("j", "t", *"topic/cooperation", "enter", "escape")
    await _settle(pilot)
    await pilot.press("j", "n", *"Compare with Lavrov in 2015.", "ctrl+s")
    await _settle(pilot)
    await pilot.press("g")
    await _settle(pilot)


async def _coded_transcript(pilot: Pilot) -> None:
    await pilot.press("j", "enter", "v")
    await _settle(pilot)


async def _codebook(pilot: Pilot) -> None:
    await pilot.press("C")
    await _settle(pilot)


def _screen_text(pilot: Pilot) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


SHOTS: dict[str, Callable[[Pilot], Awaitable[None]]] = {
    "main": _main_screen,
    "transcript": _transcript,
    "help": _help,
    "palette": _palette,
    # these three run last and in this order: the first codes passages the others show
    "coded": _code_passages,
    "coded-transcript": _coded_transcript,
    "codebook": _codebook,
}


async def _shoot(name: str, steps: Callable[[Pilot], Awaitable[None]], out: Path) -> Path:
    from store.library import Library
    from tui.app import ParleyApp
    from tui.settings import Settings
    from tui.ui_state import UIState

    app = ParleyApp(
        lambda: Library.open_default(None), settings=Settings(), state=UIState(), remember=False
    )
    async with app.run_test(size=SIZE) as pilot:
        await _wait(pilot, lambda: getattr(app.screen, "meeting", None) is not None)
        app.clear_notifications()
        await steps(pilot)
        await pilot.pause()
        app.save_screenshot(f"parley-{name}.svg", str(out))
    return out / f"parley-{name}.svg"


def _png(svg: Path) -> Path | None:
    png = svg.with_suffix(".png")
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True)
        return png
    try:
        import cairosvg  # type: ignore[import-not-found]
    except ImportError:
        return None
    # cairo's own font lookup takes the first family only and falls back to a
    # proportional face, which misaligns the cells; name an installed monospace face.
    text = svg.read_text(encoding="utf-8")
    text = text.replace('"Fira Code"', '"DejaVu Sans Mono"')
    text = text.replace("Fira Code, monospace", "DejaVu Sans Mono, monospace")
    cairosvg.svg2png(bytestring=text.encode("utf-8"), write_to=str(png))
    return png


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["PARLEY_LIBRARY"] = f"{home}/library"
        os.environ["PARLEY_SAMPLE_LIBRARY"] = f"{home}/sample-library"
        os.environ["PARLEY_CONFIG_DIR"] = f"{home}/config"
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        for name, steps in SHOTS.items():
            svg = asyncio.run(_shoot(name, steps, out))
            png = _png(svg)
            print(
                svg.relative_to(ROOT) if svg.is_relative_to(ROOT) else svg,
                f"+ {png.name}" if png else "(no PNG converter)",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
