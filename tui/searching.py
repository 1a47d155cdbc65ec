"""The reader's way into the search index: prepared once off the UI thread, then read-only.

SQLite connections and Whoosh searchers are not shared between threads: the UI thread reads
through the app's library, ``prepare`` writes through a library of its own, and every search
or highlight runs over one read-only library, used by one thread at a time (the lock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.library import Library
    from index.model import Article
    from index.search import SearchResult

Highlights = dict[int, list[tuple[int, int]]]


class SearchService:
    """Search and highlight from worker threads without ever writing to the library."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: Set once ``prepare`` has finished, well or not.
        self.ready = threading.Event()
        self.error = ""
        self._lock = threading.Lock()
        self._reader: Library | None = None

    def prepare(self) -> int:
        """Open or repair the index and apply queued work: the reader's only write.

        Run in a worker after the first paint. Returns how many articles were indexed.
        """
        from index.library import Library

        try:
            with Library(self.path) as writer:
                count = writer.ensure_index()
            reader = Library(self.path, read_only=True)
            reader.index.searcher()  # load it now rather than on the first keystroke
            with self._lock:
                self._reader = reader
            return count
        except Exception as error:
            self.error = (str(error) or type(error).__name__).splitlines()[0]
            raise
        finally:
            self.ready.set()

    def search(
        self,
        text: str,
        *,
        outlet: str = "",
        suggest: bool = True,
        wanted: Callable[[], bool] = lambda: True,
    ) -> SearchResult | None:
        """Search once the index is ready; None if ``wanted()`` turned False while waiting."""
        from index.search import search

        with self._lock:
            if not wanted():
                return None
            return search(self._library(), text, limit=50, outlet=outlet, suggest=suggest)

    def highlights(self, article: Article, text: str) -> Highlights:
        """Spans of the query's words per paragraph; none until the index is ready."""
        from index.search import highlight_paragraphs

        if not self.ready.is_set() or self.error:
            return {}
        with self._lock:
            return highlight_paragraphs(self._library(), article, text)

    def _library(self) -> Library:
        if self._reader is None:
            raise RuntimeError(self.error or "the search index is not ready")
        return self._reader

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
