"""Damage an annotations file the two ways files get damaged in the wild."""

from __future__ import annotations

import os
import random
from pathlib import Path


def damage(path: Path, how: str) -> bytes:
    """Damage ``path`` and return its new bytes.

    ``how`` starting with "truncated": cut in half in place (same inode, like a crashed
    tool that writes in place); anything else: random bytes saved as a new file over it
    (new inode, like an editor that saves by renaming).
    """
    data = path.read_bytes()
    if how.startswith("truncated"):
        bad = data[: len(data) // 2]
        with open(path, "r+b") as fh:
            fh.truncate(len(bad))
    else:
        bad = random.Random(3).randbytes(300)
        tmp = path.with_suffix(".new")
        tmp.write_bytes(bad)
        os.replace(tmp, path)
    return bad
