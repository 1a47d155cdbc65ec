"""A story's articles side by side, matched paragraphs on one row (line API, as toolong).

Each row of ``index.layout`` is wrapped once per width into a block of lines (per outlet,
``tui.widgets.split_cells``); ``render_line`` finds the block by bisecting the row offsets,
so a five-outlet story of 40 paragraphs costs no widget per paragraph. The focused outlet's
column has the text cursor (``split_caret``); annotations show in every column
(``split_marks``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from index.align import Alignment
from index.layout import StoryRow, story_rows
from tui.widgets.split_caret import SPLIT_CURSOR_BINDINGS, SPLIT_CURSOR_HELP, SplitCaret
from tui.widgets.split_cells import GAP, MARKED, Block, Cell, Span, build_cell, row_index
from tui.widgets.split_marks import SPLIT_MARK_BINDINGS, SplitMarks
from tui.widgets.split_moves import SplitMoves
from tui.widgets.text_cursor import Mode, TextCursor
from tui.widgets.theme_styles import component_styles

CURRENT = Style(bold=True)


class SplitView(
    TextCursor,
    SplitCaret,
    SplitMarks,
    SplitMoves,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
    """Columns per outlet; rows are aligned groups of paragraphs."""

    HELP = (
        """
## Story split view

One column per outlet; paragraphs reporting the same fact share a row. Marks: `●` in every
outlet, `◐` in some, `○` only here; a dim `·` line is an outlet with nothing on that fact.
Inside matched paragraphs: **bold** different wording, reversed numbers, _underlined_
reporting verbs, _italic underlined_ qualifiers, _italic_ quoted words.

- `j` / `k`: next / previous row · `space` / `b`: page
- `]` / `[`: next / previous fact shared by several outlets
- `u`: next paragraph only the focused outlet has
- `tab` / `shift+tab`: focus the next / previous outlet · `enter`: open it alone"""
        + SPLIT_CURSOR_HELP
    )

    BINDINGS = [
        *SPLIT_CURSOR_BINDINGS,
        *SPLIT_MARK_BINDINGS,
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

    COMPONENT_CLASSES = {
        "split-view--annotation",
        "split-view--focus",
        "split-view--selection",
        "split-view--caret",
    }

    DEFAULT_CSS = """
    SplitView > .split-view--annotation { text-style: underline; color: $text-accent; }
    SplitView > .split-view--focus { text-style: bold underline; color: $text-accent; }
    SplitView > .split-view--selection { text-style: reverse; }
    SplitView > .split-view--caret { text-style: reverse bold underline; color: $warning; }
    """

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
        #: (column, paragraph index) -> its row.
        self.row_index = row_index(self.rows)
        self.first_visible = 0
        self._blocks: list[Block] = []
        self._offsets: list[int] = []
        self._width = 0
        self._cells: dict[tuple[int, int, int], Cell] = {}
        self._lines: dict[int, Strip] = {}
        self._styles: list[Style] = []
        #: Spans a panel marks: (column, paragraph index) -> (start, end) offsets.
        self.marked: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.init_cursor()
        self.init_caret()
        self.init_marks()

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
        visible = self.visible_columns()
        self._blocks, self._offsets = [], []
        top = 0
        self._lines = {}
        for number in range(len(self.rows)):
            # switching outlets wraps only the new column
            columns = [self.cell(number, position).lines for position in visible]
            height = max(1, *(len(c) for c in columns)) + 1
            self._blocks.append(Block(columns, height))
            self._offsets.append(top)
            top += height
        self._width = self.scrollable_content_region.width
        self.virtual_size = Size(self.size.width, top)
        # The header lines up with the columns: tell it the widths may have changed.
        self.post_message(self.Moved(self.column, self.current, len(self.rows), self.first_visible))

    def cell(self, row: int, position: int) -> Cell:
        """The lines of the article at ``position`` on ``row``, wrapped (once) to the width."""
        width = self.column_width()
        key = (row, position, width)
        if key not in self._cells:
            made = build_cell(
                self.alignment, self.units, self.rows[row], position, width, self._spans
            )
            self._cells[key] = made
        return self._cells[key]

    def _spans(self, position: int, index: int) -> list[Span]:
        """A panel's marks, the annotations, and (in the focused column) selection, caret."""
        spans: list[Span] = [(MARKED, s, e) for s, e in self.marked.get((position, index), [])]
        return spans + self.mark_spans((position, index)) + self.caret_spans(position, index)

    def restyle_cells(self, keys: Iterable[tuple[int, int]]) -> None:
        """Re-style paragraphs (column, paragraph index) in place: styles never change where
        lines wrap, so only their rows' lines are drawn again."""
        touched = {(self.row_index[k], k[0]) for k in keys if k in self.row_index}
        if not touched:
            return
        for key in [k for k in self._cells if k[:2] in touched]:
            del self._cells[key]
        if self._blocks:
            visible = self.visible_columns()
            for row in {row for row, _ in touched}:
                self._blocks[row].columns = [self.cell(row, p).lines for p in visible]
            self._lines.clear()
        self.refresh()

    def relayout(self) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        styles = component_styles(self)
        if styles != self._styles:  # the theme changed (not just the focus): style again
            self._styles = styles
            self._cells.clear()
            self._blocks = []
            self.refresh()

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
        self._layout()  # posts Moved for the header
        self.refresh()
        self.call_after_refresh(self._keep_in_view)

    def _keep_in_view(self) -> None:
        """After a re-wrap (a panel opened or closed), the caret or current row stays seen."""
        if self.caret is not None:
            self.show_caret_row(self.caret)
        elif self._offsets and self.current < len(self._offsets):
            top = self._offsets[self.current]
            if not self.scroll_offset.y <= top < self.scroll_offset.y + self.size.height:
                self.scroll_to(y=top, animate=False, immediate=True)

    def mark(self, spans: dict[tuple[int, int], list[tuple[int, int]]]) -> None:
        """Mark these spans (replacing the ones marked before)."""
        old, self.marked = self.marked, spans
        self.restyle_cells(old.keys() | spans.keys())

    def row_of(self, column: int, paragraph: int) -> int | None:
        """The row holding paragraph ``paragraph`` of the article in ``column``."""
        return self.row_index.get((column, paragraph))

    def go_to(self, row: int, columns: list[int]) -> None:
        """Go to ``row``, focusing the first of ``columns`` unless the focused one is there."""
        if columns and self.column not in columns:
            self.switch_column(columns[0])
        self._go(row)

    # -- navigation -----------------------------------------------------------------------

    def _go(self, row: int) -> None:
        self.current = max(0, min(len(self.rows) - 1, row))
        if self._blocks:
            top = self._offsets[self.current]
            bottom = top + self._blocks[self.current].height
            if top < self.scroll_offset.y or bottom > self.scroll_offset.y + self.size.height:
                self.scroll_to(y=top, animate=False)
        self.moved()
        self.caret_follows_row()

    def moved(self) -> None:
        self.refresh()
        self.post_message(self.Moved(self.column, self.current, len(self.rows), self.first_visible))

    def action_column(self, step: int) -> None:
        self.switch_column((self.column + step) % len(self.alignment.articles))
        self._go(self.current)

    def action_open(self) -> None:
        cell = self.rows[self.current].cells[self.column] if self.rows else []
        paragraph = next((i for i in cell if i >= 0), 0)
        if self.caret is not None and self.mode != Mode.READ:
            paragraph = self.caret_paragraph(self.caret.para)
        self.post_message(self.OpenArticle(self.column, paragraph))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_mark":
            return self.mode != Mode.READ  # else ] and [ go to the next shared fact
        return self.check_cursor_action(action, parameters)
