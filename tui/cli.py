"""The ``parallax`` command: subcommands over the library, or the reader with no subcommand."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from index import __version__
from tui.format import display_date, plural, print_json

if TYPE_CHECKING:
    import argparse

Handler = Callable[["argparse.Namespace"], int]
#: Articles to read for names and claims before saying so (it takes a while).
_NOTE_AT = 20


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare how different outlets cover the same story. "
        "With no command, open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $PARALLAX_LIBRARY, else the user data directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add", help="add articles from files, folders, feeds or URLs")
    add.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    add.add_argument("--outlet", default="", metavar="NAME", help="outlet for every article")
    add.add_argument("--json", action="store_true", help="print a JSON report")

    search = commands.add_parser("search", help="full-text search over the library")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=10, metavar="N")
    search.add_argument("--outlet", default="", metavar="NAME", help="only this outlet")
    search.add_argument("--json", action="store_true")

    show = commands.add_parser("show", help="print one article with its paragraph roles")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")

    articles = commands.add_parser("articles", help="list the library's articles, newest first")
    articles.add_argument("--limit", type=int, default=None, metavar="N")
    articles.add_argument("--json", action="store_true")

    commands.add_parser("reindex", help="rebuild the search index from the database")
    commands.add_parser("demo", help="load the demo corpus if the library is empty")
    from tui import cli_annotations, cli_claims, cli_entities, cli_stories

    cli_stories.register(commands)
    cli_entities.register(commands)
    cli_claims.register(commands)
    cli_annotations.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status and never lets a traceback out."""
    argv = sys.argv[1:] if argv is None else list(argv)
    reader = _reader_only(argv)
    args = build_parser().parse_args(argv) if reader is None else None
    if args is not None and args.command is None:
        reader = (args.library,)
    try:
        if reader is not None:
            from tui.launch import run_reader

            return run_reader(reader[0])
        assert args is not None
        from tui import cli_annotations, cli_claims, cli_entities, cli_stories

        handlers = (
            cli_stories.HANDLERS
            | cli_entities.HANDLERS
            | cli_claims.HANDLERS
            | cli_annotations.HANDLERS
        )
        if args.command in handlers:
            with _open(args) as library:
                return handlers[args.command](args, library)
        return _HANDLERS[args.command](args)
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - one line, never a traceback
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"parallax: {message}", file=sys.stderr)
        return 2


def _reader_only(argv: list[str]) -> tuple[str | None] | None:
    """``(library,)`` when ``argv`` just opens the reader, so start-up skips argparse."""
    if not argv:
        return (None,)
    if len(argv) == 2 and argv[0] == "--library" and not argv[1].startswith("-"):
        return (argv[1],)
    if len(argv) == 1 and argv[0].startswith("--library=") and len(argv[0]) > 10:
        return (argv[0].partition("=")[2],)
    return None


def _open(args: argparse.Namespace) -> Any:
    from index.library import Library

    return Library(args.library)


def after_add(library: Any, article_ids: list[str]) -> None:
    """Group new articles into stories, then read their names and claims (one spaCy pass).

    Each step failing is one line on stderr; the articles themselves are already saved.
    """
    from tui.cli_stories import group_after_add

    steps = (
        ("grouping stories", lambda: group_after_add(library)),
        ("reading names and claims", lambda: language_after_add(library, article_ids)),
    )
    for name, step in steps:
        try:
            step()
        except Exception as error:  # noqa: BLE001 - the added articles are kept
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            print(f"parallax: {name} failed (articles kept): {message}", file=sys.stderr)


def language_after_add(library: Any, article_ids: list[str]) -> int:
    """Names and claims of added or updated articles; a failure here loses no article
    (``parallax entities`` and ``parallax claims`` catch up later)."""
    if not article_ids:
        return 0
    from index.language import extract_language
    from tui.progress import progress_reporter

    if len(article_ids) >= _NOTE_AT:
        print(
            f"reading {plural(len(article_ids), 'article')} for names and claims…", file=sys.stderr
        )
    try:
        with progress_reporter(len(article_ids)) as progress:
            return extract_language(library, article_ids, progress)
    except Exception as error:  # noqa: BLE001 - the add itself succeeded
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"parallax: names and claims not read: {message}", file=sys.stderr)
        return 0


def cmd_add(args: argparse.Namespace) -> int:
    from index.ingest import add_inputs
    from index.textclean import strip_controls as clean
    from tui.progress import progress_reporter

    with _open(args) as library, progress_reporter(len(args.inputs)) as progress:
        report = add_inputs(library, args.inputs, outlet=args.outlet, progress=progress)
        after_add(library, [e["id"] for e in report.added + report.updated])
    for failure in report.failed:
        print(f"parallax: {clean(failure['path'])}: {clean(failure['error'])}", file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    else:
        for entry in report.added:
            print(f"added    {entry['id'][:8]}  {entry['outlet'] or '?':<14} {entry['title']}")
        for entry in report.updated:
            print(f"updated  {entry['id'][:8]}  {entry['outlet'] or '?':<14} {entry['title']}")
        for entry in report.skipped:
            print(f"skipped  {entry['id'][:8]}  {clean(entry['path'])}: {entry['reason']}")
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.skipped)} skipped, {len(report.failed)} failed",
            file=sys.stderr,
        )
    return 1 if report.failed else 0


def cmd_search(args: argparse.Namespace) -> int:
    from index.search import search

    with _open(args) as library:
        result = search(library, " ".join(args.query), limit=args.limit, outlet=args.outlet)
    if args.json:
        print_json(result.to_json())
        return 0
    if result.note:
        print(f"note: {result.note}", file=sys.stderr)
    if result.suggestion:
        print(f"did you mean: {result.suggestion}")
    outlets = ", ".join(f"{k} {v}" for k, v in result.facets["outlet"].items())
    print(plural(result.total, "article") + (f" ({outlets})" if outlets else ""))
    for hit in result.hits:
        print(f"\n{hit.article_id[:8]}  {hit.outlet or '?'}  {hit.date or ''}\n  {hit.title}")
        if hit.snippet:
            print(f"  ¶{hit.paragraph}: {_mark(hit.snippet, hit.highlights)}")
    return 0


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    """Highlights as bold on a terminal, else as *word*."""
    on, off = ("\033[1m", "\033[22m") if sys.stdout.isatty() else ("*", "*")
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + on + text[start:end] + off + text[end:]
    return text


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as library:
        try:
            article = library.resolve(args.id)
        except KeyError as error:
            print(f"parallax: {error.args[0]}", file=sys.stderr)
            return 1
    if args.json:
        print_json(article.to_json())
        return 0
    print(article.title)
    print(" · ".join(x for x in (article.outlet, article.author, article.date, article.url) if x))
    print(f"id {article.id}\n")
    for p in article.paragraphs:
        print(f"[{p.index:>2} {p.role}] {p.text}\n")
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    with _open(args) as library:
        rows = library.store.list_articles(limit=args.limit)
    if args.json:
        keys = ("id", "title", "outlet", "date", "paragraphs", "author", "url", "added")
        print_json([{k: row[k] for k in keys} for row in rows])
        return 0
    for row in rows:
        date = display_date(str(row["date"] or ""))
        print(f"{str(row['id'])[:8]}  {date:<10}  {row['outlet'] or '?':<14} {row['title']}")
    print(plural(len(rows), "article"), file=sys.stderr)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args) as library:
        count = library.reindex()
    print(f"reindexed {count} articles")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from index.assets import DEMO_DIR
    from index.ingest import add_inputs

    with _open(args) as library:
        if library.store.count():
            return 0
        report = add_inputs(library, [str(DEMO_DIR)])
        after_add(library, [e["id"] for e in report.added + report.updated])
        print(f"loaded the demo corpus: {len(report.added)} articles into {library.path}")
    return 1 if report.failed else 0


_HANDLERS: dict[str, Handler] = {
    "add": cmd_add,
    "search": cmd_search,
    "show": cmd_show,
    "articles": cmd_articles,
    "reindex": cmd_reindex,
    "demo": cmd_demo,
}


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["main", "build_parser"]
