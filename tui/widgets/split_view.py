"""A story's articles side by side, matched paragraphs on one row (line API, as toolong).

Each row of ``index.layout`` is wrapped once per width into a block of lines; ``render_line``
finds the block by bisecting the row offsets, so a five-outlet story of 40 paragraphs costs
no widget per paragraph. Each paragraph opens with its coverage mark (● every outlet,
◐ some, ○ only this one); the wording differences against the first other outlet on the
row are styled by kind, with attributes that survive 16 colours (bold, italic, underline).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from index.align import Alignment, Unit
from index.layout import StoryRow, story_rows
from index.textclean import strip_controls
from index.wording import compare

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
CURRENT = Style(bold=True)
_CONSOLE = Console(width=200, color_system=None, legacy_windows=False)


@dataclass(slots=True)
class Block:
    """One row wrapped for the current width: per column, its lines."""

    columns: list[list[Strip]]
    height: int


class SplitView(ScrollView, can_focus=True):
    """Columns per outlet; rows are aligned groups of paragraphs."""

    HELP = """
## Story split view

One column per outlet; paragraphs reporting the same fact share a row. Marks: `●` in every
outlet, `◐` in some, `○` only here; a dim `·` line is an outlet with nothing on that fact.
Inside matched paragraphs: **bold** different wording, reversed numbers, _underlined_
reporting verbs, _italic underlined_ qualifiers, _italic_ quoted words.

- `j` / `k`: next / previous row · `space` / `b`: page
- `]` / `[`: next / previous fact shared by several outlets
- `u`: next paragraph only the focused outlet has
- `tab` / `shift+tab`: focus the next / previous outlet · `enter`: open it alone
"""

    BINDINGS = [
        Binding("j,down", "move(1)", "Down", show=False, id="split_down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="split_up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="split_page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="split_page_up"),
        Binding("g,home", "jump(0)", "Top", show=False, id="split_top"),
        Binding("G,end", "jump(-1)", "Bottom", show=False, id="split_bottom"),
        Binding("right_square_bracket", "group(1)", "Next shared", id="next_group"),
        Binding("left_square_bracket", "group(-1)", "Prev shared", id="previous_group"),
        Binding("u", "unique", "Only here", id="next_unique"),
        Binding("tab", "column(1)", "Next outlet", id="next_column"),
        Binding("shift+tab", "column(-1)", "Prev outlet", show=False, id="previous_column"),
        Binding("enter", "open", "Open", id="open_article"),
    ]

    current = reactive(0, always_update=True)
    column = reactive(0, always_update=True)

    class Moved(Message):
        """The current row or column changed (for the header)."""

        def __init__(self, column: int, row: int, rows: int, first_visible: int) -> None:
            super().__init__()
            self.column, self.row, self.rows, self.first_visible = column, row, rows, first_visible

    class OpenArticle(Message):
        def __init__(self, position: int, paragraph: int) -> None:
            super().__init__()
            self.position, self.paragraph = position, paragraph

    def __init__(self, alignment: Alignment, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.alignment = alignment
        self.rows: list[StoryRow] = story_rows(alignment)
        self.units = {(u.article, u.index): u for col in alignment.units for u in col}
        self.first_visible = 0
        self._blocks: list[Block] = []
        self._offsets: list[int] = []
        self._width = 0
        self._cells: dict[tuple[int, int, int], list[Strip]] = {}
        self._lines: dict[int, Strip] = {}
        #: Spans a panel marks: (column, paragraph index) -> (start, end) offsets.
        self.marked: dict[tuple[int, int], list[tuple[int, int]]] = {}

    # -- layout ---------------------------------------------------------------------------

    @property
    def visible_count(self) -> int:
        width = self.scrollable_content_region.width or 80
        wanted = 2 if width < 110 else 3 if width < 170 else 4
        return max(1, min(len(self.alignment.articles), wanted))

    def visible_columns(self) -> list[int]:
        count = self.visible_count
        if self.column < self.first_visible:
            self.first_visible = self.column
        elif self.column >= self.first_visible + count:
            self.first_visible = self.column - count + 1
        # The view widened (a panel closed): show as many columns as fit.
        self.first_visible = min(self.first_visible, len(self.alignment.articles) - count)
        return list(range(self.first_visible, self.first_visible + count))

    def column_width(self) -> int:
        count = self.visible_count
        return max(10, (self.scrollable_content_region.width - 2 - (count - 1)) // count)

    def _layout(self) -> None:
        width = self.column_width()
        visible = self.visible_columns()
        self._blocks, self._offsets = [], []
        top = 0
        self._lines = {}
        for number, row in enumerate(self.rows):
            columns = []
            for position in visible:
                key = (number, position, width)
                if key not in self._cells:  # switching outlets wraps only the new column
                    self._cells[key] = self._cell_lines(row, position, width)
                columns.append(self._cells[key])
            height = max(1, *(len(c) for c in columns)) + 1
            self._blocks.append(Block(columns, height))
            self._offsets.append(top)
            top += height
        self._width = self.scrollable_content_region.width
        self.virtual_size = Size(self.size.width, top)
        # The header lines up with the columns: tell it the widths may have changed.
        self.post_message(self.Moved(self.column, self.current, len(self.rows), self.first_visible))

    def _cell_lines(self, row: StoryRow, position: int, width: int) -> list[Strip]:
        indices = row.cells[position]
        if not indices:
            return [Strip([Segment("·" + " " * (width - 1), GAP)])]
        lines: list[Strip] = []
        for index in indices:
            unit = self.units[(position, index)]
            text = self._paragraph_text(unit, row)
            mark = MARKS[self.alignment.coverage.get((position, index), "only")]
            for number, line in enumerate(text.wrap(_CONSOLE, width - 2)):
                line.pad_right(width - 2 - line.cell_len)
                prefix = Segment(mark if number == 0 else "  ")
                segments = [prefix, *line.render(_CONSOLE)]
                lines.append(Strip(segments).crop_extend(0, width, None))
        return lines

    def _paragraph_text(self, unit: Unit, row: StoryRow) -> Text:
        text = Text(strip_controls(unit.text), style=Style(bold=True) if unit.index < 0 else "")
        for start, end in self.marked.get((unit.article, unit.index), []):
            text.stylize(MARKED, start, end)
        other = next((p for p in row.filled() if p != unit.article), None)
        if other is None:
            return text
        partner = self.units[(other, row.cells[other][0])]
        for span in compare(unit.text, partner.text)[0]:
            style = KIND_STYLES.get(span.kind)
            if style is not None:
                text.stylize(style, span.start, span.end)
        return text

    # -- rendering ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._width != self.scrollable_content_region.width or not self._blocks:
            self._layout()
        absolute = y + int(self.scroll_offset.y)
        row_index = bisect_right(self._offsets, absolute) - 1
        if row_index < 0 or row_index >= len(self._blocks):
            return Strip.blank(self.size.width)
        line = absolute - self._offsets[row_index]
        current = row_index == self.current and line == 0
        if current or absolute not in self._lines:
            strip = self._compose_line(self._blocks[row_index], line, "▶ " if current else "  ")
            if current:
                return strip
            self._lines[absolute] = strip  # built once per layout: scrolling only looks up
        return self._lines[absolute]

    def _compose_line(self, block: Block, line: int, gutter: str) -> Strip:
        width = self.column_width()
        segments = [Segment(gutter, CURRENT)]
        for n, column_lines in enumerate(block.columns):
            if n:
                segments.append(Segment("│", GAP))
            part = column_lines[line] if line < len(column_lines) else Strip.blank(width)
            segments.extend(part)
        return Strip(segments).crop_extend(0, self.size.width, None)

    def on_resize(self) -> None:
        self._layout()
        self.refresh()
        self.post_message(self.Moved(self.column, self.current, len(self.rows), self.first_visible))

    def mark(self, spans: dict[tuple[int, int], list[tuple[int, int]]]) -> None:
        """Mark these spans (replacing the ones marked before) and re-wrap."""
        self.marked = spans
        self._cells.clear()
        self._layout()
        self.refresh()

    def row_of(self, column: int, paragraph: int) -> int | None:
        """The row holding paragraph ``paragraph`` of the article in ``column``."""
        return next((n for n, r in enumerate(self.rows) if paragraph in r.cells[column]), None)

    def go_to(self, row: int, columns: list[int]) -> None:
        """Go to ``row``, focusing the first of ``columns`` unless the focused one is there."""
        if columns and self.column not in columns:
            self.column = columns[0]
            self._layout()
        self._go(row)

    # -- navigation -----------------------------------------------------------------------

    def _go(self, row: int) -> None:
        self.current = max(0, min(len(self.rows) - 1, row))
        if self._blocks:
            top = self._offsets[self.current]
            bottom = top + self._blocks[self.current].height
            if top < self.scroll_offset.y or bottom > self.scroll_offset.y + self.size.height:
                self.scroll_to(y=top, animate=False)
        self.refresh()
        self.post_message(self.Moved(self.column, self.current, len(self.rows), self.first_visible))

    def action_move(self, step: int) -> None:
        self._go(self.current + step)

    def action_page(self, step: int) -> None:
        if not self._blocks:
            return
        target = self._offsets[self.current] + step * max(1, self.size.height - 2)
        self._go(max(0, bisect_right(self._offsets, target) - 1))

    def action_jump(self, row: int) -> None:
        self._go(row if row >= 0 else len(self.rows) - 1)

    def action_group(self, step: int) -> None:
        index = self.current + step
        while 0 <= index < len(self.rows):
            if self.rows[index].shared:
                self._go(index)
                return
            index += step

    def action_unique(self) -> None:
        for index in range(self.current + 1, len(self.rows)):
            if self.rows[index].filled() == [self.column]:
                self._go(index)
                return
        self.notify("No more paragraphs only this outlet has.", markup=False)

    def action_column(self, step: int) -> None:
        self.column = (self.column + step) % len(self.alignment.articles)
        self._layout()
        self._go(self.current)

    def action_open(self) -> None:
        cell = self.rows[self.current].cells[self.column] if self.rows else []
        paragraph = next((i for i in cell if i >= 0), 0)
        self.post_message(self.OpenArticle(self.column, paragraph))
