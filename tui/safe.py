"""Untrusted text made inert for the screen.

Article text, titles and queries go to widgets only as ``Content`` built here: never parsed as
markup, and stripped of any control character the ingest filter missed (Textual would pass
ESC, OSC and C1 sequences straight to the terminal).
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from index.textclean import strip_controls


def inert(text: str, style: str = "") -> Content:
    """Plain ``Content`` of ``text``: no markup, no control characters, one line per line."""
    return (
        Content.styled(strip_controls(text).replace("\t", "    "), style)
        if style
        else Content(strip_controls(text).replace("\t", "    "))
    )


def with_highlights(text: str, spans: list[tuple[int, int]], style: str) -> Content:
    """``text`` made inert, with ``spans`` (character offsets) styled.

    Offsets are taken on the cleaned text, so callers pass text that was cleaned at ingest.
    """
    content = inert(text)
    for start, end in spans:
        content = content.stylize(style, start, end)
    return content


def inert_text(text: str, style: str = "") -> Text:
    """Plain Rich ``Text`` of ``text``, for the few APIs that want Text (a DataTable's column
    labels; a string there would be read as markup)."""
    return Text(strip_controls(text).replace("\t", "    "), style=style)
