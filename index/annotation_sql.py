"""The annotations table: its schema, rows as Annotations, and the statements that write it.

Each function here runs inside a transaction its caller holds (``Store.write``'s ``BEGIN
IMMEDIATE``): the store's API in ``index.annotation_store``, and ``reanchor_article``, called
from ``Store.save_many`` when an article's text is replaced. Columns: see that module.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field

from index.anchoring import Quote
from index.annotations import Annotation, Draft, clean_label, place, relocate
from index.model import Paragraph, Role
from index.store import execute_script, now_iso
from index.textclean import strip_controls

_SCHEMA = """
CREATE TABLE IF NOT EXISTS annotations (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    paragraph INTEGER,
    start_at INTEGER,
    end_at INTEGER,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS annotations_article ON annotations(article_id, seq);
CREATE INDEX IF NOT EXISTS annotations_seq ON annotations(seq);
"""


@dataclass(slots=True)
class AddReport:
    """What ``add`` did: stored annotations, skipped ids (already there), failures by input
    position."""

    added: list[Annotation] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the ids already stored
    failed: list[tuple[int, str]] = field(default_factory=list)


def reanchor_article(
    conn: sqlite3.Connection, article_id: str, paragraphs: Sequence[Paragraph]
) -> int:
    """Re-place an updated article's annotations in its new text (inside the article's write
    transaction); what cannot be placed becomes an orphan. Returns how many moved."""
    if not table_exists(conn):
        return 0
    rows = conn.execute(
        "SELECT * FROM annotations WHERE article_id = ? AND deleted = 0", (article_id,)
    ).fetchall()
    seq, moved = 0, 0
    for row in rows:
        near = None if row["paragraph"] is None else (row["paragraph"], row["start_at"])
        quote = Quote(row["exact"], row["prefix"], row["suffix"])
        placed = relocate(quote, paragraphs, near)
        now = (placed.paragraph, placed.start, placed.end, *_quote_fields(placed.quote))
        if now != (row["paragraph"], row["start_at"], row["end_at"], *_quote_fields(quote)):
            seq = seq or next_seq(conn)
            conn.execute(
                "UPDATE annotations SET paragraph = ?, start_at = ?, end_at = ?, exact = ?,"
                " prefix = ?, suffix = ?, seq = ? WHERE id = ?",
                (*now, seq, row["id"]),
            )
            moved += 1
    return moved


def insert_drafts(
    conn: sqlite3.Connection, chunk: list[tuple[int, Draft]], default: str
) -> AddReport:
    """Place and insert drafts (numbered by their input position); ``default`` is the user of
    a draft without one. Skips a draft whose id is stored or that repeats a live annotation."""
    report = AddReport()
    seq, stamp = next_seq(conn), now_iso()
    texts: dict[str, tuple[str, list[Paragraph]] | None] = {}
    for position, draft in chunk:
        if draft.article not in texts:
            texts[draft.article] = article_text(conn, draft.article)
        found = texts[draft.article]
        label, user = clean_label(draft.label), clean_label(draft.user) or default
        try:
            if found is None:
                raise ValueError(f"no article {draft.article!r}")
            if not label:
                raise ValueError("an annotation needs a label")
            placed = place(draft, found[1])
        except ValueError as error:
            report.failed.append((position, str(error)))
            continue
        note = clean_note(draft.note)
        same = conn.execute(
            "SELECT id FROM annotations WHERE id = ? OR (article_id = ? AND user = ? AND"
            " deleted = 0 AND paragraph IS ? AND start_at IS ? AND end_at IS ? AND exact = ?"
            " AND label = ? AND note = ?) LIMIT 1",
            (draft.id, found[0], user, placed.paragraph, placed.start, placed.end)
            + (placed.quote.exact, label, note),
        ).fetchone()
        if same:
            report.skipped.append(same[0])
            continue
        created = draft.created or stamp
        annotation = Annotation(
            id=draft.id,
            article=found[0],
            paragraph=placed.paragraph,
            start=placed.start,
            end=placed.end,
            exact=placed.quote.exact,
            prefix=placed.quote.prefix,
            suffix=placed.quote.suffix,
            label=label,
            note=note,
            user=user,
            created=created,
            updated=draft.updated or created,
            version=seq,
        )
        conn.execute(
            "INSERT INTO annotations (id, article_id, paragraph, start_at, end_at, exact, prefix,"
            " suffix, label, note, user, created, updated, seq)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
            astuple(annotation),  # the fields, in the columns' order
        )
        report.added.append(annotation)
    return report


def article_text(conn: sqlite3.Connection, ref: str) -> tuple[str, list[Paragraph]] | None:
    """(id, paragraphs) of the article with id ``ref``, else with that source or URL."""
    row = conn.execute("SELECT id FROM articles WHERE id = ?", (ref,)).fetchone()
    row = (
        row
        or conn.execute(
            "SELECT id FROM articles WHERE source = ? OR (url != '' AND url = ?) LIMIT 1",
            (ref, ref),
        ).fetchone()
    )
    if row is None:
        return None
    rows = conn.execute(
        "SELECT idx, role, text FROM paragraphs WHERE article_id = ? ORDER BY idx", (row[0],)
    )
    return row[0], [Paragraph(r[0], Role(r[1]), r[2]) for r in rows]


def owned(conn: sqlite3.Connection, annotation_id: str, user: str) -> sqlite3.Row:
    row = conn.execute(
        "SELECT * FROM annotations WHERE id = ? AND deleted = 0", (annotation_id,)
    ).fetchone()
    if row is None:
        raise KeyError(f"no annotation with id {annotation_id!r}")
    if row["user"] != user:
        raise PermissionError(f"annotation {annotation_id[:8]} belongs to {row['user']}")
    return row


def next_seq(conn: sqlite3.Connection) -> int:
    """A new change number (inside the write transaction, so no other writer takes it)."""
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM annotations").fetchone()[0])


def _quote_fields(quote: Quote) -> tuple[str, str, str]:
    return quote.exact, quote.prefix, quote.suffix


def clean_note(note: str) -> str:
    return strip_controls(note).strip()


def row_annotation(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"],
        article=row["article_id"],
        paragraph=row["paragraph"],
        start=row["start_at"],
        end=row["end_at"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        label=row["label"],
        note=row["note"],
        user=row["user"],
        created=row["created"],
        updated=row["updated"],
        version=row["seq"],
    )


def table_exists(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"
        ).fetchone()
    )


def create_schema(conn: sqlite3.Connection) -> None:
    execute_script(conn, _SCHEMA)
