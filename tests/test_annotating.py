"""Pilot tests of annotating in the reader: the text cursor, labels, the note, the panel,
editing and deleting one's own, others' annotations appearing, and proposals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.annotation_store import AnnotationStore
from index.library import Library
from tui.app import ParallaxApp
from tui.config import Config, load_config
from tui.labels import user_labels
from tui.screens.annotation_prompts import AnnotationPrompt, ConfirmDelete
from tui.screens.proposal_review import ProposalReview
from tui.screens.reader import ReaderScreen
from tui.widgets.annotation_panel import AnnotationPanel
from tui.widgets.annotation_status import AnnotationStatus
from tui.widgets.article_view import ArticleView
from tui.widgets.text_cursor import Mode

#: The Press TV article (the newest, opened first): its paragraph 3.
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


def _first_article(library: Library) -> str:
    return str(library.store.list_articles(limit=1)[0]["id"])


async def _open(pilot) -> ArticleView:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("enter")
    await _settle(pilot)
    assert isinstance(pilot.app.screen, ReaderScreen)
    return pilot.app.screen.query_one(ArticleView)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _app(library: Library, **config: object) -> ParallaxApp:
    return ParallaxApp(library, Config(animations=False, **config))  # type: ignore[arg-type]


async def test_select_by_words_and_label(demo_library: Library, other: AnnotationStore) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        await pilot.press("v")
        assert view.mode == Mode.CURSOR and view.caret == (0, 0)
        assert app.screen.query_one(AnnotationStatus).has_class("-on")
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        await pilot.press("w", "v", "e", "e")
        assert view.mode == Mode.SELECT
        assert view.selection_span() == (BODY, *UNITED_STATES)
        await pilot.press("o")
        await _settle(pilot)
        assert view.mode == Mode.CURSOR  # ready for the next one
        stored = other.for_article(_first_article(demo_library))
        assert [(a.paragraph, a.start, a.end, a.exact, a.label, a.user) for a in stored] == [
            (BODY, *UNITED_STATES, "United States", "organisation", "alice")
        ]
        assert [m.id for m in view.marks[BODY]] == [stored[0].id]
        status = str(app.screen.query_one(AnnotationStatus).render())
        assert "on organisation by alice" in status
        await pilot.press("escape")
        assert view.mode == Mode.READ and not app.screen.query_one(AnnotationStatus).display


async def test_word_under_cursor_and_a_note(demo_library: Library, other: AnnotationStore) -> None:
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        await pilot.press("v", *["right_curly_bracket"] * 3, "w", "w", "w", "w")
        assert view.caret is not None and view.texts[BODY][view.caret.offset :].startswith(
            "announced"
        )
        await pilot.press("n")  # no selection: the word under the cursor
        await pilot.pause()
        assert isinstance(app.screen, AnnotationPrompt)
        for key in "first said on Sunday":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await _settle(pilot)
        (note,) = other.for_article(_first_article(demo_library))
        assert (note.exact, note.label, note.note) == ("announced", "note", "first said on Sunday")


async def test_user_labels_from_config(demo_library: Library, other: AnnotationStore) -> None:
    app = _app(demo_library, labels=["event", "quote"])
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("v", *["right_curly_bracket"] * 3, "2", "3")  # 3 is not a label
        await _settle(pilot)
        (quote,) = other.for_article(_first_article(demo_library))
        assert (quote.label, quote.exact) == ("quote", "The")
        status = str(app.screen.query_one(AnnotationStatus).render())
        assert "1 event · 2 quote" in status


async def test_edit_and_delete_in_the_panel(demo_library: Library, other: AnnotationStore) -> None:
    article = _first_article(demo_library)
    mine = other.create(article, BODY, *UNITED_STATES, label="person", user="alice")
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("a")
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.has_focus and panel.highlighted_id() == mine.id
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationPrompt)
        await pilot.press("ctrl+u", *"country", "tab", *"ok", "enter")
        await _settle(pilot)
        edited = other.get(mine.id)
        assert edited is not None and (edited.label, edited.note) == ("country", "ok")
        assert panel.annotations[0].label == "country"
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")  # kept
        await _settle(pilot)
        assert other.get(mine.id) is not None
        await pilot.press("x", "y")
        await _settle(pilot)
        assert other.get(mine.id) is None and panel.annotations == []


async def test_others_annotations_are_shown_not_editable(
    demo_library: Library, other: AnnotationStore
) -> None:
    article = _first_article(demo_library)
    theirs = other.create(article, BODY, *UNITED_STATES, label="place", user="bob")
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        assert view.marks[BODY][0].id == theirs.id
        await pilot.press("a", "r", "x")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # no prompt
        assert any("Only bob" in str(n.message) for n in app._notifications)
        assert other.get(theirs.id) is not None


async def test_new_annotations_from_others_appear(
    demo_library: Library, other: AnnotationStore
) -> None:
    article = _first_article(demo_library)
    app = _app(demo_library, poll_seconds=0.1)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        assert view.marks == {}
        theirs = other.create(article, BODY, *UNITED_STATES, label="place", user="bob")
        for _ in range(40):  # at most 2 s
            await pilot.pause(0.05)
            if view.marks:
                break
        assert [m.id for m in view.marks[BODY]] == [theirs.id]
        assert app.screen.query_one(AnnotationPanel).annotations[0].user == "bob"
        other.delete(theirs.id, user="bob")
        for _ in range(40):
            await pilot.pause(0.05)
            if not view.marks:
                break
        assert view.marks == {}


async def test_propose_on_aligned_paragraphs(demo_library: Library, other: AnnotationStore) -> None:
    article = _first_article(demo_library)
    text = demo_library.store.get(article).paragraphs[BODY].text  # type: ignore[union-attr]
    start = text.index("Japan")
    other.create(article, BODY, start, start + 5, label="place", user="alice")
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        await pilot.press("right_square_bracket")  # to the annotation
        assert view.focused_mark
        await pilot.press("A")
        await _settle(pilot)
        review = app.screen
        assert isinstance(review, ProposalReview)
        proposals = list(review.proposals)
        assert len(proposals) >= 2
        assert all(p.exact == "Japan" and p.article_id != article for p in proposals)
        await pilot.press("y", *["n"] * (len(proposals) - 1))
        await _settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        accepted = proposals[0]
        stored = other.for_article(accepted.article_id)
        assert [(a.paragraph, a.start, a.exact, a.label, a.user) for a in stored] == [
            (accepted.paragraph, accepted.start, "Japan", "place", "alice")
        ]
        others = {p.article_id for p in proposals[1:]} - {accepted.article_id}
        assert all(other.for_article(a) == [] for a in others)
        await pilot.press("A")  # the accepted one is not proposed again
        await _settle(pilot)
        assert isinstance(app.screen, ProposalReview)
        assert accepted not in app.screen.proposals


async def test_every_annotating_key_has_an_id(
    demo_library: Library, other: AnnotationStore
) -> None:
    other.create(_first_article(demo_library), BODY, *UNITED_STATES, label="person")
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        for keys in (["v"], ["v"], ["escape", "escape", "a"], ["r"]):
            await pilot.press(*keys)
            await pilot.pause()
            missing = [k for k, b in app.active_bindings.items() if not b.binding.id]
            assert missing == [], (keys, missing)


async def test_a_library_one_may_only_read_shows_but_takes_no_annotations(
    demo_library: Library, other: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    theirs = other.create(_first_article(demo_library), BODY, *UNITED_STATES, label="place")

    def refuse(path: object) -> AnnotationStore:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(AnnotationStore, "open", refuse)
    app = _app(demo_library)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _open(pilot)
        assert [m.id for m in view.marks[BODY]] == [theirs.id]
        await pilot.press("v", *["right_curly_bracket"] * 3, "p")
        await _settle(pilot)
        assert any("read-only" in str(n.message) for n in app._notifications)
        assert len(other.for_article(_first_article(demo_library))) == 1


async def test_untrusted_text_in_the_panel_stays_inert(
    demo_library: Library, other: AnnotationStore
) -> None:
    other.create(
        _first_article(demo_library),
        BODY,
        *UNITED_STATES,
        label="[bold]lbl[/]",
        note="[@click=app.quit]note[/] \x1b[2J",
        user="[red]mallory[/]",
    )
    app = _app(demo_library)
    async with app.run_test(size=(120, 30)) as pilot:
        await _open(pilot)
        await pilot.press("a")
        await pilot.pause()
        screen_text = app.export_screenshot().replace("&#160;", " ")
        for literal in ("[bold]lbl[/]", "[@click=app.quit]note[/]", "[red]mallory[/]"):
            assert literal in screen_text
        assert "\x1b" not in screen_text


def test_annotation_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[annotation]\nlabels = ["event", " quote ", "event", "person"]\n')
    config = load_config(path)
    assert [(k.key, k.label) for k in user_labels(config.labels)] == [
        ("1", "event"),
        ("2", "quote"),
    ]
    assert config.poll_seconds == 1.0
    path.write_text("[annotation]\npoll_seconds = 0.01\nlabels = 3\n")
    config = load_config(path)
    assert config.poll_seconds == 0.1 and config.labels == []
