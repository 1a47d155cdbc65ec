"""Metadata fields from front matter and JSON records, taken only when of a sensible type.

A title, outlet or url is a string; authors a string or a list of strings; a date a string,
a date, or a Unix timestamp. Anything else (a list as a title, a dict, a number, null) is
left out, as if the field were missing, rather than turned into text like "['a', 'b']".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

#: Timestamps outside 1970..2100 (in seconds, or milliseconds) are not dates.
_LAST_SECOND = datetime(2100, 1, 1, tzinfo=UTC).timestamp()


def text_field(record: Mapping[str, object], *keys: str) -> str:
    """The first of ``keys`` holding a non-blank string, stripped; else ''."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def author_field(record: Mapping[str, object], *keys: str) -> str:
    """Authors from a string or a list of strings (other items are left out)."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list | tuple):
            names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
            if names:
                return ", ".join(names)
    return ""


def date_field(record: Mapping[str, object], *keys: str) -> str:
    """A date as text: a string as it is, a date or timestamp in ISO form; else ''."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, int | float) and not isinstance(value, bool):
            seconds = value / 1000 if value > _LAST_SECOND else value
            if 0 < seconds < _LAST_SECOND:
                return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
    return ""
