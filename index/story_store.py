"""Stories in the library's SQLite database: which article belongs to which story.

Every grouped article is in exactly one story. ``pinned`` marks a person's choice (a move,
merge or split); automatic grouping never changes a pinned article. ``story_keys`` holds each
article's distinctive terms and day, the candidate index that keeps grouping linear.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from index.store import Store, now_iso

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id),
    pinned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS story_keys (
    term TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day INTEGER,
    PRIMARY KEY (term, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_keys_article ON story_keys(article_id);
"""


@dataclass(slots=True)
class StoryRow:
    """A story with its articles (ids, in the order they joined) and their outlets."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "outlets": self.outlets,
        }


def new_story_id() -> str:
    return uuid.uuid4().hex


class StoryStore:
    """Story membership and grouping keys, sharing the library's store and connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn = store.connection
        store.ensure_tables(_SCHEMA)

    # -- reads --------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of these articles that has one (one query)."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self._conn.execute(
            f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({marks})",
            list(article_ids),
        )
        return {r[0]: r[1] for r in rows}

    def is_pinned(self, article_id: str) -> bool:
        row = self._conn.execute(
            "SELECT pinned FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return bool(row and row[0])

    def members(self, story_id: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id"
            " WHERE m.story_id = ? ORDER BY a.date, a.added, a.id",
            (story_id,),
        )
        return [r[0] for r in rows]

    def resolve(self, prefix: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT id FROM stories WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        return [r[0] for r in rows]

    def ungrouped(self) -> list[str]:
        """Articles not yet in any story, newest first, in a repeatable order."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)"
            " ORDER BY date DESC, source"
        )
        return [r[0] for r in rows]

    def listing(self, *, min_articles: int = 2, limit: int | None = None) -> list[StoryRow]:
        """Stories with at least ``min_articles`` articles, newest first."""
        sql = (
            "SELECT s.id, s.title, MAX(a.date) AS newest, MAX(a.added) AS added,"
            " GROUP_CONCAT(a.id, char(31)) AS ids, GROUP_CONCAT(a.outlet, char(31)) AS outlets"
            " FROM stories s JOIN story_members m ON m.story_id = s.id"
            " JOIN articles a ON a.id = m.article_id"
            " GROUP BY s.id HAVING COUNT(*) >= ? ORDER BY newest DESC, added DESC, s.id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        stories = []
        for row in self._conn.execute(sql, (min_articles,)):
            ids = row["ids"].split("\x1f")
            outlets = row["outlets"].split("\x1f")
            order = sorted(range(len(ids)), key=lambda i: (outlets[i], ids[i]))
            distinct = list(dict.fromkeys(outlets[i] for i in order if outlets[i]))
            stories.append(StoryRow(row["id"], row["title"], [ids[i] for i in order], distinct))
        return stories

    def candidates(
        self, terms: Sequence[str], day: int | None, window: int, exclude: str
    ) -> list[tuple[str, int]]:
        """Articles sharing at least two of ``terms``, within ``window`` days when dated."""
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        sql = (
            f"SELECT article_id, COUNT(*) AS shared FROM story_keys WHERE term IN ({marks})"
            " AND article_id != ?"
        )
        args: list[object] = [*terms, exclude]
        if day is not None:
            sql += " AND (day IS NULL OR day BETWEEN ? AND ?)"
            args += [day - window, day + window]
        sql += " GROUP BY article_id HAVING shared >= 2 ORDER BY shared DESC LIMIT 40"
        return [(r[0], r[1]) for r in self._conn.execute(sql, args)]

    # -- writes -------------------------------------------------------------------------

    def record(
        self,
        article_id: str,
        terms: Iterable[str],
        day: int | None,
        story_id: str | None,
        title: str,
    ) -> str:
        """Store an article's keys and put it in ``story_id`` (a new story when None).

        A pinned article keeps its story. Returns the article's story id.
        """

        def work(conn: sqlite3.Connection) -> str:
            conn.execute("DELETE FROM story_keys WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT OR IGNORE INTO story_keys (term, article_id, day) VALUES (?,?,?)",
                [(t, article_id, day) for t in terms],
            )
            row = conn.execute(
                "SELECT story_id, pinned FROM story_members WHERE article_id = ?", (article_id,)
            ).fetchone()
            if row is not None:
                return str(row[0])
            target = story_id
            if (
                target is None
                or not conn.execute("SELECT 1 FROM stories WHERE id = ?", (target,)).fetchone()
            ):
                target = new_story_id()
                conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?,?,?,?)",
                    (target, title, now_iso(), now_iso()),
                )
            conn.execute(
                "INSERT INTO story_members (article_id, story_id, pinned) VALUES (?,?,0)",
                (article_id, target),
            )
            conn.execute("UPDATE stories SET updated = ? WHERE id = ?", (now_iso(), target))
            if title and not title.endswith("…"):  # a cut-off lead makes a poor story title
                conn.execute(
                    "UPDATE stories SET title = ? WHERE id = ? AND title LIKE '%…'", (title, target)
                )
            return target

        return self.store.write(work)

    def move(self, article_ids: Sequence[str], story_id: str | None, title: str = "") -> str:
        """Put articles in ``story_id`` (a new story when None), pinned; empty stories go."""

        def work(conn: sqlite3.Connection) -> str:
            target = story_id or new_story_id()
            if story_id is None:
                conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?,?,?,?)",
                    (target, title, now_iso(), now_iso()),
                )
            elif not conn.execute("SELECT 1 FROM stories WHERE id = ?", (target,)).fetchone():
                raise KeyError(f"no story with id {story_id!r}")
            conn.executemany(
                "INSERT INTO story_members (article_id, story_id, pinned) VALUES (?,?,1)"
                " ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, pinned = 1",
                [(a, target) for a in article_ids],
            )
            conn.execute("UPDATE stories SET updated = ? WHERE id = ?", (now_iso(), target))
            _drop_empty(conn)
            return target

        return self.store.write(work)

    def absorb(self, source: str, target: str) -> bool:
        """Move every article of ``source`` into ``target`` unless a person placed any."""

        def work(conn: sqlite3.Connection) -> bool:
            if (
                source == target
                or conn.execute(
                    "SELECT 1 FROM story_members WHERE story_id IN (?, ?) AND pinned = 1",
                    (source, target),
                ).fetchone()
            ):
                return False
            conn.execute(
                "UPDATE story_members SET story_id = ? WHERE story_id = ?", (target, source)
            )
            _drop_empty(conn)
            return True

        return self.store.write(work)

    def pin_story(self, story_id: str) -> None:
        """Mark every article of a story as placed by a person."""
        self.store.write(
            lambda c: c.execute(
                "UPDATE story_members SET pinned = 1 WHERE story_id = ?", (story_id,)
            )
        )


def _drop_empty(conn: sqlite3.Connection) -> None:
    conn.execute(
        "DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM story_members)"
    )
