"""Where Parley keeps things: the library, the config, the sample library.

Platform directories come from platformdirs (XDG on Linux). ``--library DIR`` and
``PARLEY_LIBRARY`` override the library location; ``PARLEY_CONFIG_DIR`` the config dir
(tests use it to stay out of the real home directory).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP = "parley"


def library_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The library directory: the argument, else ``PARLEY_LIBRARY``, else the data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("PARLEY_LIBRARY")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP)) / "library"


def config_dir() -> Path:
    env = os.environ.get("PARLEY_CONFIG_DIR")
    return Path(env).expanduser() if env else Path(user_config_dir(APP))


def sample_library_dir() -> Path:
    """Where the bundled sample documents are imported for a first run."""
    env = os.environ.get("PARLEY_SAMPLE_LIBRARY")
    return Path(env).expanduser() if env else Path(user_cache_dir(APP)) / "sample-library"


def sample_documents() -> list[Path]:
    """The bundled sample documents (the two seed documents Parley was specified from).

    Found beside this module rather than through ``importlib.resources``: the importer
    reads them as files on disk, so they must be files anyway (and it saves a module
    import at every start).
    """
    root = Path(__file__).resolve().parent / "samples"
    return sorted(p for p in root.iterdir() if p.name.endswith(".txt"))
