"""Several writers at once lose and misattribute nothing; a killed writer loses only the
batch it had not committed."""

from __future__ import annotations

import json
import multiprocessing
import os
import select
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from index.annotation_store import AnnotationStore
from index.library import Library
from index.store import Store
from tests.helpers import make_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "f" * 32
BODY = [
    f"Paragraph {i} says something about the alliance, its bases and its costs." for i in range(5)
]


def _library(tmp_path: Path) -> Path:
    with Library(tmp_path / "lib") as library:
        library.store.save(make_article("Alliance", BODY, article_id=ARTICLE))
    return tmp_path / "lib"


def _import_as(library: str, path: str, user: str, barrier: Any) -> None:
    from tui.cli import main

    os.environ["PARALLAX_USER"] = user
    barrier.wait(timeout=120)
    sys.exit(main(["--library", library, "annotations", "import", path]))


def test_eight_simultaneous_imports_store_every_annotation_with_its_user(tmp_path: Path) -> None:
    library = _library(tmp_path)
    users = [f"user{n}" for n in range(8)]
    files = []
    for user in users:
        path = tmp_path / f"{user}.jsonl"
        lines = [
            {"article": ARTICLE, "paragraph": 1 + i % 5, "start": i % 40, "end": i % 40 + 9,
             "label": f"label{i % 7}", "note": f"{user}:{i}"}
            for i in range(250)
        ]  # fmt: skip
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
        files.append(path)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(users))
    workers = [
        ctx.Process(target=_import_as, args=(str(library), str(path), user, barrier))
        for path, user in zip(files, users, strict=True)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(180)
    assert [w.exitcode for w in workers] == [0] * len(users)
    stored = AnnotationStore(Store(library / "library.sqlite3")).listing()
    assert len(stored) == 2000
    assert all(a.note.split(":")[0] == a.user for a in stored)  # attributed to its importer
    assert Counter(a.user for a in stored) == {user: 250 for user in users}
    assert len({a.note for a in stored}) == 2000


def _create_many(library: str, user: str, count: int) -> None:
    notes = AnnotationStore(Store(Path(library) / "library.sqlite3"))
    for i in range(count):
        notes.create(ARTICLE, 1, 0, 9, label="l", note=f"{user}:{i}", user=user)


def test_interleaved_single_creates_get_distinct_change_numbers(tmp_path: Path) -> None:
    library = _library(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_create_many, args=(str(library), f"u{n}", 40)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0] * 4
    notes = AnnotationStore(Store(library / "library.sqlite3"))
    stored = notes.listing()
    assert len(stored) == 160 and all(a.note.startswith(a.user + ":") for a in stored)
    assert sorted(a.version for a in stored) == list(range(1, 161))  # one per transaction
    assert notes.version() == 160


WRITER = """
import sys, time
from pathlib import Path
from index import annotation_store
from index.annotation_store import AnnotationStore
from index.annotations import Draft
from index.store import Store

article, stall_at = sys.argv[2], int(sys.argv[3])
real, done = annotation_store.insert_drafts, []

def insert(conn, chunk, default):
    report = real(conn, chunk, default)
    done.append(1)
    if len(done) == stall_at:  # inside the open transaction, before its commit
        print("uncommitted", flush=True)
        time.sleep(600)
    return report

annotation_store.insert_drafts = insert
notes = AnnotationStore(Store(Path(sys.argv[1])))
for batch in range(10_000):
    drafts = [Draft(article, "l", f"{batch}:{i}", "ana", 1, 0, 9) for i in range(20)]
    print(" ".join(a.id for a in notes.add(drafts).added), flush=True)
"""


def _run_and_kill(db: Path, stall_at: int, acked_batches: int) -> set[str]:
    """Start a writer, SIGKILL it after ``acked_batches`` acknowledgements or on its stall;
    returns the acknowledged ids."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", WRITER, str(db), ARTICLE, str(stall_at)]
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert child.stdout is not None
    acked: set[str] = set()
    batches = 0
    while batches < acked_batches:
        ready, _, _ = select.select([child.stdout], [], [], 60)
        line = child.stdout.readline() if ready else ""
        if not line or line.strip() == "uncommitted":
            break
        acked.update(line.split())
        batches += 1
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    assert batches >= 3, "the writer died before it acknowledged three batches"
    return acked


def _check_after_crash(db: Path, acked: set[str]) -> set[str]:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    notes = AnnotationStore(Store(db))  # opens, recovers the WAL, and can write again
    stored = {a.id for a in notes.listing()}
    assert acked <= stored and len(stored) % 20 == 0  # whole batches only
    notes.create(ARTICLE, 2, 0, 9, label="after", user="ben")
    return stored


def test_a_writer_killed_inside_a_transaction_loses_only_that_batch(tmp_path: Path) -> None:
    db = _library(tmp_path) / "library.sqlite3"
    acked = _run_and_kill(db, stall_at=6, acked_batches=10)
    assert len(acked) == 5 * 20
    assert _check_after_crash(db, acked) == acked


def test_a_writer_killed_while_writing_keeps_every_acknowledged_annotation(
    tmp_path: Path,
) -> None:
    db = _library(tmp_path) / "library.sqlite3"
    acked = _run_and_kill(db, stall_at=0, acked_batches=8)  # killed wherever it is
    assert len(acked) >= 8 * 20
    _check_after_crash(db, acked)
