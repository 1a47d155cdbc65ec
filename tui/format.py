"""Small display formats, free of Textual so the CLI can use them."""

from __future__ import annotations

import sys

_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def print_json(data: object) -> None:
    """``data`` as indented JSON on standard output, non-ASCII kept as it is."""
    import json  # not on the reader's start-up path

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def display_date(iso: str) -> str:
    """ISO dates as stored; a partial ``--MM-DD`` (year unknown) as ``Jul 28``."""
    if iso.startswith("--") and len(iso) == 7:
        month, day = int(iso[2:4]), int(iso[5:7])
        return f"{_MONTH_NAMES[month - 1]} {day}"
    return iso


def plural(count: int, noun: str, nouns: str = "") -> str:
    """``1 article``, ``2 articles`` (``nouns`` for irregular plurals: story, stories)."""
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"
