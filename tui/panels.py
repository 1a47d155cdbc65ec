"""The entities and claims panels on a screen: loading their data, toggling, and answering
what they ask for.

``PanelScreen`` is a mixin for the reader and the split view. The data is read in a worker
(a story's names and claims take a moment) and comes back as a ``PanelsLoaded`` message; the
panels share the right-hand dock, so opening one closes the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.panel_data import PanelData, load_panel_data
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.entity_panel import EntityPanel

if TYPE_CHECKING:
    from textual.app import App

    from index.library import Library

PANEL_BINDINGS = [
    Binding("e", "entities_panel", "Entities", id="entities_panel"),
    Binding("c", "claims_panel", "Claims", id="claims_panel"),
]


class PanelsLoaded(Message):
    """The worker read the panels' data."""

    def __init__(self, data: PanelData) -> None:
        super().__init__()
        self.data = data


def search_library(app: App[object], text: str) -> None:
    """Back to the home screen with ``text`` in the search box (searched as typed)."""
    from tui.screens.home import HomeScreen

    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()
    screen = app.screen
    if isinstance(screen, HomeScreen):
        screen.search_for(text)


if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object


class PanelScreen(_Base):
    """Mixin: call ``start_panels`` once an ``EntityPanel`` and a ``ClaimPanel`` are mounted.

    Every panel sharing the right-hand dock has the class ``-docked``."""

    library: Library
    panel_data: PanelData | None = None

    def start_panels(self, focus: list[str], story: list[str] | None = None) -> None:
        """Read the panels' data for ``focus``; ``story`` None: the first one's story."""
        self._load_panels(focus, story)

    @work(thread=True, exclusive=True, group="panels", exit_on_error=False)
    def _load_panels(self, focus: list[str], story: list[str] | None) -> None:
        from tui.screens.split import story_articles

        try:
            if story is None:
                story = [a.id for a in story_articles(self.library, focus[0])]
            data = load_panel_data(self.library, focus, story)
        except Exception as error:  # noqa: BLE001 - shown in the panels as one line
            message = (str(error) or type(error).__name__).splitlines()[0]
            data = PanelData(focus, {}, error=message)
        self.post_message(PanelsLoaded(data))

    def on_panels_loaded(self, message: PanelsLoaded) -> None:
        data = self.panel_data = message.data
        note = f"Names could not be read: {data.error}" if data.error else ""
        self.query_one(EntityPanel).show(data.entities, data.focus, note)
        self.query_one(ClaimPanel).show(data, note.replace("Names", "Claims"))

    # -- toggling ---------------------------------------------------------------------------

    def open_panel(self, panel: Widget) -> None:
        """Open ``panel`` and go to it, closing the other docked panels; from it, close it."""
        if panel.has_class("-open") and panel.has_focus_within:
            self.close_panel(panel)
            return
        for other in self.query(".-docked"):
            if other is not panel:
                other.remove_class("-open")
        self.panel_closed(None)
        panel.add_class("-open")
        panel.focus()

    def close_panel(self, panel: Widget) -> None:
        panel.remove_class("-open")
        self.panel_closed(panel)
        self.focus_main()

    def panel_closed(self, panel: Widget | None) -> None:
        """A panel closed (None: all): drop what it marked in the text."""

    def focus_main(self) -> None:
        """Give the focus back to the screen's main view."""

    def action_entities_panel(self) -> None:
        self.open_panel(self.query_one(EntityPanel))

    def action_claims_panel(self) -> None:
        self.open_panel(self.query_one(ClaimPanel))

    def on_entity_panel_closed(self) -> None:
        self.close_panel(self.query_one(EntityPanel))

    def on_claim_panel_closed(self) -> None:
        self.close_panel(self.query_one(ClaimPanel))

    def on_entity_panel_search(self, message: EntityPanel.Search) -> None:
        name = message.name.replace('"', " ").strip()
        search_library(self.app, f'"{name}"')
