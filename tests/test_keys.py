"""Every key the reader answers to has a binding id, so the config keymap can remap it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config, load_config
from tui.keys import binding_id
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.results import ResultsList


def _ids_missing(app: ParallaxApp) -> list[str]:
    return sorted(
        f"{key} -> {active.binding.action}"
        for key, active in app.active_bindings.items()
        if not active.binding.id
    )


def test_binding_ids_from_actions() -> None:
    assert binding_id("search", "home(True)") == "search_home_true"
    assert binding_id("screen", "app.focus_next") == "screen_focus_next"


async def test_every_active_binding_has_an_id(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, ResultsList)
        assert _ids_missing(app) == []
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        assert _ids_missing(app) == []
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert isinstance(app.focused, ArticleView)
        assert _ids_missing(app) == []


async def test_keymap_remaps_inherited_keys(demo_library: Library, tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        '[keymap]\nresults_cursor_down = "ctrl+n"\nsearch_home = "ctrl+b"\n'
        'command_palette = "ctrl+k"\n'
    )
    app = ParallaxApp(demo_library, load_config(config_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        results = app.screen.query_one(ResultsList)
        assert results.highlighted == 0
        await pilot.press("down")  # no longer bound
        assert results.highlighted == 0
        await pilot.press("ctrl+n")
        assert results.highlighted == 1
        await pilot.press("slash", "end", "a", "b", "ctrl+b", "c")
        assert app.screen.query_one(Input).value == "cab"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
