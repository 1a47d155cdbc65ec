"""Warm search latency on an existing library: this tree's index/ against another revision's.

    python -m bench.search_compare LIBRARY [--baseline main] [--repeats 7] [--rounds 2]

Both sides run the query mix (``bench/queries.py``) in their own processes, alternating
round by round so they share the machine's load; the baseline's index/ comes from
``git archive``. Prints p50/p95 per query and over all samples (wall clock, like the
bench's "warm"), and flags queries whose totals, facets or hits differ. The library must
have been built by code with the same index schema, or a side would rebuild it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

from bench.queries import QUERIES
from bench.search_bench import percentile

REPO = Path(__file__).resolve().parents[1]


def worker(library: str, repeats: int, out: str) -> None:
    """One side: an untimed pass (kept for comparing answers), then timed rounds."""
    from index.library import Library
    from index.search import search

    lib = Library(library)
    answers = []
    for q in QUERIES:
        r = search(lib, q.parallax, limit=10)
        answers.append([r.total, r.facets, [(h.article_id, round(h.score, 9)) for h in r.hits]])
    samples: list[list[float]] = [[] for _ in QUERIES]
    for _ in range(repeats):
        for i, q in enumerate(QUERIES):
            started = time.perf_counter()
            search(lib, q.parallax, limit=10)
            samples[i].append((time.perf_counter() - started) * 1e3)
    lib.close()
    Path(out).write_text(json.dumps({"answers": answers, "samples": samples}))


def _baseline_tree(revision: str, folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", revision, "index"], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def _run(tree: Path, library: str, repeats: int, out: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), str(REPO)])}
    command = [sys.executable, "-m", "bench.search_compare", "--worker", library, str(repeats)]
    subprocess.run([*command, str(out)], cwd=tree, env=env, check=True)
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_compare", description=__doc__)
    parser.add_argument("library")
    parser.add_argument("--baseline", default="main", help="git revision to compare against")
    parser.add_argument("--repeats", type=int, default=7, help="timed rounds per process")
    parser.add_argument("--rounds", type=int, default=2, help="processes per side")
    args = parser.parse_args(argv)
    samples: dict[str, list[list[float]]] = {"base": [[] for _ in QUERIES], "new": []}
    samples["new"] = [[] for _ in QUERIES]
    answers: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="search-compare-") as tmp:
        trees = {"base": _baseline_tree(args.baseline, Path(tmp) / "base"), "new": REPO}
        for _ in range(args.rounds):
            for side, tree in trees.items():
                result = _run(tree, args.library, args.repeats, Path(tmp) / f"{side}.json")
                answers[side] = result["answers"]
                for mine, theirs in zip(samples[side], result["samples"], strict=True):
                    mine.extend(theirs)
    print(f"{'query':36} {'base p50':>9} {'p95':>7} {'new p50':>8} {'p95':>7} {'x p50':>6}  total")
    for i, q in enumerate(QUERIES):
        b, n = samples["base"][i], samples["new"][i]
        same = "" if answers["base"][i] == answers["new"][i] else "  DIFFERS"
        ratio = percentile(b, 50) / percentile(n, 50)
        print(
            f"{q.kind + ' ' + q.parallax:36.36} {percentile(b, 50):9.1f} {percentile(b, 95):7.1f}"
            f" {percentile(n, 50):8.1f} {percentile(n, 95):7.1f} {ratio:6.1f}"
            f"  {answers['new'][i][0]}{same}"
        )
    every = {side: [ms for s in samples[side] for ms in s] for side in samples}
    print(
        f"{'all samples':36} {percentile(every['base'], 50):9.1f}"
        f" {percentile(every['base'], 95):7.1f} {percentile(every['new'], 50):8.1f}"
        f" {percentile(every['new'], 95):7.1f}"
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        sys.exit(0)
    sys.exit(main())
