"""The text cursor in the story split view: it lives in the focused outlet's column.

The caret moves over that column's paragraphs in the order they are drawn (row by row, the
title stand-in left out, since it is no paragraph to annotate); ``TextCursor`` asks this
mixin where the caret starts, what is a line up or down, and to show it. The caret's row is
the view's current row, so the other columns stay aligned with it; moving to another row by
the view's own keys (page, `u`, `G`) takes the caret along, and `tab` takes it to the next
outlet's column.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.selection import Caret, first_caret
from tui.widgets.text_cursor import CURSOR_BINDINGS, CURSOR_KEYS_HELP, Mode

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.scroll_view import ScrollView

    from index.align import Alignment, Unit
    from index.layout import StoryRow
    from tui.widgets.split_cells import Block, Cell, Span

    _Base = ScrollView
else:
    _Base = object

SPLIT_CURSOR_HELP = (
    """
### Annotating

`v` puts a text cursor in the focused outlet's column, on the current row. """
    + CURSOR_KEYS_HELP
    + """
While the cursor is on, `]` / `[` go to the next / previous annotation in the column and
`tab` takes the cursor to the next outlet; `j` `k` `b` `g` `e` `c` are its keys, not the
view's. Annotations are underlined in every column; `a` lists them all (`enter` jumps to
one, in its outlet's column).
"""
)
#: The reading keys' footer stays as it was; ``?`` lists ``v`` with the rest.
SPLIT_CURSOR_BINDINGS = [
    replace(b, show=False) if b.id == "cursor_start" else b for b in CURSOR_BINDINGS
]

Line = tuple[int, int, int, int]  # (row, paragraph index, start, last offset) of a text line


class SplitCaret(_Base):
    """Mixin for ``SplitView`` (with ``TextCursor``): the caret in the focused column."""

    if TYPE_CHECKING:
        alignment: Alignment
        rows: list[StoryRow]
        units: dict[tuple[int, int], Unit]
        column: int
        current: int
        mode: Mode
        caret: Caret | None
        select_from: Caret | None
        texts: list[str]
        _offsets: list[int]
        _blocks: list[Block]

        def cell(self, row: int, position: int) -> Cell: ...
        def restyle_cells(self, keys: Iterable[tuple[int, int]]) -> None: ...
        def moved(self) -> None: ...
        def _set_mode(
            self, mode: Mode, caret: Caret | None, start: Caret | None = None
        ) -> None: ...
        def move_caret(self, caret: Caret) -> None: ...
        def cursor_spans(self, position: int) -> tuple[tuple[int, int] | None, int | None]: ...

    def init_caret(self) -> None:
        #: The focused column's paragraphs as drawn: (row, paragraph index).
        self.order: list[tuple[int, int]] = []
        #: Paragraph index -> its position in ``order`` (a caret's ``para``).
        self.position_of: dict[int, int] = {}
        self._column_order()

    def _column_order(self) -> None:
        column = self.column
        self.order = [(n, i) for n, r in enumerate(self.rows) for i in r.cells[column] if i >= 0]
        self.position_of = {index: n for n, (_, index) in enumerate(self.order)}
        self.texts = [self.units[(column, index)].text for _, index in self.order]

    # -- what TextCursor asks ------------------------------------------------------------------

    def caret_article(self) -> str:
        return self.alignment.articles[self.column].id

    def caret_paragraph(self, position: int) -> int:
        return self.order[position][1]

    def caret_start(self) -> Caret | None:
        """The first paragraph of the column on the current row or below (else above)."""
        after = next((n for n, (row, _) in enumerate(self.order) if row >= self.current), None)
        return first_caret(self.texts, len(self.order) - 1 if after is None else after)

    def caret_spans(self, column: int, index: int) -> list[Span]:
        """The selection and the caret, styled, if they are in this paragraph."""
        if column != self.column or self.mode == Mode.READ or index not in self.position_of:
            return []
        chosen, at = self.cursor_spans(self.position_of[index])
        spans: list[Span] = []
        if chosen is not None:
            style = self.get_component_rich_style("split-view--selection", partial=True)
            spans.append((style, *chosen))
        if at is not None:
            style = self.get_component_rich_style("split-view--caret", partial=True)
            spans.append((style, at, at + 1))
        return spans

    def restyle(self, *positions: int) -> None:
        keys = (self.order[p][1] for p in positions if 0 <= p < len(self.order))
        self.restyle_cells((self.column, index) for index in keys)

    def _text_lines(self) -> list[Line]:
        """The focused column's lines of text, top to bottom."""
        lines: list[Line] = []
        for number, row in enumerate(self.rows):
            if not any(i >= 0 for i in row.cells[self.column]):
                continue
            starts = self.cell(number, self.column).starts
            for n, (index, start) in enumerate(starts):
                if index < 0 or start < 0:
                    continue
                text = self.units[(self.column, index)].text
                following = starts[n + 1] if n + 1 < len(starts) else None
                end = following[1] if following and following[0] == index else len(text)
                lines.append((number, index, start, max(start, end - 1)))
        return lines

    def _line_of(self, lines: list[Line], caret: Caret) -> int:
        index = self.order[caret.para][1]
        found = [n for n, line in enumerate(lines) if line[1] == index and line[2] <= caret.offset]
        return found[-1] if found else 0

    def caret_on_row(self, caret: Caret, step: int) -> Caret:
        """The caret one line down (up) in the column, as near its place on the line as the
        line allows; past a gap in the column, on the next paragraph it has."""
        lines = self._text_lines()
        here = self._line_of(lines, caret)
        target = here + step
        if not lines or not 0 <= target < len(lines):
            return caret
        _, index, start, last = lines[target]
        column = caret.offset - lines[here][2]
        return Caret(self.position_of[index], min(start + column, last))

    def show_caret(self, caret: Caret) -> None:
        """Make the caret's row the current one and scroll its line into view; a row newly
        reached is shown whole when it fits."""
        self._show_caret(caret, whole=False)

    def show_caret_row(self, caret: Caret) -> None:
        """``show_caret``, showing the row whole (or from its top) even when not new: after
        the columns wrap again."""
        self._show_caret(caret, whole=True)

    def _show_caret(self, caret: Caret, *, whole: bool) -> None:
        row = self.order[caret.para][0]
        if not self._offsets:
            return
        index = self.order[caret.para][1]
        starts = self.cell(row, self.column).starts
        line = max(
            (n for n, (i, s) in enumerate(starts) if i == index and 0 <= s <= caret.offset),
            default=0,
        )
        top = self._offsets[row]
        y, height = int(self.scroll_offset.y), max(1, self.size.height)
        bottom = top + (self._blocks[row].height if row < len(self._blocks) else line + 1)
        entering = (whole or row != self.current) and not (y <= top and bottom <= y + height)
        if entering or not y <= top + line < y + height:  # a new row is shown whole if it fits
            self.scroll_to(
                y=top if line < height else top + line - height + 1, animate=False, immediate=True
            )
        if row != self.current:
            self.current = row
        self.moved()

    # -- the view's own moves take the caret along -------------------------------------------

    def caret_follows_row(self) -> None:
        """After a move to another row (page, `u`, `G`): the caret goes to that row's first
        paragraph in the column (or the next one the column has)."""
        if self.mode == Mode.READ or self.caret is None:
            return
        if self.order[self.caret.para][0] == self.current:
            return
        caret = self.caret_start()
        if caret is not None:
            self.move_caret(caret)

    def switch_column(self, column: int) -> None:
        """Focus another outlet's column; in the cursor modes the caret goes along. The
        current row stays where it was on screen, though the new columns wrap differently."""
        on = self.mode != Mode.READ and self.caret is not None
        old = [(self.column, self.order[c.para][1]) for c in (self.caret, self.select_from) if c]
        self.caret = self.select_from = None
        self.restyle_cells(old)
        row = self.current
        above = int(self.scroll_offset.y) - self._offsets[row] if self._offsets else 0
        self.column = column
        self._column_order()
        self.relayout()
        if self._offsets:
            self.scroll_to(y=max(0, self._offsets[row] + above), animate=False, immediate=True)
        caret = self.caret_start() if on else None
        if caret is not None:
            self._set_mode(Mode.CURSOR, caret)
        elif on:
            self._set_mode(Mode.READ, None)

    def relayout(self) -> None:
        """Lay the columns out again (the view defines it)."""
        raise NotImplementedError
