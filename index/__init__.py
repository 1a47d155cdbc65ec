"""Parallax core: the library, ingest, search. Never imports the UI (see tests/test_layering.py)."""

__version__ = "0.1.0"
