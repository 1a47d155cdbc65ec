"""Pilot tests of searching in the reader: threads, the outlet filter, the query the reader uses."""

from __future__ import annotations

import threading

from textual.pilot import Pilot

from index.library import Library
from tests.helpers import make_article
from tui.app import ParallaxApp
from tui.config import Config
from tui.screens.home import HomeScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.outlet_bar import OutletBar
from tui.widgets.results import ResultsList
from tui.widgets.search_input import SearchInput


async def _type(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press(ch if ch != " " else "space")
    await _settle(pilot)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _bar_text(app: ParallaxApp) -> str:
    return str(app.screen.query_one(OutletBar).content)


async def test_searching_never_writes_nor_shares_the_ui_connection(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)  # the index is prepared after the first paint
        assert app.searching.ready.is_set()
        with Library(demo_library.path) as other_process:  # e.g. `parallax add` meanwhile
            other_process.store.save(make_article("Late news", ["Okinawa again."]))
        threads: set[int] = set()
        demo_library.store._conn.set_trace_callback(lambda _: threads.add(threading.get_ident()))
        await pilot.press("slash")
        await _type(pilot, "Okinawa")
        demo_library.store._conn.set_trace_callback(None)
        assert app.screen.query_one(OutletBar).counts == {"Antiwar.com": 1}
        assert len(demo_library.store.queued()) == 1  # the search flushed nothing
        assert threads <= {threading.get_ident()}  # only the UI thread used the UI's connection


async def test_search_typed_before_the_index_is_ready_waits_for_it(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(pilot)
        app.searching.ready.clear()  # as if the index were still being prepared
        await pilot.press("slash", "O", "k", "i")
        await pilot.pause(0.3)
        assert "preparing the search index" in _bar_text(app)
        app.searching.ready.set()
        await _type(pilot, "nawa")
        assert app.screen.query_one(OutletBar).counts == {"Antiwar.com": 1}


async def test_reader_uses_the_query_of_the_results_shown(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await _type(pilot, "Okinawa")
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.run_search = lambda *args, **kwargs: None  # type: ignore[method-assign]
        await pilot.press("space", "J", "a", "p", "a", "n")  # typed after the results came
        await pilot.pause()
        screen.query_one(ResultsList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.search_query == "Okinawa"


async def test_outlet_filter_stays_in_view_when_the_query_changes(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash")
        await _type(pilot, "Japan")
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("o")
        await _settle(pilot)
        assert app.screen.outlet == "Antiwar.com"  # type: ignore[attr-defined]
        assert "[Antiwar.com 1]" in _bar_text(app)
        assert "1 of 3 articles" in _bar_text(app)
        await pilot.press("slash", "end")  # keep the query (focus selects it all)
        await _type(pilot, " Kamikawa")  # matches Press TV and UPI, not the filter
        assert app.screen.query_one(ResultsList).option_count == 0
        assert "[Antiwar.com 0]" in _bar_text(app)
        assert "0 of 2 articles" in _bar_text(app)
        await pilot.press("escape")  # clearing the search drops the filter
        await _settle(pilot)
        assert app.screen.outlet == ""  # type: ignore[attr-defined]
        assert "Antiwar.com" not in _bar_text(app)
        assert isinstance(app.focused, ResultsList)
        assert not app.screen.query_one(SearchInput).value


async def test_down_from_the_search_box_goes_to_the_results(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await _type(pilot, "Okinawa")
        await pilot.press("down")
        assert app.screen.query_one(ResultsList).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
