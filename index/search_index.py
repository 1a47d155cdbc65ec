"""The Whoosh index: a rebuildable cache of the SQLite library, for full-text search.

One writer at a time (a lock with a timeout); readers reopen a fresh searcher when the
index generation changes and retry an open that races a merge. ``Searcher.refresh()`` and
``AsyncWriter`` are never used: the first returns duplicates after a merge in
whoosh-reloaded 2.7.5, the second loses buffered writes when the process dies.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    SubstitutionFilter,
)
from whoosh.fields import DATETIME, ID, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.searching import Searcher
from whoosh.support.charset import accent_map

from index.model import READING_ROLES, Article, Role

WRITE_LOCK_TIMEOUT_S = 60.0
#: Batches at least this big are indexed by two processes.
PARALLEL_MIN_DOCS = 2000
#: Words, keeping inner dots and apostrophes ("U.S.", "don't") together.
TOKEN_PATTERN = r"\w+(?:[.'’]\w+)*"


def _base_analyzer() -> Any:
    # "U.S." -> "us"; accents folded so "cafe" finds "café".
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | SubstitutionFilter(r"[.'’]", "")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
    )


def stemming_analyzer() -> Any:
    """Porter2 stemming without stop-word removal, so phrases match exactly."""
    return _base_analyzer() | StemFilter(stemfn=porter2_stem, cachesize=100_000)


def plain_analyzer() -> Any:
    """Lower-cased, accent-folded, unstemmed words (outlets and names)."""
    return _base_analyzer()


def build_schema() -> Schema:
    stem = stemming_analyzer()
    plain = plain_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        content_hash=STORED,
        title=TEXT(analyzer=stem, field_boost=2.0),
        body=TEXT(analyzer=stem),
        extra=TEXT(analyzer=stem, field_boost=0.3),
        outlet=TEXT(analyzer=plain),
        outlet_facet=ID(sortable=True),
        author=TEXT(analyzer=plain),
        date=DATETIME(),
    )


def article_document(article: Article) -> dict[str, Any]:
    """The fields Whoosh indexes for one article (body text ranked, captions weak)."""
    body = "\n".join(p.text for p in article.paragraphs if p.role in READING_ROLES)
    extra = "\n".join(p.text for p in article.paragraphs if p.role == Role.CAPTION)
    doc: dict[str, Any] = {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "body": body,
        "extra": extra,
        "outlet": article.outlet,
        "outlet_facet": article.outlet or "(unknown)",
        "author": article.author,
    }
    parsed = _parse_date(article.date)
    if parsed is not None:
        doc["date"] = parsed
    return doc


def _parse_date(value: str) -> datetime | None:
    if not value or value.startswith("--"):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class SearchIndex:
    """A Whoosh index in a folder, with a searcher that follows new generations."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._generation = -1
        self._lock = threading.RLock()

    # -- opening ------------------------------------------------------------------------

    def open(self) -> bool:
        """Open the index; create an empty one if missing or damaged. True if (re)created."""
        with self._lock:
            if self._ix is not None:
                return False
            try:
                if whoosh_index.exists_in(self.path):
                    ix = whoosh_index.open_dir(self.path)
                    if _schema_matches(ix):
                        ix.reader().close()  # fail now, not mid-search, if segments are broken
                        self._ix = ix
                        return False
            except Exception:  # noqa: BLE001 - any damage means: rebuild from SQLite
                pass
            self._create_empty()
            return True

    def _create_empty(self) -> None:
        self._close_searcher()
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._ix = whoosh_index.create_in(self.path, build_schema())

    def reset(self) -> None:
        """Throw the index away and start empty (a rebuild follows)."""
        with self._lock:
            self._create_empty()

    @property
    def schema(self) -> Schema:
        return self.ix.schema

    @property
    def ix(self) -> Any:
        if self._ix is None:
            self.open()
        return self._ix

    # -- reading ------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """A searcher over the latest committed generation (reopened only when it changed)."""
        with self._lock:
            generation = self.ix.latest_generation()
            if self._searcher is None or generation != self._generation:
                self._close_searcher()
                self._searcher = self._open_searcher()
                self._generation = generation
            return self._searcher

    def _open_searcher(self) -> Searcher:
        # A merge in another process may delete segment files between reading the TOC
        # and opening them; the next TOC is complete, so try again.
        for attempt in range(10):
            try:
                return self.ix.searcher()
            except (OSError, whoosh_index.IndexError):
                if attempt == 9:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def doc_count(self) -> int:
        return int(self.searcher().doc_count())

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    # -- writing ------------------------------------------------------------------------

    def write(
        self, articles: Iterable[Article], *, delete: Sequence[str] = (), optimize: bool = False
    ) -> int:
        """Add or replace articles (by id) and delete ids, in one commit. Returns the count."""
        articles = list(articles)
        options: dict[str, Any] = {"limitmb": 256, "compound": False}
        if len(articles) >= PARALLEL_MIN_DOCS and (os.cpu_count() or 1) > 1:
            # Big batches index on two cores (one segment per process, merged later).
            options.update(procs=2, multisegment=True)
        writer = self.ix.writer(timeout=WRITE_LOCK_TIMEOUT_S, delay=0.05, **options)
        count = 0
        try:
            for article_id in delete:
                writer.delete_by_term("id", article_id)
            for article in articles:
                writer.update_document(**article_document(article))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=optimize)
        return count


def _schema_matches(ix: Any) -> bool:
    return set(ix.schema.names()) == set(build_schema().names())
