"""Exact date clauses: ISO dates and ``date:>X`` rewritten into what Whoosh's date parser reads.

Whoosh's date grammar has no dashed ISO dates inside a range, so ``date:[2024-07-01 TO
2024-07-31]`` read as the whole of 2024, and it has no ``>``/``<`` at all. Inside ``date:``
clauses (only there: "2024-07-01" in running text stays words) ISO dates become the
compact ``20240701`` it parses exactly, and comparisons become open ranges, whole periods
counted: ``date:>2024-07`` starts in August, ``date:<=2024`` ends on 31 December 2024.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_CLAUSE = re.compile(r"\b(date:\s*)([\[{][^\]}]*[\]}]?|\S+)", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?\b")
_COMPARISON = re.compile(r"^(>=|=>|<=|=<|>|<)((?:19|20)\d\d(?:\d\d(?:\d\d)?)?)$")


def exact_date_clauses(text: str) -> str:
    """``text`` with its ``date:`` clauses in a form the date parser reads exactly."""
    return _CLAUSE.sub(lambda m: m.group(1) + _rewrite(m.group(2)), text)


def _rewrite(value: str) -> str:
    value = _ISO.sub(lambda m: m.group(1) + m.group(2) + (m.group(3) or ""), value)
    comparison = _COMPARISON.match(value)
    if not comparison:
        return value
    relation, period = comparison.groups()
    bounds = _period(period)
    if bounds is None:
        return value
    first, last = bounds
    if relation == ">":
        return f"[{_compact(last + timedelta(days=1))} TO]"
    if relation in (">=", "=>"):
        return f"[{_compact(first)} TO]"
    if relation == "<":
        return f"[TO {_compact(first - timedelta(days=1))}]"
    return f"[TO {_compact(last)}]"


def _period(text: str) -> tuple[date, date] | None:
    """First and last day of a year (YYYY), month (YYYYMM) or day (YYYYMMDD)."""
    try:
        year = int(text[:4])
        if len(text) == 4:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(text[4:6])
        if len(text) == 6:
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), following - timedelta(days=1)
        day = date(year, month, int(text[6:8]))
    except ValueError:
        return None
    return day, day


def _compact(day: date) -> str:
    return day.strftime("%Y%m%d")
