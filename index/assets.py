"""Where the program's shipped data files live."""

from __future__ import annotations

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
DEMO_DIR = ASSETS_DIR / "demo"
