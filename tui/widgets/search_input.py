"""The search box: Textual's ``Input`` with an id on every key, so a keymap can remap them."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from tui.keys import with_ids


class SearchInput(Input, inherit_bindings=False):
    """Type to search as you go; ``enter`` runs wildcards and spelling suggestions too."""

    HELP = """
## Search box

Type to search the whole library as you go. `enter` also runs wildcards (`econom*`) and
suggests spellings, then moves to the results; `down` goes to the list below without
running them. `escape` clears the search.
"""

    BINDINGS = [
        *with_ids(Input.BINDINGS, "search"),
        Binding("down", "leave", "To the list", show=False, id="search_leave"),
    ]

    def action_leave(self) -> None:
        """Go on to the list below the box (the results, or the stories before a search)."""
        self.screen.focus_next()
