"""A bulk add defers Whoosh merges; the index it leaves matches the database exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh.query import Every

from index import ingest, search_index
from index import library as library_module
from index.ingest import add_inputs
from index.library import Library
from index.search import search

WORDS = ("harbour", "strike", "senate", "budget", "drought", "election", "vaccine", "tariff")


def _jsonl(path: Path, count: int, *, edition: str = "first") -> Path:
    lines = []
    for i in range(count):
        topic = WORDS[i % len(WORDS)]
        text = f"Report {i} about the {topic} in the {edition} edition. It goes on for a while."
        lines.append({"url": f"https://example.com/{i}", "title": f"Story {i}", "text": text})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many index commits from a small corpus, and merges as soon as segments pile up."""
    monkeypatch.setattr(ingest, "SAVE_BATCH", 7)
    monkeypatch.setattr(ingest, "INDEX_EVERY", 20)
    monkeypatch.setattr(search_index, "BULK_MAX_SEGMENTS", 4)
    monkeypatch.setattr(search_index, "LEXICON_MIN_DOCS", 10)  # the big-batch way to replace
    monkeypatch.setattr(library_module, "BULK_INDEX_BATCH", 30)  # several commits per flush
    monkeypatch.setattr(library_module, "_READ_CHUNK", 6)  # read in chunks under one writer


def _indexed_ids(library: Library) -> list[str]:
    searcher = library.index.searcher()
    return [hit["id"] for hit in searcher.search(Every(), limit=None)]


@pytest.mark.usefixtures("small_batches")
def test_bulk_add_leaves_one_document_per_article(library: Library, tmp_path: Path) -> None:
    report = add_inputs(library, [str(_jsonl(tmp_path / "a.jsonl", 150))])
    assert len(report.added) == 150
    ids = _indexed_ids(library)
    assert len(ids) == len(set(ids)) == library.store.count() == library.index.doc_count()
    assert library.index.segment_count() <= 5  # the bound (4), plus the last commit's
    assert library.store.queued() == []
    for word in WORDS:
        expected = sum(1 for i in range(150) if WORDS[i % len(WORDS)] == word)
        assert search(library, word, limit=200).total == expected


@pytest.mark.usefixtures("small_batches")
def test_bulk_update_replaces_every_document(library: Library, tmp_path: Path) -> None:
    add_inputs(library, [str(_jsonl(tmp_path / "a.jsonl", 120))])
    again = add_inputs(library, [str(_jsonl(tmp_path / "a.jsonl", 130, edition="second"))])
    assert (len(again.updated), len(again.added)) == (120, 10)
    ids = _indexed_ids(library)
    assert len(ids) == len(set(ids)) == 130 == library.index.doc_count()
    assert search(library, "first").total == 0
    assert search(library, "second", limit=200).total == 130


def _found(library: Library) -> dict[str, list[str]]:
    return {w: sorted(h.title for h in search(library, w, limit=100).hits) for w in WORDS}


def test_bulk_and_plain_adds_find_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _jsonl(tmp_path / "a.jsonl", 90)
    with Library(tmp_path / "plain") as plain:
        add_inputs(plain, [str(path)])
        expected = _found(plain)
    monkeypatch.setattr(ingest, "SAVE_BATCH", 5)
    monkeypatch.setattr(ingest, "INDEX_EVERY", 10)
    monkeypatch.setattr(search_index, "BULK_MAX_SEGMENTS", 3)
    with Library(tmp_path / "bulk") as bulk:
        add_inputs(bulk, [str(path)])
        assert _found(bulk) == expected
    assert sum(map(len, expected.values())) == 90
