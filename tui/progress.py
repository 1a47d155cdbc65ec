"""A progress bar on stderr for long ingests, only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from index.ingest import ProgressCallback


@contextmanager
def progress_reporter(inputs: int) -> Iterator[ProgressCallback | None]:
    """Yield a callback that draws a bar, or None when there is nothing worth drawing."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "[progress.description]adding",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("add", total=None)
    started = False

    def update(done: int, total: int, name: str) -> None:
        nonlocal started
        if not started and total >= 20:
            progress.start()
            started = True
        progress.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if started:
            progress.stop()
