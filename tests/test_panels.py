"""The entities and claims panels in the reader: data, keys, marks and the search."""

from __future__ import annotations

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config
from tui.screens.home import HomeScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_panel import ClaimList, ClaimPanel, QuotedTable
from tui.widgets.entity_panel import EntityPanel


async def _reader(pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen


async def test_entities_panel_marks_and_jumps(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reader(pilot)
        panel = screen.query_one(EntityPanel)
        assert not panel.has_class("-open")
        await pilot.press("e")
        await pilot.pause()
        assert panel.has_class("-open") and panel.has_focus
        assert panel.entities, "the seed article names people, places and organisations"
        entity = panel.current()
        assert entity is not None
        view = screen.query_one(ArticleView)
        here = [m for m in entity.mentions if m.article == screen.article_id]
        assert sum(len(s) for s in view.mentions.values()) == len(here)
        await pilot.press("enter")
        await pilot.pause()
        assert view.mention_at is not None
        assert view.current_paragraph == here[0].paragraph or view.mentions
        await pilot.press("e")  # toggles it closed, marks gone
        await pilot.pause()
        assert not panel.has_class("-open")
        assert view.mentions == {}
        assert view.has_focus


async def test_one_panel_at_a_time(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reader(pilot)
        entities, claims = screen.query_one(EntityPanel), screen.query_one(ClaimPanel)
        annotations = screen.query_one(AnnotationPanel)
        await pilot.press("e")
        await pilot.press("c")
        await pilot.pause()
        assert claims.has_class("-open") and not entities.has_class("-open")
        await pilot.press("a")
        await pilot.pause()
        assert annotations.has_class("-open") and not claims.has_class("-open")
        await pilot.press("e")
        await pilot.pause()
        assert entities.has_class("-open") and not annotations.has_class("-open")


async def test_cursor_mode_keeps_e_and_c(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reader(pilot)
        await pilot.press("v", "e", "e")
        await pilot.pause()
        assert not screen.query_one(EntityPanel).has_class("-open")
        await pilot.press("escape")
        await pilot.pause()


async def test_claims_panel_and_who_is_quoted(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reader(pilot)
        await pilot.press("c")
        await pilot.pause()
        panel = screen.query_one(ClaimPanel)
        assert panel.claims, "the seed article has claims"
        assert screen.query_one(ClaimList).has_focus
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        claim = next(iter(panel.claims.values()))
        assert view.mentions == {claim.paragraph: [(claim.start, claim.end)]}
        await pilot.press("w")
        await pilot.pause()
        table = screen.query_one(QuotedTable)
        assert table.has_focus and table.row_count > 0
        assert len(table.columns) == 4  # the speaker, then the story's three outlets


async def test_entity_search_goes_home(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _reader(pilot)
        await pilot.press("e")
        await pilot.pause()
        entity = screen.query_one(EntityPanel).current()
        assert entity is not None
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.search_text == f'"{entity.name}"'


async def test_panel_keys_have_ids(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await _reader(pilot)
        for key in ("e", "c", "w"):
            await pilot.press(key)
            await pilot.pause()
            missing = [k for k, a in app.active_bindings.items() if not a.binding.id]
            assert missing == [], key
