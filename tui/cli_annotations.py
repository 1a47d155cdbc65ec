"""``parallax annotate`` and ``parallax annotations [import FILE | export --format F]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui.format import plural, print_json

USER_HELP = "who annotates (default: $PARALLAX_USER, else the login name)"


def register(commands: Any) -> None:
    """Add the annotation subcommands to the ``parallax`` parser."""
    annotate = commands.add_parser("annotate", help="label a passage of an article")
    annotate.add_argument("id", metavar="ID", help="article id or unique prefix")
    annotate.add_argument("--quote", metavar="TEXT", help="the passage, as it is in the article")
    annotate.add_argument("--paragraph", type=int, metavar="N", help="paragraph index")
    annotate.add_argument("--start", type=int, metavar="S", help="first character in it")
    annotate.add_argument("--end", type=int, metavar="E", help="character after the last")
    annotate.add_argument("--label", required=True, metavar="L")
    annotate.add_argument("--note", default="", metavar="T")
    annotate.add_argument("--user", metavar="U", help=USER_HELP)
    annotate.add_argument("--json", action="store_true")

    listing = commands.add_parser("annotations", help="list, import or export annotations")
    listing.add_argument("--article", metavar="ID", help="only this article's")
    listing.add_argument("--json", action="store_true")
    actions = listing.add_subparsers(dest="action", metavar="ACTION")
    # Options a subcommand repeats default to "absent", so the parent's value survives.
    keep = argparse.SUPPRESS
    load = actions.add_parser("import", help="import JSONL or W3C JSON-LD annotations")
    load.add_argument("file", metavar="FILE", help="a file, or - for standard input")
    load.add_argument("--user", metavar="U", help="for annotations that name none; " + USER_HELP)
    load.add_argument("--json", action="store_true", default=keep)
    save = actions.add_parser("export", help="export as W3C JSON-LD, brat standoff or CSV")
    save.add_argument("--format", choices=("w3c", "brat", "csv"), required=True)
    save.add_argument("--out", metavar="FILE", help="file (default: standard output); brat: folder")
    save.add_argument("--article", metavar="ID", default=keep, help="only this article's")


def _notes(library: Any) -> Any:
    from index.annotation_store import AnnotationStore

    return AnnotationStore(library.store)


def cmd_annotate(args: argparse.Namespace, library: Any) -> int:
    from index.annotations import find_quote

    article = library.resolve(args.id)
    offsets = (args.start, args.end)
    if args.quote and offsets == (None, None):
        where = find_quote(article.paragraphs, args.quote, args.paragraph)
    elif not args.quote and None not in (args.paragraph, *offsets):
        where = (args.paragraph, args.start, args.end)
    else:
        raise ValueError("give --quote TEXT, or --paragraph N --start S --end E")
    made = _notes(library).create(
        article.id, *where, label=args.label, note=args.note, user=args.user
    )
    if args.json:
        print_json(made.to_json())
    else:
        print(_line(made))
    return 0


def cmd_annotations(args: argparse.Namespace, library: Any) -> int:
    if args.action == "import":
        return _import(args, library)
    article = library.resolve(args.article).id if args.article else None
    found = _notes(library).listing(article=article)
    if args.action == "export":
        return _export(args, library, found)
    if args.json:
        print_json([a.to_json() for a in found])
        return 0
    for a in found:
        print(_line(a))
    print(plural(len(found), "annotation"), file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, library: Any) -> int:
    from index.annotation_formats import read_import
    from index.textclean import strip_controls as clean

    name = "<stdin>" if args.file == "-" else args.file
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    drafts, failed = read_import(text)
    report = _notes(library).add([d for _, d in drafts], user=args.user)
    failed = sorted(failed + [(drafts[at][0], error) for at, error in report.failed])
    for number, error in failed:
        print(f"parallax: {clean(name)}:{number}: {clean(error)}", file=sys.stderr)
    orphans = sum(a.orphan for a in report.added)
    if getattr(args, "json", False):
        print_json(
            {
                "imported": len(report.added),
                "orphans": orphans,
                "skipped": len(report.skipped),
                "failed": [{"line": n, "error": e} for n, e in failed],
            }
        )
    else:
        print(
            f"imported {plural(len(report.added), 'annotation')} ({orphans} orphaned), "
            f"{len(report.skipped)} already there, {len(failed)} failed",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _export(args: argparse.Namespace, library: Any, found: list[Any]) -> int:
    from index import annotation_formats, w3c

    ids = list(dict.fromkeys(a.article for a in found))
    texts = {a.id: a.paragraphs for a in library.store.get_many(ids)}
    out = Path(args.out) if args.out else None
    if args.format == "brat":
        folder = out is not None and (
            out.is_dir() or args.out.endswith(("/", "\\")) or (not out.exists() and not out.suffix)
        )  # a folder: one that exists, ends with a slash, or a new name without extension
        return _export_brat(found, ids, texts, out, folder=folder)
    if args.format == "w3c":
        data = json.dumps(w3c.collection(found, texts), ensure_ascii=False, indent=2) + "\n"
    else:
        from io import StringIO

        buffer = StringIO()
        annotation_formats.write_csv(found, buffer)
        data = buffer.getvalue()
    _write(out, data)
    print(f"exported {plural(len(found), 'annotation')}", file=sys.stderr)
    return 0


def _export_brat(
    found: list[Any], ids: list[str], texts: dict[str, Any], out: Path | None, *, folder: bool
) -> int:
    from index.annotation_formats import brat

    orphans = sum(a.orphan for a in found)
    if out is not None and folder:
        out.mkdir(parents=True, exist_ok=True)
        for article in ids:
            text, ann = brat([a for a in found if a.article == article], texts[article])
            (out / f"{article}.txt").write_text(text, encoding="utf-8")
            (out / f"{article}.ann").write_text(ann, encoding="utf-8")
    elif len(ids) <= 1:
        _write(out, brat(found, texts[ids[0]])[1] if ids else "")
    else:
        raise ValueError("brat export of several articles needs --out FOLDER/ (or --article ID)")
    placed = plural(len(found) - orphans, "annotation")
    print(f"exported {placed} in {plural(len(ids), 'article')}; {orphans} orphans left out",
          file=sys.stderr)  # fmt: skip
    return 0


def _write(out: Path | None, data: str) -> None:
    if out is None:
        sys.stdout.write(data)
    else:
        out.write_text(data, encoding="utf-8", newline="")


def _line(a: Any) -> str:
    from index.textclean import strip_controls as clean

    where = "orphan" if a.orphan else f"¶{a.paragraph} {a.start}-{a.end}"
    note = f"  ({a.note})" if a.note else ""
    line = f"{a.id[:8]}  {a.article[:8]}  {where:<12} {a.user:<10} {a.label}: “{a.exact}”{note}"
    return clean(line).replace("\n", " ")


HANDLERS = {"annotate": cmd_annotate, "annotations": cmd_annotations}
