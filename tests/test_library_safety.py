"""Nothing ingested is lost: queue races, source races, crashes mid-rebuild, transient opens."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from index import search_index
from index.ingest import add_inputs
from index.library import Library
from index.search import search
from index.store import Store
from tests.helpers import make_article


def test_an_entry_queued_again_after_it_was_read_survives_the_older_dequeue(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "db.sqlite3")
    store.save(make_article("Title", ["First text."], article_id="a1"))
    read_by_one_flush = store.queued()
    store.save(make_article("Title", ["Second text."], article_id="a1"))  # another process
    store.dequeue(read_by_one_flush)  # the first flush indexed the first text only
    assert [e.article_id for e in store.queued()] == ["a1"]
    store.dequeue(store.queued())
    assert store.queued() == []


def test_a_queue_from_before_write_numbers_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE index_queue (article_id TEXT PRIMARY KEY, op TEXT NOT NULL)")
    conn.execute("INSERT INTO index_queue VALUES ('old', 'upsert')")
    conn.commit()
    conn.close()
    store = Store(path)
    entries = store.queued()
    assert [e.article_id for e in entries] == ["old"]
    store.dequeue(entries)
    assert store.queued() == []


def test_two_writers_of_one_source_make_one_article(tmp_path: Path) -> None:
    # Both looked the source up before either saved, so each picked its own new id.
    one, two = Store(tmp_path / "db.sqlite3"), Store(tmp_path / "db.sqlite3")
    first = make_article("Title", ["Older text."], article_id="id-one", source="s")
    second = make_article("Title", ["Newer text."], article_id="id-two", source="s")
    one.save_many([first])
    assert two.save_many([second]) == ["id-one"]
    assert one.count() == 1
    stored = one.get("id-one")
    assert stored is not None and stored.paragraphs[1].text == "Newer text."


def test_a_source_lookup_that_lost_a_race_does_not_crash_the_add(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A Title\n\nThe port reopened on Monday after the long strike ended.\n")
    first = add_inputs(library, [str(path)])
    monkeypatch.setattr(Store, "find_by_source", lambda self, source: None)
    path.write_text("A Title\n\nThe port reopened on Tuesday after the long strike ended.\n")
    again = add_inputs(library, [str(path)])
    assert again.failed == []
    assert library.store.count() == 1
    assert [e["id"] for e in again.added + again.updated] == [first.added[0]["id"]]
    assert search(library, "tuesday").total == 1


def test_the_same_source_twice_in_one_batch_keeps_the_last(
    library: Library, tmp_path: Path
) -> None:
    lines = [
        {"url": "https://example.com/a", "title": "Port", "text": "The port reopened on Monday."},
        {"url": "https://example.com/a", "title": "Port", "text": "The port reopened on Friday."},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = add_inputs(library, [str(path)])
    assert report.failed == []
    assert library.store.count() == 1
    assert search(library, "friday").total == 1
    assert search(library, "monday").total == 0


def _crash(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt  # the process dies here


@pytest.mark.parametrize("dies_in", ["queue_all", "flush_index"])
def test_a_crash_during_reindex_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies_in: str
) -> None:
    lib = Library(tmp_path / "lib")
    lib.store.save_many([make_article(f"Story {i}", [f"text number {i}."]) for i in range(3)])
    lib.ensure_index()
    monkeypatch.setattr(Store if dies_in == "queue_all" else Library, dies_in, _crash)
    with pytest.raises(KeyboardInterrupt):
        lib.reindex()
    lib.close()
    monkeypatch.undo()
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    assert lib.index.doc_count() == 3


def test_an_open_that_fails_for_a_moment_keeps_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = search_index.SearchIndex(tmp_path / "ix")
    index.open()
    index.write([make_article("Kept", ["kept text."])])
    index.close()
    real_open = whoosh_index.open_dir
    failures = [OSError("a merge removed a segment file"), OSError("again")]

    def flaky_open(*args: object, **kwargs: object) -> object:
        if failures:
            raise failures.pop()
        return real_open(*args, **kwargs)

    monkeypatch.setattr(whoosh_index, "open_dir", flaky_open)
    again = search_index.SearchIndex(tmp_path / "ix")
    assert again.open() == ""
    assert again.doc_count() == 1


def test_a_damaged_index_is_rebuilt_only_under_the_writer_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = search_index.SearchIndex(tmp_path / "ix")
    index.open()
    index.write([make_article("Kept", ["kept text."])])
    writer = index.ix.writer()  # another process is writing
    monkeypatch.setattr(search_index, "WRITE_LOCK_TIMEOUT_S", 0.2)
    monkeypatch.setattr(search_index.SearchIndex, "_try_open", lambda self: "damaged (test)")
    with pytest.raises(search_index.LockError):
        search_index.SearchIndex(tmp_path / "ix").open()
    writer.cancel()
    monkeypatch.undo()
    assert search_index.SearchIndex(tmp_path / "ix").doc_count() == 1  # nothing was deleted


def test_rebuilding_an_index_of_another_schema_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = Library(tmp_path / "lib")
    lib.store.save(make_article("Kept title", ["The source of truth."]))
    lib.close()
    (tmp_path / "lib" / "search-index").mkdir()
    whoosh_index.create_in(tmp_path / "lib" / "search-index", Schema(id=ID, old=TEXT))
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    err = capsys.readouterr().err
    assert "rebuilding" in err and "schema changed" in err
    assert len(err.strip().splitlines()) == 1
    assert lib.index.doc_count() == 1


def test_a_save_during_a_flush_is_indexed_by_the_next_flush(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(tmp_path / "lib")
    lib.ensure_index()
    lib.store.save(make_article("Port", ["The port reopened on Monday."], article_id="a1"))
    other = Store(tmp_path / "lib" / "library.sqlite3")  # another process
    real_get_many = Store.get_many

    def get_many_then_other_saves(self: Store, ids: list[str]) -> object:
        found = real_get_many(self, ids)
        monkeypatch.setattr(Store, "get_many", real_get_many)
        other.save(make_article("Port", ["The port reopened on Friday."], article_id="a1"))
        return found

    monkeypatch.setattr(Store, "get_many", get_many_then_other_saves)
    lib.flush_index()  # indexes Monday, keeps the entry Friday queued, then indexes that
    assert lib.store.queued() == []
    assert search(lib, "friday").total == 1
    assert search(lib, "monday").total == 0


def test_an_add_while_another_process_holds_the_index_keeps_the_work_queued(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.ensure_index()
    path = tmp_path / "a.txt"
    path.write_text("A Title\n\nThe port reopened on Monday after the long strike ended.\n")
    writer = library.index.ix.writer()  # another process, indexing for a long time
    monkeypatch.setattr(search_index, "WRITE_LOCK_TIMEOUT_S", 0.2)
    report = add_inputs(library, [str(path)])
    assert report.failed == [] and len(report.added) == 1
    assert len(library.store.queued()) == 1
    writer.cancel()
    assert search(library, "monday").total == 1  # the next flush indexes it


def test_a_rebuild_on_any_first_use_queues_every_article(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    lib.store.save(make_article("Kept title", ["The source of truth."]))
    lib.ensure_index()
    lib.close()
    for f in (tmp_path / "lib" / "search-index").iterdir():
        f.write_bytes(b"garbage")
    lib = Library(tmp_path / "lib")
    assert lib.index.doc_count() == 0  # opened (and rebuilt) before ensure_index
    lib.ensure_index()
    assert lib.index.doc_count() == 1
