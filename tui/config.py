"""The user's config file: key remapping and display preferences.

``$PARALLAX_CONFIG`` or ``<user config dir>/parallax/config.toml``::

    animations = false          # default: on, except over SSH

    [keymap]                    # binding id = key(s)
    focus_search = "ctrl+f"
    next_hit = "n,f3"
    results_cursor_down = "down,ctrl+n"   # Textual's own keys: <pane>_<action>

    [annotation]
    labels = ["event", "quote"] # keys 1-9 in the reader's selection mode
    poll_seconds = 1.0          # how often others' new annotations are looked for

Every key has an id: Parallax's own are in the ``BINDINGS`` of the app, screens and widgets;
the ones inherited from Textual are named ``<pane>_<action>`` (``search_*``, ``results_*``,
``screen_*``; see ``tui/keys.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    animations: bool | None = None
    #: The user's own annotation labels, on keys 1-9 (at most nine are used).
    labels: list[str] = field(default_factory=list)
    #: Seconds between checks for other people's new annotations.
    poll_seconds: float = 1.0
    error: str = ""


def config_path() -> Path:
    env = os.environ.get("PARALLAX_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("parallax", appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the config; a broken file gives defaults and a one-line error to show."""
    path = path or config_path()
    if not path.exists():
        return Config()
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(error=f"config {path}: {error}")
    keymap = data.get("keymap", {})
    animations = data.get("animations")
    annotation = data.get("annotation", {})
    annotation = annotation if isinstance(annotation, dict) else {}
    labels = annotation.get("labels", [])
    poll = annotation.get("poll_seconds", 1.0)
    return Config(
        keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
        animations=animations if isinstance(animations, bool) else None,
        labels=[str(x) for x in labels][:9] if isinstance(labels, list) else [],
        poll_seconds=max(0.1, float(poll)) if isinstance(poll, int | float) else 1.0,
    )


def animations_wanted(config: Config) -> bool:
    """Animations cost bandwidth over SSH (one page-down ~450 KiB instead of ~11 KiB)."""
    if config.animations is not None:
        return config.animations
    return "SSH_CONNECTION" not in os.environ and "SSH_TTY" not in os.environ
