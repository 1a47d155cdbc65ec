"""The story split view: every outlet's article side by side, aligned by fact."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.keys import SCREEN_BINDINGS
from tui.safe import inert
from tui.widgets.split_view import SplitView

if TYPE_CHECKING:
    from index.align import Alignment
    from index.library import Library
    from tui.searching import SearchService


def story_alignment(library: Library, article_id: str) -> Alignment | None:
    """The alignment of the story ``article_id`` belongs to, or None when it has no partner."""
    from index.align import align
    from index.story_store import StoryStore

    stories = StoryStore(library.store)
    try:
        story = stories.story_of(article_id)
        members = stories.members(story) if story else []
    except sqlite3.OperationalError:  # a library from before stories, opened read-only
        return None
    if len(members) < 2:
        return None
    members.remove(article_id)
    return align(library.store.get_many([article_id, *members]))


def show_story(
    app: App[object], library: Library, searching: SearchService, article_id: str
) -> None:
    """Open the split view of ``article_id``'s story, or say why there is none."""
    alignment = story_alignment(library, article_id)
    if alignment is None:
        app.notify("No other outlet's article is in this story yet.", markup=False)
        return
    app.push_screen(SplitScreen(library, searching, alignment))


class SplitScreen(Screen[None], inherit_bindings=False):
    """Columns per outlet with the coverage legend and the focused outlet on top."""

    HELP = SplitView.HELP
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back"), *SCREEN_BINDINGS]

    def __init__(self, library: Library, searching: SearchService, alignment: Alignment) -> None:
        super().__init__()
        self.library = library
        self.searching = searching
        self.alignment = alignment

    def compose(self) -> ComposeResult:
        yield Static(id="split-columns")
        yield Static(id="split-status")
        yield SplitView(self.alignment, id="split")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        view = self.query_one(SplitView)
        view.focus()
        self._header(view.column, 0, len(view.rows), 0)

    def on_split_view_moved(self, message: SplitView.Moved) -> None:
        self._header(message.column, message.row, message.rows, message.first_visible)

    def _header(self, column: int, row: int, rows: int, first: int) -> None:
        view = self.query_one(SplitView)
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

        article = self.alignment.articles[message.position]
        screen = ReaderScreen(self.library, self.searching, article.id, "", message.paragraph)
        self.app.push_screen(screen)
