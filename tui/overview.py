"""The library at a glance, for the start screen before any search.

Everything the start screen shows before a search comes from here: ``load_overview`` (counts
and recent articles, before the first paint) and ``load_stories`` (just after it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.format import plural

if TYPE_CHECKING:
    from index.library import Library
    from index.story_store import StoryRow

#: Recent articles listed on the start screen (newest first).
RECENT_LIMIT = 500


@dataclass(slots=True)
class Overview:
    """Counts and the newest articles (summary rows from ``Store.list_articles``)."""

    articles: int
    outlets: int
    recent: list[dict[str, object]]

    @property
    def summary(self) -> str:
        return (
            f"Parallax · {plural(self.articles, 'article')} from "
            f"{plural(self.outlets, 'outlet')} · newest first"
        )


#: Stories listed on the start screen (newest first).
STORIES_LIMIT = 50


def load_stories(library: Library) -> list[StoryRow]:
    """Stories of two or more articles, newest first; [] for a library from before stories."""
    import sqlite3

    from index.story_store import StoryStore

    try:
        return StoryStore(library.store).listing(limit=STORIES_LIMIT)
    except sqlite3.OperationalError:
        return []


def load_overview(library: Library) -> Overview:
    """Read the overview (a few small queries, fast enough for the first paint)."""
    store = library.store
    return Overview(store.count(), store.outlet_count(), store.list_articles(limit=RECENT_LIMIT))
