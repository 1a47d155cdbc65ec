"""The "nlp" section: ingest with language processing (names and claims) against plain ingest.

``ARTICLES`` BBC articles (``bbc_news_fulltext``) of about 600 words (480 to 900 words,
spread evenly over the five categories) are written as text files to a temporary folder
and added to a fresh library by ``add_inputs`` (plain ingest: reading, roles, storing, the
search index); full ingest then groups them into stories and reads their names and claims
in one spaCy pass (``extract_language``), as ``parallax add`` does. Rounds alternate plain
and full ingest, each into a new library; medians are reported, in articles per CPU second
of this process (per core: it runs on one thread) and per wall second. Names alone and
claims alone (``extract_entities``, ``extract_claims``) are timed once, for reference.
Loading the model is not ingest and happens before timing. Goal: 15 articles per second
per core. Skips when ``../shared/data/bbc_news_fulltext`` is absent.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import DATA_DIR, load_bbc

ARTICLES = 300
WORDS = (480, 900)
GOAL = 15.0
BBC = DATA_DIR / "bbc_news_fulltext"


def pick(count: int = ARTICLES) -> list[tuple[str, str]]:
    """``(file name, text)`` of ``count`` BBC articles of about 600 words, spread evenly."""
    low, high = WORDS
    docs = [d for d in load_bbc() if low <= len(f"{d['title']} {d['text']}".split()) <= high]
    step = len(docs) / count
    chosen = [docs[int(i * step)] for i in range(min(count, len(docs)))]
    return [
        (
            re.sub(r"\W+", "_", d["url"].rsplit("//", 1)[-1]) + ".txt",
            f"{d['title']}\n\n{d['text']}\n",
        )
        for d in chosen
    ]


def _timed(work: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def ingest(folder: Path, full: bool) -> dict[str, float]:
    """CPU and wall seconds of adding ``folder`` to a new library (and, if ``full``, of
    grouping and of names and claims)."""
    from index.ingest import add_inputs
    from index.language import extract_language
    from index.library import Library
    from index.stories import group_new

    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as where, Library(Path(where)) as library:
        ids: list[str] = []

        def add() -> None:
            report = add_inputs(library, [str(folder)])
            ids.extend(e["id"] for e in report.added)

        times["add_cpu"], times["add_wall"] = _timed(add)
        times["articles"] = len(ids)
        if full:
            times["group_cpu"], times["group_wall"] = _timed(lambda: group_new(library))
            work = lambda: extract_language(library, ids)  # noqa: E731
            times["language_cpu"], times["language_wall"] = _timed(work)
    return times


def separate(folder: Path) -> dict[str, float]:
    """CPU seconds of names alone and of claims alone over the articles of ``folder``."""
    from index.claims import extract_claims
    from index.entities import extract_entities
    from index.ingest import add_inputs
    from index.library import Library

    with tempfile.TemporaryDirectory() as where, Library(Path(where)) as library:
        ids = [e["id"] for e in add_inputs(library, [str(folder)]).added]
        names, _ = _timed(lambda: extract_entities(library, ids))
        claims, _ = _timed(lambda: extract_claims(library, ids))
    return {"names_cpu": names, "claims_cpu": claims}


def run(args: argparse.Namespace) -> dict[str, Any]:
    if not BBC.is_dir():
        print(f"nlp ingest: skipped: {BBC} not found")
        return {"skipped": "no data"}
    rounds = 1 if getattr(args, "quick", False) else 3
    with tempfile.TemporaryDirectory() as where:
        folder = Path(where)
        files = pick()
        words = [len(text.split()) for _, text in files]
        for name, text in files:
            (folder / name).write_text(text, encoding="utf-8")
        print("nlp ingest: loading the model (not timed)", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory() as warm:
            (Path(warm) / "a.txt").write_text(files[0][1], encoding="utf-8")
            ingest(Path(warm), full=True)
        plain, full = [], []
        for k in range(rounds):
            print(f"nlp ingest: round {k + 1} of {rounds}", file=sys.stderr, flush=True)
            plain.append(ingest(folder, full=False))
            full.append(ingest(folder, full=True))
        alone = separate(folder)
    count = plain[0]["articles"]

    def median(rows: list[dict[str, float]], *keys: str) -> float:
        return statistics.median(sum(r[k] for k in keys) for r in rows)

    result: dict[str, Any] = {
        "articles": count,
        "words_per_article": statistics.mean(words),
        "rounds": rounds,
        "plain_cpu_s": median(plain, "add_cpu"),
        "plain_wall_s": median(plain, "add_wall"),
        "group_cpu_s": median(full, "group_cpu"),
        "language_cpu_s": median(full, "language_cpu"),
        "full_cpu_s": median(full, "add_cpu", "group_cpu", "language_cpu"),
        "full_wall_s": median(full, "add_wall", "group_wall", "language_wall"),
        "names_alone_cpu_s": alone["names_cpu"],
        "claims_alone_cpu_s": alone["claims_cpu"],
        "goal_per_core": GOAL,
    }
    rate = {k: count / v if v else 0.0 for k, v in result.items() if k.endswith("_s")}
    result["per_s"] = rate
    print(
        f"\nIngest with language processing: {count} BBC articles,"
        f" {result['words_per_article']:.0f} words on average; median of {rounds} alternating"
        " rounds, articles per second"
    )
    print(f"{'':<36}{'per core (CPU)':>16}{'wall':>10}")
    rows = (
        ("plain ingest (no language processing)", "plain_cpu_s", "plain_wall_s"),
        ("story grouping alone", "group_cpu_s", None),
        ("names and claims alone (one pass)", "language_cpu_s", None),
        ("ingest with language processing", "full_cpu_s", "full_wall_s"),
        ("names alone (extract_entities)", "names_alone_cpu_s", None),
        ("claims alone (extract_claims)", "claims_alone_cpu_s", None),
    )
    for label, cpu, wall in rows:
        cells = f"{rate[cpu]:>16.1f}" + (f"{rate[wall]:>10.1f}" if wall else f"{'':>10}")
        print(f"{label:<36}{cells}")
    verdict = "met" if rate["full_cpu_s"] >= GOAL else "missed"
    print(f"goal: {GOAL:.0f} articles per second per core with language processing ({verdict})")
    return result
