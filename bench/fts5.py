"""The baseline: the same JSONL in one SQLite FTS5 table, searched with bm25 and snippet().

No cleaning, roles or duplicate checks: a line is json-decoded and inserted as it is, so
this is a floor for what a plain full-text engine costs on the same documents.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5("
    "title, body, outlet, author, date UNINDEXED, url UNINDEXED,"
    " tokenize='porter unicode61')"
)
# bm25 weights per column: title counts double, like Parallax's field_boost=2.0.
_TOP = (
    "SELECT rowid, title, outlet, date,"
    " snippet(docs, 1, '[', ']', '…', 24) AS snippet,"
    " bm25(docs, 2.0, 1.0, 0.0, 0.0) AS score"
    " FROM docs WHERE docs MATCH ?{where} ORDER BY score LIMIT ?"
)
# Totals per outlet: the same work as Parallax's outlet facets (and the total count).
_COUNTS = "SELECT outlet, count(*) FROM docs WHERE docs MATCH ?{where} GROUP BY outlet"


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating) the baseline database, with the library's journal settings."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(_SCHEMA)
    return conn


def ingest(conn: sqlite3.Connection, files: list[Path]) -> int:
    """Insert every JSONL line of ``files``, one transaction per file. Returns the count."""
    count = 0
    for path in files:
        rows = []
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    rows.append(
                        (d["title"], d["text"], d["outlet"], d["author"], d["date"], d["url"])
                    )
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO docs (title, body, outlet, author, date, url) VALUES (?,?,?,?,?,?)",
            rows,
        )
        conn.execute("COMMIT")
        count += len(rows)
    return count


def search(
    conn: sqlite3.Connection, match: str, where: str = "", limit: int = 10
) -> dict[str, Any]:
    """Top ``limit`` rows with snippets, plus the total and per-outlet counts."""
    extra = f" AND ({where})" if where else ""
    hits = conn.execute(_TOP.format(where=extra), (match, limit)).fetchall()
    facets = dict(conn.execute(_COUNTS.format(where=extra), (match,)).fetchall())
    return {
        "total": sum(facets.values()),
        "hits": [{"id": r[0], "title": r[1], "snippet": r[4]} for r in hits],
        "facets": facets,
    }
