"""Shared fixtures: throwaway libraries, the demo corpus, the shared data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.assets import DEMO_DIR
from index.ingest import add_inputs
from index.library import Library
from index.stories import group_new
from tests.conftest_http import http_server  # noqa: F401 - a shared fixture

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library in a temporary folder."""
    lib = Library(tmp_path / "lib")
    yield lib
    lib.close()


@pytest.fixture
def demo_library(tmp_path: Path) -> Iterator[Library]:
    """A library holding the three seed articles, grouped, with their names and claims."""
    from index.language import extract_language

    lib = Library(tmp_path / "demo")
    report = add_inputs(lib, [str(DEMO_DIR)])
    assert len(report.added) == 3, report.to_json()
    group_new(lib)
    ids = [entry["id"] for entry in report.added]
    extract_language(lib, ids)  # names and claims in one pass, as `parallax add` does
    yield lib
    lib.close()


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the user's real library or config from a test."""
    monkeypatch.setenv("PARALLAX_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


def shared_data(name: str) -> Path:
    """A folder of ../shared/data, or skip the test when it is absent."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
