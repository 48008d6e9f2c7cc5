"""How long the reader takes to lay out a long meeting (done on open and on resize).

    python -m tests.bench.bench_text_layout

Wraps about 1.1 MB of text at 90 columns with ``tui.text_layout.wrap_spans``: ASCII,
accented Latin, and CJK (two cells a character). Median of 5 runs each.
"""

from __future__ import annotations

import statistics
import time

from tui.text_layout import display_text, wrap_spans

PARAGRAPH = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "\n\n"
TEXTS = {
    "ascii": PARAGRAPH * 1000,
    "latin (déjà vu)": ("Déjà vu — " + PARAGRAPH) * 1000,
    "cjk": ("中文字符测试 " * 60 + "\n\n") * 2600,
}


def main() -> int:
    for name, text in TEXTS.items():
        times = []
        for _ in range(5):
            start = time.perf_counter()
            lines = wrap_spans(display_text(text), 90)
            times.append(time.perf_counter() - start)
        print(
            f"{name:<16} {len(text) / 1e6:4.2f} M chars → {len(lines):>6} lines "
            f"in {statistics.median(times) * 1000:6.1f} ms (median of 5)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
