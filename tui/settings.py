"""The user's settings file: theme and key bindings, in ``config.toml``.

```toml
theme = "nord"

[keymap]
# binding id = "key[,key…]"; `parley` lists the ids on its help screen (? or F1)
"meetings.sort" = "o"
"app.quit" = "ctrl+q"
```

The file is the user's: Parley reads it with ``tomllib`` and, when the theme changes,
rewrites only the ``theme = …`` line, so comments and the keymap survive. A file that
is not valid TOML is reported in one sentence and left untouched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from store.paths import config_dir
from tui.ui_state import atomic_write

_THEME_LINE = re.compile(r"(?m)^theme\s*=.*$")
_TABLE_HEADER = re.compile(r"(?m)^\s*\[")


@dataclass(slots=True)
class Settings:
    """What ``config.toml`` says; ``problem`` is a sentence when it could not be used."""

    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    path: Path | None = None


def settings_path() -> Path:
    return config_dir() / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; missing file → defaults; broken file → defaults and a sentence."""
    path = path or settings_path()
    settings = Settings(path=path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return settings
    except OSError as error:
        settings.problem = f"Could not read {path}: {error.strerror or error}."
        return settings
    import tomllib  # here: most users have no settings file, and start-up is timed

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        settings.problem = f"{path} is not valid TOML ({error}); using the default settings."
        return settings
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        settings.theme = theme
    keymap = data.get("keymap")
    if isinstance(keymap, dict):
        for binding_id, keys in keymap.items():
            if isinstance(keys, str) and keys.strip():
                settings.keymap[str(binding_id)] = keys.replace(" ", "")
            elif isinstance(keys, list) and all(isinstance(k, str) for k in keys) and keys:
                settings.keymap[str(binding_id)] = ",".join(k.strip() for k in keys)
    return settings


def save_theme(theme: str, path: Path | None = None) -> bool:
    """Remember ``theme`` in the settings file, keeping everything else in it as it was.

    Returns False (and writes nothing) when the existing file is not valid TOML, because
    rewriting a file we cannot read could lose what the user wrote.
    """
    path = path or settings_path()
    line = f"theme = {json.dumps(theme)}"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raw = ""
    except OSError:
        return False
    import tomllib

    try:
        tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        return False
    header = _TABLE_HEADER.search(raw)
    top = raw[: header.start()] if header else raw
    rest = raw[header.start() :] if header else ""
    if _THEME_LINE.search(top):
        top = _THEME_LINE.sub(lambda _m: line, top, count=1)
    else:
        top = f"{line}\n{top}"
    try:
        atomic_write(path, top + rest)
    except OSError:
        return False
    return True
