"""Storage under faults, end to end through the CLI (the store's own unit tests are in
``tests/storage``): a damaged annotations file, a read-only library folder, and the
locks left by a Parley killed with ``kill -9``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.annotations import AnnotationStore
from store.library import DB_NAME, Library
from store.schema import CODEBOOK_FILE, shard_relpath
from tests.robustness.conftest import SmallLibrary, cli
from tests.robustness.damage import damage
from tests.robustness.hostile_corpus import transcript

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("which", "how"), [("shard", "truncated in place"),
                                            ("codebook", "garbled as a new file")])
def test_damaged_annotations_file(small_library: SmallLibrary, which: str, how: str) -> None:
    root = small_library.root
    rel = shard_relpath(small_library.meeting_ids[0]) if which == "shard" else CODEBOOK_FILE
    path = root / "annotations" / rel
    bad = damage(path, how)

    # parley doctor: one sentence naming the file and its newest backup, exit 1
    code, out, err = cli("doctor", "--library", str(root))
    assert code == 1 and "Traceback" not in out + err
    lines = [line for line in out.splitlines() if line.startswith("✗")]
    assert len(lines) == 1, out
    assert lines[0].startswith(f"✗ The annotations file {path} is damaged and kept as it is; "
                               "its newest backup ")
    assert "parley doctor --repair puts it back" in lines[0]
    backup = Path(lines[0].split("its newest backup ", 1)[1].split(" is ", 1)[0])
    assert backup == AnnotationStore.backups_of(path)[0]

    # parley annotations: one sentence on stderr, exit 1, nothing listed
    code, out, err = cli("--library", str(root), "annotations")
    assert code == 1 and out == "" and "Traceback" not in err
    message = " ".join(err.split())  # the console may wrap a long sentence
    assert message.startswith(f"The annotations file {path} is damaged")
    assert "can replace it" in message and message.endswith(".")
    assert path.read_bytes() == bad  # kept, never overwritten

    # the repair: the backup is put back, the damaged file is kept aside
    code, out, _ = cli("doctor", "--library", str(root), "--repair")
    assert code == 0, out
    assert f"Restored {path} from its backup" in out
    kept = list((root / "annotations" / "damaged").rglob(f"{path.name}.*"))
    assert [k.read_bytes() for k in kept] == [bad]
    code, out, _ = cli("--library", str(root), "annotations", "--json")
    assert code == 0 and len(out.splitlines()) == 2


def test_damaged_in_place_still_has_an_independent_backup(small_library: SmallLibrary) -> None:
    """The codebook was not rewritten since the last snapshot. Snapshots are real copies,
    not hard links, so damage made in place (same inode) does not reach them, and the
    doctor points at a backup that is still good."""
    path = small_library.root / "annotations" / CODEBOOK_FILE
    bad = damage(path, "truncated in place")
    code, out, _ = cli("doctor", "--library", str(small_library.root))
    assert code == 1
    usable = AnnotationStore.backups_of(path)
    assert usable, "the session snapshot must survive damage done in place"
    line = next(line for line in out.splitlines() if line.startswith("✗"))
    assert f"its newest backup {usable[0]} is" in line
    code, _, err = cli("--library", str(small_library.root), "annotations")
    assert code == 1 and " ".join(err.split()).startswith(f"The annotations file {path} is "
                                                          "damaged")
    assert path.read_bytes() == bad


# ------------------------------------------------------------------ read-only library


def _unshare_works() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def _run_read_only(library: Path, *argv: str) -> tuple[int, str]:
    """``parley ARGV`` with ``library`` read-only: a read-only bind mount in a private
    mount namespace when running as root (root ignores permissions), else chmod."""
    code = ("import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "2000"}
    if os.geteuid() == 0:
        script = ('mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && '
                  'exec "$@"')
        cmd = ["unshare", "-m", "sh", "-c", script, str(library), sys.executable, "-c", code,
               *argv]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=120, check=False)
        return done.returncode, done.stdout + done.stderr
    modes = {p: p.stat().st_mode for p in [library, *library.rglob("*")] if p.is_dir()}
    for p in modes:
        p.chmod(0o555)
    try:
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=120, check=False)
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.skipif(os.geteuid() == 0 and not _unshare_works(),
                    reason="root without mount namespaces cannot make a folder read-only")
def test_import_into_read_only_library(small_library: SmallLibrary, tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text(transcript("a read-only library"), encoding="utf-8")
    before = (small_library.root / DB_NAME).read_bytes()
    code, output = _run_read_only(small_library.root, "--library", str(small_library.root),
                                  "import", "--jobs", "0", str(new))
    assert code == 1
    assert "Traceback" not in output
    sentence = " ".join(output.split())
    assert sentence == (f"The library at {small_library.root} cannot be written (a read-only "
                        "disk or folder permissions); nothing in it was changed.")
    assert (small_library.root / DB_NAME).read_bytes() == before
    # the doctor names the real cause
    code, output = _run_read_only(small_library.root, "doctor", "--library",
                                  str(small_library.root))
    assert "Traceback" not in output
    assert (f"The library folder {small_library.root} cannot be written (read-only disk or "
            "permissions)") in " ".join(output.split())


# ------------------------------------------------------------------ kill -9


CRASHER = """
import sqlite3, sys, time
from pathlib import Path
from store.annotations import AnnotationStore
from store.library import Library
from store.tinystore import make_lock

root, meeting_id = Path(sys.argv[1]), sys.argv[2]
with Library.open(root) as lib:
    text = lib.meeting(meeting_id).text
store = AnnotationStore.open(root)                      # holds its session lock
store.tag_span(meeting_id, 0, 12, text, "crash/survivor")  # acknowledged: must survive
make_lock(root / "annotations" / "locks" / "store.lock").acquire()  # dies holding it
conn = sqlite3.connect(root / "library.sqlite3", isolation_level=None)
conn.execute("BEGIN IMMEDIATE")                          # dies mid-transaction
conn.execute("INSERT INTO sources(path, status, imported_at) VALUES ('/crash', 'ok', 'x')")
print("ready", flush=True)
time.sleep(120)
"""


def test_stale_locks_after_kill_9_are_recovered(small_library: SmallLibrary,
                                               tmp_path: Path) -> None:
    root = small_library.root
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, str(root),
                             small_library.meeting_ids[1]], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    session = root / "annotations" / "locks" / f"session-{proc.pid}.lock"
    assert session.exists()

    code, out, _ = cli("doctor", "--library", str(root))
    assert code == 0, out  # left-over locks are worth a note, not a problem
    assert (f"A lock left by a Parley that stopped without closing (process {proc.pid}) is "
            f"in {session}; it blocks nothing") in out

    # the annotation store opens at once (flock died with the process) and kept the write
    started = time.monotonic()
    with AnnotationStore.open(root) as store:
        tags = {t for a in store.all() for t in a.tags}
    assert time.monotonic() - started < 5
    assert "crash/survivor" in tags
    assert not session.exists()  # the writable open cleared it

    # the library: the uncommitted row is gone and a new import goes through at once
    new = tmp_path / "after-crash.txt"
    new.write_text(transcript("the day after the crash"), encoding="utf-8")
    started = time.monotonic()
    code, out, err = cli("--library", str(root), "import", "--jobs", "0", str(new))
    assert code == 0, out + err
    assert time.monotonic() - started < 20
    with Library.open(root) as lib:
        assert "/crash" not in {p for p, _s, _e in lib.sources()}
        assert lib.count() == 3
    code, out, _ = cli("doctor", "--library", str(root))
    assert code == 0 and "No lock is left over from a crash." in out


def test_repair_clears_stale_session_locks(small_library: SmallLibrary) -> None:
    locks = small_library.root / "annotations" / "locks"
    dead = locks / "session-999999.lock"  # no such process, nobody holds it
    dead.touch()
    code, out, _ = cli("doctor", "--library", str(small_library.root), "--repair")
    assert code == 0
    assert "Removed the locks and unfinished writes left by a crash." in out
    assert not dead.exists()
    assert "No lock is left over from a crash." in out
