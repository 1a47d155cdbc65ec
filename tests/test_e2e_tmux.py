"""End to end, as a person: the installed ``parallax`` command driven in tmux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PARALLAX = Path(sys.executable).parent / "parallax"

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not PARALLAX.exists(),
    reason="needs tmux and the installed parallax command",
)


class Tmux:
    def __init__(self, session: str) -> None:
        self.session = session

    def keys(self, *keys: str, literal: bool = False) -> None:
        args = ["tmux", "send-keys", "-t", self.session, *(["-l"] if literal else []), *keys]
        subprocess.run(args, check=True)

    def screen(self) -> str:
        out = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.session], capture_output=True, text=True
        )
        return out.stdout

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{self.screen()}")

    def alive(self) -> bool:
        out = subprocess.run(
            ["tmux", "list-panes", "-t", self.session, "-F", "#{pane_dead}"],
            capture_output=True,
            text=True,
        )
        return out.returncode == 0 and out.stdout.strip() == "0"


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    library = tmp_path / "lib"
    env = {**os.environ, "PARALLAX_LIBRARY": str(library)}
    subprocess.run([str(PARALLAX), "demo"], check=True, env=env, capture_output=True)
    session = f"parallax-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "100",
            "-y",
            "30",
            "-e",
            f"PARALLAX_LIBRARY={library}",
            "-e",
            f"XDG_CONFIG_HOME={tmp_path / 'config'}",
            f"{PARALLAX}; sleep 5",
        ],
        check=True,
    )
    subprocess.run(["tmux", "set-option", "-t", session, "remain-on-exit", "on"], check=False)
    yield Tmux(session)
    subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def test_search_open_back_quit(tmux: Tmux) -> None:
    tmux.wait_for("3 articles from 3 outlets")
    time.sleep(0.5)
    tmux.keys("/")
    time.sleep(0.3)  # focus moves on the next refresh, as it would for a person
    tmux.keys("Okinawa", literal=True)
    tmux.wait_for("Antiwar.com 1")
    tmux.keys("Enter")
    time.sleep(0.3)
    tmux.keys("Enter")
    screen = tmux.wait_for("Japan hosts more than 54,000 US troops")
    assert "Antiwar.com · Dave DeCamp" in screen
    tmux.keys("Escape")
    tmux.wait_for("1 article")  # back on the results
    tmux.keys("Escape")  # clear the search: the recent articles return
    tmux.wait_for("Search the library")
    tmux.keys("q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "3 articles from" in tmux.screen():
        time.sleep(0.1)
    assert "3 articles from" not in tmux.screen()
