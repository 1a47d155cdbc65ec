"""A read-only library: it reads what writers commit and never writes, not even the index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.library import Library
from index.search import search
from index.store import Store
from tests.helpers import make_article


def test_read_only_store_reads_commits_and_refuses_writes(tmp_path: Path) -> None:
    writer = Store(tmp_path / "db.sqlite3")
    writer.save(make_article("First", ["One."], article_id="a1"))
    writer.close()  # the last connection gone: no -wal or -shm file is left
    reader = Store(tmp_path / "db.sqlite3", read_only=True)
    writer = Store(tmp_path / "db.sqlite3")
    writer.save(make_article("Second", ["Two."], article_id="a2"))
    assert reader.count() == 2
    with pytest.raises(sqlite3.OperationalError):
        reader.save(make_article("Third", ["Three."], article_id="a3"))
    reader.close()
    writer.close()


def test_read_only_store_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError):
        Store(tmp_path / "missing.sqlite3", read_only=True)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_read_only_library_searches_without_flushing_the_queue(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as writer:
        writer.store.save(make_article("Okinawa troops", ["Marines leave Okinawa."]))
        writer.ensure_index()
        writer.store.save(make_article("Later", ["Queued, not yet indexed."]))
        with Library(tmp_path / "lib", read_only=True) as reader:
            assert reader.ensure_index() == 0
            assert search(reader, "Okinawa").total == 1
            assert search(reader, "queued").total == 0  # not flushed by the reader
        assert len(writer.store.queued()) == 1
