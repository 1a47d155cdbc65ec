"""SVG snapshots of the start screen, results, reader and story split view at 80x24, 120x40."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config

SIZES = [(80, 24), (120, 40)]


async def _search(pilot, query: str = "joint force") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    for ch in query:
        await pilot.press(ch if ch != " " else "space")
    await pilot.app.workers.wait_for_complete()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _open_hit(pilot) -> None:  # type: ignore[no-untyped-def]
    await _search(pilot, "Okinawa troops")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _story(pilot) -> None:  # type: ignore[no-untyped-def]
    await _settle(pilot)
    await pilot.press("s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    await pilot.press("right_square_bracket")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "run_before",
    [_settle, _search, _open_hit, _story],
    ids=["start", "results", "reader", "story"],
)
def test_screens(
    snap_compare: Callable[..., bool],
    demo_library: Library,
    size: tuple[int, int],
    run_before: Callable[..., object],
) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    assert snap_compare(app, terminal_size=size, run_before=run_before)
