"""Acknowledged writes survive SIGKILL, and two processes on one library lose nothing.

Both tests run ``tag_writer.py`` in child processes: it prints one line per write,
flushed after ``tag_span`` returned, so every printed line is a write the app had
acknowledged to its user.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.annotations import AnnotationStore
from tests.conftest import ROOT

WRITER = Path(__file__).with_name("tag_writer.py")


def start_writer(library: Path, name: str, count: int, go: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [sys.executable, str(WRITER), str(library), name, str(count)]
    if go is not None:
        args.append(str(go))
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first == "ready\n", (first, proc.stderr.read() if proc.stderr else "")
    return proc


def acknowledged(output: str) -> list[tuple[str, int, int, str]]:
    """The complete write lines (a line cut by the kill has no newline: not acknowledged)."""
    out = []
    for line in output.splitlines(keepends=True):
        if not line.endswith("\n") or line.strip() in ("ready", "done"):
            continue
        meeting, start, end, tag = line.split()
        out.append((meeting, int(start), int(end), tag))
    return out


def missing(library: Path, writes: list[tuple[str, int, int, str]]) -> list[tuple]:
    with AnnotationStore.open(library) as store:
        lost = []
        for meeting, start, end, tag in writes:
            a = store.find_span(meeting, start, end)
            if a is None or tag not in a.tags or tag not in {t.name for t in store.tags()}:
                lost.append((meeting, start, end, tag))
        return lost


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_write(library: Path) -> None:
    rng = random.Random(20261122)
    all_acked: list[tuple[str, int, int, str]] = []
    rounds = 25
    for r in range(rounds):
        proc = start_writer(library, f"r{r}", 1_000_000)
        time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        acked = acknowledged(out)
        all_acked += acked
        # the store opens after every kill, and holds every acknowledged write so far
        assert missing(library, acked) == [], f"round {r}"
    assert missing(library, all_acked) == []
    assert len(all_acked) > rounds  # the kills did land in the middle of streams of writes
    leftovers = list((library / "annotations").rglob("*.tmp"))
    assert leftovers == [], "temp files of killed writers are cleaned up on open"


@pytest.mark.slow
def test_two_processes_lose_no_update(library: Path, tmp_path: Path) -> None:
    AnnotationStore.open(library).close()
    go = tmp_path / "go"
    a = start_writer(library, "a", 200, go)
    b = start_writer(library, "b", 200, go)
    go.touch()
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0 and b.returncode == 0, (err_a, err_b)
    writes = acknowledged(out_a) + acknowledged(out_b)
    assert len(writes) == 400
    assert missing(library, writes) == []
    with AnnotationStore.open(library) as store:
        shared = store.for_meeting("shared")
        assert len(shared) == 100
        assert all(set(x.tags) == {"writer/a", "writer/b"} for x in shared)
        assert len(store.for_meeting("own-a")) == len(store.for_meeting("own-b")) == 100
        assert store.tag_counts() == {"writer/a": 200, "writer/b": 200}


def test_other_sessions_are_visible_and_crashed_ones_vanish(library: Path) -> None:
    store = AnnotationStore.open(library)
    assert store.other_sessions() == []
    other = start_writer(library, "idle", 0)  # opens, prints ready, closes at once
    other.communicate(timeout=30)
    assert store.other_sessions() == []  # a closed session leaves nothing behind
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from store.annotations import AnnotationStore; "
            "s = AnnotationStore.open(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
            str(library),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        assert store.other_sessions() == [holder.pid]
    finally:
        holder.kill()
        holder.wait()
    assert store.other_sessions() == []
    assert not list((library / "annotations" / "locks").glob(f"session-{holder.pid}.lock"))
    store.close()
