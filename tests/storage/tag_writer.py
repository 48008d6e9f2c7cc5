"""Child process for the durability tests: tags spans and acknowledges each write.

Usage: ``python tag_writer.py LIBRARY NAME COUNT [GO_FILE]``. Prints ``ready`` once the
store is open, waits for ``GO_FILE`` to exist if given (so two writers start together),
then for i in range(COUNT) tags a span and prints ``<meeting> <start> <end> <tag>``,
flushed *after* ``tag_span`` returned: a printed line is an acknowledged write.
Even i go to the meeting ``shared`` (both writers tag the same spans there), odd i to
the writer's own meeting.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from store.annotations import AnnotationStore

TEXT = "".join(f"Sentence number {i:05d} of the synthetic meeting. " for i in range(4000))


def main() -> None:
    library, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    go = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    store = AnnotationStore.open(library)
    print("ready", flush=True)
    while go is not None and not go.exists():
        time.sleep(0.001)
    for i in range(count):
        meeting = "shared" if i % 2 == 0 else f"own-{name}"
        start = (i * 7) % (len(TEXT) - 40)
        end = start + 20
        tag = f"writer/{name}"
        store.tag_span(meeting, start, end, TEXT, tag)
        sys.stdout.write(f"{meeting} {start} {end} {tag}\n")
        sys.stdout.flush()
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
