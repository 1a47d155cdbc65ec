"""Plain-text tables of the search section: one summary and one per-query table per scale."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from bench.queries import QUERIES

GOAL_WARM_P95_MS = 50.0
GOAL_INGEST_PER_S = 300.0
GOAL_STARTUP_32K_S = 1.0
GOAL_STARTUP_DEMO_S = 0.5

_console = Console(width=120, no_color=True, highlight=False)

# (label, path into an engine's results, number format)
_ROWS: list[tuple[str, tuple[str, ...], str]] = [
    ("documents stored", ("ingest", "stored"), "{:,.0f}"),
    ("ingest time, s", ("ingest", "seconds"), "{:,.1f}"),
    ("ingest, articles/s", ("ingest", "articles_per_s"), "{:,.0f}"),
    ("ingest peak RSS, MB", ("ingest", "peak_rss_mb"), "{:,.0f}"),
    ("index size, MB", ("ingest", "index_mb"), "{:,.1f}"),
    ("SQLite size, MB", ("ingest", "sqlite_mb"), "{:,.1f}"),
    ("open library (cold), ms p50", ("open_ms", "p50"), "{:,.1f}"),
    ("search cold, ms p50", ("cold", "p50"), "{:,.1f}"),
    ("search cold, ms p95", ("cold", "p95"), "{:,.1f}"),
    ("search cold, ms max", ("cold", "max"), "{:,.1f}"),
    ("search warm, ms p50", ("warm", "p50"), "{:,.1f}"),
    ("search warm, ms p95", ("warm", "p95"), "{:,.1f}"),
    ("search warm, ms max", ("warm", "max"), "{:,.1f}"),
    ("first run in warm process, ms p50", ("first", "p50"), "{:,.1f}"),
    ("first run in warm process, ms p95", ("first", "p95"), "{:,.1f}"),
    ("search peak RSS, MB", ("search_rss_mb",), "{:,.0f}"),
]


def _get(data: dict[str, Any], path: tuple[str, ...]) -> float | None:
    """The number at ``path``, or None where that phase did not run."""
    value: Any = data
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return float(value)


def _fmt(fmt: str, value: float | None) -> str:
    return "-" if value is None else fmt.format(value)


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:,.2f}x" if a is not None and b else "-"


def summary_table(scale: dict[str, Any]) -> Table:
    copies = scale["copies"]
    what = "the corpus once" if copies == 1 else f"{copies} copies of the 32k corpus"
    table = Table(
        title=f"Scale {scale['scale']}: {scale['documents']:,} documents ({what})",
        title_justify="left",
        box=box.ASCII,
    )
    for name, justify in (
        ("metric", "left"),
        ("Parallax (Whoosh)", "right"),
        ("FTS5 baseline", "right"),
        ("ratio", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    p, f = scale["parallax"], scale["fts5"]
    for label, path, fmt in _ROWS:
        a, b = _get(p, path), _get(f, path)
        table.add_row(label, _fmt(fmt, a), _fmt(fmt, b), _ratio(a, b))
    table.add_row("index segments", str(p["ingest"]["segments"]), "1 table", "")
    return table


def query_table(scale: dict[str, Any]) -> Table:
    table = Table(
        title=f"Per query, scale {scale['scale']} (matches = total hits; ms = median warm run)",
        title_justify="left",
        box=box.ASCII,
    )
    for name in (
        "kind",
        "query (Parallax syntax)",
        "matches P",
        "matches F",
        "warm P ms",
        "warm F ms",
        "cold P ms",
        "cold F ms",
    ):
        table.add_column(
            name, justify="left" if name in ("kind", "query (Parallax syntax)") else "right"
        )
    missing: list[dict[str, Any]] = [{}] * len(QUERIES)
    parallax = scale["parallax"].get("per_query", missing)
    fts5 = scale["fts5"].get("per_query", missing)
    for q, p, f in zip(QUERIES, parallax, fts5, strict=True):
        cells = [
            _fmt(fmt, d.get(key))
            for key, fmt in (("total", "{:,.0f}"), ("median_ms", "{:.1f}"), ("cold_ms", "{:.1f}"))
            for d in (p, f)
        ]
        table.add_row(q.kind, q.parallax, *cells)
    return table


def goals(scale: dict[str, Any]) -> list[str]:
    """The issue's goals, checked against this scale."""
    p = scale["parallax"]
    lines = []
    rate = p["ingest"]["articles_per_s"]
    ok = "PASS" if rate >= GOAL_INGEST_PER_S else "FAIL"
    lines.append(f"goal ingest >= {GOAL_INGEST_PER_S:.0f} articles/s: {rate:,.0f} -> {ok}")
    if "startup" in p:
        goal = GOAL_STARTUP_32K_S if scale["copies"] == 1 else None
        median = p["startup"]["median_s"]
        verdict = (
            f" (goal < {goal:.1f} s at 32k: {'PASS' if median < goal else 'FAIL'})" if goal else ""
        )
        over = p["startup"].get("over_hello_s")
        beside = f", {over:+.2f} s over a Textual hello-world" if over is not None else ""
        lines.append(
            f"reader start-up to first paint on this library: {median:.2f} s median"
            f"{beside}{verdict}"
        )
    if scale["copies"] > 1 and "warm" in p:
        p95 = p["warm"]["p95"]
        ok = "PASS" if p95 < GOAL_WARM_P95_MS else "FAIL"
        lines.append(f"goal warm search p95 < {GOAL_WARM_P95_MS:.0f} ms at 130k: {p95:.1f} -> {ok}")
    return lines


def notes(scale: dict[str, Any], *, repeats: int) -> list[str]:
    """What the numbers mean, printed under the tables."""
    ingest = scale["parallax"]["ingest"]
    return [f"WARNING: {w}" for w in scale.get("warnings", [])] + [
        "ratio = Parallax / FTS5 (time, size, memory: lower is better; articles/s: higher).",
        f"Parallax skipped {ingest['skipped']:,} documents as duplicates and failed"
        f" {ingest['failed']:,}; FTS5 inserts every line.",
        f"warm: one first pass, then {repeats} timed rounds of the {len(QUERIES)} queries;"
        " p50/p95/max over all timed runs. Parallax keeps decoded postings per searcher"
        ' (bounded), so repeated words are not decoded again; "first run" is each query\'s'
        " first run in that process (words shared with an earlier query already kept).",
        "cold: the first search of a fresh process, on a freshly opened library (OS file cache"
        " warm).",
        "every search: 10 hits with a highlighted snippet, plus total and per-outlet counts.",
    ]


def print_scale(scale: dict[str, Any], *, repeats: int) -> None:
    _console.print(summary_table(scale))
    for line in notes(scale, repeats=repeats):
        _console.print(f"  {line}")
    _console.print()
    _console.print(query_table(scale))
    for line in goals(scale):
        _console.print(line)
    _console.print()


def print_startup(result: dict[str, Any]) -> None:
    """The start-up section: the demo library against the bare interpreter and Textual."""
    table = Table(title="Reader start-up to the first painted screen (120x40 pty)")
    for column in ("library", "median s", "min s", "max s"):
        table.add_column(column, justify="left" if column == "library" else "right")
    table.add_row("bare python -c pass", f"{result['python_baseline_s']:.3f}", "", "")
    rows = [
        ("Textual hello-world", result["demo"].get("hello")),
        ("demo (3 articles)", result["demo"]),
    ]
    for name, times in rows:
        if times:
            table.add_row(
                name, f"{times['median_s']:.3f}", f"{times['min_s']:.3f}", f"{times['max_s']:.3f}"
            )
    demo = result["demo"]
    _console.print(table)
    if "over_hello_s" in demo:
        _console.print(f"Parallax over Textual hello-world: {demo['over_hello_s']:+.3f} s median")
    ok = "PASS" if demo["median_s"] < GOAL_STARTUP_DEMO_S else "FAIL"
    _console.print(
        f"goal start-up < {GOAL_STARTUP_DEMO_S} s median on the demo library: {ok}"
        " (the 32k and 130k libraries are measured in the search section)"
    )
