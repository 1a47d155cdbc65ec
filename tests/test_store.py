"""The SQLite store: round trips, WAL, concurrent writers losing nothing."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from index.store import Store
from tests.helpers import make_article


def test_round_trip_and_prefix_lookup(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    article = make_article("Title", ["One.", "Two."], article_id="abcdef0123")
    store.save(article)
    loaded = store.get("abcdef0123")
    assert loaded is not None
    assert [p.text for p in loaded.paragraphs] == ["Title", "One.", "Two."]
    assert store.resolve_id("abcd") == ["abcdef0123"]
    assert store.find_by_source(article.source) == ("abcdef0123", article.content_hash)
    assert [(e.article_id, e.op) for e in store.queued()] == [("abcdef0123", "upsert")]


def test_save_again_updates_in_place_and_keeps_added(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    store.save(make_article("Title", ["One."], article_id="a1"))
    first = store.get("a1")
    store.save(make_article("Title", ["One, changed."], article_id="a1"))
    second = store.get("a1")
    assert first and second
    assert second.paragraphs[1].text == "One, changed."
    assert second.added == first.added
    assert store.count() == 1


def test_wal_mode_and_busy_timeout(tmp_path: Path) -> None:
    Store(tmp_path / "db.sqlite3")
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _increment(path: str, times: int) -> None:
    store = Store(Path(path))
    for _ in range(times):

        def work(conn: sqlite3.Connection) -> None:
            row = conn.execute("SELECT value FROM meta WHERE key='counter'").fetchone()
            value = int(row[0]) if row else 0
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('counter', ?)", (value + 1,)
            )

        store.write(work)


def test_concurrent_read_modify_write_loses_no_update(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store(path)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_increment, args=(str(path), 100)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert all(w.exitcode == 0 for w in workers)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='counter'").fetchone()[0] == "400"
