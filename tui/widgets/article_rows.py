"""The article view's rows: one wrapped line each, with its gutter tag and where it starts in
its paragraph's text, and the lookups the text cursor needs (a caret's row, the row below)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

from index.annotations import Annotation
from index.model import Role
from tui.labels import TAG_WIDTH, tag_for

GUTTER = 6
#: Role tags in the gutter, so meaning never rests on colour alone.
ROLE_TAGS = {
    Role.HEADLINE: "head",
    Role.DEK: "dek",
    Role.BYLINE: "by",
    Role.CAPTION: "cap",
    Role.BOILERPLATE: "boil",
    Role.BODY: "",
}


@dataclass(slots=True)
class Row:
    """One screen row: its paragraph, text, gutter tag, and where it starts in the paragraph's
    text (-1 for the blank row after a paragraph)."""

    paragraph: int
    content: Content
    gutter: str = ""
    first: bool = False
    start: int = -1

    @property
    def has_text(self) -> bool:
        return self.start >= 0 and bool(self.content.plain.strip())


def line_starts(text: str, lines: Sequence[str]) -> list[int]:
    """Where each wrapped line (its plain text) starts in ``text`` (wrapping only drops
    spaces at line ends)."""
    starts, at = [], 0
    for line in lines:
        found = text.find(line, at) if line else -1
        start = found if found >= 0 else at
        starts.append(start)
        at = start + len(line)
    return starts


def mark_tags(marks: Sequence[Annotation], starts: Sequence[int]) -> list[str]:
    """Per row, the tag of the first annotation starting in it, ``+`` when several do."""
    tags = [""] * len(starts)
    for mark in marks:
        row = max(n for n, start in enumerate(starts) if start <= (mark.start or 0))
        tags[row] = tags[row].rstrip("+")[:TAG_WIDTH] + "+" if tags[row] else tag_for(mark.label)
    return tags


def row_of(rows: Sequence[Row], first: int, offset: int) -> int:
    """The row holding ``offset`` of the paragraph whose first row is ``first``."""
    row = first
    while row + 1 < len(rows) and 0 <= rows[row + 1].start <= offset:
        row += 1
    return row


def row_step(rows: Sequence[Row], row: int, column: int, step: int) -> tuple[int, int] | None:
    """(paragraph index, offset) at ``column`` of the next row of text ``step`` away."""
    target = row + step
    while 0 <= target < len(rows):
        found = rows[target]
        if found.has_text:
            last = found.start + len(found.content.plain) - 1
            return found.paragraph, min(found.start + column, last)
        target += step
    return None
