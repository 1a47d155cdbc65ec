"""Reading one article, opened at the paragraph that matched the search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.annotating import ANNOTATION_BINDINGS, AnnotatingScreen
from tui.format import display_date
from tui.keys import SCREEN_BINDINGS
from tui.panels import PANEL_BINDINGS, PanelScreen
from tui.reserved import STORY_BINDING
from tui.safe import inert
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.annotation_status import AnnotationStatus
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.entity_panel import EntityPanel

if TYPE_CHECKING:
    from index.library import Library
    from tui.searching import SearchService


class ReaderScreen(AnnotatingScreen, PanelScreen, Screen[None], inherit_bindings=False):
    """The article with its headline, outlet, author and date on top."""

    HELP = """
## Reader

`escape` goes back to the list. `n` / `N` jump between paragraphs with search hits.
`s` opens the story: every outlet's article side by side.
`a` opens the annotations panel; `v` puts a text cursor in the article to annotate
(`w` `b` `e` words, `(` `)` sentences, `{` `}` paragraphs, `v` again to select, then a label
key: `p` person, `o` organisation, `g` place, `c` claim, `n` note, `1`-`9` your own labels).
`A` proposes an annotation on the other outlets' aligned paragraphs (`y` / `n` each).
`e` opens the entities panel (the highlighted name's mentions are marked; `enter` goes to
the next one, `f` searches the library for it); `c` the claims panel (`enter` shows the claim,
`w` who is quoted). One panel at a time.
"""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        STORY_BINDING,
        *ANNOTATION_BINDINGS,
        *PANEL_BINDINGS,
        *SCREEN_BINDINGS,
    ]

    def __init__(
        self,
        library: Library,
        searching: SearchService,
        article_id: str,
        query: str,
        paragraph: int,
    ) -> None:
        """``query`` is the search whose results led here: its words are highlighted."""
        super().__init__()
        self.library = library
        self.searching = searching
        self.article_id = article_id
        self.search_query = query
        self.start_paragraph = paragraph

    def compose(self) -> ComposeResult:
        article = self.library.get(self.article_id)
        if article is None:
            yield Static(inert("This article is no longer in the library."))
            yield Footer(compact=True)
            return
        highlights: dict[int, list[tuple[int, int]]] = {}
        if self.search_query:
            highlights = self.searching.highlights(article, self.search_query)
        meta = " · ".join(
            x for x in (article.outlet, article.author, display_date(article.date)) if x
        )
        yield Static(inert(article.title, "bold"), id="reader-title")
        yield Static(inert(meta or "unknown outlet"), id="reader-meta")
        count = len(highlights)
        status = (
            f"{count} paragraph{'s' if count != 1 else ''} with search hits · n/N to move"
            if count
            else ""
        )
        yield Static(inert(status), id="reader-status")
        yield AnnotationStatus()
        yield ArticleView(article, highlights, self.start_paragraph, id="article")
        yield AnnotationPanel(id="annotations", classes="-docked")
        yield EntityPanel(id="entities", classes="-docked")
        yield ClaimPanel(id="claims", classes="-docked")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.query(ArticleView):
            self.query_one(ArticleView).focus()
            self.start_annotating(self.library.path, self.article_id)
            self.start_panels([self.article_id])

    def action_story_view(self) -> None:
        """Open this article's story, every outlet side by side."""
        from tui.screens.split import show_story

        show_story(self.app, self.library, self.searching, self.article_id)

    def on_article_view_hit_moved(self, message: ArticleView.HitMoved) -> None:
        self.query_one("#reader-status", Static).update(
            inert(f"hit {message.position} of {message.count} · n/N to move")
        )

    # -- the panels ---------------------------------------------------------------------------

    def focus_main(self) -> None:
        self.query_one(ArticleView).focus()

    def annotation_view(self) -> ArticleView | None:
        found = self.query(ArticleView)
        return found.first() if found else None

    def panel_closed(self, panel: Widget | None) -> None:
        self.query_one(ArticleView).show_mentions({})
        self.query_one("#reader-status", Static).update(Content(""))

    def _status(self, text: str) -> None:
        self.query_one("#reader-status", Static).update(inert(text))

    def on_entity_panel_highlighted(self, message: EntityPanel.Highlighted) -> None:
        if not self.query_one(EntityPanel).has_class("-open"):
            return
        spans: dict[int, list[tuple[int, int]]] = {}
        entity = message.entity
        for m in entity.mentions if entity else []:
            if m.article == self.article_id:
                spans.setdefault(m.paragraph, []).append((m.start, m.end))
        self.query_one(ArticleView).show_mentions(spans)
        if entity is not None:
            count = sum(len(s) for s in spans.values())
            self._status(f"{entity.name}: {count} mention{'s' if count != 1 else ''} here")

    def on_entity_panel_chosen(self, message: EntityPanel.Chosen) -> None:
        found = self.query_one(ArticleView).next_mention()
        if found is None:
            self._status(f"{message.entity.name} is not named in this article's text")
        else:
            self._status(f"{message.entity.name}: mention {found[0]} of {found[1]}")

    def on_claim_panel_chosen(self, message: ClaimPanel.Chosen) -> None:
        claim = message.claim
        view = self.query_one(ArticleView)
        view.show_mentions({claim.paragraph: [(claim.start, claim.end)]})
        view.next_mention()
        who = f" — {claim.speaker}" if claim.speaker else ""
        self._status(f"{claim.kind}{who}")
