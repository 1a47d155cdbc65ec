"""Pilot tests of the reader: search as you type, opening at the hit, n/N, back, quit, keymap."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from index.ingest import add_inputs
from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config, load_config
from tui.messages import SearchFinished
from tui.screens.home import HomeScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.outlet_bar import OutletBar
from tui.widgets.results import ResultsList
from tui.widgets.theme_styles import component_styles


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        await pilot.press(ch if ch != " " else "space")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_start_screen_lists_articles_newest_first(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        results = app.screen.query_one(ResultsList)
        ids = [o.id for o in results.options if o is not None]
        first = demo_library.get(ids[0])
        assert first is not None and first.outlet == "Press TV"
        assert len(ids) == 3


async def test_search_as_you_type_and_open_at_matching_paragraph(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await _type(pilot, "Okinawa")
        bar = app.screen.query_one(OutletBar)
        assert bar.counts == {"Antiwar.com": 1}
        await pilot.press("enter")  # from the box to the results
        await pilot.press("enter")  # open
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        assert view.current_paragraph == 6
        assert view.paragraph_at_top() == 6


async def test_stale_results_are_dropped(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await _type(pilot, "Kamikawa")
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        before = [o.id for o in screen.query_one(ResultsList).options]
        from index.search import search

        old = search(demo_library, "Okinawa")
        screen.post_message(SearchFinished("Okinawa", "", old))  # an old query's late result
        await pilot.pause()
        assert [o.id for o in screen.query_one(ResultsList).options] == before


async def test_next_and_previous_hit(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await _type(pilot, "Quad")
        await pilot.press("enter", "enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        hits = view.hit_paragraphs
        assert len(hits) >= 3
        start = view.current_paragraph
        assert start in hits
        position = hits.index(start)
        await pilot.press("n")
        assert view.current_paragraph == hits[(position + 1) % len(hits)]
        await pilot.press("N")
        assert view.current_paragraph == start
        await pilot.press("N")
        assert view.current_paragraph == hits[position - 1]  # wraps to the last hit


async def test_movement_keys(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "j")
        assert view.scroll_offset.y == 2
        await pilot.press("k")
        assert view.scroll_offset.y == 1
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_offset.y == 0
        await pilot.press("space")
        page = view.scroll_offset.y
        assert page > 10
        await pilot.press("b")
        assert view.scroll_offset.y == 0
        await pilot.press("ctrl+d")
        assert 0 < view.scroll_offset.y < page
        await pilot.press("ctrl+u")
        assert view.scroll_offset.y == 0


async def test_back_and_quit(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")  # q does not quit from inside
        assert app.is_running and isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_reserved_keys_are_greyed_out(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        bindings = {b.binding.id: b for b in app.active_bindings.values()}
        assert bindings["story_view"].enabled is True
        for binding_id in ("entities_panel", "claims_panel"):
            assert bindings[binding_id].enabled is False


async def test_keymap_from_config_remaps_a_binding(demo_library: Library, tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('[keymap]\nfocus_search = "f"\n')
    app = ParallaxApp(demo_library, load_config(config_file))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        assert isinstance(app.focused, Input)


async def test_help_panel_toggles(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("question_mark")
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_open_url_shows_instead_of_browsing(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_url("https://example.com/article")
        await pilot.pause()
        assert any("https://example.com/article" in str(n.message) for n in app._notifications)


def test_animations_off_over_ssh(monkeypatch: pytest.MonkeyPatch, demo_library: Library) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
    assert ParallaxApp(demo_library, Config()).animation_level == "none"
    monkeypatch.delenv("SSH_CONNECTION")
    monkeypatch.delenv("SSH_TTY", raising=False)
    assert ParallaxApp(demo_library, Config(animations=False)).animation_level == "none"


async def test_hostile_article_renders_inert(library: Library, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "[@click=app.quit]Click me[/] \x1b]52;c;aGk=\x07Headline\n\n"
        "[bold red]Not bold[/] \x1b[2J and \u202eevil\u202c \x9b31m text [link=http://x]l[/link]."
    )
    add_inputs(library, [str(evil)])
    app = ParallaxApp(library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen_text = app.export_screenshot()
        assert "[@click=app.quit]Click me[/]" in screen_text.replace("&#160;", " ")
        assert "[bold red]Not bold[/]" in screen_text.replace("&#160;", " ")
        assert "\x1b" not in screen_text


async def test_render_time_guard_removes_controls_ingest_missed(library: Library) -> None:
    from tests.helpers import make_article

    article = make_article("Old \x1b]0;pwned\x07title", ["Body \x1b[31mred\x1b[0m \x9b2J end."])
    library.store.save(article)  # as if written by an older version without the ingest filter
    app = ParallaxApp(library, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        text = "".join(
            segment.text for y in range(view.size.height) for segment in view.render_line(y)
        )
        assert "Body red" in text and "end." in text
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text)


async def test_story_split_view_navigation(demo_library: Library) -> None:
    from tui.screens.split import SplitScreen
    from tui.widgets.split_view import SplitView

    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SplitScreen)
        view = app.screen.query_one(SplitView)
        assert view.current == 0 and view.rows[0].filled() == [0, 1, 2]  # headlines first
        await pilot.press("right_square_bracket")
        assert view.current > 0 and view.rows[view.current].shared
        shared = view.current
        await pilot.press("left_square_bracket")
        assert view.current < shared
        await pilot.press("tab")
        assert view.column == 1
        await pilot.press("u")
        assert view.rows[view.current].filled() == [1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == view.alignment.articles[1].id
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_start_screen_lists_stories_and_opens_one(demo_library: Library) -> None:
    from tui.screens.split import SplitScreen
    from tui.widgets.stories_list import StoriesList

    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        stories = app.screen.query_one(StoriesList)
        assert stories.option_count == 1 and stories.display
        assert stories.has_class("-has-stories")
        await pilot.press("shift+tab")
        assert stories.has_focus
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SplitScreen)
        assert app.screen.alignment is not None
        assert len(app.screen.alignment.articles) == 3


async def test_article_keeps_its_lines_on_a_focus_change(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        styles = view._styles
        assert styles  # laid out with the theme's styles
        await pilot.press("a", "escape")  # the annotations panel takes the focus, then gives it
        await pilot.pause()
        assert view._styles is styles, "a focus change keeps the lines as laid out"
        assert styles == component_styles(view)
