"""Start the reader: open the library read-only, then hand it to the Textual app."""

from __future__ import annotations

from pathlib import Path


def run_reader(library_path: str | None) -> int:
    from index.library import DB_NAME, Library, default_library_path
    from tui.app import ParallaxApp

    path = Path(library_path).expanduser() if library_path else default_library_path()
    if not (path / DB_NAME).exists():
        Library(path).close()  # a first run: create the empty library
    # The UI thread only reads; the search index is brought up to date in a worker.
    with Library(path, read_only=True) as library:
        ParallaxApp(library).run()
    return 0
