"""Import the hostile folder through the real ``parley import`` and say what became of
each input: ``python -m tests.robustness.hostile_table`` prints a Markdown table.

The import runs as a person would run it (``tui.cli.main``), twice: once on the whole
folder, then once naming the files a folder import does not pick up (not a document
suffix), since a person may name them directly. Two inputs are simulated where the
machine cannot make them real: a file deleted between listing and reading (the listing
is wrapped so the file disappears right after it), and, when running as root (which
ignores ``chmod``), a file whose ``open`` raises ``PermissionError``. Parsing runs
in-process (``--jobs 0``) so those simulations reach the reader.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.robustness.hostile_corpus import UNREADABLE, VANISHING, HostileInput, make_hostile_folder


@dataclass(slots=True)
class HostileRun:
    """What ``parley import`` did with the hostile folder."""

    folder: Path
    library: Path
    inputs: list[HostileInput]
    output: str = ""  # stdout and stderr of both runs
    exit_codes: list[int] = field(default_factory=list)
    seconds: float = 0.0
    imported: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)  # "imported" by the summary

    def outcome(self, item: HostileInput) -> tuple[str, str]:
        """(status, what Parley did in words) for one input."""
        path = str(self.folder / item.name)
        if path in self.failed:
            return "refused", self.failed[path]
        if path in self.imported:
            meetings = self.imported[path]
            kinds = ", ".join(f"{k} with {n} remarks" for _t, k, n in meetings)
            return "imported", f"imported as text: {len(meetings)} meeting ({kinds})"
        if path in self.accepted:
            return "imported", "imported as text; the same text was already in the library"
        if item.name.startswith("looping/"):
            through = [p for p in (*self.imported, *self.failed) if "back-to-top" in p]
            if not through:
                return "walked", "folder walked once; the loop was not followed"
            return "looped", f"followed the loop: {through[0]}"
        return "missing", "not mentioned by parley import"


@contextlib.contextmanager
def simulated_faults(folder: Path) -> Iterator[None]:
    """Make the vanishing file vanish after listing, and the unreadable one unreadable."""
    import store.importer
    import store.ingest.sources

    original_discover = store.importer.discover
    unreadable = str(folder / UNREADABLE)

    def discover(paths: Any, skipped: Any = None) -> Any:
        found = original_discover(paths, skipped)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / VANISHING)
        return found

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == unreadable:
            raise PermissionError(13, "Permission denied", unreadable)
        return builtins.open(file, *args, **kwargs)

    store.importer.discover = discover
    if os.geteuid() == 0:
        store.ingest.sources.open = guarded_open  # type: ignore[attr-defined]
    try:
        yield
    finally:
        store.importer.discover = original_discover
        with contextlib.suppress(AttributeError):
            del store.ingest.sources.open  # type: ignore[attr-defined]


def _cli(argv: list[str]) -> tuple[int, str, str]:
    from tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def run_hostile_import(folder: Path, library: Path, *, large_mb: int = 20) -> HostileRun:
    """Make the folder, import it with the real CLI, and collect what happened."""
    inputs = make_hostile_folder(folder, large_mb=large_mb)
    run = HostileRun(folder, library, inputs)
    started = time.monotonic()
    with simulated_faults(folder):
        code, out, err = _cli(["--library", str(library), "import", "--jobs", "0", "--json",
                               str(folder)])
        run.exit_codes.append(code)
        run.output += out + err
        summaries = [json.loads(out)]
        direct = [str(folder / i.name) for i in inputs if not i.in_folder_walk]
        code, out, err = _cli(["--library", str(library), "import", "--jobs", "0", "--json",
                               *direct])
        run.exit_codes.append(code)
        run.output += out + err
        summaries.append(json.loads(out))
    run.seconds = time.monotonic() - started
    for summary in summaries:
        for failure in summary["failed"]:
            run.failed[failure["source"]] = failure["error"]
        run.accepted.update(summary["imported"])
    from store.library import Library

    with Library.open(library) as lib:
        for row in lib.rows(limit=None):
            run.imported.setdefault(row.source, []).append((row.title, row.kind, row.n_remarks))
    return run


def markdown_table(run: HostileRun) -> str:
    lines = ["| Hostile input | File | Parley did |", "|---|---|---|"]
    for item in run.inputs:
        status, words = run.outcome(item)
        how = "" if item.in_folder_walk else " (skipped by the folder walk; named directly)"
        words = words.replace("|", "\\|")
        if status == "refused":
            words = f"refused: “{words}”"
        lines.append(f"| {item.what} | `{item.name}` | {words}{how} |")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="parley-hostile-") as tmp:
        root = Path(tmp)
        os.environ.setdefault("PARLEY_CONFIG_DIR", str(root / "config"))
        run = run_hostile_import(root / "hostile", root / "library")
        table = markdown_table(run).replace(str(root / "hostile") + "/", "")
        print(table)
        print()
        print(f"parley import exit statuses {run.exit_codes}; both runs took "
              f"{run.seconds:.1f} s; traceback in output: {'Traceback' in run.output}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
