"""The article view's stored annotations ("marks"): underlined spans, the one in focus, and
``]`` / ``[`` to go from one to the next."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content

from index.annotations import Annotation
from tui.annotation_messages import CursorStatus
from tui.selection import Caret
from tui.widgets.annotation_status import described

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView
    from textual.style import Style

    from index.model import Article
    from tui.widgets.text_cursor import Mode

    _Base = ScrollView
else:
    _Base = object

Ordered = Sequence[tuple[int, int, Annotation]]  # (paragraph position, start, annotation)


def mark_under(marks: Sequence[Annotation], offset: int) -> Annotation | None:
    """The annotation holding ``offset`` (the shortest, if several overlap)."""
    under = [m for m in marks if (m.start or 0) <= offset < (m.end or 0)]
    return min(under, key=lambda m: (m.end or 0) - (m.start or 0), default=None)


def next_mark(ordered: Ordered, here: tuple[int, int], step: int) -> Annotation:
    """The annotation after (``step`` < 0: before) ``here`` in reading order, wrapping."""
    if step > 0:
        return next((m for p, s, m in ordered if (p, s) > here), ordered[0][2])
    return next((m for p, s, m in reversed(ordered) if (p, s) < here), ordered[-1][2])


MARK_BINDINGS = [
    Binding("right_square_bracket", "next_mark(1)", "Next", show=False, id="next_annotation"),
    Binding(
        "left_square_bracket", "next_mark(-1)", "Previous", show=False, id="previous_annotation"
    ),
]


class ArticleMarks(_Base):
    """Mixin for ``ArticleView``: the annotations shown in the text."""

    if TYPE_CHECKING:
        article: Article
        positions: dict[int, int]
        caret: Caret | None
        mode: Mode

        def restyle(self, *positions: int) -> None: ...
        def component_style(self, component: str) -> Style: ...
        def caret_at_top(self) -> Caret | None: ...
        def caret_row(self, caret: Caret) -> int: ...
        def scroll_to_row(self, row: int) -> None: ...
        def move_caret(self, caret: Caret) -> None: ...
        def cursor_moved(self) -> None: ...

    def init_marks(self) -> None:
        #: Stored annotations by paragraph index, in reading order.
        self.marks: dict[int, list[Annotation]] = {}
        #: The id of the annotation last jumped to (drawn bold).
        self.focused_mark = ""

    def show_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Underline these annotations (orphans have no place in the text)."""
        marks: dict[int, list[Annotation]] = {}
        for annotation in annotations:
            if annotation.paragraph is not None and annotation.paragraph in self.positions:
                marks.setdefault(annotation.paragraph, []).append(annotation)
        for found in marks.values():
            found.sort(key=lambda a: (a.start or 0, a.end or 0))
        changed = {i for i in marks.keys() | self.marks.keys() if marks.get(i) != self.marks.get(i)}
        self.marks = marks
        self.restyle(*(self.positions[i] for i in changed))
        if self.caret is not None:
            self.cursor_moved()  # the caret may be on a new (or gone) annotation

    def style_marks(self, content: Content, index: int) -> Content:
        """Underline the annotations of paragraph ``index``; the one in focus in bold too."""
        for mark in self.marks.get(index, []):
            focus = mark.id == self.focused_mark
            component = "article-view--focus" if focus else "article-view--annotation"
            content = content.stylize(self.component_style(component), mark.start or 0, mark.end)
        return content

    def mark_at(self, caret: Caret | None) -> Annotation | None:
        """The annotation under ``caret`` (the shortest, if several overlap)."""
        if caret is None:
            return None
        index = self.article.paragraphs[caret.para].index
        return mark_under(self.marks.get(index, []), caret.offset)

    def action_next_mark(self, step: int) -> None:
        """The next (previous) annotation: the caret goes there, or the view scrolls to it."""
        ordered = [
            (self.positions[index], m.start or 0, m)
            for index in sorted(self.marks, key=self.positions.__getitem__)
            for m in self.marks[index]
        ]
        if not ordered:
            self.notify("No annotations in this article yet.")
            return
        self.focus_mark(next_mark(ordered, self._reference(), step))

    def _reference(self) -> tuple[int, int]:
        """Where "next" counts from: the caret, the annotation in focus, or the top line."""
        if self.caret is not None:
            return self.caret
        focused = self._focused()
        if focused is not None:
            return self.positions[focused.paragraph or 0], focused.start or 0
        top = self.caret_at_top()
        return (top.para, top.offset - 1) if top else (-1, -1)

    def _focused(self) -> Annotation | None:
        found = (m for marks in self.marks.values() for m in marks if m.id == self.focused_mark)
        return next(found, None)

    def focus_mark(self, mark: Annotation) -> None:
        """Show an annotation: bold, in view, and under the caret in the cursor modes."""
        position = self.positions.get(mark.paragraph if mark.paragraph is not None else -1)
        if position is None:
            return
        old = self._focused()
        self.focused_mark = mark.id
        self.restyle(position, *([self.positions[old.paragraph or 0]] if old else []))
        caret = Caret(position, mark.start or 0)
        if self.caret is None:
            self.scroll_to_row(self.caret_row(caret))
            self.post_message(CursorStatus(described(mark)))
        else:
            self.move_caret(caret)
