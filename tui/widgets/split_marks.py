"""Stored annotations in the story split view: each article's in its own column, underlined
in their label's colour (the one jumped to in bold), and going from one to the next.

Only paragraphs the view shows can carry a mark; an annotation on a byline or boilerplate
(never aligned) is listed in the panel but has no place in the columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding

from index.annotations import Annotation
from tui.annotation_messages import CursorStatus
from tui.selection import Caret
from tui.widgets.annotation_status import described
from tui.widgets.article_marks import mark_under, next_mark

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.style import Style
    from textual.scroll_view import ScrollView

    from index.align import Alignment, Unit
    from tui.widgets.split_cells import Span

    _Base = ScrollView
else:
    _Base = object

#: In the cursor modes only (else ``]`` / ``[`` go to the next fact shared by several outlets).
SPLIT_MARK_BINDINGS = [
    Binding("right_square_bracket", "next_mark(1)", "Next note", show=False, id="next_annotation"),
    Binding(
        "left_square_bracket", "next_mark(-1)", "Prev note", show=False, id="previous_annotation"
    ),
]

Key = tuple[int, int]  # (column, paragraph index)


class SplitMarks(_Base):
    """Mixin for ``SplitView``: the annotations shown in the columns."""

    if TYPE_CHECKING:
        alignment: Alignment
        units: dict[tuple[int, int], Unit]
        column: int
        caret: Caret | None
        order: list[tuple[int, int]]
        position_of: dict[int, int]

        def restyle_cells(self, keys: Iterable[Key]) -> None: ...
        def switch_column(self, column: int) -> None: ...
        def move_caret(self, caret: Caret) -> None: ...
        def cursor_moved(self) -> None: ...
        def row_of(self, column: int, paragraph: int) -> int | None: ...
        def _go(self, row: int) -> None: ...

    def init_marks(self) -> None:
        self.marks: dict[Key, list[Annotation]] = {}
        #: The id of the annotation last jumped to (drawn bold).
        self.focused_mark = ""
        self._columns = {a.id: n for n, a in enumerate(self.alignment.articles)}

    def _key(self, mark: Annotation) -> Key | None:
        column = self._columns.get(mark.article)
        if column is None or mark.paragraph is None or (column, mark.paragraph) not in self.units:
            return None
        return column, mark.paragraph

    def show_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Underline these annotations in their articles' columns."""
        marks: dict[Key, list[Annotation]] = {}
        for annotation in annotations:
            key = self._key(annotation)
            if key is not None:
                marks.setdefault(key, []).append(annotation)
        for found in marks.values():
            found.sort(key=lambda a: (a.start or 0, a.end or 0))
        changed = {k for k in marks.keys() | self.marks.keys() if marks.get(k) != self.marks.get(k)}
        self.marks = marks
        self.restyle_cells(changed)
        if self.caret is not None:
            self.cursor_moved()  # the caret may be on a new (or gone) annotation

    def mark_spans(self, key: Key) -> list[Span]:
        """The styled spans of the annotations in one paragraph of one column."""
        plain = self.get_component_rich_style("split-view--annotation", partial=True)
        bold = self.get_component_rich_style("split-view--focus", partial=True)
        spans: list[tuple[Style, int, int]] = []
        for mark in self.marks.get(key, []):
            style = bold if mark.id == self.focused_mark else plain
            spans.append((style, mark.start or 0, mark.end or 0))
        return spans

    def mark_at(self, caret: Caret | None) -> Annotation | None:
        """The annotation under ``caret`` in the focused column."""
        if caret is None or not 0 <= caret.para < len(self.order):
            return None
        return mark_under(
            self.marks.get((self.column, self.order[caret.para][1]), []), caret.offset
        )

    def action_next_mark(self, step: int) -> None:
        """The next (previous) annotation in the focused column: the caret goes there."""
        ordered = [
            (position, m.start or 0, m)
            for position, (_, index) in enumerate(self.order)
            for m in self.marks.get((self.column, index), [])
        ]
        if not ordered:
            self.notify("No annotations in this outlet's column yet.")
            return
        here = (self.caret.para, self.caret.offset) if self.caret else (-1, -1)
        self.focus_mark(next_mark(ordered, here, step))

    def focus_mark(self, mark: Annotation) -> None:
        """Show an annotation: its column focused, bold, in view, under the caret if on."""
        key = self._key(mark)
        if key is None:
            self.notify("This annotation is outside the aligned paragraphs.", markup=False)
            return
        column, index = key
        if column != self.column:
            self.switch_column(column)
        old = next(
            (k for k, ms in self.marks.items() if any(m.id == self.focused_mark for m in ms)), None
        )
        self.focused_mark = mark.id
        self.restyle_cells([key, *([old] if old else [])])
        if self.caret is not None:
            self.move_caret(Caret(self.position_of[index], mark.start or 0))
            return
        row = self.row_of(column, index)
        if row is not None:
            self._go(row)
        self.post_message(CursorStatus(described(mark)))
