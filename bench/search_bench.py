"""The "search" section: ingest and search the real-news corpus, Parallax against FTS5.

Per scale (32k = the corpus once, 130k = four copies of it): write the JSONL to a temporary
folder, ingest it into a fresh library and a fresh FTS5 database, then time the query mix
cold (one fresh process per query) and warm (repeated in one process). Every phase runs in
its own worker process, so its peak RSS is its own.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import corpus, startup
from bench.queries import QUERIES

REPO = Path(__file__).resolve().parents[1]
SCALES = {"32k": 1, "130k": 4}
ENGINES = ("parallax", "fts5")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p100 = max)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values)}


def disk_mb(path: Path) -> float:
    """Bytes on disk under ``path`` (a file, or a folder recursively), in MB."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _sqlite_mb(path: Path) -> float:
    return sum(disk_mb(p) for p in (path, Path(f"{path}-wal")) if p.exists())


class Workers:
    """Runs bench.worker operations in child processes, spec and result through files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        self.index_code: set[str] = set()
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p
            ),
        }

    def run(self, op: str, **spec: Any) -> dict[str, Any]:
        self.count += 1
        spec_path = self.folder / f"spec-{self.count}.json"
        out_path = self.folder / f"out-{self.count}.json"
        spec_path.write_text(json.dumps({"op": op, **spec}))
        command = [sys.executable, "-m", "bench.worker", str(spec_path), str(out_path)]
        subprocess.run(command, cwd=REPO, env=self.env, check=True)
        result: dict[str, Any] = json.loads(out_path.read_text())
        self.index_code.add(result["index_code"])
        return result


def _ingest(
    workers: Workers, name: str, jsonl: Path, library: Path, database: Path
) -> dict[str, Any]:
    """Both ingests, with sizes on disk; then check that the index opens as it is."""
    log(f"[{name}] ingest: Parallax")
    parallax = workers.run("ingest_parallax", jsonl=str(jsonl), library=str(library))
    parallax["index_mb"] = disk_mb(library / "search-index")
    parallax["sqlite_mb"] = _sqlite_mb(library / "library.sqlite3")
    log(f"[{name}] ingest: FTS5")
    fts5 = workers.run("ingest_fts5", jsonl=str(jsonl), database=str(database))
    fts5["index_mb"] = fts5["sqlite_mb"] = _sqlite_mb(database)
    for ingest in (parallax, fts5):
        ingest["articles_per_s"] = ingest["stored"] / ingest["seconds"]
    return {"parallax": {"ingest": parallax}, "fts5": {"ingest": fts5}}


def _search(workers: Workers, name: str, engine: str, repeats: int, **where: str) -> dict[str, Any]:
    """Cold (a fresh process per query) and warm (one process) latencies of the mix."""
    log(f"[{name}] search cold: {engine} ({len(QUERIES)} fresh processes)")
    cold = [
        workers.run("search_cold", engine=engine, query=i, limit=10, **where)
        for i in range(len(QUERIES))
    ]
    log(f"[{name}] search warm: {engine} ({repeats} rounds of {len(QUERIES)} queries)")
    warm = workers.run("search_warm", engine=engine, repeats=repeats, limit=10, **where)
    per_query = zip(
        cold, warm["median_ms"], warm["totals"], warm["hits"], warm["samples_ms"], strict=True
    )
    return {
        "cold": summary([c["ms"] for c in cold]),
        "open_ms": summary([c["open_ms"] for c in cold]),
        "warm": summary([ms for samples in warm["samples_ms"] for ms in samples]),
        "warm_medians": summary(warm["median_ms"]),
        "first": summary(warm["first_ms"]),
        "search_rss_mb": max([warm["peak_rss_mb"], *(c["peak_rss_mb"] for c in cold)]),
        "per_query": [
            {"cold_ms": c["ms"], "median_ms": m, "total": t, "hits": h, "samples_ms": w}
            for c, m, t, h, w in per_query
        ],
    }


def run_scale(
    docs: list[corpus.Doc], name: str, folder: Path, *, repeats: int, chunk: int
) -> dict[str, Any]:
    """Ingest, size and search one scale; returns its results (see ``bench/report.py``)."""
    copies = SCALES[name]
    folder.mkdir(parents=True)
    workers = Workers(folder)
    jsonl = folder / "jsonl"
    count = corpus.write_jsonl(docs, jsonl, copies=copies, chunk=chunk)
    log(f"[{name}] {count} documents ({copies} cop{'y' if copies == 1 else 'ies'}) in {jsonl}")
    library, database = folder / "library", folder / "fts5.sqlite3"
    results: dict[str, Any] = {"scale": name, "copies": copies, "documents": count}
    results["warnings"] = warnings = []
    results.update(_ingest(workers, name, jsonl, library, database))
    check = workers.run("check_index", library=str(library))
    if not check["ok"]:
        warnings.append(f"Parallax search skipped: its index would be rebuilt ({check['problem']})")
        log(f"[{name}] {warnings[-1]}")
    if check["ok"]:
        results["parallax"].update(
            _search(workers, name, "parallax", repeats, library=str(library))
        )
    results["fts5"].update(_search(workers, name, "fts5", repeats, database=str(database)))
    if len(workers.index_code) > 1:
        warnings.append("index/ changed during this run: the numbers mix code versions")
    results["index_code"] = sorted(workers.index_code)
    if check["ok"]:
        log(f"[{name}] start-up: the reader on this library, to its first painted screen")
        results["parallax"]["startup"] = startup.measure(library, runs=3 if repeats <= 3 else 7)
    return results


def run(args: Any) -> dict[str, Any]:
    """Run the section for the scales ``args`` asks for; prints tables, returns results."""
    from bench import report

    if not corpus.available():
        print(f"bench search: skipped, no data at {corpus.DATA_DIR}")
        return {"skipped": f"no data at {corpus.DATA_DIR}"}
    started = time.perf_counter()
    log(f"loading the corpus from {corpus.DATA_DIR}")
    docs = corpus.load_all()
    scales = ["32k"] if args.quick else list(SCALES) if args.scale == "both" else [args.scale]
    repeats = 3 if args.quick else args.repeats
    results: dict[str, Any] = {
        "queries": [
            {"kind": q.kind, "parallax": q.parallax, "fts5": q.fts5, "fts5_where": q.fts5_where}
            for q in QUERIES
        ],
        "repeats": repeats,
        "jsonl_chunk": args.chunk,
        "scales": [],
    }
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        for name in scales:
            scale = run_scale(docs, name, Path(tmp) / name, repeats=repeats, chunk=args.chunk)
            results["scales"].append(scale)
            report.print_scale(scale, repeats=repeats)
            shutil.rmtree(Path(tmp) / name, ignore_errors=True)
    results["seconds"] = time.perf_counter() - started
    return results
