"""One article, rendered line by line (``ScrollView`` + ``render_line``), as toolong does.

Paragraphs are wrapped once per width into rows with a row-to-paragraph map; ``render_line``
looks the row up, so a long article costs no widget per paragraph. Stored annotations are
underlined with their label's tag in the gutter; the text cursor and the selection (see
``tui.widgets.text_cursor``) are reversed. A change there re-styles only its paragraph.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from index.model import Article, Role
from tui.safe import inert
from tui.widgets.article_caret import ArticleCaret
from tui.widgets.article_marks import MARK_BINDINGS, ArticleMarks
from tui.widgets.article_mentions import ArticleMentions
from tui.widgets.article_rows import (
    GUTTER,
    ROLE_TAGS,
    Row,
    line_starts,
    mark_tags,
)
from tui.widgets.text_cursor import CURSOR_BINDINGS, CURSOR_HELP, Mode, TextCursor
from tui.widgets.theme_styles import component_styles


class ArticleView(
    TextCursor,
    ArticleCaret,
    ArticleMarks,
    ArticleMentions,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
    """The article's text with roles styled, search terms highlighted, and hit navigation."""

    HELP = (
        """
## Article

Paragraphs are marked by role in the left gutter (`head`, `dek`, `by`, `cap`, `boil`);
captions and boilerplate are dimmed, never hidden. Search words are highlighted.

- `j` / `k`: line down / up · `space` / `b`: page down / up
- `ctrl+d` / `ctrl+u`: half a page · `g` / `G`: top / bottom
- `n` / `N`: next / previous paragraph with a search hit
- `]` / `[`: next / previous annotation (underlined, its label's tag in the gutter)
"""
        + CURSOR_HELP
    )

    BINDINGS = [
        *CURSOR_BINDINGS,
        *MARK_BINDINGS,
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="line_down"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="line_up"),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False, id="page_down"),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False, id="page_up"),
        Binding("ctrl+d", "scroll_half(1)", "Half down", show=False, id="half_down"),
        Binding("ctrl+u", "scroll_half(-1)", "Half up", show=False, id="half_up"),
        Binding("g,home", "top", "Top", show=False, id="top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="bottom"),
        Binding("n", "next_hit(1)", "Next hit", id="next_hit"),
        Binding("N", "next_hit(-1)", "Prev hit", id="previous_hit", show=False),
    ]

    COMPONENT_CLASSES = {
        "article-view--hit",
        "article-view--dim",
        "article-view--headline",
        "article-view--gutter",
        "article-view--current",
        "article-view--annotation",
        "article-view--focus",
        "article-view--selection",
        "article-view--caret",
        "article-view--mention",
    }

    DEFAULT_CSS = """
    ArticleView { background: $surface; scrollbar-gutter: stable; overflow-x: hidden; }
    ArticleView > .article-view--hit { text-style: bold reverse; color: $warning; }
    ArticleView > .article-view--dim { text-style: italic; color: $text-muted; }
    ArticleView > .article-view--headline { text-style: bold; color: $text; }
    ArticleView > .article-view--gutter { color: $text-disabled; }
    ArticleView > .article-view--current { text-style: bold; color: $accent; }
    ArticleView > .article-view--annotation { text-style: underline; }
    ArticleView > .article-view--focus { text-style: bold underline; color: $accent; }
    ArticleView > .article-view--selection { text-style: reverse; }
    ArticleView > .article-view--caret { text-style: reverse bold underline; color: $warning; }
    ArticleView > .article-view--mention { text-style: bold reverse; color: $success; }
    """

    current_paragraph: reactive[int] = reactive(-1, init=False)

    class HitMoved(Message):
        """The current hit changed (index among hit paragraphs, count)."""

        def __init__(self, position: int, count: int) -> None:
            super().__init__()
            self.position = position
            self.count = count

    def __init__(
        self,
        article: Article,
        highlights: dict[int, list[tuple[int, int]]] | None = None,
        start_paragraph: int = -1,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article = article
        self._styles: list[RichStyle] = []
        self.highlights = highlights or {}
        self.hit_paragraphs = sorted(i for i, spans in self.highlights.items() if spans)
        self.start_paragraph = start_paragraph
        self.texts = [p.text for p in article.paragraphs]
        #: Paragraph index -> its position in ``article.paragraphs`` (carets count positions).
        self.positions = {p.index: n for n, p in enumerate(article.paragraphs)}
        self.init_marks()
        self.init_mentions()
        self._rows: list[Row] = []
        self._first_row: dict[int, int] = {}
        self._width = 0
        self._cache: dict[int, Strip] = {}
        self.init_cursor()

    # -- layout ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        same_width = max(20, self.scrollable_content_region.width) == self._width
        if self._rows and self.start_paragraph < 0 and same_width:
            return  # only the height changed (a status line came or went): stay put
        anchor = self.paragraph_at_top()
        self._layout(self.scrollable_content_region.width)
        if self.start_paragraph >= 0:
            anchor, self.start_paragraph = self.start_paragraph, -1
            self.current_paragraph = anchor
        self.call_after_refresh(self.scroll_to_paragraph, anchor)

    def _layout(self, width: int) -> None:
        width = max(20, width)
        if width == self._width and self._rows:
            return
        self._width = width
        rows: list[Row] = []
        first_row: dict[int, int] = {}
        for position, paragraph in enumerate(self.article.paragraphs):
            first_row[paragraph.index] = len(rows)
            rows.extend(self._paragraph_rows(position))
        self._rows, self._first_row = rows, first_row
        self._cache.clear()
        self.virtual_size = Size(width, len(rows))

    def _paragraph_rows(self, position: int) -> list[Row]:
        """A paragraph wrapped to the width, with its gutter tags, and the blank row after it."""
        paragraph = self.article.paragraphs[position]
        content = self._paragraph_content(position)
        lines = content.wrap(self._width - GUTTER - 1)
        starts = line_starts(content.plain, [line.plain for line in lines])
        tags = mark_tags(self.marks.get(paragraph.index, []), starts)
        if ROLE_TAGS[paragraph.role]:
            tags[0] = ROLE_TAGS[paragraph.role]
        rows = [
            Row(paragraph.index, line, tags[n], first=n == 0, start=starts[n])
            for n, line in enumerate(lines)
        ]
        return [*rows, Row(paragraph.index, Content(""))]

    def _paragraph_content(self, position: int) -> Content:
        paragraph = self.article.paragraphs[position]
        index, role = paragraph.index, paragraph.role
        content = inert(paragraph.text)
        if role in (Role.CAPTION, Role.BOILERPLATE, Role.BYLINE):
            content = content.stylize(self.component_style("article-view--dim"))
        elif role == Role.HEADLINE:
            content = content.stylize(self.component_style("article-view--headline"))
        hit = self.component_style("article-view--hit")
        for start, end in self.highlights.get(index, []):
            content = content.stylize(hit, start, end)
        content = self.style_mentions(content, index)
        return self.style_cursor(self.style_marks(content, index), position)

    def restyle(self, *positions: int) -> None:
        """Re-style some paragraphs in place (styles never change where lines wrap)."""
        if not self._rows:
            return
        for position in set(positions):
            if not 0 <= position < len(self.texts):
                continue
            first = self._first_row[self.article.paragraphs[position].index]
            rows = self._paragraph_rows(position)
            self._rows[first : first + len(rows)] = rows
            for row in range(first, first + len(rows)):
                self._cache.pop(row, None)
        self.refresh()

    def component_style(self, component: str) -> Style:
        return Style.from_rich_style(self.get_component_rich_style(component, partial=True))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        styles = component_styles(self)
        if styles == self._styles:
            return  # only the focus changed: the lines as laid out stay right
        self._styles = styles
        self._width = 0  # styles changed (theme): re-style on next layout
        if self.size.width:
            self._layout(self.size.width)
            self.refresh()

    # -- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row_index = scroll_y + y
        base = self.rich_style
        if row_index >= len(self._rows):
            return Strip.blank(self.size.width, base)
        strip = self._cache.get(row_index)
        if strip is None:
            strip = self._render_row(self._rows[row_index], base)
            self._cache[row_index] = strip
        return strip.crop_extend(scroll_x, scroll_x + self.size.width, base)

    def _render_row(self, row: Row, base: RichStyle) -> Strip:
        current = row.first and row.paragraph == self.current_paragraph
        marker = "▶" if current else " "
        gutter_style = base + self.get_component_rich_style(
            "article-view--current" if current else "article-view--gutter"
        )
        gutter = Segment(f"{marker}{row.gutter:<{GUTTER - 1}} ", gutter_style)
        segments = [gutter, *row.content.render_segments(Style.from_rich_style(base))]
        return Strip(segments).simplify()

    def watch_current_paragraph(self) -> None:
        self._cache.clear()
        self.refresh()

    # -- navigation -------------------------------------------------------------------------

    def paragraph_at_top(self) -> int:
        top = int(self.scroll_offset.y)
        if 0 <= top < len(self._rows):
            return self._rows[top].paragraph
        return -1

    def scroll_to_paragraph(self, index: int, *, animate: bool = False) -> None:
        row = self._first_row.get(index, 0) if index >= 0 else 0
        self.scroll_to(y=row, animate=animate, immediate=True)

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + count, animate=False)

    def action_scroll_pages(self, count: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + count * max(1, self.size.height - 1), animate=False)

    def action_scroll_half(self, count: int) -> None:
        self.scroll_to(
            y=self.scroll_offset.y + count * max(1, self.size.height // 2), animate=False
        )

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_next_hit(self, step: int) -> None:
        """Move to the next (or previous) paragraph holding a search hit, wrapping around."""
        if not self.hit_paragraphs:
            self.notify("No search hits in this article", severity="warning")
            return
        hits = self.hit_paragraphs
        current = self.current_paragraph
        if step > 0:
            target = next((p for p in hits if p > current), hits[0])
        else:
            target = next((p for p in reversed(hits) if p < current), hits[-1])
        self.current_paragraph = target
        self.scroll_to_paragraph(target)
        self.post_message(self.HitMoved(hits.index(target) + 1, len(hits)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_hit":
            if self.mode != Mode.READ:
                return False  # n is a label key in the cursor modes
            return True if self.hit_paragraphs else None  # greyed out: no hits here
        return self.check_cursor_action(action, parameters)
