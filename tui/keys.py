"""Ids for the bindings Parallax inherits from Textual, so the config keymap can remap them.

A widget that keeps Textual's keys redefines them with ``with_ids``: an inherited binding's id
is ``<prefix>_<action>`` (``results_cursor_down``, ``search_home_true`` for ``home(True)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding, BindingType
from textual.screen import Screen


def binding_id(prefix: str, action: str) -> str:
    """``app.focus_next`` -> ``<prefix>_focus_next``; ``home(True)`` -> ``<prefix>_home_true``."""
    name, _, arguments = action.partition("(")
    words = [name.rsplit(".", 1)[-1], *re.findall(r"\w+", arguments)]
    return "_".join([prefix, *words]).lower()


def with_ids(bindings: Iterable[BindingType], prefix: str) -> list[BindingType]:
    """Copies of ``bindings``, each with an id (ones that have one keep it)."""
    made = [b if isinstance(b, Binding) else Binding(*b) for b in bindings]
    return [b if b.id else replace(b, id=binding_id(prefix, b.action)) for b in made]


#: Textual's screen keys (tab, shift+tab, copy), for screens that set ``inherit_bindings=False``.
SCREEN_BINDINGS = with_ids(Screen.BINDINGS, "screen")
