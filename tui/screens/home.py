"""The start screen: the library at a glance and search as you type."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from tui.format import plural
from tui.keys import SCREEN_BINDINGS
from tui.messages import IndexReady, SearchFinished
from tui.overview import Overview, load_overview, load_stories
from tui.reserved import RESERVED_BINDINGS, STORY_BINDING, ReservedKeys
from tui.safe import inert
from tui.widgets.outlet_bar import OutletBar
from tui.widgets.results import ResultsList
from tui.widgets.search_input import SearchInput
from tui.widgets.stories_list import StoriesList

if TYPE_CHECKING:
    from index.library import Library
    from index.search import SearchResult
    from tui.searching import SearchService

#: Wait this long after a keystroke before searching, so fast typing searches once.
DEBOUNCE_S = 0.12
WILDCARDS = ("*", "?")


class HomeScreen(ReservedKeys, Screen[None], inherit_bindings=False):
    """Recent articles and the search box; `enter` opens the selected article.

    Typing searches as you go (spelling suggestions wait for `enter`, as they cost more).
    The outlet filter (`o`) holds while the query is edited, is always shown in the outlet
    bar, and is dropped when the search box is cleared.
    """

    HELP = """
## Parallax

Type in the search box to search the whole library as you type. Words are stemmed;
use `"quotes"` for phrases, `AND`/`OR`/`NOT`, and fields such as `outlet:upi`,
`author:decamp`, `title:japan` or `date:2024`. Wildcards (`econom*`) run when you press
`enter`. `o` cycles the outlet filter; it stays on (and shown) while you edit the query,
and clearing the search drops it.
"""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="focus_search"),
        Binding("o", "cycle_outlet", "Outlet", id="outlet_filter"),
        Binding("escape", "clear_search", "Clear", id="clear_search", show=False),
        Binding("q", "app.quit", "Quit", id="quit_top"),
        STORY_BINDING,
        *RESERVED_BINDINGS,
        *SCREEN_BINDINGS,
    ]

    def __init__(self, library: Library, searching: SearchService) -> None:
        super().__init__()
        self.library = library
        self.searching = searching
        self.outlet = ""
        self.last_result: SearchResult | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="summary")
        yield SearchInput(
            placeholder="Search the library — press / (enter for wildcards)", id="search"
        )
        yield OutletBar(id="outlets")
        # The library at a glance (see show_overview); `-searching` while hits are shown.
        with Vertical(id="browse"):
            yield StoriesList(id="stories")
            yield ResultsList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_overview(load_overview(self.library))
        self.query_one(ResultsList).focus()
        # After the first paint: loading Whoosh in a thread would hold the GIL before it.
        self.call_after_refresh(self.prepare_index)
        self.call_after_refresh(self.show_stories)

    def show_stories(self) -> None:
        """Stories above the recent articles (read after the first paint: a grouping query)."""
        stories = load_stories(self.library)
        self.query_one(StoriesList).show_stories(stories)
        if stories and not self.query_one("#browse").has_class("-searching"):
            self.query_one(OutletBar).show_status("Stories, then recent articles")

    def show_overview(self, overview: Overview) -> None:
        """The library at a glance: counts, then the newest articles.

        Stories, once the core has them: one more field of ``Overview``, shown here.
        """
        self.query_one("#summary", Static).update(inert(overview.summary))
        self.query_one(OutletBar).show_status("Recent articles")
        self.query_one("#browse").remove_class("-searching")
        self.query_one(ResultsList).show_articles(overview.recent)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def prepare_index(self) -> None:
        """Bring the search index up to date off the UI thread: the reader's only write."""
        try:
            indexed = self.searching.prepare()
        except Exception:  # noqa: BLE001 - shown as one line
            self.post_message(IndexReady(0, self.searching.error))
            return
        self.post_message(IndexReady(indexed))

    def on_index_ready(self, message: IndexReady) -> None:
        if message.error:
            self.query_one(OutletBar).show_status(f"search unavailable: {message.error}")

    # -- searching --------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self.query_one("#search", SearchInput).value.strip()

    @on(SearchInput.Changed, "#search")
    def search_as_you_type(self) -> None:
        text = self.search_text
        bar = self.query_one(OutletBar)
        if not text:
            self.last_result = None
            self.outlet = ""
            self.show_overview(load_overview(self.library))
        elif any(w in text for w in WILDCARDS):
            bar.show_status("press enter to run a wildcard search", self.outlet)
        else:
            if not self.searching.ready.is_set():
                bar.show_status("preparing the search index…", self.outlet)
            self.run_search(text, self.outlet, DEBOUNCE_S, suggest=False)

    @on(SearchInput.Submitted, "#search")
    def search_submitted(self) -> None:
        if self.search_text:
            self.run_search(self.search_text, self.outlet, 0.0)
        self.query_one(ResultsList).focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str, outlet: str, delay: float, suggest: bool = True) -> None:
        """Search in a thread; a newer search cancels this one before it starts its work."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        if delay:
            time.sleep(delay)
        while not self.searching.ready.wait(0.05):
            if worker.is_cancelled:
                return
        try:
            result = self.searching.search(
                text, outlet=outlet, suggest=suggest, wanted=lambda: not worker.is_cancelled
            )
        except Exception as error:  # noqa: BLE001 - shown as one line
            message = (str(error) or type(error).__name__).splitlines()[0]
            self.post_message(SearchFinished(text, outlet, None, message))
            return
        if result is not None:
            self.post_message(SearchFinished(text, outlet, result))

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.query != self.search_text or message.outlet != self.outlet:
            return  # a result for an old query: drop it
        bar = self.query_one(OutletBar)
        if message.result is None:
            bar.show_status(f"search failed: {message.error}", self.outlet)
            return
        result = self.last_result = message.result
        everywhere = sum(result.facets["outlet"].values())
        found = (
            f"{result.total} of {plural(everywhere, 'article')} (o: next outlet)"
            if self.outlet
            else plural(result.total, "article")
        )
        status = " · ".join(
            x
            for x in (
                found,
                f"did you mean: {result.suggestion}" if result.suggestion else "",
                result.note,
            )
            if x
        )
        bar.show(result.facets["outlet"], everywhere, self.outlet, status)
        self.query_one("#browse").add_class("-searching")
        self.query_one(ResultsList).show_hits(result.hits)

    # -- actions ----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#search", SearchInput).focus()

    def search_for(self, text: str) -> None:
        """Search for ``text`` as if typed (from a panel's "search for this name")."""
        search_box = self.query_one("#search", SearchInput)
        search_box.value = text
        search_box.cursor_position = len(text)
        self.query_one(ResultsList).focus()

    def action_clear_search(self) -> None:
        search_box = self.query_one("#search", SearchInput)
        if search_box.value:
            search_box.value = ""
        self.query_one(ResultsList).focus()

    def action_cycle_outlet(self) -> None:
        if not self.search_text or self.last_result is None:
            self.notify("Search first, then filter by outlet", severity="warning")
            return
        self.outlet = self.query_one(OutletBar).next_filter()
        self.run_search(self.search_text, self.outlet, 0.0)

    def action_story_view(self) -> None:
        """Open the highlighted article's story, every outlet side by side."""
        stories = self.query_one(StoriesList)
        results: OptionList = stories if stories.has_focus else self.query_one(ResultsList)
        if results.highlighted is None:
            self.notify("Select an article first", severity="warning")
            return
        article_id = results.get_option_at_index(results.highlighted).id
        if article_id:
            from tui.screens.split import show_story

            show_story(self.app, self.library, self.searching, article_id)

    @on(OptionList.OptionSelected, "#stories")
    def open_story(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            from tui.screens.split import show_story

            show_story(self.app, self.library, self.searching, event.option.id)

    @on(OptionList.OptionSelected, "#results")
    def open_article(self, event: OptionList.OptionSelected) -> None:
        article_id = event.option.id
        if article_id is None:
            return
        from tui.screens.reader import ReaderScreen

        # The query of the results on screen, not what the box holds now.
        result = self.last_result
        query = result.query if result is not None else ""
        paragraph = -1
        if result is not None:
            paragraph = next((h.paragraph for h in result.hits if h.article_id == article_id), -1)
        self.app.push_screen(
            ReaderScreen(self.library, self.searching, article_id, query, paragraph)
        )
