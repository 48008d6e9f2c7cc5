"""The real ``parley`` in a real terminal (tmux): it opens on the sample library and
shows the two seed meetings and Lavrov's and Ivanov's remarks, and a tag typed there
is still there after a restart.

Runs on its own tmux server socket so it never touches anyone's sessions; polls
``capture-pane`` until the text appears or a timeout passes (no fixed sleeps).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TIMEOUT = 60.0


class Tmux:
    """One tmux server (private socket) running one session."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "parley")

    def wait_for(self, *needles: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(needle in screen for needle in needles):
                return screen
            time.sleep(0.1)  # polling interval, not a wait for a guessed duration
        raise AssertionError(f"timed out waiting for {needles!r}; the screen was:\n{screen}")


def _start(tmux: Tmux, env: dict[str, str]) -> None:
    parley = shutil.which("parley")
    program = [parley] if parley else [sys.executable, "-m", "tui"]
    command = "env " + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command += " " + " ".join(shlex.quote(p) for p in program)
    tmux.run(
        "-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", "-s", "parley", command
    )


def _quit(tmux: Tmux) -> None:
    tmux.run("send-keys", "-t", "parley", "q")
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and "parley" in tmux.run("list-sessions"):
        time.sleep(0.1)
    assert "parley" not in tmux.run("list-sessions"), "q did not quit"


def _env(tmp_path: Path) -> dict[str, str]:
    """A fresh library, sample library and config folder, as a new user has."""
    return {
        "PARLEY_LIBRARY": str(tmp_path / "library"),
        "PARLEY_SAMPLE_LIBRARY": str(tmp_path / "sample-library"),
        "PARLEY_CONFIG_DIR": str(tmp_path / "config"),
        "TEXTUAL_ANIMATIONS": "none",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "LANG": "C.UTF-8",
    }


def test_parley_in_tmux_shows_seed_meetings_and_remarks(tmp_path: Path) -> None:
    tmux = Tmux(f"parley-test-{os.getpid()}")
    _start(tmux, _env(tmp_path))
    try:
        screen = tmux.wait_for("Meetings (2)", "▌ Sergey Lavrov")
        assert "2015-06-11" in screen
        assert "Lavrov" in screen
        tmux.run("send-keys", "-t", "parley", "j")
        screen = tmux.wait_for("▌ Igor Ivanov")
        assert "Ivanov" in screen
        assert "2015-06-11" in screen  # both meetings are still listed
        tmux.run("send-keys", "-t", "parley", "v")
        tmux.wait_for("Transcript")
        _quit(tmux)
    finally:
        tmux.run("kill-server")


def test_a_tag_typed_in_tmux_survives_a_restart(tmp_path: Path) -> None:
    """A person tags Lavrov's opening statement, quits, starts again: the tag is there."""
    env = _env(tmp_path)
    tmux = Tmux(f"parley-tag-{os.getpid()}")
    _start(tmux, env)
    try:
        tmux.wait_for("Meetings (2)", "▌ Sergey Lavrov")
        tmux.run("send-keys", "-t", "parley", "Tab")  # into the remarks pane
        tmux.run("send-keys", "-t", "parley", "t")
        tmux.wait_for("type to find or create a tag")
        tmux.run("send-keys", "-t", "parley", "-l", "topic/oic")
        tmux.run("send-keys", "-t", "parley", "Enter")
        tmux.wait_for("Tags on this passage", "■ topic/oic")
        tmux.run("send-keys", "-t", "parley", "Escape")
        # the meetings pane counts the tagged passage; its lines carry the tag's bar
        tmux.wait_for("# 1 ★ 0", "▌┃")
        _quit(tmux)
        _start(tmux, env)
        tmux.wait_for("Meetings (2)", "# 1 ★ 0", "▌┃")
        _quit(tmux)
    finally:
        tmux.run("kill-server")
