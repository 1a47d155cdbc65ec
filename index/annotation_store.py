"""Annotations in the library's SQLite database, safe with several writers at once.

A row is a W3C Web Annotation: a TextQuoteSelector (``exact``, ``prefix``, ``suffix``), a
position (``paragraph`` with ``start_at``/``end_at``, see ``index.annotations``; NULL for an
orphan), the label (a tagging body), the note (a commenting body), the user (creator), its
created and updated times, and an id made by the program before the first attempt to store it,
so a retried insert cannot duplicate (``ON CONFLICT(id) DO NOTHING``).

Every write is one ``BEGIN IMMEDIATE`` transaction (``Store.write``: busy timeout, retries)
and takes a new change number, stored on the rows it touched. ``version()`` is the highest,
a cheap poll; ``changes(since)`` says what changed. Deleted annotations stay as tombstones so
a poll sees deletions. Only an annotation's user may edit or delete it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from index.anchoring import Quote
from index.annotation_sql import (
    AddReport,
    clean_note,
    create_schema,
    insert_drafts,
    next_seq,
    owned,
    row_annotation,
    table_exists,
)
from index.annotations import Annotation, Draft, clean_label, current_user
from index.store import Store, now_iso

#: Drafts stored per transaction, so a large import never holds the write lock for long.
BATCH = 500
_IN_ARTICLE = "paragraph IS NULL, paragraph, start_at, end_at, created, id"


@dataclass(frozen=True, slots=True)
class Changes:
    """Since a version: live annotations added or changed (re-anchored too), ids deleted."""

    version: int
    changed: list[Annotation]
    deleted: list[str]


class AnnotationStore:
    """Create, edit, delete and list annotations, sharing the library's store."""

    def __init__(self, store: Store) -> None:
        """Annotations in ``store``'s database (read-only when the store is)."""
        self.store = store
        self._conn = store.connection
        self._ready = False
        if not store.read_only:
            store.write(create_schema)
            self._ready = True

    @classmethod
    def open(cls, library_path: Path | str) -> AnnotationStore:
        """A writable store with its own connection, for a reader whose library is read-only."""
        from index.library import DB_NAME

        return cls(Store(Path(library_path).expanduser() / DB_NAME))

    def close(self) -> None:
        self.store.close()

    # -- reads --------------------------------------------------------------------------

    def version(self, article_id: str | None = None) -> int:
        """The latest change number (of one article's annotations): poll it, it is cheap."""
        if not self._has_table():
            return 0
        if article_id is None:
            row = self._conn.execute("SELECT MAX(seq) FROM annotations").fetchone()
        else:
            row = self._conn.execute(
                "SELECT MAX(seq) FROM annotations WHERE article_id = ?", (article_id,)
            ).fetchone()
        return int(row[0] or 0)

    def changes(self, since: int, article_id: str | None = None) -> Changes:
        """What changed after version ``since`` (in one article, if given)."""
        if not self._has_table():
            return Changes(0, [], [])
        rows = self._conn.execute(
            "SELECT * FROM annotations WHERE seq > ? AND (? IS NULL OR article_id = ?)"
            " ORDER BY seq, id",
            (since, article_id, article_id),
        ).fetchall()
        version = max([since, *(r["seq"] for r in rows)])
        changed = [row_annotation(r) for r in rows if not r["deleted"]]
        return Changes(version, changed, [r["id"] for r in rows if r["deleted"]])

    def get(self, annotation_id: str) -> Annotation | None:
        found = self._select("id = ?", annotation_id)
        return found[0] if found else None

    def for_article(self, article_id: str) -> list[Annotation]:
        """An article's annotations in reading order, orphans last."""
        return self._select("article_id = ?", article_id)

    def listing(self, *, article: str | None = None, user: str | None = None) -> list[Annotation]:
        """Every annotation, or those of one article and/or user, by article then in order."""
        clauses, args = ["1"], []
        for clause, value in (("article_id = ?", article), ("user = ?", user)):
            if value is not None:
                clauses.append(clause)
                args.append(value)
        return self._select(" AND ".join(clauses), *args, order="article_id, " + _IN_ARTICLE)

    def resolve(self, prefix: str) -> str:
        """The annotation id starting with ``prefix``; KeyError when none or several."""
        rows = (
            self._conn.execute(
                "SELECT id FROM annotations WHERE id >= ? AND id < ? AND deleted = 0 LIMIT 2",
                (prefix, prefix + "\uffff"),
            )
            if self._has_table()
            else []
        )
        found = [r[0] for r in rows]
        if prefix in found or len(found) == 1:
            return prefix if prefix in found else found[0]
        raise KeyError(f"annotation id {prefix!r} is {'ambiguous' if found else 'unknown'}")

    # -- writes -------------------------------------------------------------------------

    def create(
        self,
        article_id: str,
        paragraph: int,
        start: int,
        end: int,
        *,
        label: str,
        note: str = "",
        user: str | None = None,
        exact: str | None = None,
    ) -> Annotation:
        """Annotate ``start:end`` of a paragraph; ValueError when that span is not there.

        ``exact``, the text the person selected, guards against an article updated since it
        was read: if the stored text there differs, the passage is looked for by that quote
        (near the offsets), and the annotation is an orphan if it is not found.
        """
        draft = Draft(article_id, label, note, current_user(user), paragraph, start, end)
        draft.quote = Quote(exact) if exact else None
        report = self.add([draft])
        if report.failed:
            raise ValueError(report.failed[0][1])
        stored = report.added or [a for a in map(self.get, report.skipped) if a is not None]
        return stored[0]

    def add(self, drafts: Sequence[Draft], *, user: str | None = None) -> AddReport:
        """Store drafts, ``BATCH`` per transaction; a draft without a user gets ``user`` (else
        ``current_user()``). A draft whose id is stored, or identical to a stored annotation of
        the same user, is skipped, so adding the same drafts again adds nothing."""
        default = current_user(user)
        report = AddReport()
        for first in range(0, len(drafts), BATCH):
            chunk = list(enumerate(drafts[first : first + BATCH], start=first))
            part = self.store.write(partial(insert_drafts, chunk=chunk, default=default))
            report.added += part.added
            report.skipped += part.skipped
            report.failed += part.failed
        return report

    def edit(
        self, annotation_id: str, *, user: str, label: str | None = None, note: str | None = None
    ) -> Annotation:
        """Change the label and/or note of ``user``'s annotation."""

        def work(conn: sqlite3.Connection) -> Annotation:
            row = owned(conn, annotation_id, user)
            new_label = row["label"] if label is None else clean_label(label)
            new_note = row["note"] if note is None else clean_note(note)
            if not new_label:
                raise ValueError("an annotation needs a label")
            conn.execute(
                "UPDATE annotations SET label = ?, note = ?, updated = ?, seq = ? WHERE id = ?",
                (new_label, new_note, now_iso(), next_seq(conn), annotation_id),
            )
            return row_annotation(
                conn.execute("SELECT * FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
            )

        return self.store.write(work)

    def delete(self, annotation_id: str, *, user: str) -> None:
        """Delete ``user``'s annotation (a tombstone stays, so pollers see it go)."""

        def work(conn: sqlite3.Connection) -> None:
            owned(conn, annotation_id, user)
            conn.execute(
                "UPDATE annotations SET deleted = 1, updated = ?, seq = ? WHERE id = ?",
                (now_iso(), next_seq(conn), annotation_id),
            )

        self.store.write(work)

    # -- helpers ------------------------------------------------------------------------

    def _has_table(self) -> bool:
        if not self._ready:  # a read-only store: a writer may have made the table since
            self._ready = table_exists(self._conn)
        return self._ready

    def _select(self, where: str, *args: object, order: str = _IN_ARTICLE) -> list[Annotation]:
        if not self._has_table():
            return []
        sql = f"SELECT * FROM annotations WHERE deleted = 0 AND {where} ORDER BY {order}"
        return [row_annotation(r) for r in self._conn.execute(sql, args)]
