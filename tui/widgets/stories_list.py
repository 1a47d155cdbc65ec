"""The start screen's stories: events told by several outlets, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.keys import with_ids
from tui.safe import inert

if TYPE_CHECKING:
    from index.story_store import StoryRow


def _story_option(story: StoryRow) -> Option:
    outlets = " · ".join(story.outlets) or "unknown outlets"
    count = len(story.articles)
    meta = Content.assemble(
        inert(f"{count} articles", "bold"), Content("  "), inert(outlets, "dim")
    )
    return Option(Content("\n").join([inert(story.title, "bold"), meta]), id=story.articles[0])


class StoriesList(OptionList, inherit_bindings=False):
    """Stories as options whose id is one of the story's articles (to open its split view)."""

    HELP = """
## Stories

Articles about the same event, grouped as they were added. `enter` (or `s`) opens the story
side by side, one column per outlet. `tab` / `shift+tab` move between the search box,
stories and articles.
"""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="stories_down"),
        Binding("k", "cursor_up", "Up", show=False, id="stories_up"),
        *with_ids(OptionList.BINDINGS, "stories"),
    ]

    def show_stories(self, stories: list[StoryRow]) -> None:
        """Replace the list; hidden when there is no story with two or more articles."""
        self.clear_options()
        options: list[Option | None] = []
        for story in stories:
            if options:
                options.append(None)
            options.append(_story_option(story))
        self.add_options(options)
        self.highlighted = 0 if stories else None
        self.set_class(bool(stories), "-has-stories")
        self.border_title = f"Stories ({len(stories)})" if stories else ""
