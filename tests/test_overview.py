"""The start screen's overview: counts and recent articles, from one function."""

from __future__ import annotations

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config
from tui.overview import load_overview
from tui.widgets.results import ResultsList


def test_overview_counts_and_newest_first(demo_library: Library) -> None:
    overview = load_overview(demo_library)
    assert (overview.articles, overview.outlets) == (3, 3)
    assert overview.summary == "Parallax · 3 articles from 3 outlets · newest first"
    dates = [str(row["date"]) for row in overview.recent]
    assert dates == sorted(dates, reverse=True)


async def test_browse_section_holds_the_lists_and_knows_when_searching(
    demo_library: Library,
) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        browse = app.screen.query_one("#browse")
        assert isinstance(browse.query_one("#results"), ResultsList)
        assert not browse.has_class("-searching")
        await pilot.press("slash", "J", "a", "p", "a", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert browse.has_class("-searching")
        await pilot.press("escape")
        assert not browse.has_class("-searching")


async def test_start_screen_is_the_only_screen_at_start(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen"]
        await pilot.press("enter")
        await pilot.pause()
        app.action_go_back()
        await pilot.pause()
        app.action_go_back()  # never pops the start screen
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["HomeScreen"]
