"""The Parallax reader: a Textual app over one library."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from index.textclean import strip_controls
from tui.config import Config, animations_wanted, load_config
from tui.screens.home import HomeScreen
from tui.searching import SearchService

if TYPE_CHECKING:
    from index.library import Library


class ParallaxApp(App[None], inherit_bindings=False):
    """Compare how outlets cover the same story, from the keyboard.

    The UI thread reads through ``library``; searches go through ``searching`` (workers).
    """

    TITLE = "Parallax"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True, id="help_quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "palette",
            show=False,
            priority=True,
            tooltip="Open the command palette",
            id="command_palette",
        ),
        Binding("question_mark", "toggle_help", "Help", id="help"),
    ]

    def __init__(self, library: Library, config: Config | None = None) -> None:
        super().__init__()
        self.library = library
        self.searching = SearchService(library.path)
        self.config = config if config is not None else load_config()
        if not animations_wanted(self.config):
            self.animation_level = "none"

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.error:
            self.notify(strip_controls(self.config.error), severity="error", markup=False)

    def get_default_screen(self) -> Screen:
        """The start screen is the first on the stack (no blank screen to compose and paint)."""
        return HomeScreen(self.library, self.searching)

    def on_unmount(self) -> None:
        self.searching.close()

    def action_toggle_help(self) -> None:
        """Show or hide the help panel: the focused pane's HELP and the keys that apply."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Never start a browser on the machine Parallax runs on (it may be a server): show it."""
        self.notify(strip_controls(url), title="Link", timeout=10, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists the same commands as the keys."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Show the keys and help for this pane", self.action_toggle_help)
        if isinstance(screen, HomeScreen):
            yield SystemCommand("Search", "Focus the search box (/)", screen.action_focus_search)
            yield SystemCommand(
                "Outlet filter", "Cycle the outlet filter (o)", screen.action_cycle_outlet
            )
        else:
            yield SystemCommand("Back", "Go back one screen (escape)", self.action_go_back)
        panel = getattr(screen, "action_annotations_panel", None)
        if panel is not None:
            yield SystemCommand("Annotations", "Open the annotations panel (a)", panel)

    def action_go_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
