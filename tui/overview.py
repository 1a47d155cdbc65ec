"""The library at a glance, for the start screen before any search.

Everything the start screen shows before a search comes from ``load_overview``. Stories go
here too once the core gives them: a ``stories`` field filled in ``load_overview``, shown by
``HomeScreen.show_overview`` in a list inside ``#browse``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.format import plural

if TYPE_CHECKING:
    from index.library import Library

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


def load_overview(library: Library) -> Overview:
    """Read the overview (a few small queries, fast enough for the first paint)."""
    store = library.store
    return Overview(store.count(), store.outlet_count(), store.list_articles(limit=RECENT_LIMIT))
