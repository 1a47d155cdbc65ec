"""The reader's way to the annotations of one article (the reader) or of a story's articles
(the split view), from worker threads only.

The reader's library is read-only, so annotations go through a store of their own
(``AnnotationStore.open``: its own writable connection); when the library cannot be written
(another person's files) they are shown from a read-only one. Every call may wait on a busy
database, so only workers make them, one thread at a time (the lock); a poll that finds the
lock taken skips its turn instead of queueing behind a write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from index.annotation_store import AnnotationStore, Changes
from index.annotations import Annotation, current_user

if TYPE_CHECKING:
    from index.model import Article

T = TypeVar("T")


class AnnotationSession:
    """Some articles' annotations for one user; opened lazily by the first worker.

    ``article_id`` first, then ``others`` (the rest of its story, in the split view)."""

    def __init__(
        self,
        library_path: Path,
        article_id: str,
        user: str | None = None,
        others: Sequence[str] = (),
    ) -> None:
        self.library_path = library_path
        self.article_id = article_id
        self.article_ids = list(dict.fromkeys([article_id, *others]))
        self.user = current_user(user)
        self.writable = False
        self._store: AnnotationStore | None = None
        self._lock = threading.Lock()
        self._closed = False

    def _open(self) -> AnnotationStore:
        if self._closed:
            raise RuntimeError("the annotation store is closed")
        if self._store is None:
            try:
                self._store = AnnotationStore.open(self.library_path)
                self.writable = True
            except (sqlite3.Error, OSError):  # a library this user may only read
                from index.library import DB_NAME
                from index.store import Store

                path = Path(self.library_path).expanduser() / DB_NAME
                self._store = AnnotationStore(Store(path, read_only=True))
        return self._store

    def run(self, work: Callable[[AnnotationStore], T]) -> T:
        """Run ``work`` on the store, waiting for any other thread using it."""
        with self._lock:
            return work(self._open())

    def load(self) -> tuple[int, list[Annotation]]:
        """The version and every annotation of the articles."""

        def work(store: AnnotationStore) -> tuple[int, list[Annotation]]:
            version = self._version(store)
            return version, [a for i in self.article_ids for a in store.for_article(i)]

        return self.run(work)

    def _version(self, store: AnnotationStore) -> int:
        # Change numbers are the library's, so the highest of the articles' is theirs.
        return max(store.version(i) for i in self.article_ids)

    def _changes(self, store: AnnotationStore, since: int) -> Changes:
        found = [store.changes(since, i) for i in self.article_ids]
        return Changes(
            max(c.version for c in found),
            [a for c in found for a in c.changed],
            [d for c in found for d in c.deleted],
        )

    def poll(self, since: int) -> Changes | None:
        """What changed after ``since``; None when nothing did or the store is busy."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            store = self._open()
            if self._version(store) <= since:
                return None
            return self._changes(store, since)
        finally:
            self._lock.release()

    def changes(self, since: int) -> Changes:
        return self.run(lambda store: self._changes(store, since))

    def story(self, article_id: str | None = None) -> list[Article]:
        """The article (the first, unless named), then the rest of its story ([] when it has
        no partner)."""
        first = article_id or self.article_id

        def work(store: AnnotationStore) -> list[Article]:
            from index.story_store import StoryStore

            try:
                stories = StoryStore(store.store)
                story = stories.story_of(first)
                members = stories.members(story) if story else []
            except sqlite3.OperationalError:  # a library from before stories, read-only
                return []
            others = [m for m in members if m != first]
            return store.store.get_many([first, *others]) if others else []

        return self.run(work)

    def close(self) -> None:
        """Close the store once no thread is using it."""
        with self._lock:
            self._closed = True
            if self._store is not None:
                self._store.close()
                self._store = None
