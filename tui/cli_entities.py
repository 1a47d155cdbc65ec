"""``parallax entities``: the people, organisations and places named in articles."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.format import plural, print_json

#: Articles read for names before a listing says so on stderr.
_NOTE_AT = 20


def register(commands: Any) -> None:
    """Add the ``entities`` subcommand to the ``parallax`` parser."""
    entities = commands.add_parser(
        "entities", help="people (PERSON), organisations (ORG) and places (PLACE) named"
    )
    entities.add_argument("ids", nargs="*", metavar="ID", help="articles (default: all)")
    entities.add_argument("--story", metavar="SID", help="every article of this story")
    entities.add_argument("--json", action="store_true")


def extract_after_add(library: Any, article_ids: list[str] | None = None) -> int:
    """Find the names in new or changed articles (of ``article_ids``, else all).

    ``parallax add`` reads only what it added; ``parallax entities`` reads the rest of
    what it lists, so a library from before entities catches up when first listed. A
    failure here is one line on stderr: the added articles are stored already.
    """
    from index.entities import extract_entities, pending

    todo = pending(library, article_ids)
    if len(todo) >= _NOTE_AT:
        print(f"reading {plural(len(todo), 'article')} for names…", file=sys.stderr)
    try:
        return extract_entities(library, todo) if todo else 0
    except Exception as error:  # noqa: BLE001 - the add itself succeeded
        print(f"parallax: names not read: {error}", file=sys.stderr)
        return 0


def cmd_entities(args: argparse.Namespace, library: Any) -> int:
    from index.entity_list import entities_for

    if args.story:
        from index.story_store import StoryStore
        from tui.cli_stories import resolve_story

        stories = StoryStore(library.store)
        ids: list[str] | None = stories.members(resolve_story(stories, args.story))
    elif args.ids:
        ids = [library.resolve(i).id for i in args.ids]
    else:
        ids = None
    if not library.read_only:
        extract_after_add(library, ids)
    entities = entities_for(library, ids)
    if args.json:
        print_json([e.to_json() for e in entities])
        return 0
    for entity in entities:
        also = f" ({', '.join(entity.aliases[:4])})" if entity.aliases else ""
        outlets = ", ".join(f"{o or '?'} {n}" for o, n in entity.outlets.items())
        print(f"{entity.type:<6} {len(entity.mentions):>4}  {entity.name}{also}  · {outlets}")
    print(plural(len(entities), "entity", "entities"), file=sys.stderr)
    return 0


HANDLERS = {"entities": cmd_entities}
