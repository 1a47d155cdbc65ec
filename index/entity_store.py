"""Entity mentions in the library's SQLite database, kept per article.

``entity_mentions`` holds each name found in an article's paragraphs: character offsets
into the stored paragraph text, the name's comparison key, the type read there, and
``weak`` for a mention in a title-case line (a headline), whose words all look like names.
``entity_articles`` records which text of an article (hash and extractor version) the
mentions come from, so changed articles are found again.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.store import Store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    stop INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    weak INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, paragraph, start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_mentions_key ON entity_mentions(key);
CREATE TABLE IF NOT EXISTS entity_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL
);
"""
_CHUNK = 500  # keys per IN (...) query


@dataclass(slots=True)
class Mention:
    """One occurrence of a name: ``text`` is ``paragraph text[start:end]``."""

    article: str
    paragraph: int
    start: int
    end: int
    text: str
    key: str
    label: str
    weak: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


class EntityStore:
    """Entity mentions, sharing the library's store and connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn = store.connection
        store.ensure_tables(_SCHEMA)

    def ready(self) -> bool:
        """Whether the tables exist (a read-only library may predate them)."""
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entity_articles'"
        ).fetchone()
        return row is not None

    # -- reads --------------------------------------------------------------------------

    def pending(self, version: int, article_ids: Sequence[str] | None = None) -> list[str]:
        """Articles (of ``article_ids``, else all) with no mentions of their current text."""
        if not self.ready():
            return list(article_ids) if article_ids is not None else []
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN entity_articles e ON e.article_id = a.id"
            " WHERE (e.article_id IS NULL OR e.content_hash != a.content_hash OR e.version != ?)"
        )
        if article_ids is None:
            return [r[0] for r in self._conn.execute(sql + " ORDER BY a.id", (version,))]
        found: set[str] = set()
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(sql + f" AND a.id IN ({marks})", (version, *chunk))
            found.update(r[0] for r in rows)
        return [i for i in article_ids if i in found]

    def mentions(self, article_ids: Sequence[str] | None = None) -> list[Mention]:
        """Mentions of these articles (every article when None), in text order."""
        if not self.ready():
            return []
        sql = (
            "SELECT article_id, paragraph, start, stop, text, key, label, weak FROM entity_mentions"
        )
        order = " ORDER BY article_id, paragraph, start"
        if article_ids is None:
            return [_mention(r) for r in self._conn.execute(sql + order)]
        rows: list[Mention] = []
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            found = self._conn.execute(sql + f" WHERE article_id IN ({marks})" + order, chunk)
            rows.extend(_mention(r) for r in found)
        return rows

    def votes(self, keys: Iterable[str]) -> dict[str, Counter[str]]:
        """Library-wide types of each key, from mentions outside title-case lines."""
        result: dict[str, Counter[str]] = {}
        if not self.ready():
            return result
        for chunk in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(chunk))
            for key, label, count in self._conn.execute(
                "SELECT key, label, COUNT(*) FROM entity_mentions"
                f" WHERE key IN ({marks}) AND weak = 0 GROUP BY key, label",
                chunk,
            ):
                result.setdefault(key, Counter())[label] = count
        return result

    # -- writes -------------------------------------------------------------------------

    def replace(self, results: Sequence[tuple[str, str, list[Mention]]], version: int) -> None:
        """Store each ``(article id, content hash, mentions)``, replacing older mentions."""
        self.store.write(lambda conn: self.replace_in(conn, results, version))

    @staticmethod
    def replace_in(
        conn: sqlite3.Connection,
        results: Sequence[tuple[str, str, list[Mention]]],
        version: int,
    ) -> None:
        """``replace`` inside a write transaction the caller holds."""
        for article_id, content_hash, mentions in results:
            conn.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT OR REPLACE INTO entity_mentions"
                " (article_id, paragraph, start, stop, text, key, label, weak)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [
                    (article_id, m.paragraph, m.start, m.end, m.text, m.key, m.label, m.weak)
                    for m in mentions
                ],
            )
            conn.execute(
                "INSERT OR REPLACE INTO entity_articles (article_id, content_hash, version)"
                " VALUES (?,?,?)",
                (article_id, content_hash, version),
            )


def _mention(row: sqlite3.Row) -> Mention:
    return Mention(row[0], row[1], row[2], row[3], row[4], row[5], row[6], bool(row[7]))


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]
