"""SVG snapshots of the entities and claims panels on the seed story at 80x24."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config


async def _reader(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()


async def _story(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()


async def _entities(pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(pilot, "e", "j", "enter")


async def _claims(pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(pilot, "c", "j", "j", "enter")


async def _who(pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(pilot, "c", "w")


async def _story_entities(pilot) -> None:  # type: ignore[no-untyped-def]
    await _story(pilot, "e", "j", "enter")


async def _story_claims(pilot) -> None:  # type: ignore[no-untyped-def]
    await _story(pilot, "c", "j", "j", "enter")


@pytest.mark.parametrize(
    "run_before",
    [_entities, _claims, _who, _story_entities, _story_claims],
    ids=["entities", "claims", "who", "story-entities", "story-claims"],
)
def test_panels(
    snap_compare: Callable[..., bool], demo_library: Library, run_before: Callable[..., object]
) -> None:
    app = ParallaxApp(demo_library, Config(animations=False))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
