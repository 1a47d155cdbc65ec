"""The Whoosh cache: no duplicates after merges, new generations seen, damage rebuilt."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from index.search_index import SearchIndex
from tests.helpers import make_article


def test_no_duplicates_after_many_commits_and_merges(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.open()
    articles = [make_article(f"Story {i}", [f"alpha report number {i}."]) for i in range(30)]
    searcher_seen = []
    for _round in range(3):
        for start in range(0, 30, 3):  # many small commits, so segments merge
            index.write(articles[start : start + 3])
            searcher_seen.append(index.searcher().doc_count())
    index.write([], optimize=True)
    searcher = index.searcher()
    ids = [hit["id"] for hit in searcher.documents()]
    assert len(ids) == len(set(ids)) == 30
    from whoosh.query import Term

    results = searcher.search(Term("body", "alpha"), limit=None)
    assert len(results) == 30
    assert len({r["id"] for r in results}) == 30
    assert searcher_seen[-1] == 30


def test_searcher_follows_new_generations(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.open()
    index.write([make_article("One", ["first text."])])
    first = index.searcher()
    assert first.doc_count() == 1
    assert index.searcher() is first  # unchanged generation: same searcher
    other = SearchIndex(tmp_path / "ix")  # another process's writer
    other.write([make_article("Two", ["second text."])])
    assert index.searcher().doc_count() == 2


def test_missing_index_is_rebuilt_from_the_database(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    lib.store.save(make_article("Kept title", ["The source of truth."]))
    lib.ensure_index()
    lib.close()
    import shutil

    shutil.rmtree(tmp_path / "lib" / "search-index")
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    assert lib.index.doc_count() == 1


def test_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    lib.store.save(make_article("Kept title", ["The source of truth."]))
    lib.ensure_index()
    lib.close()
    for f in (tmp_path / "lib" / "search-index").iterdir():
        f.write_bytes(b"garbage")
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    assert lib.index.doc_count() == 1


def test_crash_between_database_and_index_is_repaired(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    lib.store.save(make_article("Queued", ["Saved but never indexed."]))  # then "crash"
    lib.close()
    lib = Library(tmp_path / "lib")
    assert lib.ensure_index() == 1
    assert lib.index.doc_count() == 1
    assert lib.store.queued() == []


def test_stemming_survives_the_index_keeping_its_schema(tmp_path: Path) -> None:
    """The index pickles its schema: the reopened analyzer still stems with porter2."""
    index = SearchIndex(tmp_path / "ix")
    index.open()
    index.write([make_article("Plans", ["Officials planned the meeting."])])
    reopened = SearchIndex(tmp_path / "ix")
    reopened.open()
    analyzer = reopened.ix.schema["body"].analyzer
    assert [t.text for t in analyzer("planned plans planning")] == ["plan", "plan", "plan"]
    from whoosh.query import Term

    assert len(reopened.searcher().search(Term("body", "plan"))) == 1
