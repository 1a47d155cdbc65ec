"""The article view's marked spans from the panels: an entity's mentions or a claim, and
going from one to the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView
    from textual.style import Style

    from index.model import Article

    _Base = ScrollView
else:
    _Base = object

Spans = dict[int, list[tuple[int, int]]]  # paragraph index -> (start, end) offsets


class ArticleMentions(_Base):
    """Mixin for ``ArticleView``: spans the panels mark (``article-view--mention``)."""

    if TYPE_CHECKING:
        article: Article
        positions: dict[int, int]
        current_paragraph: int

        def restyle(self, *positions: int) -> None: ...
        def component_style(self, component: str) -> Style: ...
        def scroll_to_paragraph(self, index: int, *, animate: bool = False) -> None: ...

    def init_mentions(self) -> None:
        self.mentions: Spans = {}
        #: The (paragraph, start) of the mention last jumped to.
        self.mention_at: tuple[int, int] | None = None

    def show_mentions(self, spans: Spans) -> None:
        """Mark these spans (replacing the ones marked before)."""
        spans = {i: sorted(s) for i, s in spans.items() if i in self.positions and s}
        changed = spans.keys() | self.mentions.keys()
        self.mentions, self.mention_at = spans, None
        self.restyle(*(self.positions[i] for i in changed if i in self.positions))

    def style_mentions(self, content: Content, index: int) -> Content:
        style = self.component_style("article-view--mention")
        for start, end in self.mentions.get(index, []):
            content = content.stylize(style, start, end)
        return content

    def next_mention(self) -> tuple[int, int] | None:
        """Go to the marked span after the last one gone to (wrapping); its number and count."""
        ordered = [
            (self.positions[i], start)
            for i in sorted(self.mentions, key=self.positions.__getitem__)
            for start, _ in self.mentions[i]
        ]
        if not ordered:
            return None
        here = self.mention_at or (-1, -1)
        target = next((p for p in ordered if p > here), ordered[0])
        self.mention_at = target
        index = self.article.paragraphs[target[0]].index
        self.current_paragraph = index
        self.scroll_to_paragraph(index)
        return ordered.index(target) + 1, len(ordered)
