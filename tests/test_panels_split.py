"""The entities and claims panels in the story split view of the seed story."""

from __future__ import annotations

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config
from tui.screens.split import SplitScreen
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.split_view import SplitView


async def _split(pilot) -> SplitScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, SplitScreen)
    return pilot.app.screen


async def test_entities_marked_in_every_column(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _split(pilot)
        await pilot.press("e")
        await pilot.pause()
        panel = screen.query_one(EntityPanel)
        assert panel.has_class("-open") and panel.has_focus
        view = screen.query_one(SplitView)
        assert {column for column, _ in view.marked} == {0, 1, 2}, "every outlet names it"
        await pilot.press("enter")
        await pilot.pause()
        row = view.rows[view.current]
        assert any(i in row.cells[c] for c, i in view.marked)
        await pilot.press("escape")
        await pilot.pause()
        assert view.marked == {} and view.has_focus


async def test_claim_shown_in_every_outlet(demo_library: Library) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _split(pilot)
        await pilot.press("c")
        await pilot.pause()
        panel = screen.query_one(ClaimPanel)
        data = screen.panel_data
        assert data is not None and panel.claims
        shared = next(c for c in data.claims if len(data.cluster_claims(c)) == 3)
        options = screen.query_one("ClaimList")
        options.highlighted = list(panel.claims).index(shared.id)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(SplitView)
        assert {column for column, _ in view.marked} == {0, 1, 2}
        assert any(i in view.rows[view.current].cells[c] for c, i in view.marked)
