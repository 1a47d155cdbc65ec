"""One benchmark phase in its own process, so peak memory and "cold" are per phase.

Run as ``python -m bench.worker SPEC.json OUT.json``; SPEC names the operation (see OPS).
The result, with the process's peak RSS, is written to OUT.json.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.queries import QUERIES

REPO = Path(__file__).resolve().parents[1]


def code_digest() -> str:
    """A short hash of index/ as it is now, so a run can tell if the code changed under it."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "index").rglob("*.py")):
        digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(folder: str) -> list[Path]:
    return sorted(Path(folder).glob("*.jsonl"))


def _progress(label: str) -> Callable[[int, int, str], None]:
    started = time.perf_counter()
    last = [started]

    def report(done: int, total: int, _name: str) -> None:
        now = time.perf_counter()
        if now - last[0] >= 15 or done == total:
            last[0] = now
            print(f"  {label}: {done}/{total} files, {now - started:.0f} s", file=sys.stderr)

    return report


def ingest_parallax(spec: dict[str, Any]) -> dict[str, Any]:
    from index.ingest import add_inputs
    from index.library import Library

    started = time.perf_counter()
    with Library(spec["library"]) as lib:
        report = add_inputs(lib, [spec["jsonl"]], progress=_progress("parallax ingest"))
        seconds = time.perf_counter() - started
        count = lib.store.count()
        segments = len(lib.index.ix._segments())
    return {
        "seconds": seconds,
        "added": len(report.added),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "failures": [f["error"] for f in report.failed[:5]],
        "stored": count,
        "segments": segments,
    }


def ingest_fts5(spec: dict[str, Any]) -> dict[str, Any]:
    from bench import fts5

    started = time.perf_counter()
    conn = fts5.connect(Path(spec["database"]))
    count = fts5.ingest(conn, _files(spec["jsonl"]))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - started
    conn.close()
    return {"seconds": seconds, "added": count, "stored": count}


def check_index(spec: dict[str, Any]) -> dict[str, Any]:
    """Would ``SearchIndex.open()`` keep this index? It silently rebuilds one it cannot use
    (missing, damaged, or another schema: e.g. index/ changed since the ingest)."""
    from whoosh import index as whoosh_index

    from index.search_index import build_schema

    path = Path(spec["library"]) / "search-index"
    try:
        ix = whoosh_index.open_dir(path)
        ours, theirs = set(build_schema().names()), set(ix.schema.names())
        if ours != theirs:
            return {"ok": False, "problem": f"schema differs: {sorted(ours ^ theirs)}"}
        ix.reader().close()
    except Exception as error:  # noqa: BLE001 - report whatever open() would swallow
        return {"ok": False, "problem": f"{type(error).__name__}: {error}"}
    return {"ok": True, "problem": ""}


def _runner(spec: dict[str, Any]) -> tuple[Callable[[int], tuple[int, int]], Callable[[], None]]:
    """(run query number i -> (total, hits), close) for the spec's engine, opened now."""
    if spec["engine"] == "parallax":
        from index.library import Library
        from index.search import search

        lib = Library(spec["library"])

        def run(i: int) -> tuple[int, int]:
            result = search(lib, QUERIES[i].parallax, limit=spec["limit"])
            return result.total, len(result.hits)

        return run, lib.close
    from bench import fts5

    conn = fts5.connect(Path(spec["database"]))

    def run_fts5(i: int) -> tuple[int, int]:
        q = QUERIES[i]
        result = fts5.search(conn, q.fts5, q.fts5_where, limit=spec["limit"])
        return result["total"], len(result["hits"])

    return run_fts5, conn.close


def _import_engine(engine: str) -> None:
    """Import the engine's modules before timing (imports are startup, not search)."""
    if engine == "parallax":
        import index.library  # noqa: F401
        import index.search  # noqa: F401
    else:
        import bench.fts5  # noqa: F401


def search_cold(spec: dict[str, Any]) -> dict[str, Any]:
    """Open the library and run one query, once: the first search of a fresh process."""
    _import_engine(spec["engine"])
    started = time.perf_counter()
    run, close = _runner(spec)
    opened = time.perf_counter()
    total, hits = run(spec["query"])
    done = time.perf_counter()
    close()
    return {
        "open_ms": (opened - started) * 1e3,
        "ms": (done - opened) * 1e3,
        "total": total,
        "hits": hits,
    }


def search_warm(spec: dict[str, Any]) -> dict[str, Any]:
    """One first pass over the mix (timed apart), then ``repeats`` timed rounds, interleaved."""
    _import_engine(spec["engine"])
    run, close = _runner(spec)
    counts, first = [], []
    for i in range(len(QUERIES)):  # each query's first run: nothing of it kept yet
        started = time.perf_counter()
        counts.append(run(i))
        first.append((time.perf_counter() - started) * 1e3)
    samples: list[list[float]] = [[] for _ in QUERIES]
    for _ in range(spec["repeats"]):
        for i in range(len(QUERIES)):
            started = time.perf_counter()
            run(i)
            samples[i].append((time.perf_counter() - started) * 1e3)
    close()
    return {
        "samples_ms": samples,
        "first_ms": first,
        "median_ms": [statistics.median(s) for s in samples],
        "totals": [c[0] for c in counts],
        "hits": [c[1] for c in counts],
    }


OPS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "ingest_parallax": ingest_parallax,
    "ingest_fts5": ingest_fts5,
    "search_cold": search_cold,
    "search_warm": search_warm,
    "check_index": check_index,
}


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[0]).read_text())
    result = OPS[spec["op"]](spec)
    result["peak_rss_mb"] = peak_rss_mb()
    result["index_code"] = code_digest()
    Path(argv[1]).write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
