"""Pilot tests of annotating in the story split view of the seed story: the text cursor in the
focused column, labels stored on the right article, styled spans in the columns, the panel,
editing and deleting, proposals on the other outlets, and others' annotations appearing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.style import Style

from index.annotation_store import AnnotationStore
from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config
from tui.screens.annotation_prompts import AnnotationPrompt, ConfirmDelete
from tui.screens.proposal_review import ProposalReview
from tui.screens.split import SplitScreen, story_articles
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.annotation_status import AnnotationStatus
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.split_view import SplitView
from tui.widgets.text_cursor import Mode

#: The Press TV article (first column): its paragraph 3 opens the row after `}` `}` from `v`.
BODY = 3
UNITED_STATES = (4, 17)


@pytest.fixture(autouse=True)
def _alice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARALLAX_USER", "alice")


@pytest.fixture
def other(demo_library: Library) -> Iterator[AnnotationStore]:
    """Another person's writable store on the same library."""
    store = AnnotationStore.open(demo_library.path)
    yield store
    store.close()


def _app(library: Library, **config: object) -> ParallaxApp:
    return ParallaxApp(library, Config(animations=False, **config))  # type: ignore[arg-type]


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _split(pilot) -> SplitView:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("s")
    await _settle(pilot)
    await pilot.pause()
    assert isinstance(pilot.app.screen, SplitScreen)
    return pilot.app.screen.query_one(SplitView)


def _drawn(view: SplitView, row: int, line: int = 0) -> list[tuple[str, Style]]:
    """One line of ``row`` as drawn (it must be in view): each character with its style."""
    y = view._offsets[row] + line - int(view.scroll_offset.y)
    assert 0 <= y < view.size.height
    return [(c, s.style or Style()) for s in view.render_line(y) for c in s.text]


def _styles(drawn: list[tuple[str, Style]], text: str) -> list[Style]:
    """The styles of the characters of ``text`` where it is first drawn on the line (the
    first column comes first)."""
    at = "".join(c for c, _ in drawn).index(text)
    return [style for _, style in drawn[at : at + len(text)]]


async def test_cursor_moves_in_the_focused_column(demo_library: Library) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        assert view.mode == Mode.READ and view.caret is None
        await pilot.press("v")
        assert view.mode == Mode.CURSOR and view.caret == (0, 0)
        assert view.order[0] == (0, 1)  # Press TV's headline paragraph, on the first row
        assert app.screen.query_one(AnnotationStatus).has_class("-on")
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert view.caret is not None and view.order[view.caret.para][1] == BODY
        row = view.order[view.caret.para][0]
        assert view.current == row, "the current row (all columns) follows the caret"
        top, y = view._offsets[row], int(view.scroll_offset.y)
        assert y <= top and top + view._blocks[row].height <= y + view.size.height, "shown whole"
        await pilot.press("j")  # next line of the same paragraph, same place on it
        first_line_end = view.texts[view.caret.para].index("plans")
        assert view.caret == (view.caret.para, first_line_end)
        await pilot.press("k", "w", "w")
        assert view.texts[view.caret.para][view.caret.offset :].startswith("States")
        await pilot.press("tab")  # the caret goes along to the next outlet, on this row
        assert view.column == 1 and view.caret is not None
        assert view.order[view.caret.para][0] == view.current == row
        assert view.caret_article() == view.alignment.articles[1].id
        await pilot.press("G")  # the view's own moves take the caret along
        assert view.order[view.caret.para][0] == view.current
        await pilot.press("escape")
        assert view.mode == Mode.READ and view.caret is None
        await pilot.press("escape")
        assert not isinstance(app.screen, SplitScreen)


async def test_select_by_words_and_label_is_stored_and_styled(
    demo_library: Library, other: AnnotationStore
) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        press_tv = view.alignment.articles[0].id
        await pilot.press("v", "right_curly_bracket", "right_curly_bracket", "w", "v", "e", "e")
        assert view.mode == Mode.SELECT
        row = view.current
        assert view.selection_span() == (view.position_of[BODY], *UNITED_STATES)
        drawn = _drawn(view, row)
        assert all(s.reverse for s in _styles(drawn, "United States"))
        assert not any(s.reverse for s in _styles(drawn, "The "))
        await pilot.press("o")
        await _settle(pilot)
        assert view.mode == Mode.CURSOR
        stored = other.for_article(press_tv)
        assert [(a.paragraph, a.start, a.end, a.exact, a.label, a.user) for a in stored] == [
            (BODY, *UNITED_STATES, "United States", "organisation", "alice")
        ]
        assert stored[0].prefix.endswith("The ")  # a W3C quote selector, as in the reader
        assert [m.id for m in view.marks[(0, BODY)]] == [stored[0].id]
        await pilot.press("escape")  # no caret: the span's own style shows
        drawn = _drawn(view, row)
        span = _styles(drawn, "United States")
        assert all(s.underline and not s.reverse for s in span)
        assert span[0].color == view.get_component_rich_style("split-view--annotation").color
        assert not any(s.underline for s in _styles(drawn, "The ") + _styles(drawn, " has a"))


async def test_edit_and_delete_under_the_cursor(
    demo_library: Library, other: AnnotationStore
) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        upi = view.alignment.articles[2].id
        await pilot.press("tab", "tab", "v", "w", "w", "w", "p")
        await _settle(pilot)
        (mine,) = other.for_article(upi)
        assert view.mark_at(view.caret) is not None
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationPrompt)
        await pilot.press("ctrl+u", *"country", "tab", *"ok", "enter")
        await _settle(pilot)
        edited = other.get(mine.id)
        assert edited is not None and (edited.label, edited.note) == ("country", "ok")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("y")
        await _settle(pilot)
        assert other.get(mine.id) is None and view.marks == {}


async def test_panel_lists_every_outlet_and_jumps_to_the_column(
    demo_library: Library, other: AnnotationStore
) -> None:
    first = str(demo_library.store.list_articles(limit=1)[0]["id"])
    antiwar = story_articles(demo_library, first)[1]
    assert antiwar.outlet == "Antiwar.com"
    text = antiwar.paragraphs[7].text
    start = text.index("Philippines")
    theirs = other.create(antiwar.id, 7, start, start + 11, label="place", user="bob")
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        await pilot.press("a")
        await _settle(pilot)
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.has_focus and panel.highlighted_id() == theirs.id
        assert "Antiwar.com" in str(panel.get_option_at_index(1).prompt)
        await pilot.press("r")  # not hers
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationPrompt)
        await pilot.press("enter")
        await pilot.pause()
        assert view.has_focus and view.column == 1
        assert view.current == view.row_of(1, 7) and view.focused_mark == theirs.id
        status = str(app.screen.query_one(AnnotationStatus).render())
        assert "place by bob" in status
        await pilot.press("v", "right_square_bracket")  # in the cursor: ] is the next annotation
        assert view.mark_at(view.caret) == theirs


async def test_propose_on_the_other_columns(demo_library: Library, other: AnnotationStore) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        press_tv = view.alignment.articles[0].id
        text = view.units[(0, BODY)].text
        start = text.index("Japan")
        other.create(press_tv, BODY, start, start + 5, label="place", user="alice")
        await pilot.pause(1.2)  # the poll brings it in
        await _settle(pilot)
        assert view.marks
        await pilot.press("v", "right_curly_bracket", "right_curly_bracket")
        await pilot.press(*["w"] * text[:start].count(" "))
        assert view.mark_at(view.caret) is not None
        await pilot.press("A")
        await _settle(pilot)
        review = app.screen
        assert isinstance(review, ProposalReview)
        proposals = list(review.proposals)
        assert len(proposals) >= 2 and all(p.article_id != press_tv for p in proposals)
        await pilot.press(*["y"] * len(proposals))  # one key each
        await _settle(pilot)
        assert isinstance(app.screen, SplitScreen)
        for proposal in proposals:
            stored = other.for_article(proposal.article_id)
            assert (proposal.paragraph, proposal.start, "Japan", "place", "alice") in [
                (a.paragraph, a.start, a.exact, a.label, a.user) for a in stored
            ]
        columns = {c for c, _ in view.marks}
        assert {1, 2} <= columns, "the accepted ones show in the other outlets' columns"


async def test_others_annotations_appear_after_polling(
    demo_library: Library, other: AnnotationStore
) -> None:
    app = _app(demo_library, poll_seconds=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)
        assert view.marks == {}
        upi = view.alignment.articles[2].id
        text = view.units[(2, 0)].text
        start = text.index("Japan")
        theirs = other.create(upi, 0, start, start + 5, label="place", user="bob")
        for _ in range(40):  # at most 2 s
            await pilot.pause(0.05)
            if view.marks:
                break
        assert [m.id for m in view.marks[(2, 0)]] == [theirs.id]
        row = view.row_of(2, 0)
        assert row is not None
        drawn = _drawn(view, row)  # UPI's photo caption, on a row of its own
        column = "".join(c for c, _ in drawn).split("│")
        at = len(column[0]) + len(column[1]) + 2 + column[2].index("Japan")
        assert all(style.underline for _, style in drawn[at : at + 5])
        other.delete(theirs.id, user="bob")
        for _ in range(40):
            await pilot.pause(0.05)
            if not view.marks:
                break
        assert view.marks == {}


async def test_keys_switch_with_the_mode_and_all_have_ids(demo_library: Library) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _split(pilot)

        def missing() -> list[str]:
            bindings = app.active_bindings.items()
            return [k for k, b in bindings if not b.binding.id or not b.binding.description]

        assert missing() == []
        await pilot.press("right_square_bracket")  # reading: the next shared fact
        assert view.current > 0 and view.rows[view.current].shared
        await pilot.press("v")
        assert missing() == []
        caret = view.caret
        await pilot.press("e")  # word end, not the entities panel
        assert view.caret != caret and not app.screen.query_one(EntityPanel).has_class("-open")
        await pilot.press("c")  # the claim label, not the claims panel
        await _settle(pilot)
        assert [m.label for marks in view.marks.values() for m in marks] == ["claim"]
        await pilot.press("v")
        assert view.mode == Mode.SELECT and missing() == []
        await pilot.press("escape", "escape", "e")
        await pilot.pause()
        assert app.screen.query_one(EntityPanel).has_class("-open")


async def test_the_caret_row_stays_in_full_view_when_a_panel_rewraps_the_columns(
    demo_library: Library,
) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await _split(pilot)
        await pilot.press("v", "right_curly_bracket", "right_curly_bracket")
        await pilot.press("a")  # the panel takes width: the columns wrap again
        await pilot.pause()
        row, y = view.current, int(view.scroll_offset.y)
        top, height = view._offsets[row], view._blocks[row].height
        whole = top + height <= y + view.size.height
        assert y <= top and (whole or top == y), "shown whole, or from its top when too tall"
