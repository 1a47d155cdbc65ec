"""The library's SQLite database: the source of truth for articles and paragraphs.

Every write runs in an explicit ``BEGIN IMMEDIATE`` transaction (Python's implicit
transactions let concurrent read-modify-write updates overwrite each other), in WAL mode
with a busy timeout, and retries a locked database a few times.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from index.model import Article, Paragraph, Role

T = TypeVar("T")

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT 'text',
    content_hash TEXT NOT NULL,
    added TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_recent ON articles(date, added, title);
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
-- Articles whose search-index entry is not yet written (or must be rewritten/removed).
-- seq changes on every re-queue, so a flush forgets only the entries it indexed.
CREATE TABLE IF NOT EXISTS index_queue (
    article_id TEXT PRIMARY KEY,
    op TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
);
"""


class QueueEntry(NamedTuple):
    """One article waiting for the search index, as queued by write number ``seq``."""

    article_id: str
    op: str
    seq: int


#: Article fields stored as they are, in the order of the INSERT below.
_COPIED = ("source", "url", "title", "outlet", "author", "date", "format", "content_hash")


def now_iso() -> str:
    """The current UTC time as an ISO string, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Articles and paragraphs in one SQLite file."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """Open (creating if needed) the database.

        ``read_only`` opens an existing one and never writes. A store may move between
        threads but is used by one thread at a time.
        """
        self.path = path
        self.read_only = read_only
        self._conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro" if read_only else path,
            uri=read_only,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            self._conn.execute("PRAGMA query_only=ON")
            return
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self.write(_create_schema)

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for modules that keep their own tables in this database."""
        return self._conn

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def _immediate(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def ensure_tables(self, script: str) -> bool:
        """Create what ``script`` creates unless every table is there already (a listing
        then takes no write lock); a read-only store creates nothing. True when the tables
        exist afterwards."""
        if not missing_tables(self._conn, script):
            return True
        if self.read_only:
            return False
        self.write(lambda conn: execute_script(conn, script))
        return True

    def write(self, work: Callable[[sqlite3.Connection], T], *, attempts: int = 5) -> T:
        """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction, retrying a locked database."""
        for attempt in range(attempts):
            try:
                with self._immediate() as conn:
                    return work(conn)
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if attempt == attempts - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # -- reads --------------------------------------------------------------------------

    def find_by_source(self, source: str) -> tuple[str, str] | None:
        """(id, content_hash) of the article from ``source``."""
        row = self._conn.execute(
            "SELECT id, content_hash FROM articles WHERE source = ?", (source,)
        ).fetchone()
        return (row["id"], row["content_hash"]) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        row = self._conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return row["id"] if row else None

    def resolve_id(self, prefix: str) -> list[str]:
        """Article ids starting with ``prefix`` (so short ids typed by a person work)."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        return [r["id"] for r in rows]

    def get(self, article_id: str) -> Article | None:
        return next(iter(self.get_many([article_id])), None)

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        """Articles by id, in the order given (missing ids are left out)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            r["id"]: r
            for r in self._conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids)
        }
        paragraphs: dict[str, list[Paragraph]] = {i: [] for i in rows}
        for p in self._conn.execute(
            f"SELECT article_id, idx, role, text FROM paragraphs WHERE article_id IN ({marks})"
            " ORDER BY article_id, idx",
            ids,
        ):
            paragraphs[p["article_id"]].append(Paragraph(p["idx"], Role(p["role"]), p["text"]))
        return [_article(rows[i], paragraphs[i]) for i in ids if i in rows]

    def list_articles(self, *, limit: int | None = None) -> list[dict[str, object]]:
        """Article summaries, newest first (by date, then by when they were added)."""
        # Partial dates ("--07-28") sort below full ones and above none, as ASCII does.
        sql = (
            "SELECT a.id, a.title, a.outlet, a.author, a.date, a.added, a.url,"
            " (SELECT COUNT(*) FROM paragraphs p WHERE p.article_id = a.id) AS paragraphs"
            " FROM (SELECT * FROM articles ORDER BY date DESC, added DESC, title DESC{limit}) a"
            " ORDER BY a.date DESC, a.added DESC, a.title DESC"
        ).format(limit=f" LIMIT {int(limit)}" if limit is not None else "")
        return [dict(r) for r in self._conn.execute(sql)]

    def outlet_count(self) -> int:
        """How many distinct outlets the library holds."""
        return int(
            self._conn.execute(
                "SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet != ''"
            ).fetchone()[0]
        )

    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def queued(self, limit: int | None = None) -> list[QueueEntry]:
        """Articles still to be written to the search index (at most ``limit``)."""
        sql = "SELECT article_id, op, seq FROM index_queue ORDER BY seq, article_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [QueueEntry(r[0], r[1], r[2]) for r in self._conn.execute(sql)]

    def queue_size(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0])

    # -- writes -------------------------------------------------------------------------

    def save(self, article: Article) -> None:
        """Insert or replace an article and queue it for indexing, in one transaction."""
        self.save_many([article])

    def save_many(self, articles: Sequence[Article]) -> list[str]:
        """Insert or replace articles and queue them for indexing, in one transaction.

        An article whose source is already stored (perhaps just now, by another process)
        replaces that one and takes its id. Returns the stored ids, in order.
        """

        def work(conn: sqlite3.Connection) -> list[str]:
            stamp = now_iso()
            seq = _next_seq(conn)
            ids = []
            for a in articles:
                row = conn.execute("SELECT id FROM articles WHERE source=?", (a.source,)).fetchone()
                article_id = row[0] if row else a.id
                conn.execute(
                    "INSERT INTO articles (id, source, url, title, outlet, author, date, format,"
                    " content_hash, added, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET source=excluded.source, url=excluded.url,"
                    " title=excluded.title, outlet=excluded.outlet, author=excluded.author,"
                    " date=excluded.date, format=excluded.format,"
                    " content_hash=excluded.content_hash, updated=excluded.updated",
                    (article_id, *(getattr(a, c) for c in _COPIED), a.added or stamp, stamp),
                )
                conn.execute("DELETE FROM paragraphs WHERE article_id = ?", (article_id,))
                conn.executemany(
                    "INSERT INTO paragraphs (article_id, idx, role, text) VALUES (?,?,?,?)",
                    [(article_id, p.index, str(p.role), p.text) for p in a.paragraphs],
                )
                if row:  # an update: its annotations find their passages in the new text
                    from index.annotation_sql import reanchor_article

                    reanchor_article(conn, article_id, a.paragraphs)
                ids.append(article_id)
            conn.executemany(
                "INSERT OR REPLACE INTO index_queue (article_id, op, seq) VALUES (?, 'upsert', ?)",
                [(i, seq) for i in ids],
            )
            return ids

        return self.write(work)

    def dequeue(self, entries: Sequence[QueueEntry]) -> None:
        """Forget queued index work once the index has committed it.

        An entry queued again since it was read (another seq) stays: its newer text is due.
        """
        if entries:
            self.write(
                lambda c: c.executemany(
                    "DELETE FROM index_queue WHERE article_id = ? AND seq = ?",
                    [(e.article_id, e.seq) for e in entries],
                )
            )

    def queue_all(self) -> None:
        """Queue every article for indexing (a rebuild)."""

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO index_queue (article_id, op, seq)"
                " SELECT id, 'upsert', ? FROM articles",
                (_next_seq(conn),),
            )

        self.write(work)


_CREATED_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``script``'s statements inside the open transaction (``executescript`` would
    commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def missing_tables(conn: sqlite3.Connection, script: str) -> set[str]:
    """The tables ``script`` creates that the database does not have yet."""
    wanted = set(_CREATED_TABLE.findall(script))
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return wanted - have


def _create_schema(conn: sqlite3.Connection) -> None:
    execute_script(conn, _SCHEMA)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(index_queue)")}
    if "seq" not in columns:  # a library from before the queue had write numbers
        conn.execute("ALTER TABLE index_queue ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
    )
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('queue_seq', '0')")


def _next_seq(conn: sqlite3.Connection) -> int:
    """A new write number for queue entries (call inside the write transaction)."""
    row = conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'queue_seq' RETURNING value"
    ).fetchone()
    return int(row[0])


def _article(row: sqlite3.Row, paragraphs: list[Paragraph]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        date=row["date"],
        url=row["url"],
        source=row["source"],
        format=row["format"],
        content_hash=row["content_hash"],
        paragraphs=paragraphs,
        added=row["added"],
        updated=row["updated"],
    )
