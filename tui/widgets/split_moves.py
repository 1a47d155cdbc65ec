"""Moving between the split view's rows: one, a page, top and bottom, the next fact shared by
several outlets, the next paragraph only the focused outlet has. Each lands on a row through
the view's ``_go`` (which scrolls, tells the header, and takes the text cursor along)."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from index.layout import StoryRow
    from tui.widgets.split_cells import Block

    _Base = ScrollView
else:
    _Base = object


class SplitMoves(_Base):
    """Mixin for ``SplitView``: the actions of its row keys."""

    if TYPE_CHECKING:
        rows: list[StoryRow]
        current: int
        column: int
        _blocks: list[Block]
        _offsets: list[int]

        def _go(self, row: int) -> None: ...

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
