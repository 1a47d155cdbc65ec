"""Telling a theme change from a focus change in a line-API view.

Textual calls ``notify_style_update`` whenever a widget's styles may have changed: on a
theme change, but also each time it gains or loses focus. Views that lay out and style
their lines ahead of time compare their component styles, so only a real change re-styles.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def component_styles(widget: Widget) -> list[Style]:
    """The widget's component styles, in a fixed order, for comparing."""
    names = sorted(widget.COMPONENT_CLASSES)
    return [widget.get_component_rich_style(n, partial=True, default=Style()) for n in names]
