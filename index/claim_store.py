"""Claims in the library's SQLite database, one row per claim, replaced per article.

``claim_articles`` records which articles were processed, from which text (the content
hash) and by which version of the extractor, so an updated article or a better extractor
means processing again. Clusters are not stored: they depend on which articles are compared.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from index.claim_model import Claim, Span
from index.store import Store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    cue TEXT NOT NULL DEFAULT '',
    shape TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
CREATE TABLE IF NOT EXISTS claim_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL
);
"""

_EXTRA = (
    "source",
    "cue_span",
    "parts",
    "qualifier",
    "value",
    "upper",
    "unit",
    "counted",
    "context",
)


class ClaimStore:
    """Per-article claims, sharing the library's store and connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn = store.connection
        store.ensure_tables(_SCHEMA)

    def missing(self, article_ids: Sequence[str], version: int) -> list[str]:
        """Articles (of those given) whose claims are absent, stale or from an old version."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        try:
            rows = self._conn.execute(
                f"SELECT a.id FROM articles a JOIN claim_articles c ON c.article_id = a.id"
                f" WHERE a.id IN ({marks}) AND c.content_hash = a.content_hash"
                " AND c.version = ?",
                (*article_ids, version),
            )
            done = {r[0] for r in rows}
        except sqlite3.OperationalError:  # a read-only library from before claims existed
            done = set()
        return [a for a in dict.fromkeys(article_ids) if a not in done]

    def claims(self, article_ids: Sequence[str]) -> list[Claim]:
        """Stored claims of these articles, by article (in the order given) then position."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        try:
            rows = self._conn.execute(
                f"SELECT * FROM claims WHERE article_id IN ({marks}) ORDER BY article_id, seq",
                list(article_ids),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        order = {a: k for k, a in enumerate(article_ids)}
        found = [_claim(row) for row in rows]
        return sorted(found, key=lambda c: (order[c.article], c.seq))

    def replace(self, results: Iterable[tuple[str, str, list[Claim]]], version: int) -> None:
        """Store ``(article id, content hash, claims)`` for each article, in one transaction."""
        batch = list(results)
        self.store.write(lambda conn: self.replace_in(conn, batch, version))

    @staticmethod
    def replace_in(
        conn: sqlite3.Connection, batch: Sequence[tuple[str, str, list[Claim]]], version: int
    ) -> None:
        """``replace`` inside a write transaction the caller holds."""
        for article_id, content_hash, claims in batch:
            if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                continue  # deleted meanwhile
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            conn.executemany(
                "INSERT INTO claims (article_id, seq, kind, text, paragraph, start, end,"
                " speaker, cue, shape, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [_row(article_id, c) for c in claims],
            )
            conn.execute(
                "INSERT OR REPLACE INTO claim_articles (article_id, content_hash, version)"
                " VALUES (?,?,?)",
                (article_id, content_hash, version),
            )


def _row(article_id: str, c: Claim) -> tuple[object, ...]:
    extra = {k: getattr(c, k) for k in _EXTRA if getattr(c, k) not in (None, "", [])}
    return (
        article_id,
        c.seq,
        c.kind,
        c.text,
        c.paragraph,
        c.start,
        c.end,
        c.speaker,
        c.cue,
        c.shape,
        json.dumps(extra, ensure_ascii=False),
    )


def _span(value: object) -> Span | None:
    return (int(value[0]), int(value[1]), int(value[2])) if isinstance(value, list) else None


def _claim(row: sqlite3.Row) -> Claim:
    extra = json.loads(row["extra"])
    claim = Claim(
        row["article_id"],
        row["seq"],
        row["kind"],
        row["text"],
        row["paragraph"],
        row["start"],
        row["end"],
        speaker=row["speaker"],
        cue=row["cue"],
        shape=row["shape"],
    )
    claim.source = _span(extra.get("source"))
    claim.cue_span = _span(extra.get("cue_span"))
    claim.parts = [(int(a), int(b)) for a, b in extra.get("parts", [])]
    claim.qualifier = extra.get("qualifier", "")
    claim.value = extra.get("value")
    claim.upper = extra.get("upper")
    claim.unit = extra.get("unit", "")
    claim.counted = extra.get("counted", "")
    claim.context = extra.get("context", "")
    return claim
