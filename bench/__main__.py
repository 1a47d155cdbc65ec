"""``python -m bench``: run the benchmark sections, print tables, save bench/results/latest.json.

Sections are named; ``--only NAME`` runs one. Each is a function taking the parsed
arguments, printing its own tables to stdout (progress goes to stderr) and returning a
JSON-able dict. Add a section by adding it to SECTIONS.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import (
    align_bench,
    claims_bench,
    entities_bench,
    nlp_bench,
    search_bench,
    startup,
    stories_bench,
)

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"

SECTIONS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "startup": startup.run,
    "search": search_bench.run,
    "stories": stories_bench.run,
    "align": align_bench.run,
    "claims": claims_bench.run,
    "entities": entities_bench.run,
    "nlp": nlp_bench.run,
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="32k scale only, 3 warm rounds")
    parser.add_argument("--scale", choices=("32k", "130k", "both"), default="both")
    parser.add_argument("--only", choices=sorted(SECTIONS), help="run one section")
    parser.add_argument("--repeats", type=int, default=7, help="warm rounds per query")
    parser.add_argument(
        "--chunk",
        type=int,
        default=1000,
        help="JSONL lines per input file (0 = one file for the whole scale)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    return parser.parse_args(argv)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def environment() -> dict[str, Any]:
    import os

    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "whoosh": _version("whoosh-reloaded"),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [args.only] if args.only else list(SECTIONS)
    results: dict[str, Any] = {
        "environment": environment(),
        "args": vars(args) | {"output": str(args.output)},
        "sections": {},
    }
    for name in names:
        print(f"== bench section: {name}", file=sys.stderr, flush=True)
        results["sections"][name] = SECTIONS[name](args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n")
    print(f"results written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
