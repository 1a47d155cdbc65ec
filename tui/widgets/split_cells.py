"""One outlet's part of a split-view row, wrapped to its column: the lines to draw and where
each starts in its paragraph, so the text cursor can find a caret on screen.

Each paragraph opens with its coverage mark (● every outlet, ◐ some, ○ only this one); the
wording differences against the first other outlet on the row are styled by kind, with
attributes that survive 16 colours (bold, italic, underline). The view adds its own spans
on top (a panel's marks, annotations, the selection and the caret). Text is never markup:
it goes into a Rich ``Text`` as plain characters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from index.align import Alignment, Unit
from index.layout import StoryRow
from index.textclean import strip_controls
from index.wording import compare
from tui.widgets.article_rows import line_starts

MARKS = {"all": "● ", "some": "◐ ", "only": "○ "}
KIND_STYLES = {
    "changed": Style(bold=True),
    "number": Style(bold=True, reverse=True),
    "qualifier": Style(italic=True, underline=True),
    "verb": Style(underline=True),
    "quote": Style(italic=True),
}
GAP = Style(dim=True)
MARKED = Style(reverse=True, bold=True)  # what a panel shows: a claim, an entity's mentions
_CONSOLE = Console(width=200, color_system=None, legacy_windows=False)

Span = tuple[Style, int, int]
#: The view's spans for a paragraph: (article position, paragraph index) -> styled spans.
SpanSource = Callable[[int, int], list[Span]]
Units = dict[tuple[int, int], Unit]


@dataclass(slots=True)
class Block:
    """One row wrapped for the current width: per visible column, its lines."""

    columns: list[list[Strip]]
    height: int


def row_index(rows: list[StoryRow]) -> dict[tuple[int, int], int]:
    """(article position, paragraph index) -> the row showing it."""
    return {(c, i): n for n, r in enumerate(rows) for c, cell in enumerate(r.cells) for i in cell}


@dataclass(slots=True)
class Cell:
    """An outlet's lines on a row, and per line (paragraph index, offset where it starts);
    a gap line (the outlet has nothing on the row) starts at offset -1."""

    lines: list[Strip]
    starts: list[tuple[int, int]]


def build_cell(
    alignment: Alignment, units: Units, row: StoryRow, position: int, width: int, spans: SpanSource
) -> Cell:
    """The cell of the article at ``position`` on ``row``, ``width`` cells wide."""
    indices = row.cells[position]
    if not indices:
        return Cell([Strip([Segment("·" + " " * (width - 1), GAP)])], [(-1, -1)])
    lines: list[Strip] = []
    starts: list[tuple[int, int]] = []
    for index in indices:
        unit = units[(position, index)]
        text = _paragraph_text(units, unit, row, spans(position, index))
        mark = MARKS[alignment.coverage.get((position, index), "only")]
        wrapped = text.wrap(_CONSOLE, width - 2)
        offsets = line_starts(text.plain, [line.plain for line in wrapped])
        for number, line in enumerate(wrapped):
            line.pad_right(width - 2 - line.cell_len)
            prefix = Segment(mark if number == 0 else "  ")
            segments = [prefix, *line.render(_CONSOLE)]
            lines.append(Strip(segments).crop_extend(0, width, None))
            starts.append((index, offsets[number]))
    return Cell(lines, starts)


def _paragraph_text(units: Units, unit: Unit, row: StoryRow, spans: list[Span]) -> Text:
    text = Text(strip_controls(unit.text), style=Style(bold=True) if unit.index < 0 else "")
    other = next((p for p in row.filled() if p != unit.article), None)
    if other is not None:
        partner = units[(other, row.cells[other][0])]
        for span in compare(unit.text, partner.text)[0]:
            style = KIND_STYLES.get(span.kind)
            if style is not None:
                text.stylize(style, span.start, span.end)
    for style, start, end in spans:
        text.stylize(style, start, end)
    return text
