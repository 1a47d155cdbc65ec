"""SVG snapshots of annotating at 80x24: the annotations panel, and a selection in progress;
and in the story split view at 120x40."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from index.annotation_store import AnnotationStore
from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config


async def _open(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _panel(pilot) -> None:  # type: ignore[no-untyped-def]
    await _open(pilot)
    await pilot.press("a")
    await pilot.pause()


async def _selecting(pilot) -> None:  # type: ignore[no-untyped-def]
    await _open(pilot)
    await pilot.press("v", *["right_curly_bracket"] * 3, "w", "v", "e", "e")
    await pilot.pause()


@pytest.mark.parametrize("run_before", [_panel, _selecting], ids=["panel", "selecting"])
def test_annotating(
    snap_compare: Callable[..., bool],
    demo_library: Library,
    monkeypatch: pytest.MonkeyPatch,
    run_before: Callable[..., object],
) -> None:
    monkeypatch.setenv("PARALLAX_USER", "alice")
    article = str(demo_library.store.list_articles(limit=1)[0]["id"])
    store = AnnotationStore.open(demo_library.path)
    store.create(article, 3, 4, 17, label="organisation", user="alice")
    store.create(article, 3, 120, 125, label="place", note="the threat named", user="bob")
    store.create(article, 4, 3, 9, label="claim", user="bob")
    store.close()
    app = ParallaxApp(demo_library, Config(animations=False))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def _story_selecting(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("v", "right_curly_bracket", "right_curly_bracket", "w", "w", "w")
    await pilot.press("v", "e", "w", "e")
    await pilot.pause()


def test_annotating_story(
    snap_compare: Callable[..., bool], demo_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The split view at 120x40: annotations in two columns, a selection in the first."""
    from tui.screens.split import story_articles

    monkeypatch.setenv("PARALLAX_USER", "alice")
    first = str(demo_library.store.list_articles(limit=1)[0]["id"])
    press_tv, _, upi = story_articles(demo_library, first)
    store = AnnotationStore.open(demo_library.path)
    store.create(press_tv.id, 3, 4, 17, label="organisation", user="alice")
    text = upi.paragraphs[2].text
    start = text.index("Japan")
    store.create(upi.id, 2, start, start + 5, label="place", user="bob")
    store.close()
    app = ParallaxApp(demo_library, Config(animations=False))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_story_selecting)
