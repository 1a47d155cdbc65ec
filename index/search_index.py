"""The Whoosh index: a rebuildable cache of the SQLite library, for full-text search.

One writer at a time (a lock with a timeout); readers reopen a fresh searcher when the
index generation changes and retry an open that races a merge. An index that will not open
is rebuilt only after retries, and under the writer lock, so a merge in progress in another
process is never mistaken for damage. ``Searcher.refresh()`` and ``AsyncWriter`` are never
used: the first returns duplicates after a merge in whoosh-reloaded 2.7.5, the second loses
buffered writes when the process dies.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher
from whoosh.util.filelock import try_for
from whoosh.writing import MERGE_SMALL, OPTIMIZE, LockError

from index.index_schema import (
    TOKEN_PATTERN as TOKEN_PATTERN,
)
from index.index_schema import (
    article_document,
    build_schema,
    schema_matches,
)
from index.index_schema import (
    plain_analyzer as plain_analyzer,
)
from index.index_schema import (
    stemming_analyzer as stemming_analyzer,
)
from index.model import Article

WRITE_LOCK_TIMEOUT_S = 60.0
#: Batches at least this big are indexed by two processes.
PARALLEL_MIN_DOCS = 2000
#: Batches at least this big read the indexed ids once instead of one look-up per article.
LEXICON_MIN_DOCS = 1000
#: Opening an index that fails is retried this often before it counts as damaged.
OPEN_ATTEMPTS = 5
#: A bulk add commits without merging until the index has this many segments.
BULK_MAX_SEGMENTS = 16
_LOCK_NAME = "MAIN_WRITELOCK"

#: What to write, read once the writer lock is held: articles, and ids (str) to delete.
Loader = Callable[[], Iterable[Article | str]]


class SearchIndex:
    """A Whoosh index in a folder, with a searcher that follows new generations."""

    def __init__(self, path: Path, before_rebuild: Callable[[], None] | None = None) -> None:
        """``before_rebuild`` runs under the writer lock just before an old index is thrown
        away (the library queues every article there, so a crash right after recovers)."""
        self.path = path
        self._before_rebuild = before_rebuild
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._generation = -1
        self._lock = threading.RLock()

    # -- opening ------------------------------------------------------------------------

    def open(self) -> str:
        """Open the index, creating it when missing, damaged or of another schema.

        Returns why it was (re)created ('' when it opened as it was).
        """
        with self._lock:
            if self._ix is not None:
                return ""
            problem = self._try_open()
            for attempt in range(OPEN_ATTEMPTS - 1):
                if not problem.startswith("damaged"):
                    break
                time.sleep(0.05 * (attempt + 1))  # perhaps a merge deleting files just now
                problem = self._try_open()
            if not problem:
                return ""
            return self._recreate(problem, recheck=True)

    def _try_open(self) -> str:
        """Open the index as it is: '' when it worked, else what is wrong with it."""
        try:
            if not whoosh_index.exists_in(self.path):
                return "missing"
            ix = whoosh_index.open_dir(self.path)
            if not schema_matches(ix):
                return "schema changed"
            ix.reader().close()  # fail now, not mid-search, if segments are broken
        except Exception as error:  # noqa: BLE001 - any damage means: rebuild from SQLite
            return f"damaged ({type(error).__name__})"
        self._ix = ix
        return ""

    def _recreate(self, problem: str, *, recheck: bool) -> str:
        """Replace the index by an empty one, holding the writer lock."""
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileStorage(str(self.path)).lock(_LOCK_NAME)
        if not try_for(lock.acquire, timeout=WRITE_LOCK_TIMEOUT_S, delay=0.05):
            raise LockError(f"the search index at {self.path} is locked by another writer")
        try:
            if recheck and not self._try_open():
                return ""  # the other writer finished, or rebuilt it already
            if self._before_rebuild is not None:
                self._before_rebuild()
            self._close_searcher()
            for child in self.path.iterdir():
                if child.name == _LOCK_NAME:
                    continue
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
            self._ix = whoosh_index.create_in(self.path, build_schema())
        finally:
            lock.release()
        return problem

    def reset(self) -> None:
        """Throw the index away and start empty (a rebuild follows)."""
        with self._lock:
            self._recreate("reset", recheck=False)

    @property
    def schema(self) -> Any:
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

    def segment_count(self) -> int:
        return len(self.ix._segments())

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    # -- writing ------------------------------------------------------------------------

    def write(
        self, articles: Iterable[Article], *, delete: Sequence[str] = (), optimize: bool = False
    ) -> int:
        """Add or replace articles (by id) and delete ids, in one commit. Returns the count."""
        items: list[Article | str] = [*delete, *articles]
        return self.write_loaded(
            lambda: items, size=len(items) - len(delete), merge="all" if optimize else "small"
        )

    def write_loaded(self, load: Loader, *, size: int, merge: str = "small") -> int:
        """Like ``write``, with the articles and deletions loaded once the lock is held.

        Loading under the lock orders the writers: what one process read from the
        database can never overwrite what another read later. ``size`` (the expected
        number of articles) picks one or two indexing processes. ``merge`` is "small"
        (Whoosh's usual merging of small segments), "all" (one segment) or "bulk" (no
        merge until there are BULK_MAX_SEGMENTS segments, then of the smaller half).
        """
        options: dict[str, Any] = {"limitmb": 256, "compound": False}
        if size >= PARALLEL_MIN_DOCS and (os.cpu_count() or 1) > 1:
            # Big batches index on two cores (one segment per process).
            options.update(procs=2, multisegment=True)
        writer = self.ix.writer(timeout=WRITE_LOCK_TIMEOUT_S, delay=0.05, **options)
        count = 0
        try:
            indexed = _indexed_ids(writer) if size >= LEXICON_MIN_DOCS else None
            for item in load():
                article_id = item if isinstance(item, str) else item.id
                if indexed is None or article_id in indexed:
                    writer.delete_by_term("id", article_id)
                if not isinstance(item, str):
                    writer.add_document(**article_document(item))
                    count += 1
        except BaseException:
            writer.cancel()
            raise
        policies = {"small": MERGE_SMALL, "all": OPTIMIZE, "bulk": _merge_when_many}
        writer.commit(mergetype=policies[merge])
        return count


def _indexed_ids(writer: Any) -> set[str]:
    """Ids in the committed index, read once: a big batch of new articles then skips the
    per-article look-up that replacing a document costs (the lexicon holds deleted
    documents' ids too, which only costs a look-up)."""
    with writer.reader() as reader:
        if "id" not in reader.schema or not reader.doc_count_all():
            return set()
        return {t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("id")}


def _merge_when_many(writer: Any, segments: list[Any]) -> list[Any]:
    """Keep the segments as they are until there are many; then merge the smaller half.

    Whoosh's usual policy rewrites growing segments on almost every commit, which cost
    nearly half the time of a large ingest; this one merges each document O(log n) times.
    No merge of everything follows a bulk add: at 32k articles it cost more than all the
    merges it would save, and up to BULK_MAX_SEGMENTS segments search about as fast.
    """
    if len(segments) < BULK_MAX_SEGMENTS:
        return segments
    ordered = sorted(segments, key=lambda s: s.doc_count_all())
    small = ordered[: len(ordered) // 2 + 1]
    return OPTIMIZE(writer, small) + ordered[len(small) :]
