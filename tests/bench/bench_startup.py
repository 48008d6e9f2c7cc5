"""Cold start of ``parley`` on the sample library vs an empty Textual app.

    python -m tests.bench.bench_startup [RUNS]        (default 7 runs each)

Each run is a new Python process (so imports are cold for the interpreter, the OS file
cache is warm), running the app headless at 160x48 until its first useful paint, then
exiting; the figure is the wall time of the whole process, median of RUNS:

* ``empty``: a Textual app with a Header and a Footer, exiting after its first refresh;
* ``parley``: ``ParleyApp`` on the bundled sample library (already imported), exiting
  once the newest meeting is shown in the reader;
* ``parley-cli``: the same through ``tui.cli.main([])``, as the ``parley`` command runs;
* ``parley-first-run``: the same in a fresh home, so the sample documents are imported
  first (what a brand-new user waits for, once).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

EMPTY = """
from textual.app import App
from textual.widgets import Footer, Header

class Empty(App):
    def compose(self):
        yield Header()
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)

Empty().run(headless=True, size=(160, 48))
"""

PARLEY = """
from store.library import Library
from tui.app import ParleyApp

class Timed(ParleyApp):
    def on_mount(self):
        super().on_mount()
        self.set_interval(0.005, self._check)
    def _check(self):
        if getattr(self.screen, "meeting", None) is not None:
            self.call_after_refresh(self.exit)

Timed(lambda: Library.open_default(None), remember=False).run(headless=True, size=(160, 48))
"""

# The same, entered the way a user does: ``parley`` → tui.cli.main → open_app, so the
# cost of building the command line (importing every subcommand module) is included.
PARLEY_CLI = """
import tui.app
from tui.app import ParleyApp

class Timed(ParleyApp):
    def on_mount(self):
        super().on_mount()
        self.remember = False
        self.set_interval(0.005, self._check)
    def _check(self):
        if getattr(self.screen, "meeting", None) is not None:
            self.call_after_refresh(self.exit)
    def run(self, **kwargs):
        return super().run(headless=True, size=(160, 48))

tui.app.ParleyApp = Timed
from tui.cli import main
main([])
"""


def run_once(code: str, home: Path) -> float:
    env = dict(os.environ)
    env.update(
        PARLEY_LIBRARY=str(home / "library"),
        PARLEY_SAMPLE_LIBRARY=str(home / "sample-library"),
        PARLEY_CONFIG_DIR=str(home / "config"),
        TEXTUAL_ANIMATIONS="none",
    )
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 7
    results: dict[str, list[float]] = {
        "empty": [],
        "parley": [],
        "parley-cli": [],
        "parley-first-run": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "warm"
        run_once(PARLEY, home)  # import the sample library once
        for index in range(runs):
            results["empty"].append(run_once(EMPTY, home))
            results["parley"].append(run_once(PARLEY, home))
            results["parley-cli"].append(run_once(PARLEY_CLI, home))
            results["parley-first-run"].append(run_once(PARLEY, Path(tmp) / f"fresh{index}"))
    print(f"cold start, median of {runs} runs (process start to first useful paint, 160x48):")
    for name, times in results.items():
        print(
            f"  {name:<17} {statistics.median(times):6.3f} s"
            f"   (min {min(times):.3f}, max {max(times):.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
