"""The story split view: every outlet's article side by side, aligned by fact.

Aligning a five-outlet story takes a few hundred milliseconds, so it runs in a worker: the
screen opens at once with the outlets named and "aligning…", and the columns appear when
the worker posts the alignment.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.annotating import ANNOTATION_BINDINGS, AnnotatingScreen
from tui.keys import SCREEN_BINDINGS
from tui.panels import PANEL_BINDINGS, PanelScreen
from tui.safe import inert
from tui.split_panels import SplitPanels
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.annotation_status import AnnotationStatus
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.split_view import SplitView

if TYPE_CHECKING:
    from index.align import Alignment
    from index.library import Library
    from index.model import Article
    from tui.searching import SearchService


def story_articles(library: Library, article_id: str) -> list[Article]:
    """``article_id`` first, then the rest of its story; [] when it has no partner."""
    from index.story_store import StoryStore

    stories = StoryStore(library.store)
    try:
        story = stories.story_of(article_id)
        members = stories.members(story) if story else []
    except sqlite3.OperationalError:  # a library from before stories, opened read-only
        return []
    if len(members) < 2:
        return []
    members.remove(article_id)
    return library.store.get_many([article_id, *members])


def show_story(
    app: App[object], library: Library, searching: SearchService, article_id: str
) -> None:
    """Open the split view of ``article_id``'s story, or say why there is none."""
    articles = story_articles(library, article_id)
    if len(articles) < 2:
        app.notify("No other outlet's article is in this story yet.", markup=False)
        return
    app.push_screen(SplitScreen(library, searching, articles))


class Aligned(Message):
    """The worker finished aligning the story."""

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment


class SplitScreen(AnnotatingScreen, SplitPanels, PanelScreen, Screen[None], inherit_bindings=False):
    """Columns per outlet with the coverage legend and the focused outlet on top."""

    HELP = (
        SplitView.HELP
        + """
`e` opens the story's entities (the highlighted name is marked in every column; `enter` goes
to the next row naming it); `c` its claims (`enter` shows the claim in every outlet's column
that carries it; `w` who is quoted). `a` opens the annotations of every outlet's article
(`enter` goes to one in its column; `r` edits, `x` deletes yours; `A` proposes one on the
other outlets' aligned paragraphs, `y` / `n` each).
"""
    )
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        # Not in the footer, which keeps the reading keys: ``?`` lists them.
        *(replace(b, show=False) for b in ANNOTATION_BINDINGS),
        *PANEL_BINDINGS,
        *SCREEN_BINDINGS,
    ]

    def __init__(self, library: Library, searching: SearchService, articles: list[Article]) -> None:
        super().__init__()
        self.library = library
        self.searching = searching
        self.articles = articles
        self.alignment: Alignment | None = None

    def compose(self) -> ComposeResult:
        outlets = " · ".join(a.outlet or "?" for a in self.articles)
        yield Static(inert(f"  {outlets}", "bold"), id="split-columns")
        yield Static(inert(f"aligning {len(self.articles)} articles…", "dim"), id="split-status")
        yield AnnotationStatus()
        yield EntityPanel(id="entities", classes="-docked")
        yield ClaimPanel(id="claims", classes="-docked")
        yield AnnotationPanel(id="annotations", classes="-docked")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.align_story()
        ids = [a.id for a in self.articles]
        self.start_panels(ids, ids)
        self.query_one(AnnotationPanel).outlets = {a.id: a.outlet for a in self.articles}
        self.start_annotating(self.library.path, ids[0], ids[1:])

    def annotation_view(self) -> SplitView | None:
        return self._view()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def align_story(self) -> None:
        """Align off the UI thread; the result comes back as a message."""
        from index.align import align

        self.post_message(Aligned(align(self.articles)))

    def on_aligned(self, message: Aligned) -> None:
        self.alignment = message.alignment
        view = SplitView(message.alignment, id="split")
        self.mount(view, before=self.query_one(Footer))
        if not any(p.has_class("-open") for p in self.query(".-docked")):
            view.focus()
        self.annotation_view_ready()
        self.call_after_refresh(self._header, 0, 0, len(view.rows), 0)

    def on_split_view_moved(self, message: SplitView.Moved) -> None:
        self._header(message.column, message.row, message.rows, message.first_visible)

    def _header(self, column: int, row: int, rows: int, first: int) -> None:
        view = self.query_one(SplitView)
        assert self.alignment is not None
        width = view.column_width()
        parts: list[Content] = [Content("  ")]
        for n, position in enumerate(view.visible_columns()):
            article = self.alignment.articles[position]
            label = f"{'▸ ' if position == column else '  '}{article.outlet or '?'}"
            style = "bold reverse" if position == column else "bold"
            cell = inert(label[:width].ljust(width), style)
            parts.extend([Content("│") if n else Content(""), cell])
        self.query_one("#split-columns", Static).update(Content("").join(parts))
        total = len(self.alignment.articles)
        hidden = total - view.visible_count
        more = f" · tab: {hidden} more outlet{'s' if hidden != 1 else ''}" if hidden > 0 else ""
        status = f"row {row + 1}/{rows} · ● all outlets ◐ some ○ only this one{more}"
        self.query_one("#split-status", Static).update(inert(status, "dim"))

    def on_split_view_open_article(self, message: SplitView.OpenArticle) -> None:
        from tui.screens.reader import ReaderScreen

        article = self.articles[message.position]
        screen = ReaderScreen(self.library, self.searching, article.id, "", message.paragraph)
        self.app.push_screen(screen)
