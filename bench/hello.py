"""A Textual hello-world: the floor for the reader's start-up, timed the same way."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello: 0 articles from 0 outlets")


if __name__ == "__main__":
    Hello().run()
