"""``parallax stories``, ``parallax story move|merge|split`` and ``parallax align``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.format import plural, print_json


def register(commands: Any) -> None:
    """Add the story and alignment subcommands to the ``parallax`` parser."""
    stories = commands.add_parser("stories", help="list stories: articles on the same event")
    stories.add_argument("--all", action="store_true", help="include one-article stories")
    stories.add_argument("--json", action="store_true")

    story = commands.add_parser("story", help="move articles between stories, merge, split")
    actions = story.add_subparsers(dest="action", metavar="ACTION", required=True)
    move = actions.add_parser("move", help="move articles to a story (or a new one)")
    move.add_argument("articles", nargs="+", metavar="ARTICLE")
    move.add_argument("--to", required=True, metavar="SID", help="story id, or 'new'")
    merge = actions.add_parser("merge", help="merge stories into the first one")
    merge.add_argument("stories", nargs="+", metavar="SID")
    split = actions.add_parser("split", help="move some articles of a story into a new story")
    split.add_argument("story", metavar="SID")
    split.add_argument("articles", nargs="+", metavar="ARTICLE")

    align = commands.add_parser("align", help="align the paragraphs of a story's articles")
    align.add_argument("ids", nargs="*", metavar="ID")
    align.add_argument("--story", metavar="SID", help="align every article of this story")
    align.add_argument("--json", action="store_true")


def group_after_add(library: Any) -> None:
    """Put newly added articles into stories (errors here never lose the added articles)."""
    from index.stories import group_new

    group_new(library)


def _stories(library: Any) -> Any:
    from index.story_store import StoryStore

    return StoryStore(library.store)


def resolve_story(stories: Any, prefix: str) -> str:
    found = stories.resolve(prefix.strip().lower())
    if not found:
        raise KeyError(f"no story with id {prefix!r}")
    if len(found) > 1 and prefix not in found:
        raise KeyError(f"story id prefix {prefix!r} matches several stories")
    return prefix if prefix in found else str(found[0])


def cmd_stories(args: argparse.Namespace, library: Any) -> int:
    group_after_add(library)  # articles from before stories existed get grouped once
    rows = _stories(library).listing(min_articles=1 if args.all else 2)
    if args.json:
        print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        print(
            f"{row.id[:8]}  {len(row.articles)} articles  {', '.join(row.outlets)}\n  {row.title}"
        )
    print(plural(len(rows), "story", "stories"), file=sys.stderr)
    return 0


def cmd_story(args: argparse.Namespace, library: Any) -> int:
    stories = _stories(library)
    if args.action == "move":
        ids = [library.resolve(a).id for a in args.articles]
        target = None if args.to == "new" else resolve_story(stories, args.to)
        story_id = stories.move(ids, target, title=library.get(ids[0]).title)
        print(f"moved {plural(len(ids), 'article')} to story {story_id[:8]}")
    elif args.action == "merge":
        ids = [resolve_story(stories, s) for s in args.stories]
        members = [a for sid in ids[1:] for a in stories.members(sid)]
        stories.move(members, ids[0])
        stories.pin_story(ids[0])
        print(f"merged {plural(len(ids) - 1, 'story', 'stories')} into {ids[0][:8]}")
    else:
        source = resolve_story(stories, args.story)
        ids = [library.resolve(a).id for a in args.articles]
        outside = [a for a in ids if a not in stories.members(source)]
        if outside:
            raise KeyError(f"article {outside[0][:8]} is not in story {source[:8]}")
        stories.pin_story(source)
        story_id = stories.move(ids, None, title=library.get(ids[0]).title)
        print(f"split {plural(len(ids), 'article')} into new story {story_id[:8]}")
    return 0


def cmd_align(args: argparse.Namespace, library: Any) -> int:
    from index.align import align

    if args.story:
        stories = _stories(library)
        ids = stories.members(resolve_story(stories, args.story))
    else:
        ids = [library.resolve(i).id for i in args.ids]
    if len(ids) < 2:
        raise ValueError("align needs two or more articles (IDs or --story SID)")
    alignment = align(library.store.get_many(ids))
    if args.json:
        print_json(alignment.to_json())
        return 0
    _print_alignment(alignment)
    return 0


def _print_alignment(alignment: Any) -> None:
    for position, article in enumerate(alignment.articles):
        print(f"[{position}] {article.id[:8]}  {article.outlet or '?'}  {article.title}")
    for link in alignment.matches():
        print(f"  {link.a[0]}:¶{link.a[1]:<3} = {link.b[0]}:¶{link.b[1]:<3}  {link.score:.2f}")
    related = len(alignment.links) - len(alignment.matches())
    print(
        f"{plural(len(alignment.matches()), 'match', 'matches')}, {related} related",
        file=sys.stderr,
    )


HANDLERS = {"stories": cmd_stories, "story": cmd_story, "align": cmd_align}
