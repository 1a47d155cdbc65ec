"""The Textual reader: the library at a glance, with search (the full reader is issue 3)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from index.library import Library


class ParallaxApp(App[None]):
    """Parallax: compare how outlets cover the same story."""

    TITLE = "Parallax"
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="focus_search"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search the library  (/)", id="search")
        yield OptionList(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        articles = self.query_one("#articles", OptionList)
        for row in self.library.store.list_articles(limit=200):
            line = Content.assemble(
                (str(row["date"] or "").ljust(11), "dim"),
                (str(row["outlet"] or "?").ljust(14), "bold"),
                Content(str(row["title"])),
            )
            articles.add_option(Option(line, id=str(row["id"])))
        articles.focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()
