"""Start the reader: open the library, then hand it to the Textual app."""

from __future__ import annotations


def run_reader(library_path: str | None) -> int:
    from index.library import Library
    from tui.app import ParallaxApp

    with Library(library_path) as library:
        ParallaxApp(library).run()
    return 0
