"""``parallax claims``: quotes, statements and numbers of articles, compared across outlets."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.format import plural, print_json


def register(commands: Any) -> None:
    """Add the claims subcommand to the ``parallax`` parser."""
    claims = commands.add_parser(
        "claims", help="quotes, statements and numbers, clustered across outlets"
    )
    claims.add_argument("ids", nargs="*", metavar="ID")
    claims.add_argument("--story", metavar="SID", help="every article of this story")
    claims.add_argument("--who", action="store_true", help="who is quoted, by outlet")
    claims.add_argument("--json", action="store_true")


def _article_ids(args: argparse.Namespace, library: Any) -> list[str]:
    if args.story:
        from index.story_store import StoryStore
        from tui.cli_stories import resolve_story

        stories = StoryStore(library.store)
        return list(stories.members(resolve_story(stories, args.story)))
    return [library.resolve(i).id for i in args.ids]


def cmd_claims(args: argparse.Namespace, library: Any) -> int:
    from index.claims import claims_for, extract_claims, who_is_quoted

    ids = _article_ids(args, library)
    if not ids:
        raise ValueError("claims needs article IDs or --story SID")
    extract_claims(library, ids)  # only articles not processed yet; none when read-only
    claims = claims_for(library, ids)
    if args.who:
        table = who_is_quoted(claims)
        if args.json:
            print_json(table)
        else:
            _print_who(table)
        return 0
    if args.json:
        print_json([c.to_json() for c in claims])
        return 0
    _print_clusters(claims)
    return 0


def _print_clusters(claims: list[Any]) -> None:
    clusters: dict[str, list[Any]] = {}
    for claim in claims:
        clusters.setdefault(claim.cluster, []).append(claim)
    shared = [m for m in clusters.values() if len({c.article for c in m}) > 1]
    single = [m for m in clusters.values() if len({c.article for c in m}) == 1]
    for members in shared + single:
        lead = members[0]
        flag = f"  CONFLICT: {lead.conflict}" if lead.conflict else ""
        outlets = len({c.article for c in members})
        print(f"{lead.cluster}  {lead.kind}  {plural(outlets, 'article')}{flag}")
        for claim in members:
            who = f"{claim.speaker} ({claim.cue})" if claim.speaker else "-"
            extra = f"  [{', '.join(claim.differences)}]" if claim.differences else ""
            print(f"  {claim.outlet or '?':<14} ¶{claim.paragraph:<3} {who}: {claim.text}{extra}")
    print(
        f"{plural(len(claims), 'claim')} in {plural(len(clusters), 'cluster')},"
        f" {len(shared)} across articles",
        file=sys.stderr,
    )


def _print_who(table: dict[str, dict[str, int]]) -> None:
    outlets = sorted({o for counts in table.values() for o in counts})
    width = max([len(s) for s in table] + [7])
    print(f"{'speaker':<{width}}  " + "  ".join(f"{o[:12]:>12}" for o in outlets))
    for speaker, counts in table.items():
        cells = "  ".join(f"{counts.get(o, 0) or '':>12}" for o in outlets)
        print(f"{speaker:<{width}}  {cells}")


HANDLERS = {"claims": cmd_claims}
