"""Where the article view's text cursor is on screen: the rows holding a caret, the row above
or below it, scrolling to it, and its reversed cells (``TextCursor``'s questions, answered
for one article wrapped into rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.selection import Caret
from tui.widgets.article_rows import Row, row_of, row_step

if TYPE_CHECKING:
    from textual.content import Content
    from textual.scroll_view import ScrollView
    from textual.style import Style

    from index.model import Article

    _Base = ScrollView
else:
    _Base = object


class ArticleCaret(_Base):
    """Mixin for ``ArticleView`` (with ``TextCursor``): the caret in the article's rows."""

    if TYPE_CHECKING:
        article: Article
        positions: dict[int, int]
        current_paragraph: int
        _rows: list[Row]
        _first_row: dict[int, int]

        def component_style(self, component: str) -> Style: ...
        def cursor_spans(self, position: int) -> tuple[tuple[int, int] | None, int | None]: ...

    def caret_article(self) -> str:
        return self.article.id

    def caret_paragraph(self, position: int) -> int:
        return self.article.paragraphs[position].index

    def style_cursor(self, content: Content, position: int) -> Content:
        """Reverse the selection and the caret in the paragraph at ``position``."""
        chosen, at = self.cursor_spans(position)
        if chosen is not None:
            content = content.stylize(self.component_style("article-view--selection"), *chosen)
        if at is not None:
            content = content.stylize(self.component_style("article-view--caret"), at, at + 1)
        return content

    def caret_start(self) -> Caret | None:
        return self.caret_at_top()

    def caret_at_top(self) -> Caret | None:
        """Where the cursor starts: the search-hit paragraph if it is in view, else the first
        line of text in view."""
        top = int(self.scroll_offset.y)
        current = self._first_row.get(self.current_paragraph, -1)
        if top <= current < top + self.size.height:
            return Caret(self.positions[self.current_paragraph], 0)
        row = next((r for r in self._rows[top:] if r.has_text), None)
        return Caret(self.positions[row.paragraph], row.start) if row else None

    def caret_row(self, caret: Caret) -> int:
        """The row (in the whole article) holding ``caret``."""
        first = self._first_row[self.article.paragraphs[caret.para].index]
        return row_of(self._rows, first, caret.offset)

    def caret_on_row(self, caret: Caret, step: int) -> Caret:
        """The caret one row of text down (up), in the same column as far as the row allows."""
        row = self.caret_row(caret)
        found = row_step(self._rows, row, caret.offset - self._rows[row].start, step)
        return Caret(self.positions[found[0]], found[1]) if found else caret

    def show_caret(self, caret: Caret) -> None:
        self.scroll_to_row(self.caret_row(caret))

    def scroll_to_row(self, row: int) -> None:
        """Scroll just enough to show ``row``."""
        top, height = int(self.scroll_offset.y), max(1, self.size.height)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)
