"""The annotation store: create, list, edit, delete, poll for changes, re-anchor on update."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.annotation_store import AnnotationStore
from index.annotations import Draft, current_user
from index.ingest import add_inputs
from index.library import Library
from index.store import Store
from tests.helpers import make_article

BODY = [
    "Blinken met his Japanese counterparts in Tokyo on Sunday.",
    "Officials said the new headquarters would report directly to Washington.",
    "Critics in Okinawa said the plan would keep thousands of Marines on the island.",
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "db.sqlite3")
    store.save(make_article("Ties upgraded", BODY, article_id="art1", source="s1"))
    return store


def span(paragraph_text: str, words: str) -> tuple[int, int]:
    start = paragraph_text.index(words)
    return start, start + len(words)


def test_create_stores_the_quote_user_and_times(store: Store) -> None:
    notes = AnnotationStore(store)
    made = notes.create(
        "art1", 2, *span(BODY[1], "report directly"), label="claim", note="check", user="ana"
    )
    assert (made.exact, made.label, made.note, made.user) == (
        "report directly",
        "claim",
        "check",
        "ana",
    )
    assert made.prefix.endswith("the new headquarters would ") and made.suffix.startswith(
        " to Washington.\n\nCritics"
    )
    assert len(made.id) == 32 and made.created == made.updated and not made.orphan
    assert notes.for_article("art1") == [made]
    assert notes.get(made.id) == made and notes.resolve(made.id[:6]) == made.id
    assert made.to_json()["orphan"] is False and set(made.to_json()) == {
        "id", "article", "paragraph", "start", "end", "exact", "label", "note", "user",
        "created", "orphan",
    }  # fmt: skip


def test_bad_spans_articles_and_labels_are_refused(store: Store) -> None:
    notes = AnnotationStore(store)
    with pytest.raises(ValueError, match="paragraph 2 has"):
        notes.create("art1", 2, 5, 500, label="x", user="ana")
    with pytest.raises(ValueError, match="no paragraph 9"):
        notes.create("art1", 9, 0, 1, label="x", user="ana")
    with pytest.raises(ValueError, match="no article"):
        notes.create("nope", 1, 0, 1, label="x", user="ana")
    with pytest.raises(ValueError, match="label"):
        notes.create("art1", 1, 0, 1, label=" \x1b ", user="ana")
    assert notes.listing() == []


def test_only_the_author_edits_or_deletes(store: Store) -> None:
    notes = AnnotationStore(store)
    made = notes.create("art1", 1, 0, 7, label="person", user="ana")
    with pytest.raises(PermissionError, match="belongs to ana"):
        notes.edit(made.id, user="ben", note="mine now")
    with pytest.raises(PermissionError):
        notes.delete(made.id, user="ben")
    edited = notes.edit(made.id, user="ana", note="Secretary of State\x07")
    assert (edited.label, edited.note, edited.user) == ("person", "Secretary of State", "ana")
    assert edited.version > made.version
    notes.delete(made.id, user="ana")
    assert notes.get(made.id) is None and notes.listing() == []
    with pytest.raises(KeyError):
        notes.edit(made.id, user="ana", note="gone")


def test_version_and_changes_let_a_reader_poll(store: Store) -> None:
    notes = AnnotationStore(store)
    other = AnnotationStore(Store(store.path))  # another process on the same library
    seen = notes.version("art1")
    assert seen == 0 and notes.changes(seen).changed == []
    made = other.create("art1", 1, 0, 7, label="person", user="ben")
    assert notes.version("art1") > seen and notes.version("elsewhere") == 0
    news = notes.changes(seen, "art1")
    assert [a.id for a in news.changed] == [made.id] and news.deleted == []
    seen = news.version
    assert notes.version("art1") == seen and notes.changes(seen).changed == []
    other.delete(made.id, user="ben")
    gone = notes.changes(seen, "art1")
    assert gone.changed == [] and gone.deleted == [made.id] and gone.version > seen


def test_adding_the_same_drafts_again_adds_nothing(store: Store) -> None:
    notes = AnnotationStore(store)
    drafts = [Draft("art1", "place", paragraph=1, start=41, end=46, user="ana")]
    assert [a.exact for a in notes.add(drafts).added] == ["Tokyo"]
    again = notes.add(drafts)  # the same ids: a retry of the same batch
    copy = notes.add([Draft("art1", "place", paragraph=1, start=41, end=46, user="ana")])
    assert again.added == [] == copy.added and len(again.skipped) == len(copy.skipped) == 1
    other_user = notes.add([Draft("art1", "place", paragraph=1, start=41, end=46, user="ben")])
    assert len(other_user.added) == 1 and len(notes.listing()) == 2
    assert [a.user for a in notes.listing(user="ben")] == ["ben"]


def test_the_user_comes_from_the_flag_the_environment_or_the_login(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARALLAX_USER", "desk-2")
    assert current_user("ana") == "ana" and current_user() == "desk-2"
    monkeypatch.delenv("PARALLAX_USER")
    monkeypatch.setenv("LOGNAME", "login-name")
    assert current_user() == "login-name"


def test_an_updated_article_re_anchors_and_keeps_orphans(store: Store) -> None:
    notes = AnnotationStore(store)
    kept = notes.create("art1", 3, *span(BODY[2], "thousands of Marines"), label="n", user="ana")
    lost = notes.create("art1", 2, *span(BODY[1], "report directly"), label="c", user="ana")
    seen = notes.version("art1")
    new_body = ["A new first paragraph.", BODY[0], BODY[2]]  # the second sentence is gone
    store.save(make_article("Ties upgraded", new_body, article_id="art1", source="s1"))
    moved = {a.id: a for a in notes.for_article("art1")}
    assert (moved[kept.id].paragraph, moved[kept.id].exact) == (3, "thousands of Marines")
    assert moved[lost.id].orphan and moved[lost.id].exact == "report directly"
    assert (moved[lost.id].paragraph, moved[lost.id].start) == (None, None)
    assert [a.id for a in notes.for_article("art1")][-1] == lost.id  # orphans last
    assert {a.id for a in notes.changes(seen).changed} == {lost.id}  # kept did not move
    store.save(make_article("Ties upgraded", BODY, article_id="art1", source="s1"))
    back = notes.get(lost.id)
    assert back is not None and (back.paragraph, back.exact) == (2, "report directly")


def test_re_adding_a_changed_file_re_anchors_through_ingest(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A Title\n\n" + "\n\n".join(BODY) + "\n")
    article_id = add_inputs(library, [str(path)]).added[0]["id"]
    notes = AnnotationStore(library.store)
    article = library.get(article_id)
    assert article is not None
    para = next(p for p in article.paragraphs if "Okinawa" in p.text)
    made = notes.create(article_id, para.index, *span(para.text, "Okinawa"), label="place")
    path.write_text("A Title\n\nAn inserted paragraph.\n\n" + "\n\n".join(BODY) + "\n")
    assert add_inputs(library, [str(path)]).updated[0]["id"] == article_id
    moved = notes.get(made.id)
    assert moved is not None and moved.paragraph == para.index + 1 and moved.exact == "Okinawa"


def test_a_read_only_store_lists_without_creating_tables(tmp_path: Path) -> None:
    writer = Store(tmp_path / "db.sqlite3")
    writer.save(make_article("T", BODY, article_id="art1"))
    reader = AnnotationStore(Store(tmp_path / "db.sqlite3", read_only=True))
    assert reader.listing() == [] and reader.version() == 0
    with pytest.raises(KeyError, match="unknown"):
        reader.resolve("abc")
    AnnotationStore(writer).create("art1", 1, 0, 7, label="person", user="ana")
    assert [a.exact for a in reader.listing()] == ["Blinken"] and reader.version() == 1


def test_offsets_from_a_stale_copy_of_the_article_are_checked_against_the_selection(
    store: Store,
) -> None:
    read = BODY[2]  # what the reader showed before the article was updated underneath it
    store.save(make_article("Ties upgraded", ["Inserted first.", *BODY], article_id="art1",
                            source="s1"))  # fmt: skip
    notes = AnnotationStore(store)
    made = notes.create("art1", 3, *span(read, "Okinawa"), label="place", exact="Okinawa")
    assert (made.paragraph, made.exact) == (4, "Okinawa")
    gone = notes.create("art1", 3, 0, 4, label="x", exact="Nagasaki")
    assert gone.orphan and gone.exact == "Nagasaki"


def test_a_reader_opens_its_own_writable_store_by_library_path(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        library.store.save(make_article("T", BODY, article_id="art1"))
    with Library(tmp_path / "lib", read_only=True) as reader:
        notes = AnnotationStore.open(reader.path)
        notes.create("art1", 1, 0, 7, label="person", user="ana")
        notes.close()
        assert [a.exact for a in AnnotationStore(reader.store).for_article("art1")] == ["Blinken"]
