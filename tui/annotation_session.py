"""The reader's way to one article's annotations, from worker threads only.

The reader's library is read-only, so annotations go through a store of their own
(``AnnotationStore.open``: its own writable connection); when the library cannot be written
(another person's files) they are shown from a read-only one. Every call may wait on a busy
database, so only workers make them, one thread at a time (the lock); a poll that finds the
lock taken skips its turn instead of queueing behind a write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from index.annotation_store import AnnotationStore, Changes
from index.annotations import Annotation, current_user

if TYPE_CHECKING:
    from index.model import Article

T = TypeVar("T")


class AnnotationSession:
    """One article's annotations for one user; opened lazily by the first worker."""

    def __init__(self, library_path: Path, article_id: str, user: str | None = None) -> None:
        self.library_path = library_path
        self.article_id = article_id
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
        """The version and every annotation of the article."""

        def work(store: AnnotationStore) -> tuple[int, list[Annotation]]:
            version = store.version(self.article_id)
            return version, store.for_article(self.article_id)

        return self.run(work)

    def poll(self, since: int) -> Changes | None:
        """What changed after ``since``; None when nothing did or the store is busy."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            store = self._open()
            if store.version(self.article_id) <= since:
                return None
            return store.changes(since, self.article_id)
        finally:
            self._lock.release()

    def changes(self, since: int) -> Changes:
        return self.run(lambda store: store.changes(since, self.article_id))

    def story(self) -> list[Article]:
        """The article, then the rest of its story ([] when it has no partner)."""

        def work(store: AnnotationStore) -> list[Article]:
            from index.story_store import StoryStore

            try:
                stories = StoryStore(store.store)
                story = stories.story_of(self.article_id)
                members = stories.members(story) if story else []
            except sqlite3.OperationalError:  # a library from before stories, read-only
                return []
            others = [m for m in members if m != self.article_id]
            return store.store.get_many([self.article_id, *others]) if others else []

        return self.run(work)

    def close(self) -> None:
        """Close the store once no thread is using it."""
        with self._lock:
            self._closed = True
            if self._store is not None:
                self._store.close()
                self._store = None
