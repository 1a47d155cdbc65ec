"""Starting the reader: the UI gets a read-only library, created first if missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.library import DB_NAME
from tui import launch
from tui.app import ParallaxApp


def test_reader_opens_a_new_library_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(ParallaxApp, "run", lambda self: seen.append(self.library.read_only))
    folder = tmp_path / "fresh"
    assert launch.run_reader(str(folder)) == 0
    assert (folder / DB_NAME).exists()
    assert seen == [True]
