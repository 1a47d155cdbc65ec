"""The list of articles on the start screen: recent articles, or search hits with snippets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.format import display_date
from tui.keys import with_ids
from tui.safe import inert, with_highlights

if TYPE_CHECKING:
    from index.search import Hit


def _meta_line(outlet: str, date: str) -> Content:
    return Content.assemble(
        inert(outlet or "unknown outlet", "bold"),
        Content("  "),
        inert(display_date(date) or "no date", "dim"),
    )


def _article_option(row: dict[str, object]) -> Option:
    return Option(
        Content("\n").join(
            [
                inert(str(row["title"]), "bold"),
                _meta_line(str(row["outlet"] or ""), str(row["date"] or "")),
            ]
        ),
        id=str(row["id"]),
    )


#: Recent articles drawn before the first paint, then per frame after it.
FIRST_BATCH = 40
BATCH = 100


class ResultsList(OptionList, inherit_bindings=False):
    """Articles as options whose id is the article id; every string from an article is inert."""

    HELP = """
## Articles

`up`/`down` (or `j`/`k`) to move, `enter` to open the article.
Search hits show the best matching paragraph, with the search words highlighted.
"""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="results_down"),
        Binding("k", "cursor_up", "Up", show=False, id="results_up"),
        *with_ids(OptionList.BINDINGS, "results"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: Bumped whenever the list is replaced, so batches of an old list stop.
        self._generation = 0

    def _add_spaced(self, options: Iterable[Option], *, more: bool = False) -> None:
        """Options with a separator line between them; ``more``: a batch follows them.

        A batch ends with its separator: one that starts a batch would make the list
        measure all its options again.
        """
        spaced: list[Option | None] = []
        for option in options:
            if spaced:
                spaced.append(None)
            spaced.append(option)
        self.add_options([*spaced, None] if more and spaced else spaced)

    def _replace(self) -> int:
        self.clear_options()
        self._generation += 1
        return self._generation

    def show_articles(self, rows: list[dict[str, object]]) -> None:
        """Recent articles: title, then outlet and date.

        The first screenfuls are drawn at once; the rest follow in batches between frames,
        as hundreds of options would hold the first paint back.
        """
        self._add_article_batch(self._replace(), rows, FIRST_BATCH)
        self.highlighted = 0 if rows else None

    def _add_article_batch(self, generation: int, rows: list[dict[str, object]], size: int) -> None:
        if generation != self._generation:
            return  # the list was replaced meanwhile
        self._add_spaced((_article_option(row) for row in rows[:size]), more=len(rows) > size)
        if len(rows) > size:
            self.call_after_refresh(self._add_article_batch, generation, rows[size:], BATCH)

    def show_hits(self, hits: list[Hit]) -> None:
        """Search hits: title, outlet and date, then the highlighted snippet."""
        self._replace()
        self._add_spaced(
            Option(
                Content("\n").join(
                    [
                        inert(hit.title, "bold"),
                        _meta_line(hit.outlet, hit.date),
                        with_highlights(hit.snippet, hit.highlights, "bold reverse"),
                    ]
                ),
                id=hit.article_id,
            )
            for hit in hits
        )
        self.highlighted = 0 if hits else None
