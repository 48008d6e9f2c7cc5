"""The ``sqlite3`` module Parley uses: a current SQLite where a wheel brings one.

Python's own ``sqlite3`` links the system's SQLite (3.40 on Debian 12). The
``pysqlite3-binary`` wheel bundles a current one (3.51) behind the same DB-API, and its
FTS5 ranks the slow searches of a 50,000-meeting library, phrases and several words
whose bm25 weights need whole-table counts, noticeably faster with identical hits
(``python tests/bench/search_engines.py LIBRARY``). The wheel exists for Linux on x86-64
only; everywhere else the standard module is used, and nothing else changes.
``PARLEY_SQLITE=system`` in the environment chooses the standard module anyway.

Every module that talks to the library imports ``sqlite3`` from here, so that its
exception classes are the ones the connection raises.
"""

from __future__ import annotations

import os

if os.environ.get("PARLEY_SQLITE") == "system":  # the escape hatch, and the benchmark's
    import sqlite3
else:
    try:
        from pysqlite3 import dbapi2 as sqlite3
    except ImportError:  # no wheel for this platform: the standard library's
        import sqlite3

__all__ = ["sqlite3"]
