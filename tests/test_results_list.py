"""The results list: long lists of recent articles arrive in batches after the first paint."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.results import BATCH, FIRST_BATCH, ResultsList


def _rows(count: int) -> list[dict[str, object]]:
    return [
        {"id": f"a{i}", "title": f"Headline {i}", "outlet": "UPI", "date": "2024-07-28"}
        for i in range(count)
    ]


class _ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ResultsList()


async def test_recent_articles_arrive_in_batches_in_order() -> None:
    app = _ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ResultsList)
        rows = _rows(FIRST_BATCH + BATCH + 5)
        results.show_articles(rows)
        assert results.option_count == FIRST_BATCH  # before the first paint
        for _ in range(5):
            await pilot.pause()
        assert [o.id for o in results.options] == [r["id"] for r in rows]
        assert results.highlighted == 0
        # one separator line between articles, none after the last
        assert results.virtual_size.height == 3 * len(rows) - 1


async def test_a_new_list_stops_the_batches_of_the_old_one() -> None:
    app = _ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ResultsList)
        results.show_articles(_rows(FIRST_BATCH + 3 * BATCH))
        results.show_articles(_rows(2))
        for _ in range(5):
            await pilot.pause()
        assert [o.id for o in results.options] == ["a0", "a1"]
