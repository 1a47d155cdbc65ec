"""Start-up: from the ``parallax`` command to the first painted screen, in a pseudo-terminal.

The reader is started in a pty (as a terminal would), and the clock stops when the screen's
first frame carries the library summary. Medians over several runs; the baselines in the same
run, interleaved with it, are a bare ``python -c pass`` and a Textual hello-world app, so
interpreter and Textual start-up are visible on their own. Runs use bytecode, as an installed
``parallax`` does (``PYTHONDONTWRITEBYTECODE`` would compile the project on every start).
"""

from __future__ import annotations

import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from index.assets import DEMO_DIR

MARKER = b"articles from"
TIMEOUT_S = 20.0


def time_to_first_paint(command: list[str], env: dict[str, str], marker: bytes = MARKER) -> float:
    """Seconds from spawning ``command`` in a 120x40 pty to ``marker`` on its output."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(command[0], command, env)
    _set_size(fd, 40, 120)
    start = time.perf_counter()
    seen = b""
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen = (seen + chunk)[-65536:]
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"no first paint within {TIMEOUT_S}s: {seen[-300:]!r}")
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


def _set_size(fd: int, rows: int, cols: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def _parallax() -> list[str]:
    script = Path(sys.executable).parent / "parallax"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def measure(library: Path, runs: int) -> dict[str, Any]:
    """Reader first-paint times, in turns with a Textual hello-world (``hello``) so that
    load hits both alike; ``over_hello_s`` is the median of the paired differences."""
    env = {**os.environ, "PARALLAX_LIBRARY": str(library), "TERM": "xterm-256color"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    hello = [sys.executable, str(Path(__file__).with_name("hello.py"))]
    time_to_first_paint(_parallax(), env)  # warm the page cache and write bytecode once
    time_to_first_paint(hello, env)
    reader_times, hello_times = [], []
    for _ in range(runs):
        reader_times.append(time_to_first_paint(_parallax(), env))
        hello_times.append(time_to_first_paint(hello, env))
    pairs = zip(reader_times, hello_times, strict=True)
    return {
        **_summary(reader_times),
        "over_hello_s": statistics.median(r - h for r, h in pairs),
        "hello": _summary(hello_times),
    }


def _summary(times: list[float]) -> dict[str, float]:
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def python_baseline(runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def demo_library(folder: Path) -> Path:
    library = folder / "demo-library"
    if not (library / "library.sqlite3").exists():
        subprocess.run(
            [*_parallax(), "--library", str(library), "add", str(DEMO_DIR)],
            check=True,
            capture_output=True,
        )
    return library


def run(args: Any) -> dict[str, Any]:
    """The section: median start-up on the demo library, beside the bare interpreter."""
    import tempfile

    from bench import report

    runs = 5 if args.quick else 11
    with tempfile.TemporaryDirectory(prefix="parallax-startup-") as tmp:
        print("startup: demo library", file=sys.stderr, flush=True)
        results: dict[str, Any] = {
            "python_baseline_s": python_baseline(runs),
            "demo": measure(demo_library(Path(tmp)), runs),
        }
    report.print_startup(results)
    return results
