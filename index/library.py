"""A library folder: the SQLite source of truth plus its Whoosh search cache."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from index.model import Article
from index.store import QueueEntry, Store

if TYPE_CHECKING:
    from index.search_index import SearchIndex

DB_NAME = "library.sqlite3"
INDEX_DIR = "search-index"
#: Queued articles per index commit (a bulk add: per commit too, read in chunks).
INDEX_BATCH = 5000
BULK_INDEX_BATCH = 25_000
_READ_CHUNK = 1000


def default_library_path() -> Path:
    """``PARALLAX_LIBRARY`` if set, else the user's data directory."""
    env = os.environ.get("PARALLAX_LIBRARY")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("parallax", appauthor=False) / "library"


class Library:
    """Open a library folder, creating it if needed, and keep the index in step with it."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        """Open the folder at ``path`` (default: ``default_library_path()``).

        ``read_only`` opens an existing library that this object never writes to, nor its
        index: another, writable ``Library`` on the same folder keeps the index in step.
        """
        self.path = Path(path).expanduser() if path else default_library_path()
        self.read_only = read_only
        if not read_only:
            self.path.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.path / DB_NAME, read_only=read_only)
        self._index: SearchIndex | None = None
        self._index_checked = False

    @property
    def index(self) -> SearchIndex:
        """The search index, loaded on first use (Whoosh stays off the start-up path)."""
        if self._index is None:
            from index.search_index import SearchIndex

            # Every article is queued before an old index goes, so a crash mid-rebuild
            # leaves a queue that the next start finishes.
            self._index = SearchIndex(self.path / INDEX_DIR, before_rebuild=self._queue_all)
        return self._index

    def _queue_all(self) -> None:
        self.store.queue_all()

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping the index in step -------------------------------------------------------

    def ensure_index(self) -> int:
        """Open the index (rebuilding a missing or damaged one) and apply queued work.

        Returns the number of articles (re)indexed. Cheap when nothing is pending.
        A read-only library does nothing here and returns 0.
        """
        if self.read_only:
            return 0
        if not self._index_checked:
            problem = self.index.open()
            self._index_checked = True
            if problem and (count := self.store.count()):
                print(
                    f"parallax: the search index is {problem}: rebuilding it"
                    f" ({count} articles; searches find them once it is done)",
                    file=sys.stderr,
                )
        return self.flush_index()

    def flush_index(self, *, bulk: bool | None = None) -> int:
        """Write queued articles to the index, then forget them from the queue.

        ``bulk`` (a large add or rebuild; by default when more than INDEX_BATCH are queued)
        commits up to BULK_INDEX_BATCH articles at once and defers most segment merges.
        When another process holds the index for longer than the lock timeout, the work
        stays queued for later.
        """
        from whoosh.writing import LockError

        if bulk is None:
            bulk = self.store.queue_size() > INDEX_BATCH
        batch = BULK_INDEX_BATCH if bulk else INDEX_BATCH
        done = 0
        rounds = self.store.queue_size() // batch + 2  # never chase another writer forever
        for _ in range(rounds):
            size = min(self.store.queue_size(), batch)
            if not size:
                break
            taken: list[QueueEntry] = []
            load = partial(self._load_queued, taken, batch)
            try:
                done += self.index.write_loaded(load, size=size, merge="bulk" if bulk else "small")
            except LockError:
                break  # the other writer is flushing this queue too; the rest waits
            self.store.dequeue(taken)
        return done

    def _load_queued(self, taken: list[QueueEntry], limit: int) -> Iterator[Article | str]:
        """The next queued articles, and the ids of deleted ones; ``taken`` gets the entries.

        Called under the index lock: a save after this read is indexed by a later flush.
        Articles are read a chunk at a time, so a bulk batch is never all in memory.
        """
        taken[:] = self.store.queued(limit=limit)
        for start in range(0, len(taken), _READ_CHUNK):
            ids = [entry.article_id for entry in taken[start : start + _READ_CHUNK]]
            articles = self.store.get_many(ids)
            present = {a.id for a in articles}
            yield from articles
            yield from (i for i in ids if i not in present)

    def reindex(self) -> int:
        """Rebuild the search index from the database."""
        self.index.reset()  # queues every article first
        self._index_checked = True
        count = self.flush_index(bulk=True)
        self.index.write([], optimize=True)
        return count

    # -- convenience reads -------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        return self.store.get(article_id)

    def resolve(self, id_or_prefix: str) -> Article:
        """The article with this id or unique id prefix; KeyError with a message otherwise."""
        matches = self.store.resolve_id(id_or_prefix.strip().lower())
        if not matches:
            raise KeyError(f"no article with id {id_or_prefix!r}")
        if len(matches) > 1 and id_or_prefix not in matches:
            raise KeyError(f"id prefix {id_or_prefix!r} matches several articles")
        article = self.store.get(id_or_prefix if id_or_prefix in matches else matches[0])
        assert article is not None
        return article
